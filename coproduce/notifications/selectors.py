def unread_count_for(user) -> int:
    """How many of this person's notifications they have not read yet."""
    return 0
