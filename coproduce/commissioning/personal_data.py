"""What service choice panels hold about a person (see coproduce/personal_data/registry.py).

A member's download holds their memberships with their date of birth, reasons for joining,
declarations of interest, scores with reasons, and any carer's consent recorded for them.
When they close their account they leave every panel: on a decided panel their scores stay
anonymised (so the published outcome still adds up), elsewhere everything of theirs goes
(services.members.memberships_erase). Officers' names come off what they recorded.
"""

from coproduce.personal_data.registry import Erasure, declare, row_export

from .models import Member, Panel
from .services.members import memberships_erase


def _export_memberships(user):
    members = (
        Member.objects.filter(user=user)
        .select_related("panel", "consent")
        .prefetch_related("declarations__bid", "scores__bid", "scores__criterion")
        .order_by("pk")
    )
    for member in members:
        consent = getattr(member, "consent", None)
        yield row_export(member) | {
            "panel": member.panel.title,
            "declarations": [
                {"bid": d.bid.bidder, "has_interest": d.has_interest, "details": d.details}
                for d in member.declarations.all()
            ],
            "scores": [
                {
                    "bid": s.bid.bidder,
                    "criterion": s.criterion.title,
                    "score": s.score,
                    "reason": s.reason,
                }
                for s in member.scores.all()
            ],
            "carer_consent": row_export(consent, private=("recorded_by",)) if consent else None,
        }


def _erase_memberships(user, choices) -> None:
    memberships_erase(user=user)


def _stop_running(user, choices) -> None:
    Panel.officers.through.objects.filter(user=user).delete()


declare(
    "commissioning.Member",
    field="user",
    kind="service_choice_panels_joined",
    erase=Erasure.CUSTOM,
    erase_with=_erase_memberships,
    export_with=_export_memberships,
    reason="Scores on a decided panel stay, anonymised, so the published outcome adds up.",
)
declare(
    "commissioning.Panel",
    field="created_by",
    kind="service_choice_panels_set_up",
    erase=Erasure.ANONYMISE,
)
declare(
    "commissioning.Panel",
    field="officers",
    kind="service_choice_panels_run",
    erase=Erasure.CUSTOM,
    erase_with=_stop_running,
)
declare(
    "commissioning.Bid",
    field="recorded_by",
    kind="service_choice_bids_recorded",
    erase=Erasure.ANONYMISE,
    private=("commercial_details",),
)
declare(
    "commissioning.GuardianConsent",
    field="recorded_by",
    kind="carer_consents_recorded",
    erase=Erasure.ANONYMISE,
)
declare(
    "commissioning.ModeratedTotal",
    field="by",
    kind="service_choice_totals_moderated",
    erase=Erasure.ANONYMISE,
)
declare(
    "commissioning.Meeting",
    field="recorded_by",
    kind="service_choice_meetings_recorded",
    erase=Erasure.ANONYMISE,
)
