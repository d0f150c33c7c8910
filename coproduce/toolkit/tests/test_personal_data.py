"""A person's course progress in their download, and gone when they leave; the guide versions
an officer saved stay, without them."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links
from coproduce.toolkit import services
from coproduce.toolkit.models import Answer, GuideVersion

from .factories import guide_editor, make_guide, right, step_with_options

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_is_declared():
    """Every toolkit field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("toolkit.")] == []


def test_download_has_the_course_progress():
    """A person's download lists their answers, with the step and whether it is done."""
    person, step = UserFactory(), step_with_options()
    services.answer_record(user=person, step=step, option=right(step))
    rows = personal_data_gather(person)["course_progress"]
    assert len(rows) == 1
    assert rows[0]["step_id"] == step.pk and rows[0]["is_right"] is True


def test_closing_an_account_removes_progress_and_keeps_guide_history_without_the_name():
    """Answers go; versions the person saved stay, with nobody named."""
    person, step = guide_editor(), step_with_options()
    services.answer_record(user=person, step=step, option=right(step))
    other = UserFactory()
    services.answer_record(user=other, step=step, option=right(step))
    guide = make_guide(by=person)
    personal_data.account_close(user=person, remove_comments=False)
    assert list(Answer.objects.values_list("user", flat=True)) == [other.pk]
    version = GuideVersion.objects.get(guide=guide)
    assert version.saved_by is None and version.body == guide.body
