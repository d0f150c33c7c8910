"""Who may see mailings: officers with `mailing.watch_sending` (given to the officer role)."""

WATCH_SENDING = "mailing.watch_sending"


def may_watch(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(WATCH_SENDING))
