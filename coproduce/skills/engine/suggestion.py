"""A suggested skill, as the engine gives it and the shared skills process sends it back.

Apart from the engine (which imports numpy), so that a web worker can read the skills
process's answers without loading numpy (issue 19: a web worker under 150 MiB)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    key: str
    label: str
    score: float
    evidence: str
