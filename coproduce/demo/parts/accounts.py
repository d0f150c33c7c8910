"""One demo account per role, all with the same shared password, for trying the service."""

from base64 import b32decode

from django.contrib.auth.hashers import make_password
from django.utils.text import capfirst

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.accounts.services import user_set_roles
from coproduce.people.services import profile_create
from coproduce.staff.services import totp_device_install

from ..context import DEMO_EMAIL_DOMAIN, DemoContext

# Demo only: every demo staff account's authenticator key, published in the README so anyone
# trying the demo can add it to an app. A real deployment never has a shared key.
DEMO_TOTP_KEY = "DEMODEMODEMODEMODEMODEMODEMODEMO"
DEMO_STAFF_ROLES = (Role.OFFICER, Role.MODERATOR, Role.ADMINISTRATOR)


def email_for(role: Role) -> str:
    return f"{role.value}@{DEMO_EMAIL_DOMAIN}"


def build(ctx: DemoContext) -> None:
    # Hashed once and shared: the same password, so the same hash will do.
    password = make_password(ctx.demo_password)
    ward = ctx.wards[0] if ctx.wards else None
    for role in Role:
        user = User.objects.create(
            email=email_for(role),
            display_name=f"Demo {capfirst(role.value)}",
            password=password,
            email_verified_at=ctx.now,
        )
        user_set_roles(user=user, roles=[role])
        profile_create(user=user, ward=ward)
        if role in DEMO_STAFF_ROLES:
            totp_device_install(user=user, key=b32decode(DEMO_TOTP_KEY).hex())
    ctx.counts["demo accounts"] = len(Role)
    ctx.write(
        "Demo staff accounts ask for a code: add the key "
        f"{DEMO_TOTP_KEY} to an authenticator app (demo only)."
    )


def clear() -> None:
    User.objects.filter(email__in=[email_for(role) for role in Role]).delete()
