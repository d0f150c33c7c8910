import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertNumQueries

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.toolkit import services
from coproduce.toolkit.models import Answer, Guide

from .factories import guide_editor, make_guide, right, step_with_options, wrong

pytestmark = pytest.mark.django_db

LOGIN_URL = "accounts:sign_in"
HARD = (
    "Notwithstanding organisational considerations, practitioners should operationalise "
    "collaborative methodologies, facilitating interdisciplinary participation."
)


@pytest.fixture
def editor_client(client):
    client.editor = guide_editor()
    client.force_login(client.editor)
    return client


def _changed(guide, n: int, editor):
    for i in range(n):
        services.guide_update(
            guide=guide,
            by=editor,
            title=guide.title,
            summary=guide.summary,
            body=f"Words {i}.",
            note=f"Change {i}",
        )
        guide.refresh_from_db()


# Who may see what ---------------------------------------------------------------------------


def test_anyone_reads_the_toolkit_a_guide_a_course_and_a_step(client):
    """The list, guides, courses and steps are public."""
    guide = make_guide(title="How to run an Open Space")
    step = step_with_options()
    assert "How to run an Open Space" in client.get(reverse("toolkit:home")).text
    assert client.get(reverse("toolkit:guide", args=[guide.slug])).status_code == 200
    assert client.get(reverse("toolkit:course", args=[step.course.slug])).status_code == 200
    assert client.get(reverse("toolkit:step", args=[step.course.slug, 1])).status_code == 200


def _officer_urls(guide):
    return [
        reverse("toolkit:write"),
        reverse("toolkit:edit", args=[guide.slug]),
        reverse("toolkit:history", args=[guide.slug]),
        reverse("toolkit:compare", args=[guide.slug]),
        reverse("toolkit:version", args=[guide.slug, 1]),
    ]


def test_visitors_are_sent_to_sign_in_for_the_officers_pages(client):
    """Writing, history, versions and compare need signing in."""
    guide = make_guide()
    for url in _officer_urls(guide):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse(LOGIN_URL))
    restore = reverse("toolkit:restore", args=[guide.slug, 1])
    assert client.post(restore).status_code == 302


@pytest.mark.parametrize("roles", [[], [Role.ORGANISER], [Role.MODERATOR]])
def test_people_without_the_permission_may_not_open_the_officers_pages(client, roles):
    """Residents, organisers and moderators get 403 on every officer page and on restore."""
    guide = make_guide()
    _changed(guide, 1, guide_editor())
    client.force_login(UserFactory(roles=roles))
    for url in _officer_urls(guide):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("toolkit:restore", args=[guide.slug, 1])).status_code == 403
    assert client.post(reverse("toolkit:edit", args=[guide.slug]), {}).status_code == 403
    assert Guide.objects.get().version == 2


def test_editors_open_every_officer_page(editor_client):
    """Someone with the permission sees them all."""
    guide = make_guide(by=editor_client.editor)
    _changed(guide, 1, editor_client.editor)
    for url in _officer_urls(guide):
        assert editor_client.get(url).status_code == 200, url


def test_guide_pages_link_to_editing_only_for_editors(client):
    """The change link shows for editors and not for visitors or residents."""
    guide = make_guide()
    url = reverse("toolkit:guide", args=[guide.slug])
    edit = reverse("toolkit:edit", args=[guide.slug])
    assert edit not in client.get(url).text
    client.force_login(UserFactory())
    assert edit not in client.get(url).text
    client.force_login(guide_editor())
    assert edit in client.get(url).text


def test_unknown_guides_courses_steps_and_versions_are_not_found(editor_client):
    """404s, not errors."""
    guide = make_guide()
    step = step_with_options()
    assert editor_client.get(reverse("toolkit:guide", args=["nope"])).status_code == 404
    assert editor_client.get(reverse("toolkit:course", args=["nope"])).status_code == 404
    assert editor_client.get(reverse("toolkit:step", args=[step.course.slug, 9])).status_code == 404
    assert editor_client.get(reverse("toolkit:version", args=[guide.slug, 9])).status_code == 404


# Writing, history, compare and restore ------------------------------------------------------


