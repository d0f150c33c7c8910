import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common.errors import render_form
from coproduce.people.selectors import own_profile

from . import recognition, selectors, services
from .forms import SkillPickForm, SuggestionReviewForm

logger = logging.getLogger(__name__)
UNAVAILABLE = _lazy(
    "We cannot suggest skills just now. Try again in a few minutes, or choose them from the list."
)


def skill_list(request):
    """The skills people can say they have, with what each means."""
    return render(
        request, "skills/skill_list.html", {"categories": selectors.categories_with_skills()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_skills(request):
    profile = own_profile(request.user)
    if profile is None:
        messages.info(request, _("Fill in your profile first, then choose your skills."))
        return redirect("people:edit")
    categories = list(selectors.categories_with_skills())
    held = [skill.pk for skill in selectors.confirmed_skills(profile)]
    initial = {
        f"category_{c.slug}": [s.pk for s in c.skills.all() if s.pk in held] for c in categories
    }
    form = SkillPickForm(request.POST or None, categories=categories, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.person_skills_pick(profile=profile, skills=form.chosen_skills())
        messages.success(request, _("Your skills have been saved."))
        return redirect("people:me")
    return render(request, "skills/my_skills.html", {"form": form, "profile": profile})


def _suggestions(profile):
    # Skills the person already said yes or no to are never suggested again.
    decided = selectors.decided_skill_keys(profile)
    return recognition.suggestions_for(profile.what_i_can_do, exclude=decided)


@login_required
@require_http_methods(["GET", "POST"])
def review_suggestions(request):
    """Skills recognised in "what I can do", each with the words that suggested it."""
    profile = own_profile(request.user)
    if profile is None:
        return redirect("people:edit")
    try:
        suggestions = _suggestions(profile)
    except recognition.RecognitionUnavailable:
        logger.exception("Skill recognition did not answer")
        messages.error(request, UNAVAILABLE)
        return redirect("skills:mine")
    if not suggestions and request.method == "GET":
        return render(request, "skills/no_suggestions.html", {"profile": profile})
    form = SuggestionReviewForm(request.POST or None, suggestions=suggestions)
    if request.method == "POST" and form.is_valid():
        services.person_skills_confirm(
            profile=profile, accepted=form.accepted(), declined=form.declined()
        )
        messages.success(request, _("Your skills have been saved."))
        return redirect("people:me")
    return render_form(
        request, "skills/review_suggestions.html", {"form": form, "profile": profile}
    )


@login_required
@require_GET
def suggest(request):
    """Live suggestions while someone types (JSON). Shows, never saves."""
    text = request.GET.get("text", "")
    if len(text) > recognition.MAX_TEXT_CHARS:
        return JsonResponse(
            {"error": f"Send {recognition.MAX_TEXT_CHARS} characters or fewer"}, status=400
        )
    profile = own_profile(request.user)
    decided = selectors.decided_skill_keys(profile) if profile else set()
    try:
        found = recognition.suggestions_for(text, exclude=decided)
    except recognition.RecognitionUnavailable:
        logger.exception("Skill recognition did not answer")
        return JsonResponse({"error": str(UNAVAILABLE)}, status=503)
    return JsonResponse(
        {
            "suggestions": [
                {"key": s.key, "label": s.label, "score": s.score, "evidence": s.evidence}
                for s in found
            ]
        }
    )
