import factory

from coproduce.directory.tests.factories import ServiceFactory
from coproduce.feedback.models import Feedback


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    service = factory.SubFactory(ServiceFactory)
    rating = 4
    went_well = "The staff were kind."
    could_be_better = "The room was cold."
    via = Feedback.Via.STANDARD
