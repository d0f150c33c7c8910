"""Things people give or lend to each other, and the reservations and replies about them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Ward


class Item(TimeStampedModel):
    """Something offered or wanted. Its place is a ward, never an address."""

    class Kind(models.TextChoices):
        OFFERED = "offered", _("Offered")
        WANTED = "wanted", _("Wanted")

    class Exchange(models.TextChoices):
        GIVE = "give", _("To give away")
        LEND = "lend", _("To lend")

    class Category(models.TextChoices):
        FURNITURE = "furniture", _("Furniture")
        TOOLS = "tools", _("Tools")
        EQUIPMENT = "equipment", _("Equipment")
        BOOKS = "books", _("Books")
        CLOTHES = "clothes", _("Clothes")
        KITCHEN = "kitchen", _("Kitchen")
        GARDEN = "garden", _("Garden")
        OTHER = "other", _("Other")

    class Condition(models.TextChoices):
        NEW = "new", _("New or as new")
        GOOD = "good", _("Good")
        FAIR = "fair", _("Fair, some wear")
        NEEDS_REPAIR = "needs_repair", _("Needs repair")

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Available")
        RESERVED = "reserved", _("Reserved")
        LENT = "lent", _("On loan")
        COLLECTED = "collected", _("Collected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    kind = models.CharField(_("offered or wanted"), max_length=10, choices=Kind.choices)
    exchange = models.CharField(_("give or lend"), max_length=10, choices=Exchange.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    condition = models.CharField(
        _("condition"), max_length=20, choices=Condition.choices, blank=True
    )
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, related_name="shared_items", verbose_name=_("ward")
    )
    # Shown only to the owner and the person who reserved the item.
    where_to_collect = models.TextField(_("where to collect"), blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shared_items"
    )
    # When set, the group owns the item (the council disposing of furniture, say); its
    # organisers look after it as well as the person who posted it.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="shared_items",
        verbose_name=_("group"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AVAILABLE
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "kind", "-created_at"], name="item_status_kind_new"),
            models.Index(fields=["ward", "status"], name="item_ward_status"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Shown in the list: not yet collected or withdrawn."""
        return self.status in (self.Status.AVAILABLE, self.Status.RESERVED, self.Status.LENT)


def _photo_path(photo: "ItemPhoto", filename: str) -> str:
    # A random name: the uploader's file name can carry personal details.
    return f"sharing/{photo.item_id}/{uuid.uuid4().hex}.{photo.image_format}"


class ItemPhoto(TimeStampedModel):
    """A photo of an item, re-encoded with no EXIF data (no camera location)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=_photo_path, max_length=200)
    image_format = models.CharField(max_length=10, editable=False, default="jpg")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(_("what the photo shows"), max_length=250)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.alt_text


class Reservation(TimeStampedModel):
    """One person's claim on an offered item. At most one is active per item, ever."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Reserved")
        LENT = "lent", _("On loan")
        COLLECTED = "collected", _("Collected")
        RETURNED = "returned", _("Returned")
        RELEASED = "released", _("Released")

    ACTIVE_STATUSES = (Status.ACTIVE, Status.LENT)

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reservations")
    reserved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="item_reservations"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The database itself refuses a second live reservation of one item.
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(status__in=["active", "lent"]),
                name="sharing_one_live_reservation_per_item",
            )
        ]
        indexes = [models.Index(fields=["reserved_by", "status"], name="reservation_person")]

    def __str__(self) -> str:
        return f"{self.item} for {self.reserved_by}"


class ItemReply(TimeStampedModel):
    """Someone offering what a "wanted" post asks for. Contact details only once accepted."""

    class Status(models.TextChoices):
        SENT = "sent", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="replies")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="item_replies"
    )
    message = models.TextField(_("message"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SENT)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "sender"], name="sharing_one_reply_per_person_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"Reply to {self.item}"
