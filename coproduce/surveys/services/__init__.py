"""Every write to surveys goes through these modules.

surveys     making, changing, publishing and closing a survey
questions   a draft's questions and their options
responses   answers given online, in easy read, or typed in from paper

What cannot be done raises coproduce.common.errors.Refusal, with a message for the person.
"""

from .questions import OptionWords, question_add, question_remove, question_update
from .responses import Answers, response_enter_paper, response_submit
from .surveys import survey_close, survey_create, survey_publish, survey_update

__all__ = [
    "Answers",
    "OptionWords",
    "question_add",
    "question_remove",
    "question_update",
    "response_enter_paper",
    "response_submit",
    "survey_close",
    "survey_create",
    "survey_publish",
    "survey_update",
]
