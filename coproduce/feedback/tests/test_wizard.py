"""The easy-read questions for feedback: their wording and what they turn into."""

import pytest

from coproduce.common.easy_read import EASY_READ_AGE
from coproduce.common.plain_language import advise, reading_age
from coproduce.feedback import wizard
from coproduce.feedback.models import Feedback

WORDS = sorted(
    set(wizard.wizard_for(signed_in=True).words_to_check())
    | set(wizard.wizard_for(signed_in=False).words_to_check())
)


@pytest.mark.parametrize("text", WORDS)
def test_every_easy_read_string_reads_at_age_7_or_below(text):
    """Every question, hint, choice, picture and page word: reading age 7, no jargon."""
    assert (reading_age(text) or 0) <= EASY_READ_AGE, text
    assert not advise(text).flags, text


def test_visitors_are_not_asked_about_their_name_or_account():
    """Without an account there is no name to give and no account to be contacted through."""
    steps = wizard.wizard_for(signed_in=False)
    assert steps.step("show_name") is None
    values = [c.value for c in steps.step("contact_by").choices]
    assert Feedback.ContactBy.ACCOUNT not in values


def test_email_is_asked_only_for_contact_by_email():
    """The email page follows only "Yes, by email"."""
    steps = wizard.wizard_for(signed_in=True)
    assert steps.step("contact_email") not in steps.asked({"contact_by": "no"})
    assert steps.step("contact_email") in steps.asked({"contact_by": "email"})


def test_answers_become_the_services_arguments():
    """Yes and no become true and false; "no" contact becomes none; the way is easy read."""
    given = wizard.as_feedback(
        {
            "rating": "4",
            "went_well": "Kind",
            "could_be_better": "",
            "show_name": "no",
            "contact_by": "no",
            "words_public": "yes",
        }
    )
    assert given == {
        "rating": 4,
        "went_well": "Kind",
        "could_be_better": "",
        "show_name": False,
        "contact_by": "",
        "contact_email": "",
        "words_public": True,
        "via": Feedback.Via.EASY_READ,
    }
