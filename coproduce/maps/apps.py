from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "coproduce.maps"
    label = "maps"
