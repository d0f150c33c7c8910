"""The feeds' tombstones hold no one's data, but are kept only so long (the retention
schedule lists every kind of record it removes)."""

from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.retention import declare_retention

from .services import deletions_forget

declare_retention(
    "feed_deletions",
    period="feed_deletions_days",
    what=_("Notes in the open data feeds that an event, room or booking was deleted"),
    apply=lambda cutoff: deletions_forget(before=cutoff),
)
