"""Mystery shopping: a programme of visits and calls to services, the residents who make
them, what they found, and what they are paid back.

A programme names the services to visit or call, a visit guide in plain words, and the
questions (each with an easy-read wording and a picture). Residents sign themselves up as
shoppers (nobody is added by someone else). A shopper may have a carer or advocate who helps:
the supporter is recorded as a supporter, by name, never as the shopper. An officer assigns
each visit; the shopper (or their supporter, or an officer typing in a paper form) records
what they found. Expenses are claimed with the visit and approved by an officer; time
credits are given through the credits app.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.easy_read_pictures import PICTURES
from coproduce.common.models import TimeStampedModel

SCALE_VALUES = (1, 2, 3, 4, 5)
PICTURE_CHOICES = [(name, words) for name, (words, _svg) in PICTURES.items()]


class Programme(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Being set up")
        OPEN = "open", _("Running")
        CLOSED = "closed", _("Finished")

    title = models.CharField(_("title"), max_length=200)
    guide = models.TextField(_("visit guide"))
    services = models.ManyToManyField(
        "services.Service",
        through="ProgrammeService",
        related_name="shopping_programmes",
        verbose_name=_("services"),
    )
    starts_on = models.DateField(_("first day of visits"))
    ends_on = models.DateField(_("last day of visits"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shopping_programmes_run",
    )
    # What shoppers get: expenses up to an amount per visit, and/or time credits per visit.
    expenses_limit = models.DecimalField(
        _("most expenses paid for one visit, in pounds"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
    )
    credit_minutes = models.PositiveIntegerField(
        _("time credits for one visit, in minutes"), default=0
    )
    credit_group = models.ForeignKey(
        "groups.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shopping_programmes_crediting",
        verbose_name=_("group whose time account gives the credits"),
    )

    class Meta:
        ordering = ["-starts_on", "-pk"]
        permissions = [("run_programmes", "Can run mystery shopping programmes")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="shopping_ends_after_starts"
            ),
            models.CheckConstraint(
                condition=Q(credit_minutes=0) | Q(credit_group__isnull=False),
                name="shopping_credits_have_a_group",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def pays_expenses(self) -> bool:
        return self.expenses_limit > 0

    @property
    def gives_credits(self) -> bool:
        return self.credit_minutes > 0


class ProgrammeService(models.Model):
    """A service a programme visits or calls. Its results, once the programme is finished,
    are what the service's owner responds to ("you said, we did": the "shopping" source)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey("services.Service", on_delete=models.CASCADE, related_name="+")
    results_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["programme", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "service"], name="shopping_service_once")
        ]

    def __str__(self) -> str:
        return f"Service {self.service_id} in programme {self.programme_id}"


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("A scale from 1 (very bad) to 5 (very good)")
        YES_NO = "yes_no", _("Yes or no")
        WORDS = "words", _("Words")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(_("kind of question"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    easy_read_text = models.CharField(_("easy-read question"), max_length=200)
    picture = models.CharField(_("picture"), max_length=20, choices=PICTURE_CHOICES)

    class Meta:
        ordering = ["programme", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "position"], name="shopping_question_place"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Shopper(TimeStampedModel):
    """A resident who signed up to a programme themselves, with the date they agreed."""

    class SupporterKind(models.TextChoices):
        NONE = "", _("Nobody helps me")
        CARER = "carer", _("A carer")
        ADVOCATE = "advocate", _("An advocate")
        OTHER = "other", _("Someone else I trust")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="shoppers")
    # Emptied when the person closes their account: the visits they made stay in the results.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="shopping_as_shopper",
    )
    agreed_at = models.DateTimeField(_("agreed to take part"))
    # The supporter is recorded as a supporter, never as the shopper: named by the shopper.
    supporter_kind = models.CharField(
        _("who helps you"), max_length=10, choices=SupporterKind.choices, blank=True
    )
    supporter_name = models.CharField(_("their name"), max_length=120, blank=True)
    has_left = models.BooleanField(default=False)

    class Meta:
        ordering = ["programme", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "person"], name="shopping_shopper_once"),
            models.CheckConstraint(
                condition=Q(supporter_kind="") | ~Q(supporter_name=""),
                name="shopping_supporter_named",
            ),
        ]

    def __str__(self) -> str:
        return f"Shopper {self.pk} on {self.programme_id}"


class Visit(TimeStampedModel):
    """One visit or phone call a shopper is asked to make, and, once done, what they found."""

    class How(models.TextChoices):
        VISIT = "visit", _("Visit in person")
        PHONE = "phone", _("Phone call")

    class Way(models.TextChoices):
        ONLINE = "online", _("Online")
        EASY_READ = "easy_read", _("Online, easy read")
        PAPER = "paper", _("From paper")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="visits")
    shopper = models.ForeignKey(Shopper, on_delete=models.CASCADE, related_name="visits")
    service = models.ForeignKey(
        "services.Service", on_delete=models.CASCADE, related_name="shopping_visits"
    )
    how = models.CharField(_("visit or phone call"), max_length=10, choices=How.choices)
    due_on = models.DateField(_("do it by"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shopping_visits_assigned",
    )
    # Filled in when the visit is recorded.
    done_on = models.DateField(_("day of the visit"), null=True, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    way = models.CharField(max_length=10, choices=Way.choices, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shopping_visits_entered",
    )
    with_supporter = models.BooleanField(_("filled in with a supporter"), default=False)
    supporter_name = models.CharField(_("supporter's name"), max_length=120, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["programme", "service"], name="shopping_visit_service"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(way="paper") | Q(entered_by__isnull=False),
                name="shopping_paper_has_typist",
            ),
        ]

    def __str__(self) -> str:
        return f"Visit {self.pk} to {self.service_id}"

    @property
    def is_done(self) -> bool:
        return self.recorded_at is not None


class Answer(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    yes = models.BooleanField(null=True, blank=True)
    words = models.TextField(blank=True)

    class Meta:
        ordering = ["visit", "question__position", "pk"]
        indexes = [models.Index(fields=["question", "visit"], name="shopping_answer_question")]
        constraints = [
            models.UniqueConstraint(fields=["visit", "question"], name="shopping_answer_once"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1, number__lte=5),
                name="shopping_scale_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"


class Expense(TimeStampedModel):
    """Money a shopper spent on a visit (a bus fare, a coffee), claimed with the visit."""

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Not approved")

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="expense")
    amount = models.DecimalField(_("amount in pounds"), max_digits=7, decimal_places=2)
    what_for = models.CharField(_("what it was for"), max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CLAIMED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shopping_expenses_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="shopping_expense_positive")
        ]

    def __str__(self) -> str:
        return f"£{self.amount} for visit {self.visit_id}"
