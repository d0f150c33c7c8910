"""Stories for tests."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from coproduce.accounts.tests.factories import UserFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.stories.models import Story


class StoryFactory(factory.django.DjangoModelFactory):
    """A published story (consent given, approved)."""

    class Meta:
        model = Story

    teller = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"The street party that worked ({n})")
    what_happened = "We closed the road for an afternoon and everyone came out."
    who_helped = "The neighbours on our street, and the council's events team."
    what_made_it_work = "Everyone brought one dish."
    could_grow_into = "A party on every street each summer."
    ward = factory.SubFactory(WardFactory)
    consent_given_at = factory.LazyFunction(timezone.now)
    status = Story.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class WaitingStoryFactory(StoryFactory):
    status = Story.Status.WAITING
    published_at = None


class PrivateStoryFactory(StoryFactory):
    status = Story.Status.PRIVATE
    consent_given_at = None
    published_at = None


def photo_upload(name: str = "party.png") -> SimpleUploadedFile:
    """A small real PNG, as a browser would send it."""
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 100, 50)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")
