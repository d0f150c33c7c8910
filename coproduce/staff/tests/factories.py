import factory

from coproduce.staff.models import AuditEntry


class AuditEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEntry

    action = "moderation.comment_hidden"
    target = factory.Sequence(lambda n: f"Comment {n}")
