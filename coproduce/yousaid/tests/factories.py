from datetime import timedelta

import factory
from django.contrib.auth.models import Permission
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.surveys.tests.factories import SurveyFactory
from coproduce.yousaid.models import CouncilResponse


def officer(**kwargs):
    """A council officer who may own responses and run any survey and conversation (granted
    here too, so the tests do not depend on accounts/roles.py)."""
    person = UserFactory(roles=[Role.OFFICER], **kwargs)
    for app_label, codename in [
        ("yousaid", "own_council_response"),
        ("surveys", "manage_any_survey"),
        ("conversations", "manage_any_conversation"),
    ]:
        person.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return type(person).objects.get(pk=person.pk)  # a fresh permission cache


def closed_survey(**kwargs):
    now = timezone.now()
    return SurveyFactory(
        opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1), **kwargs
    )


class CouncilResponseFactory(factory.django.DjangoModelFactory):
    """A planned response to a closed survey, due in a month."""

    class Meta:
        model = CouncilResponse

    source = "survey"
    item_id = factory.LazyFunction(lambda: closed_survey().pk)
    item_title = factory.Sequence(lambda n: f"What would make our parks better? {n}")
    heard = "People want more benches and better lighting."
    will_change = "We will put in ten benches and fix the lights on the main path."
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    written_by = factory.LazyFunction(officer)
