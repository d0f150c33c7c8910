"""No 500 from any input: whatever a query string or a JSON body holds, the answer is not a 5xx.

Every GET route the URL resolver knows is opened, by a visitor and by a signed-in resident,
with query parameters that Hypothesis makes up: digits from other scripts ("²", "①", "٣"),
huge and negative numbers, empty and long strings, dates at the ends of the calendar and
days that do not exist. The parameter names are the ones views read (`request.GET`, and the
fields of every filter form). Every JSON endpoint gets made-up bodies too. Path parameters
are filled from rows made by the apps' factories.

Each example opens every route that reads parameters of its own, and a slice of the rest
(which read `page` at most), so that a few dozen examples stay fast. Shrinking is off: the
assertion names the route and the query that failed.
"""

import inspect
import json
import re
import string
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings.tests.factories import BookingFactory, open_room
from coproduce.budgets.tests.factories import ProposalFactory
from coproduce.commissioning.tests.factories import published_panel
from coproduce.common.filters import FilterForm
from coproduce.conversations.tests.factories import SignedLinkFactory, conversation_with
from coproduce.councillors.tests.factories import QuestionFactory as CouncillorQuestionFactory
from coproduce.directory.tests.factories import full_service
from coproduce.discussion.tests.factories import CommentFactory, CommentReportFactory
from coproduce.feedback.tests.factories import FeedbackFactory
from coproduce.gatherings.tests.factories import (
    AgendaItemFactory,
    BarrierFactory,
    BarrierThemeFactory,
    ChoiceOptionFactory,
    TreatmentFactory,
)
from coproduce.groups.tests.factories import MembershipFactory
from coproduce.matching.tests.factories import InvitationFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.projects.tests.factories import NeedFactory, owned_project
from coproduce.sharing.tests.factories import ApplicationFactory, ItemFactory
from coproduce.shopping.tests.factories import VisitFactory
from coproduce.stories.tests.factories import StoryFactory
from coproduce.surveys.tests.factories import full_survey
from coproduce.testing import routes
from coproduce.timebank.tests.factories import AccountFactory, ListingFactory
from coproduce.toolkit.tests.factories import make_guide, step_with_options
from coproduce.yousaid.tests.factories import CouncilResponseFactory

pytestmark = pytest.mark.django_db

