from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from . import privacy, selectors, services
from .forms import ProfileForm
from .models import Visibility


@login_required
def my_profile(request):
    profile = selectors.own_profile(request.user)
    visible = selectors.visible_profile(request.user, profile) if profile else None
    labels = dict(Visibility.choices)
    who_sees = (
        {part: labels[level] for part, level in profile.visibilities().items()} if profile else {}
    )
    return render(
        request,
        "people/my_profile.html",
        {"profile": profile, "visible": visible, "who_sees": who_sees},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    profile = selectors.own_profile(request.user)
    initial = (
        {
            "ward": profile.ward_id,
            **{name: getattr(profile, name) for name in services.EDITABLE_DETAILS},
        }
        if profile
        else {f"visibility_{part}": level.value for part, level in privacy.DEFAULTS.items()}
    )
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        before = profile.what_i_can_do if profile else ""
        services.profile_edit(
            user=request.user,
            ward=form.cleaned_data["ward"],
            street=profile.street
            if profile and profile.ward == form.cleaned_data["ward"]
            else None,
            details=form.cleaned_details(),
        )
        messages.success(request, _("Your profile has been saved."))
        written = form.cleaned_data["what_i_can_do"].strip()
        if written and written != before.strip():
            # New words about what they can do: show the skills they suggest, to confirm.
            return redirect("skills:review")
        return redirect("people:me")
    return render(request, "people/edit_profile.html", {"form": form})


# The people a resident can preview their profile as, and how the page names them.
PREVIEWS = {
    privacy.Relation.VISITOR: _lazy("a visitor"),
    privacy.Relation.MEMBER: _lazy("a signed-in resident"),
    privacy.Relation.ORGANISER: _lazy("a group organiser"),
}


@login_required
def preview(request, relation: str):
    """The person's own profile drawn exactly as the public page draws it for `relation`."""
    as_relation = next((r for r in PREVIEWS if r.value == relation), None)
    profile = selectors.own_profile(request.user)
    if as_relation is None:
        raise Http404
    if profile is None:
        return redirect("people:me")
    return render(
        request,
        "people/person.html",
        {
            "person": selectors.profile_as_seen_by(profile, as_relation),
            "preview": {"relation": as_relation, "who": PREVIEWS[as_relation]},
            "previews": [(r.value, who) for r, who in PREVIEWS.items() if r != as_relation],
        },
    )


def person(request, pk: int):
    """A person's profile as this viewer may see it; 404 if they may not see who it is."""
    profile = selectors.profile_for_view(pk)
    visible = selectors.visible_profile(request.user, profile) if profile else None
    if visible is None:
        raise Http404
    return render(request, "people/person.html", {"person": visible})
