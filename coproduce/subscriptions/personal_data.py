"""What buckets of information hold about a person (see coproduce/personal_data/registry.py).

A closing account's subscriber goes, and with it its subscriptions and waiting items.
Subscribers with no account are only an email address; they stop with the "all" link.
"""

from coproduce.personal_data.registry import Erasure, declare

declare("subscriptions.Subscriber", field="user", kind="subscriber", erase=Erasure.DELETE)
declare(
    "subscriptions.Subscription",
    field="subscriber__user",
    kind="subscriptions",
    erase=Erasure.DELETE,
)
declare(
    "subscriptions.Subscription",
    field="added_by",
    kind="subscriptions_set_up_for_others",
    erase=Erasure.ANONYMISE,
)
declare(
    "subscriptions.LetterRun", field="prepared_by", kind="letter_runs_made", erase=Erasure.ANONYMISE
)
declare(
    "subscriptions.LetterRun",
    field="printed_by",
    kind="letter_runs_printed",
    erase=Erasure.ANONYMISE,
)