# Query parameters read for a view by code outside it, by route.
READ_ELSEWHERE = {
    "projects/<int:pk>/": ["comments_before"],  # the discussion thread's template tag
    "services/open-referral.json": ["page", "per_page"],  # oruk.Paging.from_query
    "open-data/places.geojson": ["MapFilters.from_query"],  # in a helper of the views
    "open-data/places.csv": ["MapFilters.from_query"],
    "time-bank/transfers/new/": ["other", "direction", "description"],  # in a loop
}
READ_IN_VIEW = re.compile(r"""GET(?:\.get\(|\[)\s*["'](\w+)["']""")
FILTER_FORM = re.compile(r"(\w+FilterForm)\b|(MapFilters)\.from_query")
# Routes that answer JSON to a POST, and the keys their bodies have.
JSON_POSTS = {
    "time-bank/api/transfers/": ["from_account", "to_account", "minutes", "description"],
    "bookings/rooms/<int:pk>/book": ["start", "end", "purpose"],
    "writing/advice": ["text"],
}
UNICODE_DIGITS = "²³¹①⑳٣٤۵߂३৪੭૮୯௫౬೭൮๙໑༢၃႔០᠑᥆᧐᪁᭒᮳᱀᱕꘠꣐꤁꧐꩐꯰０１９𝟎𝟗"
# Values that have broken parsers before, or sit at an edge of one.
EDGES = [
    "²",
    "①",
    "",
    " ",
    "0",
    "-0",
    "1",
    "-1",
    "+1",
    " 1 ",
    "1.5",
    "1e9",
    "1_000",
    "0x10",
    "9" * 19,
    "9" * 40,
    "9" * 5000,
    "-" + "9" * 40,
    "2026-03",
    "2026-13",
    "0000-00",
    "9999-12",
    "0001-01",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00+14:00",
    "-0.2,51.4,0,51.6",
    "nan,nan,nan,nan",
    "1e999,0,0,0",
    "on",
    "true",
    "null",
    "x" * 5000,
]
NUMBERS = st.integers(min_value=-(10**40), max_value=10**40)
DIGITS_OF_ANY_SCRIPT = st.text(alphabet=UNICODE_DIGITS + string.digits, min_size=1, max_size=6)
# Characters `str.isdigit()` takes and `int()` refuses: the cause of the 500s in issue 13.
DIGITS_INT_REFUSES = st.text(alphabet="²³¹⁰₀₉①⑳⓪❶", min_size=1, max_size=3)
VALUES = st.one_of(
    st.sampled_from(EDGES),
    DIGITS_OF_ANY_SCRIPT,
    DIGITS_INT_REFUSES,
    DIGITS_OF_ANY_SCRIPT.map(lambda digits: f"2026-0{digits[:1]}"),
    NUMBERS.map(str),
    st.dates().map(date.isoformat),
    st.dates().map(lambda day: f"{day.year:04d}-{day.month:02d}"),
    st.text(alphabet=string.digits + "-,.:T+ ", max_size=30),
    st.text(max_size=40).filter(lambda text: "\x00" not in text),
)
JSON_VALUES = st.one_of(
    VALUES,
    NUMBERS,
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


# Shrinking a failure would open dozens of pages per step for minutes; the failing route and
# query are in the assertion's message as they are.
WITHOUT_SHRINKING = [Phase.explicit, Phase.reuse, Phase.generate]


def _filter_forms() -> dict[str, type[FilterForm]]:
    """Every list page's filter form, by class name."""
    forms, found = list(FilterForm.__subclasses__()), {}
    while forms:
        form = forms.pop()
        forms.extend(form.__subclasses__())
        found[form.__name__] = form
    return found


def _parameter_names(route: str, view) -> list[str]:
    """The query parameters a route's view reads: by name, and through its filter form."""
    view = getattr(view, "func", view)  # the API's views are partials (django-ninja)
    source = inspect.getsource(inspect.unwrap(view)) + " ".join(READ_ELSEWHERE.get(route, ()))
    names = {"page", *READ_IN_VIEW.findall(source), *READ_ELSEWHERE.get(route, ())}
    names.discard("MapFilters.from_query")
    forms = _filter_forms()
    for form_name, map_filters in FILTER_FORM.findall(source):
        form = forms.get("MapFilterForm" if map_filters else form_name)
        names.update(form.base_fields if form else ())
    return sorted(names)


def _borough():
    """One of each thing a page can be about, so every route's path names a real row."""
    resident = UserFactory()
    ProfileFactory(user=resident)
    project = owned_project(owner=resident)
    NeedFactory(project=project)
    CommentReportFactory(comment=CommentFactory(project=project, author=resident))
    InvitationFactory()
    MembershipFactory(user=resident)
    full_service()
    room = open_room()
    BookingFactory(room=room, requested_by=resident)
    ItemFactory(posted_by=resident)
    ApplicationFactory()
    AccountFactory(user=resident)
    ListingFactory()
    AgendaItemFactory()
    BarrierFactory(theme=BarrierThemeFactory(), treatment=TreatmentFactory())
    ChoiceOptionFactory()
    full_survey()
    ProposalFactory()
    conversation_with(3)
    SignedLinkFactory()
    CouncilResponseFactory()
    FeedbackFactory(person=resident)
    VisitFactory()
    published_panel()
    CouncillorQuestionFactory(asker=resident)
    make_guide()
    step_with_options()
    StoryFactory(teller=resident)
    return resident


def _get_urls() -> list[tuple[str, list[str]]]:
    """Each GET route's path, filled in, and the query parameters its view reads."""
    return sorted(
        (routes.url(route), _parameter_names(route, pattern.callback))
        for route, pattern in routes.routes()
        if not route.startswith("admin/") and route not in JSON_POSTS
    )


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "resident"])
def test_no_query_string_gives_a_server_error(client, signed_in):
    """Every GET route answers made-up query parameters with less than a 500."""
    resident = _borough()
    if signed_in:
        client.force_login(resident)
    urls = _get_urls()
    reading = [(url, names) for url, names in urls if names != ["page"]]
    others = [(url, names) for url, names in urls if names == ["page"]]

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        phases=WITHOUT_SHRINKING,
    )
    @given(
        value=VALUES,
        which=st.integers(min_value=0, max_value=1000),
        every_parameter=st.booleans(),
        start=st.integers(min_value=0, max_value=len(others) - 1),
    )
    @example(value="²", which=0, every_parameter=False, start=0)
    @example(value="①", which=1, every_parameter=True, start=0)
    @example(value="9999-12", which=0, every_parameter=True, start=0)
    def opens(value, which, every_parameter, start):
        # Every route that reads parameters other than `page`, and a slice of the rest, so
        # that each is opened many times: the value in one of its parameters, or in all.
        for url, names in reading + (others * 2)[start : start + 12]:
            chosen = names if every_parameter else [names[which % len(names)]]
            query = dict.fromkeys(chosen, value)
            response = client.get(url, query)
            assert response.status_code < 500, (url, query)

    opens()


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "resident"])
def test_no_json_body_gives_a_server_error(client, signed_in):
    """Every JSON endpoint answers made-up bodies with less than a 500."""
    resident = _borough()
    if signed_in:
        client.force_login(resident)
    endpoints = {routes.url(route): keys for route, keys in JSON_POSTS.items()}

    @settings(
        max_examples=60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        phases=WITHOUT_SHRINKING,
    )
    @given(data=st.data())
    def posts(data):
        for url, keys in endpoints.items():
            body = data.draw(
                st.one_of(
                    st.fixed_dictionaries({}, optional=dict.fromkeys(keys, JSON_VALUES)),
                    JSON_VALUES,
                )
            )
            response = client.post(url, json.dumps(body), content_type="application/json")
            assert response.status_code < 500, (url, body)

    posts()
