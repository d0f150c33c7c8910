import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.staff.models import AppendOnly, AuditEntry
from coproduce.staff.services import audit_record

pytestmark = pytest.mark.django_db


def test_audit_record_keeps_who_what_and_detail():
    """An entry keeps the actor, their email as it was, the action, the target and detail."""
    officer = UserFactory(email="officer@example.org", roles=[Role.OFFICER])
    entry = audit_record(
        actor=officer, action="skills.merged", target="Skill 3", detail={"into": 4}
    )
    entry.refresh_from_db()
    assert (entry.actor, entry.actor_email, entry.action) == (
        officer,
        "officer@example.org",
        "skills.merged",
    )
    assert entry.target == "Skill 3" and entry.detail == {"into": 4}


def test_audit_record_by_the_system_has_no_actor():
    """With no one signed in (None or anonymous) the entry names no one."""
    assert audit_record(actor=None, action="retention.ran").actor is None
    assert audit_record(actor=AnonymousUser(), action="retention.ran").actor_email == ""


def test_audit_record_refuses_an_empty_action():
    """An action code is required."""
    with pytest.raises(ValueError):
        audit_record(actor=None, action="")


def test_an_entry_cannot_be_changed():
    """Saving an existing entry again raises, and nothing changes."""
    entry = audit_record(actor=None, action="roles.changed", target="person 1")
    entry.target = "person 2"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(target="person 2")
    assert AuditEntry.objects.get(pk=entry.pk).target == "person 1"


def test_an_entry_cannot_be_removed():
    """Deleting an entry, or a set of entries, raises and keeps them."""
    entry = audit_record(actor=None, action="roles.changed")
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 1


def test_the_entry_outlives_the_actors_account():
    """When the actor's account is removed, the entry stays with their email."""
    officer = UserFactory(email="gone@example.org")
    entry = audit_record(actor=officer, action="roles.changed")
    officer.delete()
    entry.refresh_from_db()
    assert entry.actor is None and entry.actor_email == "gone@example.org"
