"""The easy-read questions for feedback on a service (see common/easy_read.py).

Every word here is easy read: a reading age of 7 or below (tested).
"""

from django.utils.translation import gettext_lazy as _

from coproduce.common.easy_read import CHOICE, EMAIL, TEXT, Choice, Step, Wizard
from coproduce.common.easy_read_pictures import RATING_PICTURES

from .models import Feedback, Rating

YES = "yes"
NO = "no"

# Easy-read words for the five points (the standard form says "Very bad" to "Very good"; a
# reading age of 7 asks for shorter words).
RATING_WORDS = {
    Rating.VERY_BAD: _("Not good at all"),
    Rating.BAD: _("Bad"),
    Rating.OKAY: _("OK"),
    Rating.GOOD: _("Good"),
    Rating.VERY_GOOD: _("Great"),
}

RATING_STEP = Step(
    name="rating",
    question=_("How did it go?"),
    picture="talk",
    kind=CHOICE,
    choices=tuple(
        Choice(str(value), RATING_WORDS[value], picture)
        for value, picture in zip(Rating.values, RATING_PICTURES, strict=True)
    ),
)

_YES_NO = (Choice(YES, _("Yes"), "tick"), Choice(NO, _("No")))

#: Words the easy-read pages around the questions show.
START_WORDS = {
    "title": _("Tell us how it went"),
    "intro": _("We want to know how it went for you."),
    "pages": _("There are a few short pages. You can skip some."),
    "safe": _("We keep your words safe."),
    "start": _("Start"),
    "thanks": _("Thank you"),
    "thanks_text": _("We got your words. The people who run it will read them."),
    "back_to": _("Go back to the service"),
}


def wizard_for(*, signed_in: bool) -> Wizard:
    """The questions: someone signed in is also asked about their name and their account."""
    contact = [Choice(NO, _("No")), Choice(Feedback.ContactBy.EMAIL, _("Yes, by email"), "letter")]
    if signed_in:
        contact.insert(1, Choice(Feedback.ContactBy.ACCOUNT, _("Yes, on this website"), "person"))
    steps = [
        RATING_STEP,
        Step(
            name="went_well",
            question=_("What was good?"),
            picture="star",
            kind=TEXT,
            required=False,
        ),
        Step(
            name="could_be_better",
            question=_("What could be better?"),
            picture="better",
            kind=TEXT,
            required=False,
        ),
    ]
    if signed_in:
        steps.append(
            Step(
                name="show_name",
                question=_("Can they see your name?"),
                picture="person",
                hint=_("If you say no, they will not know it was you."),
                choices=_YES_NO,
            )
        )
    steps += [
        Step(
            name="contact_by",
            question=_("Can they write to you about it?"),
            picture="letter",
            choices=tuple(contact),
        ),
        Step(
            name="contact_email",
            question=_("What is your email?"),
            picture="letter",
            kind=EMAIL,
            hint=_("We only use it to write to you about this."),
            when=lambda answers: answers.get("contact_by") == Feedback.ContactBy.EMAIL,
        ),
        Step(
            name="words_public",
            question=_("Can we show your words to all?"),
            picture="eye",
            hint=_("We will not show your name."),
            choices=_YES_NO,
        ),
    ]
    return Wizard(
        name="service_feedback",
        steps=tuple(steps),
        title=START_WORDS["title"],
        extra_words=tuple(START_WORDS.values()),
    )


def as_feedback(answers: dict[str, str]) -> dict:
    """The wizard's answers as the arguments of services.feedback_give."""
    contact_by = answers.get("contact_by", NO)
    return {
        "rating": int(answers["rating"]),
        "went_well": answers.get("went_well", ""),
        "could_be_better": answers.get("could_be_better", ""),
        "show_name": answers.get("show_name") == YES,
        "contact_by": "" if contact_by == NO else contact_by,
        "contact_email": answers.get("contact_email", ""),
        "words_public": answers.get("words_public") == YES,
        "via": Feedback.Via.EASY_READ,
    }
