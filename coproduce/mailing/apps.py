from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingConfig(AppConfig):
    name = "coproduce.mailing"
    label = "mailing"
    verbose_name = _("Sending mail to many people")

    def ready(self) -> None:
        from coproduce.common.email import email_sender_set

        from .single import single_send

        email_sender_set(single_send)
