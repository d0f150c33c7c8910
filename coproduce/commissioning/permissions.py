"""Who may do what with service choice panels.

Officers with RUN_PANELS set panels up; the officers running a panel (its `officers`) are
the only ones who see bids' commercial details, members' dates of birth, consent records and
the score sheet. Anyone may read a published panel's public page.
"""

RUN_PANELS = "commissioning.run_panels"


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_set_up(user) -> bool:
    return signed_in(user) and user.has_perm(RUN_PANELS)


def can_run(user, panel) -> bool:
    """One of the officers running this panel."""
    return can_set_up(user) and panel.officers.filter(pk=user.pk).exists()


def can_see(user, panel) -> bool:
    return panel.is_public or can_run(user, panel)


def takes_part(member, today) -> bool:
    """A member who may declare interests and score: they joined, and on a youth panel a
    parent or carer's consent is recorded if they are under 16."""
    from .sums import needs_guardian_consent

    if member is None or member.status != member.Status.ACTIVE:
        return False
    born = member.date_of_birth
    if member.panel.is_youth and born is not None and needs_guardian_consent(born, today):
        return hasattr(member, "consent")
    return True
