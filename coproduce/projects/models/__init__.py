"""The projects app's models, one module per subject; import them from here."""

from .contributions import HELPING, Contribution, Resource, Update, VolunteerRole
from .documents import Document
from .invitations import OwnerInvitation
from .needs import NOT_MET, Need
from .outcomes import Measure, OutcomeRecord
from .projects import Appreciation, Follow, Owner, Project, StatusChange

__all__ = [
    "HELPING",
    "NOT_MET",
    "Appreciation",
    "Contribution",
    "Document",
    "Follow",
    "Measure",
    "Need",
    "OutcomeRecord",
    "Owner",
    "OwnerInvitation",
    "Project",
    "Resource",
    "StatusChange",
    "Update",
    "VolunteerRole",
]
