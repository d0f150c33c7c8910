"""Opinion groups, as Pol.is finds them: pure maths, no Django (see docs/adr/0014).

from coproduce.conversations.opinion import analyse, next_statement
result = analyse([(participant, statement, 1), ...])
result.k, result.group_of, result.groups[0].distinctive, result.common_ground
"""

import importlib
from typing import TYPE_CHECKING

# Names are loaded from their module on first use (PEP 562): choosing the next statement (on
# every vote, in the web workers) must not import the analysis's scipy and scikit-learn,
# about 60 MiB in every web worker that never runs it.
_HOME = {
    "State": "analysis",
    "analyse": "analysis",
    "analyse_arrays": "analysis",
    "analyse_matrix": "analysis",
    "in_conversation": "analysis",
    "next_statement": "choosing",
    "priorities": "choosing",
    "VoteMatrix": "matrix",
    "vote_matrix": "matrix",
    **dict.fromkeys(
        (
            "AGREE",
            "DISAGREE",
            "PASS",
            "Analysis",
            "CommonGround",
            "Distinctive",
            "Division",
            "Group",
            "StatementShare",
        ),
        "types",
    ),
}

if TYPE_CHECKING:
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


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value


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
