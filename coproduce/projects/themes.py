"""The themes projects are filed under: a fixed list, so filters and subscriptions agree."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    ENVIRONMENT = "environment", _("Green spaces and environment")
    FOOD = "food", _("Food")
    HOUSING = "housing", _("Housing and streets")
    YOUNG_PEOPLE = "young_people", _("Children and young people")
    OLDER_PEOPLE = "older_people", _("Older people")
    HEALTH = "health", _("Health and wellbeing")
    ARTS = "arts", _("Arts and culture")
    SPACES = "spaces", _("Community spaces")
    TRANSPORT = "transport", _("Getting about")
    MONEY = "money", _("Money, work and business")
    LEARNING = "learning", _("Learning and skills")
    SAFETY = "safety", _("Safety")
