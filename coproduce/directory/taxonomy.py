"""The built-in vocabulary of service categories, modelled on the LGA's (ESD) service types.

A data migration loads these; `taxonomy_ensure_builtin` loads them again if they were removed.
"""

from typing import Final

BUILTIN_TAXONOMY: Final = "Coproduce service categories"
BUILTIN_TAXONOMY_DESCRIPTION: Final = (
    "A short list of what services help with, modelled on the Local Government "
    "Association's service types."
)

# (code, term)
BUILTIN_TERMS: Final[tuple[tuple[str, str], ...]] = (
    ("advice-and-guidance", "Advice and guidance"),
    ("health-and-wellbeing", "Health and wellbeing"),
    ("food", "Food"),
    ("housing", "Housing"),
    ("money", "Money"),
    ("children-and-families", "Children and families"),
    ("older-people", "Older people"),
    ("learning-and-skills", "Learning and skills"),
    ("sport-and-leisure", "Sport and leisure"),
    ("arts-and-culture", "Arts and culture"),
    ("environment", "Environment"),
    ("transport", "Transport"),
)
