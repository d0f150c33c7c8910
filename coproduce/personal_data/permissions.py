"""Who may answer subject access requests (an officer's permission; see accounts/roles.py)."""

ANSWER_SUBJECT_ACCESS = "personal_data.answer_subject_access"


def can_answer_subject_access(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(ANSWER_SUBJECT_ACCESS)
    )
