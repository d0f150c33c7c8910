"""Who may run a mystery shopping programme, record a visit and read the results.

Officers (`shopping.run_programmes`) set up and run programmes, assign visits, type in paper
forms and decide expenses. A shopper records their own visits. A service's results go to the
people who own its feedback: the organisation's organisers, and officers.
"""

from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed
from coproduce.feedback.permissions import may_manage_feedback

RUN_PROGRAMMES = "shopping.run_programmes"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_run(user) -> bool:
    return _signed_in(user) and user.has_perm(RUN_PROGRAMMES)


def can_see(user, programme) -> bool:
    """A programme being set up is only for officers; a running or finished one for anyone."""
    return programme.status != programme.Status.DRAFT or can_run(user)


def is_shopper(user, visit) -> bool:
    return _signed_in(user) and visit.shopper.person_id == user.pk and not visit.shopper.has_left


def can_record(user, visit) -> bool:
    """The shopper records their own visit online; officers type in paper forms."""
    return is_shopper(user, visit) or can_run(user)


def can_see_visit(user, visit) -> bool:
    return can_record(user, visit)


def can_see_service_results(user, service) -> bool:
    """The people who own a service's feedback (feedback decides who they are), and the
    officers who run mystery shopping."""
    return can_run(user) or may_manage_feedback(user, service)


def check_run(user) -> None:
    if not can_run(user):
        raise NotAllowed(_("Only council officers who run mystery shopping can do this."))
