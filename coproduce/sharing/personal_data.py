"""What sharing holds about a person (see coproduce/personal_data/registry.py).

A closing account's items, reservations and replies go; funding records stay, unnamed.
"""

from django.db import transaction

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare

from .models import Item, ItemPhoto


def _remove_items(user, choices: ClosingChoices) -> None:
    # The photo files go too, once the deletion is certain (as item_photo_remove does).
    images = [photo.image for photo in ItemPhoto.objects.filter(item__posted_by=user)]
    Item.objects.filter(posted_by=user).delete()
    for image in images:
        transaction.on_commit(lambda image=image: image.delete(save=False))


declare(
    "sharing.FundingOpportunity",
    field="created_by",
    kind="funding_added",
    erase=Erasure.ANONYMISE,
)
declare("sharing.FundingFollow", field="user", kind="funding_followed", erase=Erasure.DELETE)
declare(
    "sharing.FundingApplication",
    field="recorded_by",
    kind="funding_applications",
    erase=Erasure.ANONYMISE,
)
declare(
    "sharing.Item",
    field="posted_by",
    kind="items",
    erase=Erasure.CUSTOM,
    erase_with=_remove_items,
)
declare("sharing.Reservation", field="reserved_by", kind="reservations", erase=Erasure.DELETE)
declare("sharing.ItemReply", field="sender", kind="item_replies", erase=Erasure.DELETE)
