"""What the toolkit holds about a person (see coproduce/personal_data/registry.py).

A person's answers to courses' checks (their progress) are in their download and go when
they close their account. The versions of guides an officer saved stay, without the link to
them: the guide's history still says what changed and when.
"""

from coproduce.personal_data.registry import Erasure, declare

declare("toolkit.Answer", field="user", kind="course_progress", erase=Erasure.DELETE)
declare(
    "toolkit.GuideVersion",
    field="saved_by",
    kind="guide_versions_saved",
    erase=Erasure.ANONYMISE,
    clear={"saved_by": None},
)
