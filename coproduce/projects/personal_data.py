"""What projects holds about a person (see coproduce/personal_data/registry.py).

Projects belong to the people who run them together: a closing account's own offers,
appreciations and follows go; what it wrote on a project stays, named as no one.
"""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare
from coproduce.personal_data.retention import declare_retention

from .models import Appreciation, OwnerInvitation, Project


def _withdraw_appreciations(user, choices: ClosingChoices) -> None:
    # The count on each project goes down with the rows, so it stays true.
    counts = (
        Appreciation.objects.filter(user=user)
        .values("project_id")
        .annotate(number=Count("pk"))
        .values_list("project_id", "number")
    )
    for project_id, number in counts:
        Project.objects.filter(pk=project_id).update(
            appreciation_count=F("appreciation_count") - number
        )
    Appreciation.objects.filter(user=user).delete()


declare("projects.Project", field="created_by", kind="projects_started", erase=Erasure.ANONYMISE)
declare("projects.Owner", field="user", kind="projects_owned", erase=Erasure.DELETE)
declare(
    "projects.StatusChange", field="changed_by", kind="project_changes", erase=Erasure.ANONYMISE
)
declare(
    "projects.Appreciation",
    field="user",
    kind="appreciations",
    erase=Erasure.CUSTOM,
    erase_with=_withdraw_appreciations,
)
declare("projects.Follow", field="user", kind="projects_followed", erase=Erasure.DELETE)
declare(
    "projects.Need",
    field="created_by",
    kind="needs_added",
    erase=Erasure.KEEP,
    reason="A need belongs to its project; it names no one once the account is closed.",
)
declare("projects.Contribution", field="person", kind="offers_of_help", erase=Erasure.DELETE)
declare(
    "projects.Contribution",
    field="decided_by",
    kind="offers_decided",
    erase=Erasure.ANONYMISE,
)
declare("projects.Update", field="author", kind="project_updates", erase=Erasure.ANONYMISE)
declare(
    "projects.OwnerInvitation",
    field="person",
    kind="owner_invitations",
    erase=Erasure.DELETE,
    private=("token",),
)
declare(
    "projects.OwnerInvitation",
    field="invited_by",
    kind="owner_invitations_sent",
    erase=Erasure.ANONYMISE,
    private=("token",),
)

# Evidence: the figures and documents stay with the project; the person is detached.
declare(
    "projects.Document", field="uploaded_by", kind="documents_uploaded", erase=Erasure.ANONYMISE
)
declare(
    "projects.OutcomeRecord",
    field="recorded_by",
    kind="outcome_figures_recorded",
    erase=Erasure.ANONYMISE,
)
declare(
    "projects.OutcomeRecord",
    field="superseded_by",
    kind="outcome_figures_replaced",
    erase=Erasure.ANONYMISE,
)


def _forget_old_invitations(cutoff) -> int:
    answered = ~Q(status=OwnerInvitation.Status.PENDING) & Q(updated_at__lt=cutoff)
    return OwnerInvitation.objects.filter(answered | Q(expires_at__lt=cutoff)).delete()[0]


declare_retention(
    "old_owner_invitations",
    period="old_invitations_days",
    what=_("Invitations to help run a project, once answered, withdrawn or expired"),
    apply=_forget_old_invitations,
)
