"""The easy-read way to record a visit: one question a page (coproduce/common/easy_read.py).

The steps are made from the programme's own questions (their easy-read wording and picture),
then who helped and, where the programme pays them, expenses. Sending hands the answers to
the same service the standard form uses. Every fixed string here is checked for a reading
age of 7 or below in the tests (`wizard_for(...).words_to_check()`).
"""

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.common.easy_read import CHOICE, TEXT, Choice, Step, Wizard
from coproduce.common.errors import Refusal

from .models import Programme, Question
from .services import Found

SCALE = (
    Choice("5", gettext_lazy("Very good"), "very_good"),
    Choice("4", gettext_lazy("Good"), "good"),
    Choice("3", gettext_lazy("Okay"), "okay"),
    Choice("2", gettext_lazy("Bad"), "bad"),
    Choice("1", gettext_lazy("Very bad"), "very_bad"),
)
YES_NO = (Choice("yes", gettext_lazy("Yes"), "tick"), Choice("no", gettext_lazy("No")))
DAYS = (Choice("today", gettext_lazy("Today")), Choice("yesterday", gettext_lazy("Yesterday")))

WHEN = gettext_lazy("When did you go or call?")
WHEN_HINT = gettext_lazy("Was it on another day? Use the form with more words.")
HELPED = gettext_lazy("Did someone help you fill this in?")
HELPER = gettext_lazy("What is their name?")
SPENT = gettext_lazy("Did you spend money to go?")
SPENT_HINT = gettext_lazy("Like a bus ticket.")
HOW_MUCH = gettext_lazy("How much did you spend? Write it like 3.50")
WHAT_FOR = gettext_lazy("What did you buy?")


def _said_yes(name: str):
    return lambda answers: answers.get(name) == "yes"


def _question_step(question: Question) -> Step:
    name = f"q{question.pk}"
    if question.kind == Question.Kind.SCALE:
        return Step(name, question.easy_read_text, picture=question.picture, choices=SCALE)
    if question.kind == Question.Kind.YES_NO:
        return Step(name, question.easy_read_text, picture=question.picture, choices=YES_NO)
    return Step(name, question.easy_read_text, picture=question.picture, kind=TEXT)


def wizard_for(programme: Programme) -> Wizard:
    steps = [Step("day", WHEN, picture="eye", hint=WHEN_HINT, kind=CHOICE, choices=DAYS)]
    steps += [_question_step(question) for question in programme.questions.all()]
    steps += [
        Step("helped", HELPED, picture="person", choices=YES_NO),
        Step("helper", HELPER, kind=TEXT, max_length=120, when=_said_yes("helped")),
    ]
    if programme.pays_expenses:
        steps += [
            Step("spent", SPENT, picture="letter", hint=SPENT_HINT, choices=YES_NO),
            Step("amount", HOW_MUCH, kind=TEXT, max_length=10, when=_said_yes("spent")),
            Step("what_for", WHAT_FOR, kind=TEXT, max_length=200, when=_said_yes("spent")),
        ]
    return Wizard(name=f"shopping-{programme.pk}", steps=tuple(steps), title=programme.title)


def found_from(programme: Programme, answers: dict[str, str]) -> Found:
    """The wizard's checked answers as the service takes them."""
    values: dict[int, int | bool | str] = {}
    for question in programme.questions.all():
        raw = answers.get(f"q{question.pk}", "")
        if question.kind == Question.Kind.SCALE:
            values[question.pk] = int(raw)
        elif question.kind == Question.Kind.YES_NO:
            values[question.pk] = raw == "yes"
        else:
            values[question.pk] = raw
    today = timezone.localdate()
    amount = None
    if answers.get("spent") == "yes":
        try:
            amount = Decimal(answers.get("amount", "").replace("£", "").strip())
        except InvalidOperation:
            raise Refusal(_("Write the money like 3.50")) from None
        if amount <= 0 or amount.as_tuple().exponent < -2:
            raise Refusal(_("Write the money like 3.50"))
    return Found(
        answers=values,
        done_on=today if answers.get("day") == "today" else today - timedelta(days=1),
        with_supporter=answers.get("helped") == "yes",
        supporter_name=answers.get("helper", ""),
        expense_amount=amount,
        expense_what_for=answers.get("what_for", ""),
    )
