"""Who may see who is not yet connected: people with the permission (officers, by role)."""

SEE_INSIGHTS = "accounts.see_inclusion_insights"


def can_see(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(SEE_INSIGHTS))
