import pytest

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.toolkit import services
from coproduce.toolkit.models import Answer, GuideVersion

from .factories import guide_editor, make_guide, right, step_with_options, wrong

pytestmark = pytest.mark.django_db


def test_a_new_guide_has_a_first_version_with_who_and_when():
    """Creating a guide saves version 1 with the editor, a time and a note."""
    editor = guide_editor()
    guide = make_guide(by=editor)
    version = guide.versions.get()
    assert guide.version == 1
    assert version.number == 1 and version.saved_by == editor
    assert version.saved_at is not None and version.note
    assert version.body == guide.body


def test_each_save_is_a_new_version_and_the_guide_shows_the_latest():
    """Two saves make versions 2 and 3; old versions keep their words."""
    editor = guide_editor()
    guide = make_guide(by=editor, body="First words.")
    services.guide_update(
        guide=guide, by=editor, title=guide.title, summary=guide.summary, body="Second.", note="a"
    )
    guide.refresh_from_db()
    services.guide_update(
        guide=guide, by=editor, title="New title", summary=guide.summary, body="Third.", note="b"
    )
    guide.refresh_from_db()
    assert guide.version == 3 and guide.body == "Third." and guide.title == "New title"
    bodies = dict(guide.versions.values_list("number", "body"))
    assert bodies == {1: "First words.", 2: "Second.", 3: "Third."}
    assert guide.versions.get(number=3).note == "b"


def test_saving_the_same_words_makes_no_new_version():
    """A save with nothing changed is not a version."""
    editor = guide_editor()
    guide = make_guide(by=editor)
    result = services.guide_update(
        guide=guide, by=editor, title=guide.title, summary=guide.summary, body=guide.body, note="x"
    )
    assert result is None
    assert guide.versions.count() == 1


def test_a_change_needs_a_note():
    """Saving a change without saying what changed is refused, and nothing is saved."""
    editor = guide_editor()
    guide = make_guide(by=editor)
    with pytest.raises(Refusal):
        services.guide_update(
            guide=guide, by=editor, title=guide.title, summary=guide.summary, body="New", note=" "
        )
    assert guide.versions.count() == 1


def test_restoring_brings_old_words_back_as_a_new_version():
    """Restoring version 1 makes version 3 with version 1's words; version 2 stays."""
    editor = guide_editor()
    guide = make_guide(by=editor, body="Old words.")
    services.guide_update(
        guide=guide, by=editor, title=guide.title, summary=guide.summary, body="New.", note="n"
    )
    guide.refresh_from_db()
    restored = services.guide_restore(guide=guide, version=guide.versions.get(number=1), by=editor)
    guide.refresh_from_db()
    assert restored.number == 3 and restored.restored_from == 1
    assert guide.body == "Old words." and guide.version == 3
    assert guide.versions.get(number=2).body == "New."


def test_restoring_the_version_shown_now_is_refused():
    """Bringing back the current version would add nothing."""
    editor = guide_editor()
    guide = make_guide(by=editor)
    with pytest.raises(Refusal):
        services.guide_restore(guide=guide, version=guide.versions.get(), by=editor)


def test_a_version_of_another_guide_cannot_be_restored():
    """A version is only brought back into its own guide."""
    editor = guide_editor()
    one, other = make_guide(by=editor), make_guide(by=editor, title="Another")
    services.guide_update(
        guide=one, by=editor, title=one.title, summary=one.summary, body="Changed", note="n"
    )
    with pytest.raises(Refusal):
        services.guide_restore(guide=one, version=other.versions.get(), by=editor)


@pytest.mark.parametrize("roles", [[], [Role.ORGANISER], [Role.MODERATOR]])
def test_only_people_with_the_permission_write_guides(roles):
    """Residents, organisers and moderators cannot write, change or restore guides."""
    guide = make_guide()
    person = UserFactory(roles=roles)
    with pytest.raises(NotAllowed):
        services.guide_create(by=person, topic="other", title="T", summary="S", body="B")
    with pytest.raises(NotAllowed):
        services.guide_update(guide=guide, by=person, title="T", summary="S", body="B", note="n")
    with pytest.raises(NotAllowed):
        services.guide_restore(guide=guide, version=guide.versions.get(), by=person)
    assert GuideVersion.objects.count() == 1


def test_council_officers_may_write_guides():
    """The officer role carries the permission."""
    guide = make_guide(by=UserFactory(roles=[Role.OFFICER]))
    assert guide.version == 1


def test_a_wrong_answer_is_kept_but_the_step_is_not_done():
    """A wrong answer is saved with the person, and leaves the step to do."""
    person, step = UserFactory(), step_with_options()
    answer = services.answer_record(user=person, step=step, option=wrong(step))
    assert not answer.is_right and answer.done_at is None and answer.tries == 1


def test_a_right_answer_marks_the_step_done_and_a_later_wrong_one_does_not_undo_it():
    """Done stays done; the latest answer and the number of tries are kept."""
    person, step = UserFactory(), step_with_options()
    services.answer_record(user=person, step=step, option=wrong(step))
    done = services.answer_record(user=person, step=step, option=right(step))
    assert done.is_right and done.done_at is not None and done.tries == 2
    later = services.answer_record(user=person, step=step, option=wrong(step))
    assert later.done_at == done.done_at and not later.is_right
    assert Answer.objects.filter(user=person).count() == 1


def test_an_answer_from_another_step_is_refused():
    """An option must belong to the step answered."""
    person, step, other = UserFactory(), step_with_options(), step_with_options()
    with pytest.raises(Refusal):
        services.answer_record(user=person, step=step, option=right(other))
    assert not Answer.objects.exists()


def test_starting_again_clears_only_this_course():
    """Clearing answers in one course keeps those in another."""
    person, step, other = UserFactory(), step_with_options(), step_with_options()
    services.answer_record(user=person, step=step, option=right(step))
    services.answer_record(user=person, step=other, option=right(other))
    assert services.progress_reset(user=person, course=step.course) == 1
    assert list(Answer.objects.values_list("step", flat=True)) == [other.pk]