def test_writing_a_guide_saves_it_and_shows_it(editor_client):
    """The form makes a guide with version 1 and goes to its page."""
    response = editor_client.post(
        reverse("toolkit:write"),
        {"topic": "street", "title": "Talk on the street", "summary": "Go out.", "body": "Smile."},
        follow=True,
    )
    assert response.status_code == 200
    guide = Guide.objects.get()
    assert guide.version == 1 and "Talk on the street" in response.text


def test_a_change_without_a_note_shows_an_error_and_saves_nothing(editor_client):
    """The note is needed; the form answers 400."""
    guide = make_guide(by=editor_client.editor)
    response = editor_client.post(
        reverse("toolkit:edit", args=[guide.slug]),
        {"title": guide.title, "summary": guide.summary, "body": "Changed.", "note": ""},
    )
    assert response.status_code == 400
    assert guide.versions.count() == 1


def test_saving_a_hard_guide_warns_about_its_reading_age(editor_client):
    """A guide above reading age 9 is saved, with a warning for the officer."""
    guide = make_guide(by=editor_client.editor)
    response = editor_client.post(
        reverse("toolkit:edit", args=[guide.slug]),
        {"title": guide.title, "summary": guide.summary, "body": HARD, "note": "Longer words"},
        follow=True,
    )
    assert "has a reading age of" in response.text
    guide.refresh_from_db()
    assert guide.version == 2


def test_saving_a_plain_guide_gives_no_reading_age_warning(editor_client):
    """Short words in short sentences pass without a warning."""
    guide = make_guide(by=editor_client.editor)
    response = editor_client.post(
        reverse("toolkit:edit", args=[guide.slug]),
        {"title": guide.title, "summary": guide.summary, "body": "Be kind. Make tea.", "note": "n"},
        follow=True,
    )
    assert "has a reading age of" not in response.text


def test_the_history_names_who_saved_each_version_and_why(editor_client):
    """Each version is listed with its note."""
    guide = make_guide(by=editor_client.editor)
    _changed(guide, 2, editor_client.editor)
    text = editor_client.get(reverse("toolkit:history", args=[guide.slug])).text
    assert "Change 0" in text and "Change 1" in text
    assert text.count(reverse("toolkit:restore", args=[guide.slug, 1])) == 1


def test_an_old_version_shows_its_own_words(editor_client):
    """Version 1 shows what it said then."""
    guide = make_guide(by=editor_client.editor, body="The first words.")
    _changed(guide, 1, editor_client.editor)
    text = editor_client.get(reverse("toolkit:version", args=[guide.slug, 1])).text
    assert "The first words." in text


def test_compare_marks_what_changed_between_two_versions(editor_client):
    """Words put in are marked as inserted, words taken out as deleted."""
    guide = make_guide(by=editor_client.editor, body="Sit in a ring.")
    services.guide_update(
        guide=guide,
        by=editor_client.editor,
        title=guide.title,
        summary=guide.summary,
        body="Sit in a big ring.",
        note="Bigger",
    )
    url = reverse("toolkit:compare", args=[guide.slug]) + "?from=1&to=2"
    text = editor_client.get(url).text
    assert '<ins class="toolkit-added">big</ins>' in text


def test_compare_with_a_version_that_is_not_there_is_not_found(editor_client):
    guide = make_guide(by=editor_client.editor)
    url = reverse("toolkit:compare", args=[guide.slug]) + "?from=1&to=7"
    assert editor_client.get(url).status_code == 404


def test_restore_brings_back_an_old_version(editor_client):
    """Posting restore makes a new version with the old words."""
    guide = make_guide(by=editor_client.editor, body="Old words.")
    _changed(guide, 1, editor_client.editor)
    editor_client.post(reverse("toolkit:restore", args=[guide.slug, 1]))
    guide.refresh_from_db()
    assert guide.version == 3 and guide.body == "Old words."


def test_restore_is_post_only(editor_client):
    guide = make_guide(by=editor_client.editor)
    assert editor_client.get(reverse("toolkit:restore", args=[guide.slug, 1])).status_code == 405


# Courses ------------------------------------------------------------------------------------


