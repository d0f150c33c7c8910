"""What mystery shopping holds about a person (see coproduce/personal_data/registry.py).

A shopper's sign-up, visits (with their answers) and expenses are in their download. When
they close their account, the visits they made stay in the results, linked to no one, and
the name of the supporter they gave is removed. Expense claims are payment records and stay.
Programmes they ran, visits they gave out or typed in, and claims they decided stay too,
without their name.
"""

from coproduce.personal_data.registry import Erasure, declare, row_export

from .models import Answer, Visit

PAYMENTS = "An expense claim is a record of money paid, kept for the council's accounts."


def _export_visits(user):
    visits = list(
        Visit.objects.filter(shopper__person=user)
        .select_related("programme", "service")
        .order_by("pk")
    )
    answers: dict[int, list[dict]] = {}
    for answer in Answer.objects.filter(visit__in=visits).select_related("question"):
        answers.setdefault(answer.visit_id, []).append(
            {
                "question": answer.question.text,
                "number": answer.number,
                "yes": answer.yes,
                "words": answer.words,
            }
        )
    for visit in visits:
        yield row_export(visit) | {
            "programme": visit.programme.title,
            "service": visit.service.name,
            "answers": answers.get(visit.pk, []),
        }


declare(
    "shopping.Programme", field="owner", kind="shopping_programmes_run", erase=Erasure.ANONYMISE
)
declare(
    "shopping.Shopper",
    field="person",
    kind="shopping_sign_ups",
    erase=Erasure.ANONYMISE,
    clear={"person": None, "supporter_kind": "", "supporter_name": ""},
)
declare(
    "shopping.Visit",
    field="shopper__person",
    kind="shopping_visits",
    erase=Erasure.ANONYMISE,
    clear={"supporter_name": ""},
    export_with=_export_visits,
)
declare(
    "shopping.Expense",
    field="visit__shopper__person",
    kind="shopping_expenses",
    erase=Erasure.KEEP,
    reason=PAYMENTS,
)
declare(
    "shopping.Visit", field="assigned_by", kind="shopping_visits_given", erase=Erasure.ANONYMISE
)
declare(
    "shopping.Visit", field="entered_by", kind="shopping_paper_typed_in", erase=Erasure.ANONYMISE
)
declare(
    "shopping.Expense",
    field="decided_by",
    kind="shopping_expenses_decided",
    erase=Erasure.ANONYMISE,
)
