"""The projects app's models, one module per subject; import them from here."""

from .contributions import HELPING, Contribution, Resource, Update, VolunteerRole
from .invitations import OwnerInvitation
from .needs import NOT_MET, Need
from .projects import Appreciation, Follow, Owner, Project, StatusChange

__all__ = [
    "HELPING",
    "NOT_MET",
    "Appreciation",
    "Contribution",
    "Follow",
    "Need",
    "Owner",
    "OwnerInvitation",
    "Project",
    "Resource",
    "StatusChange",
    "Update",
    "VolunteerRole",
]
