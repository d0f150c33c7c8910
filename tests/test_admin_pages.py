"""Every model in the admin opens for an administrator, and records that change only
through the site's services cannot be added or changed there."""

import pytest
from django.contrib import admin
from django.urls import reverse

from coproduce.common.admin_base import ReadOnlyAdmin
from coproduce.insights.models import WardPopulation
from coproduce.places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name, type(model_admin))
    for model, model_admin in admin.site._registry.items()
)


@pytest.mark.parametrize(("app", "model", "admin_class"), REGISTERED)
def test_each_list_opens_and_read_only_ones_refuse_adding(admin_client, app, model, admin_class):
    """The list opens (200); a read-only model's add page is refused (403)."""
    assert admin_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    if issubclass(admin_class, ReadOnlyAdmin):
        assert admin_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 403


@pytest.mark.parametrize(
    "model", ["budgets.round", "budgets.proposal", "budgets.result", "credits.credit"]
)
def test_rounds_results_and_credits_are_never_removed_by_hand(model):
    """A round, its proposals, a count of votes and a ledger posting are kept."""
    from django.apps import apps
    from django.test import RequestFactory

    from coproduce.accounts.tests.factories import UserFactory

    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    model_admin = admin.site._registry[apps.get_model(model)]
    assert not model_admin.has_delete_permission(request)
    assert not model_admin.has_change_permission(request)


def test_ward_populations_are_added_and_corrected_in_the_admin(admin_client):
    """One figure per ward and year: a second is refused with a reason; correcting the
    figure changes it in place."""
    ward = WardFactory()
    add = reverse("admin:insights_wardpopulation_add")
    form = {"ward": ward.pk, "year": 2025, "population": 8000, "source": "ONS"}
    assert admin_client.post(add, form).status_code == 302
    again = admin_client.post(add, {**form, "population": 9000})
    assert again.status_code == 200 and "already exists" in again.text
    estimate = WardPopulation.objects.get(ward=ward, year=2025)
    change = reverse("admin:insights_wardpopulation_change", args=[estimate.pk])
    response = admin_client.post(change, {"population": 8250, "source": "ONS mid-2025"})
    assert response.status_code == 302
    assert WardPopulation.objects.get().population == 8250
