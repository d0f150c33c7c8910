from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def normalise_email(email: str | None) -> str | None:
    """Email addresses compare without case: residents type them in many ways.

    None stays None: people registered by an officer who are not online have no address.
    """
    if email is None:
        return None
    return email.strip().lower() or None


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email=normalise_email(username))

    def create_user(self, email: str | None, password: str | None = None, **extra):
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("email_verified_at", timezone.now())
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address.

    What a person says about themselves lives in their profile (the people app); this model
    holds only what signing in and contacting them needs.
    """

    # None for a person registered by an officer or champion who has no email address or does
    # not go online (the offline app); they can add one later and take the account over.
    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the admin site"), default=False)
    email_verified_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("run_group_or_project", _("Can run a group or project")),
            ("moderate_content", _("Can moderate what people post")),
            ("see_inclusion_insights", _("Can see who is not yet connected")),
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]
        # Inactive accounts are few; counts leave them out by looking them up here.
        indexes = [
            models.Index(fields=["id"], condition=models.Q(is_active=False), name="user_inactive")
        ]

    def __str__(self) -> str:
        # Never the email address: str(user) can reach a page. Pages name people through
        # people/naming.py, which also respects who may see the name.
        return self.display_name or str(_("A resident"))

    @property
    def has_email(self) -> bool:
        """True when mail can be sent to this person: an address, and not a closed account."""
        # A closed account keeps a placeholder address (accounts/personal_data.closed_email).
        return bool(self.email) and not self.email.endswith("@closed.invalid")

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name
