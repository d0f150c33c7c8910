"""Reporting shared items, events and place photos, in the same queue as comments."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

import coproduce.gatherings.report_targets  # the lead wires both into AppConfig.ready
import coproduce.sharing.report_targets  # noqa: F401
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion import hiding, services
from coproduce.discussion.models import HiddenThing, ModerationAction, Report
from coproduce.gatherings.models import Event
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.notifications.models import Notification
from coproduce.places.models import PlacePhoto
from coproduce.places.tests.factories import PlaceFactory
from coproduce.sharing.models import Item
from coproduce.sharing.tests.factories import ItemFactory

from .factories import CommentFactory, CommentReportFactory, moderator

pytestmark = pytest.mark.django_db


def _photo(**kwargs) -> PlacePhoto:
    kwargs.setdefault("uploaded_by", UserFactory())
    return PlacePhoto.objects.create(
        place=PlaceFactory(), image="places/1/test.jpg", alt_text="The hall's front door", **kwargs
    )


def _event() -> Event:
    return EventFactory(organisers=[UserFactory()])


THINGS = {
    "item": lambda: ItemFactory(title="A sofa to give away"),
    "event": _event,
    "photo": _photo,
}


def _owner(thing):
    if isinstance(thing, Item):
        return thing.posted_by
    if isinstance(thing, Event):
        return thing.organisers.get()
    return thing.uploaded_by


def _report_link(thing, user) -> str:
    request = RequestFactory().get("/somewhere/?x=1")
    request.user = user
    template = Template("{% load reporting %}{% report_link thing %}")
    return template.render(Context({"thing": thing, "request": request}))


# Reporting -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", THINGS)
def test_anyone_signed_in_reports_a_thing_once(client, kind):
    thing = THINGS[kind]()
    url = reverse("discussion:report_thing", args=[kind, thing.pk])
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200 and "Why are you reporting it?" in response.text
    response = client.post(url, {"reason": "spam", "details": "Selling things"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.target_kind, report.target_id, report.reason) == (kind, thing.pk, "spam")
    client.post(url, {"reason": "untrue"})
    assert Report.objects.count() == 1  # one open report per person per thing


def test_a_report_with_no_reason_is_a_form_error(client):
    item = ItemFactory()
    client.force_login(UserFactory())
    response = client.post(reverse("discussion:report_thing", args=["item", item.pk]), {})
    assert response.status_code == 400
    assert response.text.count("govuk-error-summary__title") == 1
    assert not Report.objects.exists()


def test_signed_out_people_are_sent_to_sign_in_and_nothing_is_stored(client):
    item = ItemFactory()
    url = reverse("discussion:report_thing", args=["item", item.pk])
    assert client.post(url, {"reason": "spam"}).status_code == 302
    assert not Report.objects.exists()


def test_unknown_kinds_and_missing_things_are_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("discussion:report_thing", args=["nothing", 1])).status_code == 404
    assert client.get(reverse("discussion:report_thing", args=["item", 999999])).status_code == 404


def test_a_withdrawn_item_cannot_be_reported_by_someone_who_cannot_see_it(client):
    item = ItemFactory(status=Item.Status.WITHDRAWN)
    client.force_login(UserFactory())
    url = reverse("discussion:report_thing", args=["item", item.pk])
    assert client.get(url).status_code == 404
    with pytest.raises(NotAllowed):
        services.report_make(reporter=UserFactory(), reason="spam", thing=item)


def test_owners_do_not_report_their_own_things(client):
    item = ItemFactory()
    client.force_login(item.posted_by)
    response = client.post(
        reverse("discussion:report_thing", args=["item", item.pk]), {"reason": "spam"}
    )
    assert response.status_code == 302 and not Report.objects.exists()


def test_the_report_link_shows_to_others_and_hide_to_moderators():
    item = ItemFactory()
    report_url = reverse("discussion:report_thing", args=["item", item.pk])
    assert _report_link(item, UserFactory()).count(report_url) == 1
    # Real links in a real list, never the markup shown as text.
    assert f'<li><a class="govuk-link" href="{report_url}">' in _report_link(item, UserFactory())
    assert report_url not in _report_link(item, item.posted_by)
    from django.contrib.auth.models import AnonymousUser

    assert _report_link(item, AnonymousUser()) == ""
    as_moderator = _report_link(item, moderator())
    assert reverse("discussion:thing_hide", args=["item", item.pk]) in as_moderator
    assert "next=%2Fsomewhere%2F%3Fx%3D1" in as_moderator


def test_the_report_link_says_nothing_for_things_that_cannot_be_reported():
    assert _report_link(PlaceFactory(), UserFactory()) == ""


# The queue and moderators' actions ------------------------------------------------------------


def test_the_queue_shows_reports_of_every_kind_with_the_reporter_for_moderators(client):
    reporter = UserFactory()
    things = {kind: make() for kind, make in THINGS.items()}
    for thing in things.values():
        services.report_make(reporter=reporter, reason="abusive", thing=thing)
    CommentReportFactory(comment=CommentFactory(body="A rude comment"))
    client.force_login(moderator())
    response = client.get(reverse("discussion:queue"))
    assert response.status_code == 200
    assert "4 open reports" in response.text
    assert "A sofa to give away" in response.text and "A rude comment" in response.text
    assert things["event"].title in response.text and "The hall&#x27;s front door" in response.text
    for kind, thing in things.items():
        assert reverse("discussion:thing_hide", args=[kind, thing.pk]) in response.text


def test_the_queue_costs_the_same_queries_however_many_things_are_reported(
    client, django_assert_max_num_queries
):
    reporter = UserFactory()
    for _ in range(3):
        for make in THINGS.values():
            services.report_make(reporter=reporter, reason="spam", thing=make())
    client.force_login(moderator())
    client.get(reverse("discussion:queue"))
    # The comment queue's 9, one for what is hidden, one per kind reported.
    with django_assert_max_num_queries(13):
        client.get(reverse("discussion:queue"))
    for _ in range(10):
        for make in THINGS.values():
            services.report_make(reporter=reporter, reason="spam", thing=make())
    with django_assert_max_num_queries(13):
        response = client.get(reverse("discussion:queue"))
    assert "39 open reports" in response.text


@pytest.mark.parametrize("kind", THINGS)
def test_hiding_tells_the_owner_why_but_never_who_reported(client, kind):
    thing = THINGS[kind]()
    reporter = UserFactory(display_name="Zebedee Quill")
    services.report_make(reporter=reporter, reason="abusive", thing=thing)
    client.force_login(moderator())
    url = reverse("discussion:thing_hide", args=[kind, thing.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400 and not hiding.is_hidden(thing)
    response = client.post(url, {"reason": "It breaks rule 2"})
    assert response.status_code == 302
    assert hiding.is_hidden(thing)
    assert Report.objects.get().status == Report.Status.RESOLVED
    told = Notification.objects.get(recipient=_owner(thing))
    assert told.kind == "moderation" and "It breaks rule 2" in told.body
    assert "Zebedee" not in f"{told.title} {told.body} {told.url}"
    assert reporter.email not in f"{told.title} {told.body}"
    assert not Notification.objects.filter(recipient=reporter).exists()
    action = ModerationAction.objects.get()
    assert (action.action, action.target, action.target_id) == ("hide", kind, thing.pk)


def test_restoring_shows_it_again_and_tells_the_owner():
    item = ItemFactory()
    mod = moderator()
    services.thing_hide(moderator=mod, kind="item", pk=item.pk, reason="Spam")
    with pytest.raises(Refusal):
        services.thing_hide(moderator=mod, kind="item", pk=item.pk, reason="Again")
    services.thing_restore(moderator=mod, kind="item", pk=item.pk, reason="It was fine")
    assert not hiding.is_hidden(item)
    assert Notification.objects.filter(recipient=item.posted_by).count() == 2
    with pytest.raises(Refusal):
        services.thing_restore(moderator=mod, kind="item", pk=item.pk, reason="Again")


def test_only_moderators_hide_things(client):
    item = ItemFactory()
    with pytest.raises(NotAllowed):
        services.thing_hide(moderator=UserFactory(), kind="item", pk=item.pk, reason="Mine")
    client.force_login(UserFactory())
    url = reverse("discussion:thing_hide", args=["item", item.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "Mine"}).status_code == 403
    assert not HiddenThing.objects.exists()


def test_dismissing_a_report_of_a_thing_logs_it_and_hides_nothing(client):
    item = ItemFactory()
    report = services.report_make(reporter=UserFactory(), reason="spam", thing=item)
    client.force_login(moderator())
    url = reverse("discussion:report_dismiss", args=[report.pk])
    assert "Dismiss this report" in client.get(url).text
    assert client.post(url, {"reason": "Not spam"}).status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED and not hiding.is_hidden(item)
    action = ModerationAction.objects.get()
    assert (action.action, action.target, action.target_id) == ("dismiss", "item", item.pk)


def test_a_hidden_thing_cannot_be_reported_again():
    item = ItemFactory()
    services.thing_hide(moderator=moderator(), kind="item", pk=item.pk, reason="Spam")
    with pytest.raises(Refusal):
        services.report_make(reporter=UserFactory(), reason="spam", thing=item)


# What the apps ask --------------------------------------------------------------------------


def test_hidden_things_are_left_out_of_lists_and_hidden_from_all_but_owners_and_moderators():
    shown, hidden = ItemFactory(), ItemFactory()
    services.thing_hide(moderator=moderator(), kind="item", pk=hidden.pk, reason="Spam")
    assert list(hiding.exclude_hidden(Item.objects.all())) == [shown]
    assert hiding.hidden_from(UserFactory(), hidden)
    assert not hiding.hidden_from(hidden.posted_by, hidden)
    assert not hiding.hidden_from(moderator(), hidden)
    assert not hiding.hidden_from(UserFactory(), shown)
    assert hiding.hidden_reason(hidden) == "Spam"


def test_place_pages_can_leave_out_hidden_photos_with_the_shown_tag():
    kept, hidden = _photo(), _photo()
    services.thing_hide(moderator=moderator(), kind="photo", pk=hidden.pk, reason="A face")
    template = Template(
        "{% load reporting %}{% shown photos as photos %}"
        "{% for p in photos %}[{{ p.pk }}]{% endfor %}"
    )

    def render(user) -> str:
        request = RequestFactory().get("/")
        request.user = user
        photos = PlacePhoto.objects.filter(pk__in=[kept.pk, hidden.pk]).order_by("pk")
        return template.render(Context({"photos": photos, "request": request}))

    assert render(UserFactory()) == f"[{kept.pk}]"
    assert render(hidden.uploaded_by) == f"[{kept.pk}][{hidden.pk}]"
    assert render(moderator()) == f"[{kept.pk}][{hidden.pk}]"
