"""Easy read for any app: the wizard's order, Back and Change, pictures and the wording."""

import pytest

from coproduce.common import easy_read, easy_read_pictures
from coproduce.common.easy_read import CHOICE, EMAIL, TEXT, Choice, Step, Wizard
from coproduce.common.plain_language import advise, reading_age

WIZARD = Wizard(
    name="test",
    steps=(
        Step(
            name="mood",
            question="How was it?",
            choices=(Choice("1", "Good", "good"), Choice("2", "Bad", "bad")),
        ),
        Step(name="words", question="Say more.", kind=TEXT, required=False),
        Step(
            name="write",
            question="Can we write to you?",
            kind=CHOICE,
            choices=(Choice("yes", "Yes"), Choice("no", "No")),
        ),
        Step(
            name="email",
            question="What is your email?",
            kind=EMAIL,
            when=lambda answers: answers.get("write") == "yes",
        ),
    ),
)


def test_a_page_asked_only_when_its_condition_holds():
    """The email page is asked only after "yes" to writing."""
    assert [s.name for s in WIZARD.asked({"write": "no"})] == ["mood", "words", "write"]
    assert [s.name for s in WIZARD.asked({"write": "yes"})][-1] == "email"


def test_back_and_next_follow_the_pages_asked():
    """Next and Back skip pages that are not asked."""
    answers = {"write": "no"}
    assert WIZARD.neighbour("words", answers, by=1).name == "write"
    assert WIZARD.neighbour("words", answers, by=-1).name == "mood"
    assert WIZARD.neighbour("write", answers, by=1) is None
    assert WIZARD.neighbour("mood", answers, by=-1) is None


def test_first_missing_counts_a_skipped_page_as_answered():
    """A page answered with nothing is done; one never seen is not."""
    assert WIZARD.first_missing({}).name == "mood"
    assert WIZARD.first_missing({"mood": "1", "words": ""}).name == "write"
    assert WIZARD.first_missing({"mood": "1", "words": "", "write": "no"}) is None


def test_cleaned_checks_every_answer_again_and_drops_pages_not_asked():
    """A bad value kept in the session is caught; an email no longer asked for is dropped."""
    good = {"mood": "1", "words": "", "write": "no", "email": "a@example.org"}
    assert WIZARD.cleaned(good) == {"mood": "1", "words": "", "write": "no"}
    with pytest.raises(ValueError, match="mood"):
        WIZARD.cleaned({**good, "mood": "9"})


def test_step_forms_say_what_to_do_in_easy_words():
    """An empty or wrong answer gets an easy-read error."""
    form = WIZARD.steps[0].form({"answer": ""})
    assert not form.is_valid()
    assert form.errors["answer"] == [str(easy_read.WORDS["choose"])]
    email = WIZARD.steps[3].form({"answer": "not an email"})
    assert not email.is_valid()
    assert email.errors["answer"] == [str(easy_read.WORDS["email"])]


def test_shown_value_uses_the_choice_words():
    """The check page shows "Good", not "1", and says so when nothing was said."""
    assert WIZARD.steps[0].shown_value("1") == "Good"
    assert WIZARD.steps[1].shown_value("") == str(easy_read.WORDS["nothing"])


def test_picture_has_words_unless_the_text_beside_it_says_the_same():
    """A picture is an img with a label, or hidden from screen readers beside its words."""
    shown = str(easy_read.picture("good"))
    assert 'role="img"' in shown and 'aria-label="A happy face"' in shown
    hidden = str(easy_read.picture("good", hidden=True))
    assert 'aria-hidden="true"' in hidden and "aria-label" not in hidden


def test_render_answer_puts_a_picture_beside_each_choice():
    """Choices are GOV.UK radios with the picture inside each label."""
    html = str(easy_read.render_answer(WIZARD.steps[0], WIZARD.steps[0].form()))
    assert html.count("govuk-radios__input") == 2
    assert html.count("easy-read-picture") == 2
    assert "govuk-fieldset__heading" in html


EASY_WORDS = [
    *[str(w) for w in easy_read.WORDS.values()],
    *[easy_read_pictures.alt(name) for name in easy_read_pictures.PICTURES],
]


@pytest.mark.parametrize("text", EASY_WORDS)
def test_easy_read_words_read_at_age_7_or_below(text):
    """Every fixed easy-read phrase and picture description: reading age 7, no jargon."""
    text = text.replace("%(number)s", "1").replace("%(total)s", "5")
    assert (reading_age(text) or 0) <= easy_read.EASY_READ_AGE, text
    assert not advise(text).flags, text
