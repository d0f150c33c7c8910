"""Who may make, run, answer and read the results of a survey.

Officers and organisers make surveys. The person who runs one, and officers, manage it and
type in paper answers. Answering needs an account. Results of a survey that has opened are
for everyone when its owner made them public; a poll's are also for anyone who answered it.
"""

from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed

MAKE_SURVEYS = "accounts.run_group_or_project"
MANAGE_ANY_SURVEY = "surveys.manage_any_survey"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_create(user) -> bool:
    return _signed_in(user) and user.has_perm(MAKE_SURVEYS)


def can_manage(user, survey) -> bool:
    """The person who runs it, and officers."""
    if not _signed_in(user):
        return False
    return survey.owner_id == user.pk or user.has_perm(MANAGE_ANY_SURVEY)


def can_see(user, survey) -> bool:
    """Anyone may see a published survey; a draft only the people who manage it."""
    return survey.status != survey.Status.DRAFT or can_manage(user, survey)


def can_see_results(user, survey, *, has_answered: bool = False) -> bool:
    if can_manage(user, survey):
        return True
    if survey.state() not in (survey.State.OPEN, survey.State.CLOSED):
        return False
    return survey.results_public or (survey.is_poll and has_answered)


def can_see_names(user, survey) -> bool:
    """Names next to answers: only in a named survey, only for the people who manage it."""
    return not survey.is_anonymous and can_manage(user, survey)


def check_manage(user, survey) -> None:
    if not can_manage(user, survey):
        raise NotAllowed(
            _("Only the person who runs this survey, or a council officer, can do this.")
        )
