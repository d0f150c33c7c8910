"""Who may do what in the toolkit. Everyone reads guides and courses; officers with the
permission write guides; anyone signed in keeps their own progress through a course."""

EDIT_GUIDES = "toolkit.edit_guides"


def can_edit_guides(user) -> bool:
    """Write guides, change them, see their history and bring back an old version."""
    return (
        user is not None and user.is_authenticated and user.is_active and user.has_perm(EDIT_GUIDES)
    )


def can_keep_progress(user) -> bool:
    """Save answers to a course's checks: anyone signed in."""
    return user is not None and user.is_authenticated and user.is_active
