"""Every write to service choice panels: setting up and publishing, bids, members, scoring
and the outcome. Each refuses with `Refusal` (or `NotAllowed`) and writes nothing."""

from .members import (
    guardian_consent_record,
    meeting_add,
    member_accept,
    member_apply,
    member_decline,
    member_invite,
)
from .panels import (
    bid_add,
    criterion_add,
    criterion_remove,
    panel_create,
    panel_decide,
    panel_publish,
    panel_recommend,
)
from .scoring import interest_declare, moderated_total_set, score_bid, scores_submit

__all__ = [
    "bid_add",
    "criterion_add",
    "criterion_remove",
    "guardian_consent_record",
    "interest_declare",
    "meeting_add",
    "member_accept",
    "member_apply",
    "member_decline",
    "member_invite",
    "moderated_total_set",
    "panel_create",
    "panel_decide",
    "panel_publish",
    "panel_recommend",
    "score_bid",
    "scores_submit",
]
