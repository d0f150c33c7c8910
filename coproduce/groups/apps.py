from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "coproduce.groups"
    label = "groups"
    verbose_name = _("Groups and organisations")

    def ready(self) -> None:
        from coproduce.common import panels
        from coproduce.notifications import kinds as notification_kinds
        from coproduce.people.selectors import register_organiser_check

        from . import kinds, selectors
        from .place_panel import groups_panel

        notification_kinds.register(kinds.GROUP_JOINED)
        notification_kinds.register(kinds.GROUP_KIND_CHECKED)
        notification_kinds.register(kinds.GROUP_ORGANISER_INVITED)
        # Organisers of a group see what its members share with "organisers".
        register_organiser_check(
            selectors.organises_a_group_of, many=selectors.organised_members_among
        )
        panels.register("place", groups_panel)
