"""The only writer of needs: a project's own, and those people ask for on their own from the
matching pages. Matching reads needs and invites people for them; it never writes one."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.people.models import Day, TimeOfDay
from coproduce.places.models import Ward
from coproduce.skills.models import Skill

from ..models import Need, Project
from ..permissions import can_manage_need
from .common import require_manager

MAX_SKILLS = 10


def _ordered(values: Iterable[str], choices) -> list[str]:
    allowed = [value for value, _label in choices]
    chosen = set(values)
    unknown = chosen - set(allowed)
    if unknown:
        raise Refusal(_("Choose days and times from the list."))
    return [value for value in allowed if value in chosen]


@transaction.atomic
def need_create(
    *,
    created_by,
    title: str,
    skills: Iterable[Skill],
    description: str = "",
    days: Iterable[str] = (),
    times: Iterable[str] = (),
    ward: Ward | None = None,
    online_ok: bool = False,
    needs_step_free: bool = False,
) -> Need:
    """Record a need of no project. It has at least one skill and at most MAX_SKILLS, and
    valid days and times; otherwise Refusal, and nothing is written."""
    skills = list(skills)
    if not title.strip():
        raise Refusal(_("Say what is needed."))
    if not skills:
        raise Refusal(_("Choose at least one skill."))
    if len(skills) > MAX_SKILLS:
        raise Refusal(_("Choose %(max)d skills or fewer.") % {"max": MAX_SKILLS})
    need = Need.objects.create(
        created_by=created_by,
        title=title.strip(),
        description=description.strip(),
        days=_ordered(days, Day.choices),
        times=_ordered(times, TimeOfDay.choices),
        ward=ward,
        online_ok=online_ok,
        needs_step_free=needs_step_free,
    )
    need.skills.set(skills)
    return need


@transaction.atomic
def project_need_add(
    *, user, project: Project, title: str, skills, hours: int | None, description: str = ""
) -> Need:
    """A need of the project, which matching can then find people and places for."""
    require_manager(user, project)
    need = Need.objects.create(
        created_by=user,
        project=project,
        title=title.strip(),
        description=description.strip(),
        ward=project.ward,
        hours=hours,
    )
    need.skills.set(skills)
    return need


@transaction.atomic
def need_close(*, need: Need, user) -> Need:
    """Close a need: no more invitations can be sent or accepted. Only whoever asked, or the
    project's owners, may. A need already closed or met stays as it is."""
    if not can_manage_need(user, need):
        raise NotAllowed(_("Only the person who asked can close this."))
    if need.status == Need.Status.OPEN:
        need.status = Need.Status.CLOSED
        need.save(update_fields=["status", "updated_at"])
    return need


@transaction.atomic
def project_need_met(*, user, need: Need) -> Need:
    """The owners say a need is met: it closes, and the project no longer lists it."""
    require_manager(user, need.project)
    need.status = Need.Status.MET
    need.save(update_fields=["status", "updated_at"])
    return need


def need_skills_merge(source: Skill, target: Skill) -> None:
    """When an officer merges two skills, needs asking for the old one ask for the new one.

    Called by skills.services.skill_merge inside its transaction."""
    for need in Need.objects.filter(skills=source):
        need.skills.remove(source)
        need.skills.add(target)
