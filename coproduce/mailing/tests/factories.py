import factory

from coproduce.mailing.models import Delivery, Mailing, SuppressedAddress


class MailingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mailing

    purpose = "news"
    label = factory.Sequence(lambda n: f"Newsletter {n}")
    template_base = "mailing/email/message"
    context = factory.LazyFunction(
        lambda: {"subject": "News from the council", "body": "The park opens on Saturday."}
    )


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    mailing = factory.SubFactory(MailingFactory)
    address = factory.Sequence(lambda n: f"reader{n}@example.org")


class SuppressedAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuppressedAddress

    address = factory.Sequence(lambda n: f"gone{n}@example.org")
    reason = SuppressedAddress.Reason.HARD_BOUNCE
