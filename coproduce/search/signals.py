"""Receivers that keep the index current, connected from SearchConfig.ready.

They index after the change commits (transaction.on_commit), so indexing never holds a
writer's locks or turns a saved change into an error. Writes that send no signals
(bulk_create, QuerySet.update, the demo builder) are caught up by `manage.py search_rebuild`.
Finding a thing whose words are stale can never show it to the wrong person: who may see
what is decided when someone searches, not here.
"""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save

from . import indexing
from .kinds import KINDS

log = logging.getLogger(__name__)


def _quietly(work):
    """Run indexing work after commit; a failure is logged, never raised at the person whose
    change has already been saved. `search_rebuild` mends the index."""

    def run():
        try:
            with transaction.atomic():
                work()
        except DatabaseError:
            log.warning("search index not updated", exc_info=True)

    transaction.on_commit(run)


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pk = instance.pk
    _quietly(lambda: _put(sender, pk))


def _put(model, pk):
    kind = next(k for k in KINDS if k.model is model)
    thing = model.objects.select_related(*kind.related).filter(pk=pk).first()
    if thing is not None:
        indexing.entry_put(thing=thing)


def _deleted(sender, instance, **kwargs):
    kind = next(k for k in KINDS if k.model is sender)
    pk = instance.pk
    _quietly(lambda: indexing.entry_drop(kind=kind, object_id=pk))


def _followed_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pk = instance.pk

    def follow():
        changed = sender.objects.filter(pk=pk).first()
        if changed is not None:
            indexing.entries_follow(changed=changed)

    _quietly(follow)


def connect() -> None:
    followed = set()
    for kind in KINDS:
        uid = f"search-{kind.key}"
        post_save.connect(_saved, sender=kind.model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=kind.model, dispatch_uid=uid)
        followed.update(kind.followers)
    for model in followed:
        post_save.connect(_followed_saved, sender=model, dispatch_uid=f"search-follow-{model}")
