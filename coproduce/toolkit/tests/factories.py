import factory
from django.contrib.auth.models import Permission

from coproduce.accounts.tests.factories import UserFactory
from coproduce.toolkit import services
from coproduce.toolkit.models import Course, Option, Step, Topic


def guide_editor(**kwargs):
    """Someone who may write guides (the permission given directly, whatever their role)."""
    person = UserFactory(**kwargs)
    person.user_permissions.add(Permission.objects.get(codename="edit_guides"))
    return type(person).objects.get(pk=person.pk)  # fresh, so the permission cache is empty


def make_guide(*, by=None, topic: str = Topic.OPEN_SPACE, **fields):
    """A guide with its first version, made through the service."""
    values = {
        "title": "How to run an Open Space",
        "summary": "A meeting where the people who come set the plan.",
        "body": "Sit in a ring.\n\n## The rules\n\n- Whoever comes are the right people.",
        **fields,
    }
    return services.guide_create(by=by or guide_editor(), topic=topic, **values)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    slug = factory.Sequence(lambda n: f"course-{n:04d}")
    title = factory.Sequence(lambda n: f"Short course {n:04d}")
    summary = "A few short steps."


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    course = factory.SubFactory(CourseFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Step {n}")
    body = "Talk to people where they are."
    question = "Where should you talk to people?"


def step_with_options(course=None, number: int = 1, **fields) -> Step:
    """A step whose check has one right and one wrong answer."""
    step = StepFactory(course=course or CourseFactory(), number=number, **fields)
    Option.objects.create(step=step, position=0, text="Only in the town hall", feedback="No.")
    Option.objects.create(
        step=step, position=1, text="Where they are", is_right=True, feedback="Yes."
    )
    return step


def right(step) -> Option:
    return step.options.get(is_right=True)


def wrong(step) -> Option:
    return step.options.get(is_right=False)
