"""What street conversations hold about a person (see coproduce/personal_data/registry.py).

Entries hold no one's name: the people who spoke are not in the data at all. The only
people linked are the facilitators (the days they ran) and whoever typed an entry in. When
they close their account the days and entries stay, for the council's evidence, without
the link to them.
"""

from coproduce.personal_data.registry import Erasure, declare

declare(
    "streettalk.StreetDay",
    field="facilitator",
    kind="street_conversation_days",
    erase=Erasure.ANONYMISE,
    clear={"facilitator": None},
)
declare(
    "streettalk.StreetEntry",
    field="recorded_by",
    kind="street_conversation_entries_recorded",
    erase=Erasure.ANONYMISE,
    clear={"recorded_by": None},
    private=("vector",),
)
