import factory

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.models import Comment, Report
from coproduce.projects.tests.factories import ProjectFactory


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    project = factory.SubFactory(ProjectFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}: count me in for the planting.")


class ReplyFactory(CommentFactory):
    parent = factory.SubFactory(CommentFactory)
    project = factory.SelfAttribute("parent.project")


class CommentReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = Report.Reason.ABUSIVE


def moderator():
    return UserFactory(roles=[Role.MODERATOR])
