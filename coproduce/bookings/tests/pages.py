"""What the booking page tests share: a client signed in as someone."""

from django.test import Client


def client_for(user) -> Client:
    """A client signed in as `user`, or signed out for None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
