"""Councillors' seats and questions for tests."""

import factory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.councillors.models import Question, Seat
from coproduce.places.tests.factories import WardFactory


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    person = factory.SubFactory(UserFactory)
    ward = factory.SubFactory(WardFactory)
    public_name = factory.Sequence(lambda n: f"Councillor Number {n}")
    party = "Independent"
    status = Seat.Status.ACCEPTED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    seat = factory.SubFactory(SeatFactory)
    asker = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"When will the bins on Mill Lane be fixed? ({n})")
