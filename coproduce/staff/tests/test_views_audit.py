import csv
import io

import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.staff.models import AuditEntry
from coproduce.staff.services import audit_record

from .factories import AuditEntryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("staff:audit_log")
CSV = reverse("staff:audit_log_csv")


def _administrator(client):
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", [LIST, CSV])
def test_visitors_are_sent_to_sign_in(client, url):
    """A visitor is asked to sign in."""
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.OFFICER, Role.MODERATOR])
@pytest.mark.parametrize("url", [LIST, CSV])
def test_only_administrators_see_the_log(client, url, role):
    """Residents, officers and moderators get 403."""
    client.force_login(UserFactory(roles=[role]))
    assert client.get(url).status_code == 403


def test_administrators_see_entries_newest_first(client):
    """The list shows every entry, newest first."""
    _administrator(client)
    audit_record(actor=None, action="skills.merged", target="Skill Old")
    audit_record(actor=None, action="roles.changed", target="Person New")
    body = client.get(LIST).content.decode()
    assert body.index("Person New") < body.index("Skill Old")


def test_filters_narrow_the_list(client):
    """Action (by its start), who and target filter the entries."""
    _administrator(client)
    someone = UserFactory(email="mod@example.org")
    audit_record(actor=someone, action="moderation.comment_hidden", target="Comment A")
    audit_record(actor=None, action="skills.merged", target="Skill B")
    body = client.get(LIST, {"action": "moderation"}).content.decode()
    assert "Comment A" in body and "Skill B" not in body
    body = client.get(LIST, {"who": "mod@"}).content.decode()
    assert "Comment A" in body and "Skill B" not in body
    body = client.get(LIST, {"target": "skill"}).content.decode()
    assert "Skill B" in body and "Comment A" not in body


def test_a_bad_date_filter_does_not_break_the_page(client):
    """A date that makes no sense is shown as an error and ignored."""
    _administrator(client)
    AuditEntryFactory(target="Still here")
    response = client.get(LIST, {"since": "lots", "until": "31/12/9999"})
    assert response.status_code == 200 and "Still here" in response.content.decode()


def test_the_list_page_takes_few_queries(client, django_assert_max_num_queries):
    """The number of queries does not grow with the number of entries."""
    _administrator(client)
    AuditEntryFactory.create_batch(30)
    with django_assert_max_num_queries(8):
        client.get(LIST)


def test_csv_export_holds_the_filtered_entries(client):
    """The CSV has a header and one row per matching entry, formulas made harmless."""
    _administrator(client)
    audit_record(actor=None, action="skills.merged", target="=HYPERLINK(1)", detail={"a": 1})
    audit_record(actor=None, action="roles.changed", target="Person 9")
    response = client.get(CSV, {"action": "skills"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["when", "who", "action", "target", "detail"]
    assert len(rows) == 2 and rows[1][2:] == ["skills.merged", "'=HYPERLINK(1)", '{"a": 1}']


def test_the_admin_cannot_change_or_remove_entries(client, admin_user):
    """The admin lists entries but offers no add, change or delete."""
    client.force_login(admin_user)
    entry = AuditEntryFactory()
    assert client.get(reverse("admin:staff_auditentry_changelist")).status_code == 200
    assert client.get(reverse("admin:staff_auditentry_add")).status_code == 403
    assert client.get(reverse("admin:staff_auditentry_delete", args=[entry.pk])).status_code == 403
    client.post(reverse("admin:staff_auditentry_change", args=[entry.pk]), {"target": "x"})
    assert AuditEntry.objects.get(pk=entry.pk).target == entry.target
