"""Owners from before invitations stay owners; only an officer's council role still counts."""

from importlib import import_module

import pytest
from django.apps import apps

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.models import Owner

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db

migration = import_module("coproduce.projects.migrations.0007_existing_owners_accepted")


def test_existing_owners_stay_and_only_officers_council_roles_count():
    """Every owner is kept; a council role counts only where the owner is an officer."""
    project = ProjectFactory()
    officer, resident = UserFactory(roles=[Role.OFFICER]), UserFactory()
    Owner.objects.create(project=project, user=officer, role="council")
    Owner.objects.create(project=project, user=resident, role="council")
    Owner.objects.create(project=project, user=UserFactory(), role="lead")
    migration.mark_council_roles(apps, None)
    rows = set(Owner.objects.values_list("user", "role_by_officer"))
    assert (officer.pk, True) in rows and (resident.pk, False) in rows
    assert Owner.objects.count() == 3
