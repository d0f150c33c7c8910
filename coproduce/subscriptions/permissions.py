RUN_LETTERS = "subscriptions.run_letters"


def can_run_letters(user) -> bool:
    return user.is_authenticated and user.has_perm(RUN_LETTERS)
