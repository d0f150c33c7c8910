import hashlib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.groups.models import Membership
from coproduce.projects.selectors import shown_projects

from .. import permissions, selectors
from ..forms import ActionForm, NoteForm, ReportBackForm, TreatmentForm
from ..models import Action, Barrier, Column, ColumnNote, Event, Rsvp, Treatment
from ..services import barriers as barrier_services
from ..services import treatments as services
from .lookups import event_or_404

COLUMNS = {
    Column.WHO.value: ColumnNote,
    Column.RESOURCES.value: ColumnNote,
    Column.ACTIONS.value: Action,
    Column.BARRIERS.value: Barrier,
}


def _treatment_or_404(request, pk: int) -> Treatment:
    treatment = selectors.treatment_detail(pk)
    if treatment is None:
        raise Http404
    # Projects put forward but not (yet) taken are seen by who brought them and organisers.
    if treatment.status != Treatment.Status.ACCEPTED and not (
        treatment.presenter_id == getattr(request.user, "pk", None)
        or permissions.can_manage(request.user, treatment.event)
    ):
        raise Http404
    return treatment


def _my_projects(user):
    """Projects this person helps run: as an owner, or as an organiser of an owning group."""
    groups = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values(
        "organisation"
    )
    return (
        shown_projects()
        .filter(Q(owners__user=user) | Q(owners__organisation__in=groups))
        .distinct()
        .order_by("title")
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, pk: int):
    """Put a project forward for a session of an action learning set."""
    event = event_or_404(pk, request.user)
    if event.kind != Event.Kind.ACTION_LEARNING_SET:
        raise Http404
    form = TreatmentForm(request.POST or None, projects=_my_projects(request.user))
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            treatment = services.treatment_propose(
                event=event, by=request.user, **form.cleaned_data
            )
            if treatment.status == Treatment.Status.ACCEPTED:
                messages.success(request, _("Your project is on the session's agenda."))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. The set's organisers will tell you if there is room "
                        "for it at this session."
                    ),
                )
            return redirect("gatherings:treatment", treatment.pk)
    return render_form(request, "gatherings/treatment_form.html", {"form": form, "event": event})


def _people_for_actions(treatment: Treatment, user):
    """Who can be given an action. Facilitators choose from everyone with a place; others
    from themselves, the person who brought the project and the organisers, so nobody learns
    who else is coming from the list."""
    user_ids = {user.pk}
    if permissions.can_manage(user, treatment.event):
        user_ids |= set(
            Rsvp.objects.filter(
                event_id=treatment.event_id, status=Rsvp.Status.CONFIRMED
            ).values_list("user_id", flat=True)
        )
    user_ids |= {person.pk for person in treatment.event.organisers.all()}
    if treatment.presenter_id:
        user_ids.add(treatment.presenter_id)
    return (
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .order_by("display_name", "pk")
    )


def _shows_owners(request, treatment: Treatment) -> bool:
    """Names of action owners are for people at the session, not the whole internet."""
    return services.can_capture(request.user, treatment)


def _page_context(request, treatment: Treatment, forms: dict | None = None) -> dict:
    can_capture = treatment.status == Treatment.Status.ACCEPTED and services.can_capture(
        request.user, treatment
    )
    manages = permissions.can_manage(request.user, treatment.event)
    people = _people_for_actions(treatment, request.user) if can_capture else None
    forms = forms or {}
    board = selectors.treatment_board(
        treatment, show_owners=_shows_owners(request, treatment), viewer=request.user
    )
    return {
        "treatment": treatment,
        "event": treatment.event,
        "notes_who": [n for n in treatment.notes.all() if n.column == Column.WHO],
        "notes_resources": [n for n in treatment.notes.all() if n.column == Column.RESOURCES],
        "actions": list(treatment.actions.all()),
        "barriers": list(treatment.barriers.all()),
        "can_capture": can_capture,
        "manages": manages,
        "can_report_back": services.can_report_back(request.user, treatment)
        and treatment.event.starts_at <= timezone.now()
        and (treatment.actions.all() or treatment.barriers.all()),
        "can_curate": manages or barrier_services.can_curate(request.user),
        "who_form": forms.get("who") or NoteForm(column="who"),
        "resources_form": forms.get("resources") or NoteForm(column="resources"),
        "action_form": forms.get("actions")
        or (
            ActionForm(prefix="actions", people=people, viewer=request.user)
            if people is not None
            else None
        ),
        "barrier_form": forms.get("barriers") or NoteForm(column="barriers"),
        "report_backs": selectors.report_backs_for(treatment),
        "earlier": selectors.earlier_sessions_of(treatment),
        "later": list(treatment.followed_by.select_related("event")),
        "board_version": _version(board),
        "show_owners": _shows_owners(request, treatment),
        "json_url": reverse("gatherings:treatment_json", args=[treatment.pk]),
        "form": next((f for f in forms.values() if f is not None and f.errors), None),
    }


