"""Where letters go: postal addresses come from whichever app records them.

The offline app (above this one) registers a function `fn(user) -> str` from its
AppConfig.ready(); this app never imports it. With no source, or none that knows the person,
the address is "" and the letter page says that no address is recorded.
"""

from collections.abc import Callable

AddressSource = Callable[[object], str]

_sources: list[AddressSource] = []


def register_address_source(fn: AddressSource) -> None:
    """Add a source of postal addresses; the first that answers for a person wins."""
    if fn not in _sources:
        _sources.append(fn)


def unregister_address_source(fn: AddressSource) -> None:
    if fn in _sources:
        _sources.remove(fn)


def postal_address(user) -> str:
    """The person's postal address as recorded, lines separated by newlines, or ""."""
    if user is None:
        return ""
    for source in _sources:
        address = (source(user) or "").strip()
        if address:
            return address
    return ""
