"""Opinion groups, as Pol.is finds them: pure maths, no Django (see docs/adr/0014).

from coproduce.conversations.opinion import analyse, next_statement
result = analyse([(participant, statement, 1), ...])
result.k, result.group_of, result.groups[0].distinctive, result.common_ground
"""

from .analysis import State, analyse, analyse_arrays, analyse_matrix, in_conversation
from .choosing import next_statement, priorities
from .matrix import VoteMatrix, vote_matrix
from .types import (
    AGREE,
    DISAGREE,
    PASS,
    Analysis,
    CommonGround,
    Distinctive,
    Division,
    Group,
    StatementShare,
)

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "Analysis",
    "CommonGround",
    "Distinctive",
    "Division",
    "Group",
    "State",
    "StatementShare",
    "VoteMatrix",
    "analyse",
    "analyse_arrays",
    "analyse_matrix",
    "in_conversation",
    "next_statement",
    "priorities",
    "vote_matrix",
]
