"""Services in the Open Referral UK (ORUK 3.0, on HSDS 3.0) shape.

Each model says which ORUK object it stands for. Models that are exported carry a `uuid`,
because ORUK identifiers are strings and must not change when rows are renumbered.
Only public information lives here: a service's contacts are the ones it publishes.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from coproduce.common import week
from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Place

MAX_AGE = 130


def _uuid_field():
    return models.UUIDField(default=uuid.uuid4, unique=True, editable=False)


class Taxonomy(TimeStampedModel):
    """ORUK taxonomy: a vocabulary of terms, such as our service categories."""

    uuid = _uuid_field()
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("web address of the vocabulary"), blank=True)
    version = models.CharField(_("version"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("taxonomies")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(TimeStampedModel):
    """ORUK taxonomy_term: one category, possibly inside a broader one (`parent`)."""

    uuid = _uuid_field()
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="terms", verbose_name=_("vocabulary")
    )
    code = models.SlugField(_("code"), max_length=100)
    term = models.CharField(_("term"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    term_uri = models.URLField(_("web address of the term"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("broader term"),
    )

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"], name="services_term_code_unique_in_taxonomy"
            )
        ]

    def __str__(self) -> str:
        return self.term


class Service(TimeStampedModel):
    """ORUK service: something an organisation offers to residents."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Running")
        TEMPORARILY_CLOSED = "temporarily closed", _("Closed for now")
        INACTIVE = "inactive", _("Not running at the moment")
        DEFUNCT = "defunct", _("Stopped for good")

    uuid = _uuid_field()
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisation that runs it"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what it offers"), blank=True)
    url = models.URLField(_("website"), blank=True)
    # The service's own public address, such as a team inbox; never a person's own.
    email = models.EmailField(_("contact email"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    fees_description = models.TextField(_("what it costs"), blank=True)
    accreditations = models.TextField(_("accreditations"), blank=True)
    is_listed = models.BooleanField(
        _("shown to the public"),
        default=True,
        help_text=_("Hidden services are kept but not shown or exported."),
    )
    places = models.ManyToManyField(Place, through="ServiceAtLocation", related_name="services")
    taxonomy_terms = models.ManyToManyField(
        TaxonomyTerm, through="ServiceTaxonomy", related_name="services"
    )

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["is_listed", "status"], name="service_listed_status")]

    def __str__(self) -> str:
        return self.name


class ServiceAtLocation(TimeStampedModel):
    """ORUK service_at_location: a service offered at one of our places (ORUK location)."""

    uuid = _uuid_field()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="locations")
    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="service_locations", verbose_name=_("place")
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "place"], name="services_service_once_per_place"
            )
        ]
        verbose_name = _("service at a place")
        verbose_name_plural = _("services at places")

    def __str__(self) -> str:
        return f"{self.service} at {self.place}"


class Contact(TimeStampedModel):
    """ORUK contact (with its phone): a contact the service publishes, such as a reception."""

    uuid = _uuid_field()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("job title or team"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name or self.title or self.phone or self.email


class Schedule(TimeStampedModel):
    """ORUK schedule: weekly opening (RFC 5545 WEEKLY rule) of a service, or of a service
    at one place."""

    DAYS = week.ORUK_CODES

    uuid = _uuid_field()
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
    )
    # Comma-separated two-letter days, as in iCalendar: "MO,TU,WE".
    byday = models.CharField(_("days"), max_length=20)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False, service_at_location__isnull=True)
                | Q(service__isnull=True, service_at_location__isnull=False),
                name="services_schedule_of_service_or_location",
            ),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(opens_at__lt=F("closes_at")),
                name="services_schedule_opens_before_it_closes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at or ''}-{self.closes_at or ''}"

    @property
    def days(self) -> list[str]:
        return [d for d in self.byday.split(",") if d]

    @property
    def days_display(self) -> str:
        """'Monday to Friday, Sunday': runs of three or more days are joined with 'to'."""
        # The names are marked for translation in common.week; gettext_lazy translates them.
        names = {day.oruk: _(day.name) for day in week.WEEK}
        parts: list[str] = []
        for first, last, length in week.day_runs(self.days):
            if length >= 3:
                parts.append(
                    _("%(first)s to %(last)s") % {"first": names[first], "last": names[last]}
                )
            else:
                parts.extend(str(names[d]) for d in (first, last)[:length])
        return ", ".join(parts)


class Eligibility(TimeStampedModel):
    """Who can use a service. ORUK 3.0 carries the ages on the service itself."""

    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="eligibility")
    minimum_age = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    description = models.TextField(_("who can use it"), blank=True)

    class Meta:
        verbose_name_plural = _("eligibility")
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=F("maximum_age")),
                name="services_eligibility_ages_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.minimum_age or 0}-{self.maximum_age or ''}"


class CostOption(TimeStampedModel):
    """ORUK cost_option: one price, such as "Free" or "£3 a session for adults"."""

    uuid = _uuid_field()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(_("who or what it is for"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="GBP")
    amount_description = models.CharField(_("what the amount is for"), max_length=200, blank=True)
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="services_cost_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.option or f"{self.amount} {self.currency}"


class ServiceTaxonomy(TimeStampedModel):
    """ORUK attribute: links a service to a taxonomy term."""

    uuid = _uuid_field()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes")
    link_type = models.CharField(
        _("what the term describes"), max_length=50, default="service_type"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["service", "term"], name="services_term_once")
        ]
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")

    def __str__(self) -> str:
        return f"{self.service}: {self.term}"