def test_answering_a_check_saves_progress_and_shows_feedback(client):
    """A signed-in answer is kept; the step page then says how it went."""
    person = UserFactory()
    client.force_login(person)
    step = step_with_options()
    url = reverse("toolkit:step", args=[step.course.slug, 1])
    response = client.post(url, {"option": wrong(step).pk}, follow=True)
    assert "Not quite" in response.text
    response = client.post(url, {"option": right(step).pk}, follow=True)
    assert "Right" in response.text
    assert Answer.objects.get(user=person).done_at is not None
    course_page = client.get(reverse("toolkit:course", args=[step.course.slug])).text
    assert "You have done 1 of 1 steps." in course_page


def test_a_visitor_sees_feedback_but_nothing_is_saved(client):
    """Without signing in, the check still answers, and no answer is stored."""
    step = step_with_options()
    url = reverse("toolkit:step", args=[step.course.slug, 1])
    response = client.post(url, {"option": right(step).pk})
    assert response.status_code == 200 and "Your answer was not saved." in response.text
    assert not Answer.objects.exists()


def test_no_answer_chosen_shows_an_error(client):
    client.force_login(UserFactory())
    step = step_with_options()
    response = client.post(reverse("toolkit:step", args=[step.course.slug, 1]), {})
    assert response.status_code == 400 and "Choose an answer" in response.text


def test_an_answer_from_another_step_is_an_error(client):
    client.force_login(UserFactory())
    step, other = step_with_options(), step_with_options()
    url = reverse("toolkit:step", args=[step.course.slug, 1])
    assert client.post(url, {"option": right(other).pk}).status_code == 400
    assert not Answer.objects.exists()


def test_the_course_page_offers_to_carry_on_where_the_person_stopped(client):
    """After step 1 is done, the button goes to step 2."""
    person = UserFactory()
    first = step_with_options(number=1)
    second = step_with_options(course=first.course, number=2)
    services.answer_record(user=person, step=first, option=right(first))
    client.force_login(person)
    text = client.get(reverse("toolkit:course", args=[first.course.slug])).text
    assert "Carry on" in text
    assert reverse("toolkit:step", args=[first.course.slug, second.number]) in text


def test_restart_needs_sign_in_and_clears_only_my_answers(client):
    """A visitor is sent to sign in; a person clears their own answers, not others'."""
    step = step_with_options()
    me, other = UserFactory(), UserFactory()
    for person in (me, other):
        services.answer_record(user=person, step=step, option=right(step))
    url = reverse("toolkit:restart", args=[step.course.slug])
    assert client.post(url).status_code == 302
    assert Answer.objects.count() == 2
    client.force_login(me)
    client.post(url)
    assert list(Answer.objects.values_list("user", flat=True)) == [other.pk]


# Query counts -------------------------------------------------------------------------------


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_toolkit_home_takes_the_same_queries_however_many_guides_and_courses(client):
    """Listing 2 or 12 guides and courses, with progress, costs the same queries."""
    person = UserFactory()
    client.force_login(person)
    for i in range(2):
        make_guide(title=f"Guide {i}")
        step = step_with_options()
        services.answer_record(user=person, step=step, option=right(step))
    url = reverse("toolkit:home")
    client.get(url)  # warm the session and permission caches
    few = _count(client, url)
    for i in range(10):
        make_guide(title=f"More {i}")
        step = step_with_options()
        services.answer_record(user=person, step=step, option=right(step))
    with assertNumQueries(few):
        assert "More 9" in client.get(url).text


def test_the_history_takes_the_same_queries_however_many_versions(editor_client):
    """Listing 2 or 15 versions costs the same queries (who saved each is fetched at once)."""
    editors = [guide_editor() for _ in range(3)]
    guide = make_guide(by=editors[0])
    _changed(guide, 1, editors[1])
    url = reverse("toolkit:history", args=[guide.slug])
    editor_client.get(url)
    few = _count(editor_client, url)
    for i in range(13):
        _changed(guide, 1, editors[i % 3])
        guide.refresh_from_db()
    with assertNumQueries(few):
        editor_client.get(url)
