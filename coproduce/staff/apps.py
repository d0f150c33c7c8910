from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "coproduce.staff"
    label = "staff"
    verbose_name = "Staff accounts"
