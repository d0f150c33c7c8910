"""The barrier library: barriers named in every set, linked when they are the same."""

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal
from coproduce.staff.services import audit_record

from .. import barrier_match, permissions
from ..models import Barrier, BarrierTheme
from .events import save_with_free_slug

CURATE = "gatherings.change_barriertheme"


def can_curate(user, barrier: Barrier | None = None) -> bool:
    """Officers look after the library; a session's facilitators link its own barriers."""
    if not permissions.can_take_part(user):
        return False
    if user.has_perm(CURATE):
        return True
    return barrier is not None and permissions.can_manage(user, barrier.treatment.event)


def library_entries() -> list[barrier_match.Entry]:
    """Every entry with the texts it is known by: its name and each barrier linked to it."""
    texts: dict[int, list[str]] = {}
    for pk, name in BarrierTheme.objects.values_list("pk", "name"):
        texts[pk] = [name]
    for theme_id, text in Barrier.objects.filter(theme__isnull=False).values_list(
        "theme_id", "text"
    ):
        texts[theme_id].append(text)
    return [barrier_match.Entry(pk, known) for pk, known in texts.items()]


def suggestions(text: str, *, limit: int = 3) -> list[barrier_match.Match]:
    return barrier_match.rank(text, library_entries())[:limit]


@transaction.atomic
def barrier_link_best(*, barrier: Barrier) -> BarrierTheme | None:
    """Link a new barrier to the entry it clearly matches; leave it for a person if unsure."""
    matches = barrier_match.rank(barrier.text, library_entries(), at_least=barrier_match.LINK_AT)
    if not matches:
        return None
    # Two entries matching equally well means a person should choose.
    if len(matches) > 1 and matches[1].score == matches[0].score:
        return None
    barrier.theme_id = matches[0].key
    barrier.save(update_fields=["theme", "updated_at"])
    return barrier.theme


@transaction.atomic
def barrier_theme_create(*, name: str, by, description: str = "") -> BarrierTheme:
    if not permissions.can_take_part(by):
        raise Refusal(_("Sign in to add to the library."))
    name = " ".join(name.split())[:150]
    if not name:
        raise Refusal(_("Give the barrier a name."))
    existing = BarrierTheme.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    theme = BarrierTheme(name=name, description=description.strip())
    try:
        with transaction.atomic():
            save_with_free_slug(theme, base=slugify(name)[:140] or "barrier")
    except IntegrityError:
        # Someone added the same name a moment ago: theirs is the entry.
        existing = BarrierTheme.objects.filter(name__iexact=name).first()
        if existing is None:
            raise
        return existing
    return theme


@transaction.atomic
def barrier_link(*, barrier: Barrier, theme: BarrierTheme | None, by) -> Barrier:
    """Say which library entry a barrier is (or that it is none of them)."""
    if not can_curate(by, barrier):
        raise Refusal(_("Only the session's facilitators or officers can link barriers."))
    barrier.theme = theme
    barrier.save(update_fields=["theme", "updated_at"])
    return barrier


@transaction.atomic
def barrier_link_new(*, barrier: Barrier, name: str, by) -> Barrier:
    """Start a new library entry for a barrier nobody has named before."""
    if not can_curate(by, barrier):
        raise Refusal(_("Only the session's facilitators or officers can link barriers."))
    theme = barrier_theme_create(name=name or barrier.text, by=by)
    return barrier_link(barrier=barrier, theme=theme, by=by)


@transaction.atomic
def barrier_themes_merge(*, keep: BarrierTheme, merge: BarrierTheme, by) -> BarrierTheme:
    """Two entries turned out to be one barrier: move every link to `keep`."""
    if not can_curate(by):
        raise Refusal(_("Only officers can merge library entries."))
    if keep.pk == merge.pk:
        raise Refusal(_("Choose two different entries."))
    Barrier.objects.filter(theme=merge).update(theme=keep)
    if merge.description and not keep.description:
        keep.description = merge.description
        keep.save(update_fields=["description", "updated_at"])
    audit_record(
        actor=by, action="barriers.merged", target=f"barrier theme {merge.pk} into {keep.pk}"
    )
    merge.delete()
    return keep
