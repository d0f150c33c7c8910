"""Reads of projects: lists with filters, and one project with what its page shows."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from coproduce.groups.selectors import is_verified_official
from coproduce.places.models import Ward

from .lifecycle import OPEN_TO_JOIN, Status
from .models import (
    HELPING,
    NOT_MET,
    Appreciation,
    Contribution,
    Follow,
    Need,
    OutcomeRecord,
    Owner,
    OwnerInvitation,
    Project,
    StatusChange,
    Update,
    VolunteerRole,
)

SORTS = {
    "newest": ["-created_at", "-pk"],
    "appreciated": ["-appreciation_count", "-pk"],
    # Relevance: for someone signed in, how many of their skills a project needs first.
    "relevance": ["-my_skills", "-appreciation_count", "-created_at", "-pk"],
}
MAX_QUERY = 100


@dataclass(frozen=True)
class ProjectFilters:
    """What the list of projects is narrowed to and sorted by (forms.ProjectFilterForm)."""

    ward: Ward | None = None
    theme: str = ""
    status: str = ""
    q: str = ""
    sort: str = "newest"
    needs_my_skills: bool = False


def _my_skills(user):
    from coproduce.skills.models import PersonSkill

    return PersonSkill.objects.filter(
        profile__user=user, status=PersonSkill.Status.CONFIRMED
    ).values("skill")


def shown_projects() -> QuerySet[Project]:
    """Projects anyone may come across in lists, on the map and among choices: all but those
    a moderator hid. Who may still open a hidden one is permissions.can_see."""
    return Project.objects.filter(is_hidden=False)


def projects_completed_recently(limit: int = 5) -> list[Project]:
    """Completed projects that say what came of them, newest first, as anyone may see them
    (the toolkit's practice stories)."""
    return list(
        shown_projects()
        .filter(status=Status.COMPLETED)
        .exclude(outcome="")
        .select_related("ward")
        .order_by("-updated_at", "-pk")[:limit]
    )


def listed_projects(filters: ProjectFilters, user=None) -> QuerySet[Project]:
    """Projects anyone may see, matching the filters. Archived ones only when asked for."""
    projects = shown_projects().select_related("ward", "place")
    signed_in = user is not None and user.is_authenticated
    if signed_in and (filters.sort == "relevance" or filters.needs_my_skills):
        open_needs = Need.objects.filter(
            project=OuterRef("pk"), status__in=NOT_MET, skills__in=Subquery(_my_skills(user))
        )
        counted = open_needs.values("project").annotate(n=Count("skills", distinct=True))
        projects = projects.annotate(
            my_skills=Coalesce(Subquery(counted.values("n")[:1]), Value(0))
        )
        if filters.needs_my_skills:
            projects = projects.filter(my_skills__gt=0)
    elif filters.sort == "relevance":
        projects = projects.annotate(my_skills=Value(0))
    elif filters.needs_my_skills:
        projects = projects.none()
    if filters.status:
        projects = projects.filter(status=filters.status)
    else:
        projects = projects.exclude(status=Status.ARCHIVED)
    if filters.ward is not None:
        projects = projects.filter(ward=filters.ward)
    if filters.theme:
        projects = projects.filter(theme=filters.theme)
    if filters.q:
        projects = projects.filter(Q(title__icontains=filters.q) | Q(summary__icontains=filters.q))
    return projects.order_by(*SORTS[filters.sort])


UPDATES_SHOWN = 5


def project_for_page(pk: int) -> Project | None:
    """One project with what its page shows, in a fixed number of queries."""
    return (
        Project.objects.select_related("ward", "place", "created_by")
        .prefetch_related(
            Prefetch(
                "owners", queryset=Owner.objects.select_related("user__profile", "organisation")
            ),
            Prefetch("history", queryset=StatusChange.objects.select_related("changed_by")),
            Prefetch(
                "needs",
                queryset=Need.objects.filter(status__in=NOT_MET).prefetch_related("skills"),
                to_attr="open_needs",
            ),
            Prefetch(
                "roles",
                queryset=VolunteerRole.objects.annotate(
                    filled=Count("volunteers", filter=Q(volunteers__status__in=HELPING))
                ),
            ),
            "resources",
            Prefetch(
                "updates",
                queryset=Update.objects.order_by("-created_at", "-pk")[:UPDATES_SHOWN],
                to_attr="latest_updates",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def my_contributions(project: Project, user) -> list[Contribution]:
    if not user.is_authenticated:
        return []
    return list(
        Contribution.objects.filter(project=project, person=user).select_related("role", "need")
    )


def help_taken(project: Project) -> list[Contribution]:
    """Every offer, proposal and volunteer the owners accepted, even if they stepped back
    later, first accepted first: the project's story and its list of helpers, in one query."""
    return list(
        Contribution.objects.filter(project=project, decided_at__isnull=False)
        .exclude(status=Contribution.Status.DECLINED)
        .select_related("person__profile", "role", "need", "skill")
        .order_by("decided_at", "pk")
    )


def helpers_among(taken: list[Contribution]) -> list[Contribution]:
    """Who is helping now: those accepted who have not stepped back."""
    return [c for c in taken if c.status in HELPING]


@dataclass(frozen=True)
class StoryEntry:
    """One line of a project's story: a move in its life, or help the owners took."""

    when: object  # a datetime
    change: StatusChange | None = None
    accepted: Contribution | None = None

    @property
    def stage(self) -> str:
        """The stage moved to, in the words the page uses ("Getting started")."""
        if self.change is None:
            return ""
        try:
            return str(Project.Status(self.change.to_status).label)
        except ValueError:
            return self.change.to_status


def story_of(project: Project, taken: list[Contribution]) -> list[StoryEntry]:
    """The project's story so far: its moves (prefetched on the page's project) and each
    offer or volunteer accepted (from `help_taken`), oldest first."""
    entries = [StoryEntry(when=c.changed_at, change=c) for c in project.history.all()]
    entries += [StoryEntry(when=c.decided_at, accepted=c) for c in taken]
    return sorted(entries, key=lambda entry: entry.when)


def contributions_for_owners(project: Project) -> list[Contribution]:
    """Everything offered, proposed and volunteered, waiting ones first."""
    waiting_first = Case(When(status=Contribution.Status.PENDING, then=0), default=1)
    return list(
        Contribution.objects.filter(project=project)
        .select_related("person__profile", "need", "role", "proposal")
        .order_by(waiting_first, "-created_at", "-pk")
    )


def projects_for_me(user, *, limit: int = 50) -> list[Project]:
    """Projects open to join with an open need for a skill this person has confirmed."""
    from coproduce.skills.models import PersonSkill

    mine = PersonSkill.objects.filter(
        profile__user=user, status=PersonSkill.Status.CONFIRMED
    ).values("skill")
    return list(
        shown_projects()
        .filter(
            status__in=[s.value for s in OPEN_TO_JOIN],
            needs__status__in=NOT_MET,
            needs__skills__in=Subquery(mine),
        )
        .annotate(matching=Count("needs__skills", distinct=True))
        .select_related("ward")
        .order_by("-matching", "-created_at")[:limit]
    )


@dataclass(frozen=True)
class ViewerState:
    appreciated: bool = False
    following: bool = False


def viewer_state(project: Project, user) -> ViewerState:
    if not user.is_authenticated:
        return ViewerState()
    return ViewerState(
        appreciated=Appreciation.objects.filter(project=project, user=user).exists(),
        following=Follow.objects.filter(project=project, user=user).exists(),
    )


def _verified_council_group(organisation) -> bool:
    """A council service group an officer verified; a self-declared kind counts for nothing."""
    return organisation.kind == "council_service" and is_verified_official(organisation)


def council_owns(project: Project) -> bool:
    """Whether the council is among the owners: an owner an officer gave the council role
    (and who accepted it), or a council service group an officer verified."""
    return any(
        (owner.role == Owner.Role.COUNCIL and owner.role_by_officer)
        or (owner.organisation is not None and _verified_council_group(owner.organisation))
        for owner in project.owners.all()
    )


def owner_invitations_waiting(project: Project) -> list[OwnerInvitation]:
    """Invitations to own the project not yet answered, newest first, for its managers."""
    return list(
        OwnerInvitation.objects.filter(
            project=project, status=OwnerInvitation.Status.PENDING
        ).order_by("-created_at", "-pk")
    )


def owner_invitation_for(*, pk: int, user) -> OwnerInvitation | None:
    """The invitation, only for the person invited (nobody else learns it exists)."""
    if not user.is_authenticated:
        return None
    return (
        OwnerInvitation.objects.select_related("project", "invited_by")
        .filter(pk=pk, person=user, project__is_hidden=False)
        .first()
    )


def projects_by_stage(*, ward_id: int | None = None) -> dict[str, int]:
    """How many shown projects are at each stage (status), in one grouped query. For a ward:
    projects in the ward or at a place in it."""
    projects = shown_projects()
    if ward_id is not None:
        projects = projects.filter(Q(ward_id=ward_id) | Q(place__ward_id=ward_id))
    rows = projects.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


# Evidence: documents and outcome figures ---------------------------------------------------


def documents_for(project, *, team: bool):
    """The project's documents, newest first; those for the team only when `team`."""
    documents = project.documents.all()
    return documents if team else documents.filter(team_only=False)


def current_outcomes(project):
    """The figures that count now (not corrected or withdrawn), latest period first."""
    return project.outcomes.filter(superseded_at__isnull=True).select_related("measure")


def outcome_history(project):
    """Every figure ever recorded for the project, with who recorded and replaced it."""
    return project.outcomes.select_related(
        "measure", "recorded_by", "superseded_by", "replaces"
    ).order_by("-recorded_at", "-pk")


def outcomes_for_export():
    """Every outcome record of every project, oldest first, for the officers' download."""
    return OutcomeRecord.objects.select_related(
        "project", "project__ward", "measure", "recorded_by", "superseded_by"
    ).order_by("pk")


def replaced_outcome_ids(project=None) -> set[int]:
    """The records that a correction replaced (the rest of those not current were withdrawn),
    of one project or of all."""
    records = OutcomeRecord.objects.filter(replaces__isnull=False)
    if project is not None:
        records = records.filter(project=project)
    return set(records.values_list("replaces_id", flat=True))
