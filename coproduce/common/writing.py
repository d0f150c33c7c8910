"""Form helpers for writing that others will read."""

from django.urls import reverse_lazy

PLAIN_LANGUAGE_URL = reverse_lazy("common:plain_language_advice")


def plain_language_attrs(**attrs) -> dict:
    """Widget attributes that turn on plain-language advice beside a field (with JavaScript)."""
    return {"data-plain-language": PLAIN_LANGUAGE_URL, **attrs}
