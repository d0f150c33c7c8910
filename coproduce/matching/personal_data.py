"""What matching holds about a person (see coproduce/personal_data/registry.py)."""

from coproduce.personal_data.registry import Erasure, declare

declare("matching.Invitation", field="person", kind="invitations", erase=Erasure.DELETE)
declare(
    "matching.Invitation",
    field="invited_by",
    kind="invitations_sent",
    erase=Erasure.KEEP,
    reason="The invitation is the invited person's record; it names no one once closed.",
)
