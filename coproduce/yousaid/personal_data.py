"""What council responses hold about a person (see coproduce/personal_data/registry.py).

A response is a public record of what the council said it would do, so it stays when a person
closes their account. The responses they owned are in their download; on closing, the
response is kept and "a council officer" owns it instead of them. Who wrote a response, who
was asked to own it, and who made each change in its history are cleared.
"""

from coproduce.personal_data.registry import Erasure, declare

from . import services


def _forget_owner(user, choices) -> None:
    services.response_owner_forget(person=user)


declare(
    "yousaid.CouncilResponse",
    field="owner",
    kind="council_responses_owned",
    erase=Erasure.CUSTOM,
    erase_with=_forget_owner,
    reason="A council response is a public record: it stays, owned by a council officer.",
)
declare(
    "yousaid.CouncilResponse",
    field="owner_invited",
    kind="council_responses_offered",
    erase=Erasure.ANONYMISE,
)
declare(
    "yousaid.CouncilResponse",
    field="written_by",
    kind="council_responses_written",
    erase=Erasure.ANONYMISE,
)
declare(
    "yousaid.ResponseChange", field="by", kind="council_response_changes", erase=Erasure.ANONYMISE
)
declare(
    "yousaid.ResponseChange",
    field="person",
    kind="council_response_owner_changes",
    erase=Erasure.ANONYMISE,
)
