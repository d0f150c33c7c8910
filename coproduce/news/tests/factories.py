import factory
from django.contrib.auth.models import Permission
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.news.models import NewsPost


def news_writer(**kwargs):
    """An officer who may write and publish news (the permission given directly, as the
    lead adds it to the officer role)."""
    officer = UserFactory(roles=[Role.OFFICER], **kwargs)
    officer.user_permissions.add(Permission.objects.get(codename="publish_news"))
    return type(officer).objects.get(pk=officer.pk)  # fresh, so the permission cache is empty


class NewsPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsPost
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bin collections change in week {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    summary = "Your bins will be emptied on a different day."
    body = "From next week, bins are emptied on Tuesdays.\n\nSee https://example.org/bins."
    author = factory.SubFactory(UserFactory)
    status = NewsPost.Status.DRAFT


class PublishedPostFactory(NewsPostFactory):
    status = NewsPost.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
