import pytest

from coproduce.demo import services as demo_services
from coproduce.demo.parts import toolkit as demo
from coproduce.demo.parts.toolkit.courses import COURSES
from coproduce.demo.parts.toolkit.guides import GUIDES
from coproduce.demo.tests.factories import TINY
from coproduce.toolkit.models import Course, Guide, GuideVersion, Option, Step
from coproduce.toolkit.reading import TARGET_READING_AGE, guide_reading_age, step_reading_ages

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    ctx = demo_services.demo_context(size=TINY, seed=1, write=lambda line: None)
    demo.build(ctx)
    return ctx


def test_demo_makes_five_guides_with_history_and_two_courses_and_clears_them(built):
    """Five guides (one with a second version), two courses with a check on every step, each
    with one right answer; clear removes them all."""
    assert Guide.objects.count() == 5 and Course.objects.count() == 2
    assert sorted(Guide.objects.values_list("version", flat=True)) == [1, 1, 1, 1, 2]
    assert GuideVersion.objects.count() == 6
    for step in Step.objects.all():
        assert step.options.filter(is_right=True).count() == 1
        assert step.options.count() >= 2
    demo.clear()
    assert not Guide.objects.exists() and not GuideVersion.objects.exists()
    assert not Course.objects.exists() and not Step.objects.exists()
    assert not Option.objects.exists()


def test_every_demo_guide_is_at_reading_age_9_or_below(built):
    """Each guide's summary and words (and its older versions) read at age 9 or below."""
    assert {slug for slug, *_rest in GUIDES} == set(Guide.objects.values_list("slug", flat=True))
    for version in GuideVersion.objects.all():
        age = guide_reading_age(summary=version.summary, body=version.body)
        assert age is not None and age <= TARGET_READING_AGE, (version.title, age)


def test_every_demo_course_step_and_check_is_at_reading_age_9_or_below(built):
    """Each step's words, and each check's question, answers and feedback, read at age 9 or
    below; so do the courses' names and summaries."""
    assert Step.objects.count() == sum(len(steps) for *_c, steps in COURSES)
    for step in Step.objects.prefetch_related("options"):
        words, check = step_reading_ages(step)
        assert words is not None and words <= TARGET_READING_AGE, (step.title, words)
        assert check is not None and check <= TARGET_READING_AGE, (step.question, check)
    for course in Course.objects.all():
        age = guide_reading_age(summary=course.title, body=course.summary)
        assert age <= TARGET_READING_AGE, (course.title, age)
