from django.apps import AppConfig


class PersonalDataConfig(AppConfig):
    name = "coproduce.personal_data"
    label = "personal_data"
    verbose_name = "People's own data"

    def ready(self) -> None:
        from .registry import registry_load

        # Each app says what it holds about a person in its own `personal_data.py`; they are
        # found by name, so this base-floor app never imports the apps above it.
        registry_load()
