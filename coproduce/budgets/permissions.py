"""Who may do what in sharing out support. Officers run rounds (the `budgets.run_rounds`
permission, given to the officer role); residents propose and vote as each round allows;
everyone reads rounds, proposals, reasons and results."""

from coproduce.groups.models import Membership

RUN_ROUNDS = "budgets.run_rounds"


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def runs_rounds(user) -> bool:
    return signed_in(user) and user.has_perm(RUN_ROUNDS)


def home_ward_id(user) -> int | None:
    """The ward on the person's profile, if they gave one."""
    if not signed_in(user):
        return None
    from coproduce.people.models import Profile

    return Profile.objects.filter(user=user).values_list("ward_id", flat=True).first()


def in_area(budget_round, ward_id: int | None) -> bool:
    if budget_round.borough_wide:
        return True
    return ward_id is not None and budget_round.wards.filter(pk=ward_id).exists()


def organised_groups(user):
    """The groups this person organises (to propose for)."""
    from coproduce.groups.models import Organisation

    if not signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ORGANISER
    ).order_by("name")


def may_vote(user, budget_round) -> bool:
    """Whether this person may vote in the round (at any stage)."""
    if not signed_in(user):
        return False
    if budget_round.who_may_vote == budget_round.WhoMayVote.ANYONE:
        return True
    return in_area(budget_round, home_ward_id(user))


def may_propose_as_resident(user, budget_round) -> bool:
    if not signed_in(user):
        return False
    rule = budget_round.who_may_propose
    if rule == budget_round.WhoMayPropose.ANYONE:
        return True
    if rule == budget_round.WhoMayPropose.GROUPS:
        return False
    return in_area(budget_round, home_ward_id(user))


def may_propose_for_group(user, budget_round, organisation) -> bool:
    if organisation is None or not organised_groups(user).filter(pk=organisation.pk).exists():
        return False
    if budget_round.who_may_propose == budget_round.WhoMayPropose.ANYONE:
        return True
    return in_area(budget_round, organisation.ward_id)


def may_propose(user, budget_round) -> bool:
    """Whether this person may propose at all: for themselves or for a group they organise."""
    if may_propose_as_resident(user, budget_round):
        return True
    return any(may_propose_for_group(user, budget_round, group) for group in organised_groups(user))


def may_withdraw(user, proposal) -> bool:
    """The proposer, and organisers of the group it came from."""
    if not signed_in(user):
        return False
    if proposal.proposer_id == user.pk:
        return True
    return (
        proposal.organisation_id is not None
        and organised_groups(user).filter(pk=proposal.organisation_id).exists()
    )
