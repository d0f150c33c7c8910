from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "coproduce.conversations"
    label = "conversations"
    verbose_name = _("Conversations")

    def ready(self) -> None:
        from . import moderation, services, tasks

        # Votes queue an analysis through the task worker (services cannot import tasks).
        services.analysis_queue_set(tasks.analysis_enqueue)
        # Residents' statements wait in the moderators' queue, which discussion owns.
        moderation.register()
