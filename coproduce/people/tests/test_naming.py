import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people import naming
from coproduce.people.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def _person(visibility: str, name: str = "Zebedee Quill"):
    return ProfileFactory(user__display_name=name, visibility_identity=visibility).user


@pytest.mark.parametrize(
    ("visibility", "visitor", "member"),
    [
        ("public", True, True),
        ("members", False, True),
        ("organisers", False, False),
        ("only_me", False, False),
    ],
)
def test_name_follows_identity_visibility(visibility, visitor, member):
    """A name is shown exactly to the viewers the person's identity setting allows."""
    person = _person(visibility)
    other = UserFactory()
    assert (naming.name_for(person, None) == "Zebedee Quill") is visitor
    assert (naming.name_for(person, AnonymousUser()) == "Zebedee Quill") is visitor
    assert (naming.name_for(person, other) == "Zebedee Quill") is member


def test_hidden_name_reads_as_a_resident():
    """Someone whose name the viewer may not see is "A resident"."""
    assert naming.name_for(_person("only_me"), UserFactory()) == "A resident"


def test_person_sees_their_own_name():
    """A person always sees their own name, whatever their setting."""
    person = _person("only_me")
    assert naming.name_for(person, person) == "Zebedee Quill"


def test_never_an_email_address():
    """Someone with no name is never named by their email address."""
    person = UserFactory(display_name="", email="hidden@example.org")
    assert "hidden@example.org" not in naming.name_for(person, UserFactory())
    assert "hidden@example.org" not in naming.name_for(person, person)
    assert "hidden@example.org" not in str(person)


def test_former_member():
    """No account, or a closed one, reads as a former member."""
    assert naming.name_for(None, None) == "A former member"
    assert naming.name_for(UserFactory(is_active=False), UserFactory()) == "A former member"


def test_organisers_see_names_shown_to_organisers():
    """A name shown to organisers reaches the people who organise with that person."""
    from coproduce.people import selectors

    person = _person("organisers")
    organiser = UserFactory()

    def organises(viewer, who):
        return viewer.pk == organiser.pk and who.pk == person.pk

    selectors.register_organiser_check(organises)
    try:
        assert naming.name_for(person, organiser) == "Zebedee Quill"
        assert naming.name_for(person, UserFactory()) == "A resident"
    finally:
        selectors.ORGANISER_CHECKS.remove(organises)


def test_shown_as_is_what_members_see():
    """The form hint says how members who do not organise with you see you."""
    assert naming.shown_as(_person("only_me")) == "A resident"
    assert naming.shown_as(_person("members")) == "Zebedee Quill"


def test_template_tag_reads_viewer_from_request():
    """{% name_for %} names a person to the request's user; name_to takes a viewer."""
    person = _person("only_me")
    request = RequestFactory().get("/")
    request.user = UserFactory()
    template = Template("{% load naming %}{% name_for person %}|{{ person|name_to:person }}")
    rendered = template.render(Context({"request": request, "person": person}))
    assert rendered == "A resident|Zebedee Quill"


def test_initials_lose_their_full_stop_so_sentences_end_once():
    """A name "Sam H." must not read "Offered by Sam H.." in a sentence."""
    person = UserFactory(display_name="Sam H.")
    ProfileFactory(user=person, visibility_identity="public")
    assert naming.name_for(person, None) == "Sam H"
    assert naming.name_for(person, person) == "Sam H"


@pytest.mark.parametrize("visibility", ["public", "members", "organisers", "only_me"])
def test_naming_reads_only_the_naming_fields(visibility):
    """A list that loads only `naming_fields` (a thread's comments do) names each person
    with no query more than a list that loads them whole: if `name_for` reads a new field,
    NAMING_FIELDS must name it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coproduce.discussion.models import Comment
    from coproduce.discussion.tests.factories import CommentFactory

    CommentFactory(author=_person(visibility))
    CommentFactory(author=UserFactory(display_name="No profile yet"))
    viewer = UserFactory()
    whole = Comment.objects.select_related("author__profile").order_by("pk")
    only = whole.only("id", "author", *naming.naming_fields("author"))

    def queries_naming(comments) -> tuple[int, list[str]]:
        comments = list(comments)
        with CaptureQueriesContext(connection) as queries:
            names = [
                naming.name_for(comment.author, who)
                for comment in comments
                for who in (None, viewer, comment.author)
            ]
        return len(queries), names

    assert queries_naming(only) == queries_naming(whole)
