"""What time credits hold about a person (see coproduce/personal_data/registry.py).

A credit is the record of a posted time bank transfer, and the ledger must balance: credits
stay, pointing to an account that names no one, as the time bank's own postings do. The
person's choice about credits goes with their account; who confirmed a credit is cleared.
"""

from coproduce.personal_data.registry import Erasure, declare

LEDGER = "A credit records a time bank transfer, and the ledger must balance: it stays."

declare("credits.Credit", field="person", kind="time_credits", erase=Erasure.KEEP, reason=LEDGER)
declare(
    "credits.Credit",
    field="confirmed_by",
    kind="time_credits_confirmed",
    erase=Erasure.ANONYMISE,
)
declare("credits.CreditChoice", field="person", kind="time_credit_choice", erase=Erasure.DELETE)