def _version(board: dict) -> str:
    """Changes whenever anything on the board changes, so the page knows to redraw."""
    parts = []
    for column in ("who", "resources", "actions", "barriers"):
        parts.append(",".join(f"{item['id']}" for item in board[column]))
    parts += [f"{a['id']}:{a['status']}" for a in board["actions"]]
    parts += [f"{b['id']}:{b['busted']}:{b['library']}" for b in board["barriers"]]
    return hashlib.sha1("|".join(parts).encode(), usedforsecurity=False).hexdigest()[:16]


@require_GET
def treatment(request, pk: int):
    treatment = _treatment_or_404(request, pk)
    return render(request, "gatherings/treatment.html", _page_context(request, treatment))


@require_GET
def board_json(request, pk: int):
    """The four columns as JSON, for the live page: polled while people fill it in."""
    treatment = _treatment_or_404(request, pk)
    board = selectors.treatment_board(
        treatment, show_owners=_shows_owners(request, treatment), viewer=request.user
    )
    return JsonResponse({"version": _version(board), **board})


@login_required
@require_POST
def capture(request, pk: int, column: str):
    treatment = _treatment_or_404(request, pk)
    if column not in COLUMNS:
        raise Http404
    if column == Column.ACTIONS:
        form = ActionForm(
            request.POST,
            prefix="actions",
            people=_people_for_actions(treatment, request.user),
            viewer=request.user,
        )
    else:
        form = NoteForm(request.POST, column=column)
    if form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            if column == Column.ACTIONS:
                services.action_add(
                    treatment=treatment,
                    by=request.user,
                    text=data["text"],
                    due_on=data["due_on"],
                    owner=data["owner"],
                    owner_name=data["owner_name"],
                )
            elif column == Column.BARRIERS:
                services.barrier_add(treatment=treatment, by=request.user, text=data["text"])
            else:
                services.note_add(
                    treatment=treatment, by=request.user, column=column, text=data["text"]
                )
            messages.success(request, _("Added. Everyone on this page will see it."))
            return redirect(f"{reverse('gatherings:treatment', args=[pk])}#{column}")
    treatment = selectors.treatment_detail(pk)
    return render(
        request,
        "gatherings/treatment.html",
        _page_context(request, treatment, {column: form}),
        status=400,
    )


@login_required
@require_POST
def capture_remove(request, pk: int, column: str, item: int):
    treatment = _treatment_or_404(request, pk)
    model = COLUMNS.get(column)
    if model is None:
        raise Http404
    found = model.objects.filter(pk=item, treatment=treatment).select_related("treatment__event")
    found = found.first()
    if found is None:
        raise Http404
    with refusal_to_message(request):
        services.capture_remove(item=found, by=request.user)
        messages.success(request, _("Removed."))
    return redirect(f"{reverse('gatherings:treatment', args=[pk])}#{column}")


@login_required
@require_POST
def decide(request, pk: int):
    treatment = _treatment_or_404(request, pk)
    decision = request.POST.get("decision")
    if decision not in ("accept", "decline"):
        raise BadRequest(_("Choose to take the project or not this time."))
    accept = decision == "accept"
    if not permissions.can_manage(request.user, treatment.event):
        raise PermissionDenied(_("Only the set's organisers can choose which projects come."))
    with refusal_to_message(request):
        services.treatment_decide(treatment=treatment, by=request.user, accept=accept)
        messages.success(
            request,
            _("It is on the agenda.") if accept else _("It will not come to this session."),
        )
    return redirect("gatherings:event", treatment.event_id)


def _report_session(treatment: Treatment) -> Event | None:
    """The session the report is given at: the set's latest session that has started, after
    the one where the actions were agreed."""
    if treatment.event.series_id is None:
        return None
    return (
        Event.objects.filter(
            series_id=treatment.event.series_id,
            starts_at__gt=treatment.event.starts_at,
            starts_at__lte=timezone.now() + timezone.timedelta(days=1),
            status=Event.Status.SCHEDULED,
        )
        .order_by("-starts_at")
        .first()
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_back(request, pk: int):
    """Say what happened to each action and barrier since the session."""
    treatment = _treatment_or_404(request, pk)
    if not services.can_report_back(request.user, treatment):
        raise PermissionDenied(_("Only the person who brought the project can report back."))
    form = ReportBackForm(
        request.POST or None,
        actions=treatment.actions.all(),
        barriers=treatment.barriers.all(),
    )
    if request.method == "POST" and form.is_valid():
        actions, barriers = form.outcomes()
        with refusal_to_form(form):
            services.report_back(
                treatment=treatment,
                by=request.user,
                actions=actions,
                barriers=barriers,
                at_event=_report_session(treatment),
            )
            messages.success(request, _("Thank you. Your report back is saved."))
            if treatment.event.series_id:
                return redirect(
                    f"{reverse('gatherings:series', args=[treatment.event.series.slug])}#progress"
                )
            return redirect("gatherings:treatment", treatment.pk)
    return render_form(
        request,
        "gatherings/report_back.html",
        {
            "form": form,
            "treatment": treatment,
            "event": treatment.event,
            "chosen_barriers": selectors.barriers_chosen([b.pk for b in treatment.barriers.all()]),
        },
    )


@login_required
@require_GET
def my_actions(request):
    return render(
        request,
        "gatherings/my_actions.html",
        {"actions": selectors.actions_owned_by(request.user)},
    )
