"""What the stories app holds about a person (see coproduce/personal_data/registry.py).

A person's stories are in their download. When they close their account their stories go,
photos and all: a story is theirs to tell, and they agreed to publish it only as themselves.
"""

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare


def _erase(user, choices: ClosingChoices) -> None:
    from .models import Story
    from .services import story_remove

    for story in Story.objects.filter(teller=user):
        story_remove(story=story)


declare(
    "stories.Story",
    field="teller",
    kind="stories_told",
    erase=Erasure.CUSTOM,
    erase_with=_erase,
)
