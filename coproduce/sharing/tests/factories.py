import io
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from coproduce.accounts.tests.factories import UserFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.sharing.models import (
    Funder,
    FundingApplication,
    FundingFollow,
    FundingOpportunity,
    Item,
)


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    kind = Item.Kind.OFFERED
    exchange = Item.Exchange.GIVE
    title = factory.Sequence(lambda n: f"Test Thing {n:04d}")
    description = "Sturdy and clean."
    category = Item.Category.FURNITURE
    condition = Item.Condition.GOOD
    ward = factory.SubFactory(WardFactory)
    where_to_collect = "Blue door by the bakery"
    posted_by = factory.SubFactory(UserFactory)


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    name = factory.Sequence(lambda n: f"Test Funder {n}")


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingOpportunity

    funder = factory.SubFactory(FunderFactory)
    title = factory.Sequence(lambda n: f"Test Fund {n:04d}")
    what_it_funds = "Green spaces."
    min_amount = 500
    max_amount = 5_000
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    borough_wide = True


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingFollow

    user = factory.SubFactory(UserFactory)
    opportunity = factory.SubFactory(OpportunityFactory)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingApplication

    opportunity = factory.SubFactory(OpportunityFactory)
    project_name = "Hazel Park pond"
    recorded_by = factory.SubFactory(UserFactory)
    amount_requested = 1_000


def photo_upload(*, with_gps: bool = False, name: str = "table.jpg") -> SimpleUploadedFile:
    """A small JPEG, optionally carrying EXIF GPS data that must not survive."""
    image = Image.new("RGB", (40, 30), "red")
    out = io.BytesIO()
    if with_gps:
        exif = Image.Exif()
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}
        image.save(out, "JPEG", exif=exif)
    else:
        image.save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def bad_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("notes.jpg", b"this is not a photo", content_type="image/jpeg")
