from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coproduce.people.selectors import own_profile

from . import selectors, services
from .forms import SkillPickForm


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
