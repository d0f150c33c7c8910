import factory

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.matching.models import Invitation
from coproduce.people.tests.factories import ProfileFactory
from coproduce.projects.tests.factories import NeedFactory
from coproduce.skills.models import PersonSkill, Skill


def gardening() -> Skill:
    """A skill from the shipped taxonomy, found by its slug (names may be reworded)."""
    return Skill.objects.get(slug="gardening")


def other_skill() -> Skill:
    return Skill.objects.exclude(slug="gardening").order_by("slug").first()


def organiser(**kwargs):
    return UserFactory(roles=[Role.ORGANISER], **kwargs)


def helper(*, skills=None, ward=None, **profile_fields):
    """A person open to invitations who shares who they are, skills and availability."""
    fields = {
        "open_to_invitations": True,
        "visibility_identity": "members",
        "visibility_skills": "members",
        "visibility_availability": "members",
        "available_days": ["sat"],
        "available_times": ["morning"],
        "travel": "borough",
        "hours_per_month": 8,
        **profile_fields,
    }
    if ward is not None:
        fields["ward"] = ward
        fields["street"] = None
    profile = ProfileFactory(**fields)
    for skill in skills or [gardening()]:
        PersonSkill.objects.create(profile=profile, skill=skill, status="confirmed")
    return profile


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    need = factory.SubFactory(NeedFactory)
    person = factory.LazyAttribute(lambda o: helper().user)
    invited_by = factory.SelfAttribute("need.created_by")
