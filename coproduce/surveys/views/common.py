"""What the survey pages share: finding a survey the viewer may see."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .. import permissions, selectors
from ..models import Survey


def visible_survey(request, pk: int) -> Survey:
    """The survey with its questions and options, or 404 for a draft the viewer may not see."""
    survey = selectors.survey_detail(pk)
    if survey is None or not permissions.can_see(request.user, survey):
        raise Http404
    return survey


def managed_survey(request, pk: int) -> Survey:
    survey = visible_survey(request, pk)
    if not permissions.can_manage(request.user, survey):
        raise PermissionDenied(
            _("Only the person who runs this survey, or a council officer, can do this.")
        )
    return survey
