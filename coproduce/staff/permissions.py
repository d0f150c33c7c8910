"""Who may see the audit log, and whose sign-in needs a second factor."""

SEE_AUDIT_LOG = "staff.see_audit_log"
# Given in accounts/roles.py to officers and moderators (administrators hold every permission).
SIGN_IN_AS_STAFF = "staff.sign_in_as_staff"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_see_audit_log(user) -> bool:
    return _signed_in(user) and user.has_perm(SEE_AUDIT_LOG)


def needs_second_factor(user) -> bool:
    """Staff accounts: a staff role, or the admin site's own flags."""
    return _signed_in(user) and (
        user.is_staff or user.is_superuser or user.has_perm(SIGN_IN_AS_STAFF)
    )


# Given in accounts/roles.py to officers: make API tokens, and write through the API with them.
WRITE_THROUGH_API = "staff.write_through_api"


def can_write_through_api(user) -> bool:
    return _signed_in(user) and user.has_perm(WRITE_THROUGH_API)
