"""What accounts tell the apps above them, which accounts cannot import."""

from django.dispatch import Signal

# Sent inside the transaction that marks an address as confirmed (at sign-up, or when a
# person moves to a new address), with `user` and `email`. Things sent to that address
# before the account could prove it held it (an invitation, say) may be given to it now.
email_confirmed = Signal()
