"""Reading ages of what the toolkit shows, judged on the words alone (the markup left out).

Guides and courses are written for a reading age of 9 (`TARGET_READING_AGE`)."""

from coproduce.common.plain_language import TARGET_READING_AGE, reading_age

from . import markup

__all__ = ["TARGET_READING_AGE", "guide_reading_age", "is_too_hard", "step_reading_ages"]


def guide_reading_age(*, summary: str, body: str) -> int | None:
    """The reading age of a guide's summary and words together."""
    return reading_age(f"{summary}\n{markup.plain_text(body)}")


def step_reading_ages(step) -> tuple[int | None, int | None]:
    """The reading ages of a step's words, and of its check (question, answers, feedback)."""
    check = [step.question]
    for option in step.options.all():
        check += [option.text, option.feedback]
    return reading_age(markup.plain_text(step.body)), reading_age("\n".join(check))


def is_too_hard(age: int | None) -> bool:
    return age is not None and age > TARGET_READING_AGE
