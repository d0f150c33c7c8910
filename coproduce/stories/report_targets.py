"""A published story can be reported to the moderators, like a comment
(discussion/reporting.py): a hidden story leaves every list and page, and its teller is told
why. Imported from StoriesConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.discussion.reporting import ReportTarget, register

from .models import Story
from .moderation import KIND
from .services import story_text

STORY = register(
    ReportTarget(
        slug=KIND,
        label=_("Story"),
        model=Story,
        title=lambda story: story.title,
        text=story_text,
        url=lambda story: reverse("stories:detail", args=[story.pk]),
        owners=lambda story: [story.teller] if story.teller_id else [],
        can_see=lambda user, story: story.status == Story.Status.PUBLISHED,
        link_text=_("this story"),
        select_related=("teller",),
    )
)
