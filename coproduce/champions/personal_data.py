"""What street champions holds about a person (see coproduce/personal_data/registry.py).

Applications and roles go with the account: a closed account champions no street. Messages
a person received go too; messages they sent stay with the champion, without the sender.
Officers who answered an application or ended a role are taken off it.
"""

from coproduce.personal_data.registry import Erasure, declare

declare(
    "champions.ChampionApplication",
    field="applicant",
    kind="champion_applications",
    erase=Erasure.DELETE,
)
declare(
    "champions.ChampionApplication",
    field="decided_by",
    kind="champion_applications_answered",
    erase=Erasure.ANONYMISE,
)
declare(
    "champions.StreetChampion", field="champion", kind="street_champion_roles", erase=Erasure.DELETE
)
declare(
    "champions.StreetChampion",
    field="ended_by",
    kind="street_champion_roles_ended",
    erase=Erasure.ANONYMISE,
)
declare(
    "champions.ChampionMessage",
    field="champion",
    kind="champion_messages_received",
    erase=Erasure.DELETE,
)
declare(
    "champions.ChampionMessage",
    field="sender",
    kind="champion_messages_sent",
    erase=Erasure.ANONYMISE,
    clear={"sender": None, "share_email": False},
)
