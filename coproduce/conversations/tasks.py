"""The analysis of a conversation's votes, run by the task worker.

`services.vote_record` asks for it (services.analysis_request) at most once while one waits;
it runs no sooner than a minute after the one before, so a busy conversation is analysed
about once a minute however many votes arrive, and the last votes are always counted. The
results page reads the snapshot it leaves and never runs the maths itself.

The previous run's analysis is kept in this process, so the next run starts warm and keeps
the group numbers where groups persist; a new worker process starts cold, which only costs
time. Services import this module only inside a function: this one imports them.

The app's ready() imports this module in every process, web workers included, so numpy and
the opinion maths (scipy, scikit-learn: about 60 MiB) are imported only where the analysis
runs, in the worker.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone
from django_tasks import task

from . import services
from .models import Conversation, Statement, Vote
from .snapshot_data import snapshot_from

if TYPE_CHECKING:
    import numpy as np

ANALYSIS_EVERY = timedelta(minutes=1)
WARM_KEPT = 8  # conversations whose last analysis this process remembers
FETCH = 100_000

logger = logging.getLogger(__name__)
_warm: OrderedDict[int, object] = OrderedDict()


def analysis_enqueue(conversation_id: int) -> None:
    """Queue the analysis: at once if the last ran over a minute ago, else a minute after it."""
    analysed_at = (
        Conversation.objects.filter(pk=conversation_id)
        .values_list("analysed_at", flat=True)
        .first()
    )
    now = timezone.now()
    job = conversation_analyse
    too_soon = analysed_at is not None and analysed_at + ANALYSIS_EVERY > now
    if too_soon and job.get_backend().supports_defer:
        job = job.using(run_after=analysed_at + ANALYSIS_EVERY)
    job.enqueue(conversation_id)


def vote_arrays(conversation_id: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Participant ids, statement ids and values of every vote in the conversation."""
    import numpy as np

    query = (
        Vote.objects.filter(conversation_id=conversation_id)
        .order_by()
        .values_list("participant_id", "statement_id", "value")
    )
    sql, params = query.query.sql_with_params()
    chunks = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(FETCH):
            chunks.append(np.array(rows, dtype=np.int64))
    if not chunks:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty.astype(np.int8)
    table = np.concatenate(chunks)
    return table[:, 0], table[:, 1], table[:, 2].astype(np.int8)


def analysis_run(conversation_id: int, *, previous=None):
    """The analysis of the conversation's votes now. Votes on statements no longer shown
    still count towards a person being in the conversation, as in Pol.is, but take no part
    in the groups or results."""
    from . import opinion

    participants, statements, values = vote_arrays(conversation_id)
    hidden = list(
        Statement.objects.filter(conversation_id=conversation_id)
        .exclude(status=Statement.Status.SHOWN)
        .values_list("pk", flat=True)
    )
    return opinion.analyse_arrays(
        participants, statements, values, previous=previous, seed=conversation_id, exclude=hidden
    )


@task()
def conversation_analyse(conversation_id: int) -> int:
    """Work out the opinion groups again and keep the result as the conversation's snapshot.
    Returns how many votes it covers."""
    if not services.analysis_start(conversation_id=conversation_id):
        return 0
    previous = _warm.pop(conversation_id, None)
    try:
        analysis = analysis_run(conversation_id, previous=previous)
    except Exception:
        if previous is None:
            raise
        logger.warning("Warm analysis of %s failed; starting cold", conversation_id)
        analysis = analysis_run(conversation_id)
    _warm[conversation_id] = analysis
    while len(_warm) > WARM_KEPT:
        _warm.popitem(last=False)
    services.snapshot_save(conversation_id=conversation_id, data=snapshot_from(analysis))
    return int(analysis.votes)
