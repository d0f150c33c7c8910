from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoObject(models.Model):
    """Marks a row the demo borough made, so `seed_demo --reset` removes only those.

    Demo people need no marker: their email addresses are under a reserved .invalid domain
    no real resident can have. Wards, streets and what later parts make are recorded here.
    """

    model_label = models.CharField(_("model"), max_length=100)
    object_id = models.BigIntegerField(_("object ID"))

    class Meta:
        verbose_name = _("demo object")
        verbose_name_plural = _("demo objects")
        constraints = [
            models.UniqueConstraint(fields=["model_label", "object_id"], name="demo_object_unique")
        ]

    def __str__(self) -> str:
        return f"{self.model_label} {self.object_id}"
