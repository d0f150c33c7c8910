"""Demo council news: a part of the demo borough (coproduce/demo/parts/).

A year of news, about two posts a month: most for everyone, some for one or two wards, a few
for a theme. About a third were also sent by email; their mailings are recorded as sent, but
nothing is sent and no deliveries are made up. One draft and one post scheduled for next week
show officers' pages. Each published post is listed in its buckets (subscriptions items,
never delivered). `build(ctx)` after wards, demo accounts and subscriptions; `clear()`
before them. Rows go in with bulk_create, bypassing the services on purpose (news published
at times in the past, mailings that were never really sent).
"""

from datetime import timedelta

from django.utils.text import slugify

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.mailing.models import Mailing
from coproduce.news import audience, emails
from coproduce.news.models import NewsPost
from coproduce.places.models import Ward
from coproduce.subscriptions.models import Item
from coproduce.subscriptions.services import item_announce

from ..context import DemoContext, forget, remembered
from .accounts import email_for

DAYS = 365
POSTS_A_MONTH = 2
EMAIL_SHARE = 0.35
WARD_SHARE = 0.3
THEME_SHARE = 0.1

STORIES = [
    (
        "Bin collections move to Tuesdays",
        "From next month your bins will be emptied on a Tuesday.",
        "We are changing the day we empty bins in the borough. From next month, bins are "
        "emptied on Tuesdays.\n\nPut your bin out by 7am. If you have a garden waste bin, it "
        "is emptied on the same day.\n\nSee the new days on the council website: "
        "https://www.example.org/bins",
    ),
    (
        "New benches in the park",
        "Twenty new benches are going in, where people asked for them.",
        "Last year many of you told us you want more places to sit in the park. Twenty new "
        "benches are going in this month.\n\nThank you to everyone who answered the parks "
        "survey.",
    ),
    (
        "The library opens on Sundays",
        "The central library will open from 11am to 4pm on Sundays.",
        "From the first Sunday of next month, the central library opens from 11am to 4pm.\n\n"
        "You can borrow books, use a computer and get help with forms.",
    ),
    (
        "Help us plant 500 trees",
        "Join a tree planting day near you this winter.",
        "We want to plant 500 trees in streets and parks this winter. Come and help on a "
        "planting day. We give you gloves, tools and a hot drink.\n\nNo experience needed.",
    ),
    (
        "Road works on the high street",
        "The high street will be closed to cars for two weeks.",
        "The water company is fixing pipes under the high street. It will be closed to cars "
        "for two weeks. Buses will go a different way.\n\nShops stay open as usual.",
    ),
    (
        "Free help with energy bills",
        "Advisers can help you save money on heating and electricity.",
        "If you find it hard to pay for heating, our advisers can help. They can check you "
        "get the right support and show you simple ways to save.\n\nCall in at any library "
        "on a Wednesday morning.",
    ),
    (
        "Summer fun for children",
        "Free activities in every ward over the summer holidays.",
        "There are free games, sports and crafts for children aged 5 to 15 in every ward "
        "this summer.\n\nChildren who get free school meals can also get a free lunch.",
    ),
    (
        "Have your say on the new play area",
        "Tell us what you want in the new play area by the river.",
        "We are building a new play area by the river. We want children and families to "
        "help design it.\n\nCome to a drop-in session, or answer the short survey online.",
    ),
    (
        "Warm spaces this winter",
        "Places where anyone can stay warm, have a hot drink and meet people.",
        "Community centres, libraries and churches are opening as warm spaces this winter. "
        "Anyone can come in, stay warm and have a hot drink. You do not need to book.",
    ),
    (
        "Thank you, street champions",
        "Neighbours who help everyone on their street hear about what is going on.",
        "Street champions make sure everyone on their street hears about what is going on, "
        "including people who are not online.\n\nWould you like to be one? Ask at your "
        "library.",
    ),
    (
        "Council tax: how to pay less",
        "You may be able to get a discount on your council tax.",
        "If you live alone, are a student or have a low income, you may pay less council "
        "tax.\n\nCheck what you can get: https://www.example.org/council-tax",
    ),
    (
        "Clean-up day on Saturday",
        "Join neighbours to clear litter from streets and parks.",
        "Meet at 10am at your nearest park gate. We bring bags, gloves and litter pickers. "
        "Children are welcome with an adult.",
    ),
]
THEMES = ["environment", "young_people", "health", "housing"]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("news")
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    wards = list(Ward.objects.order_by("pk"))
    count = POSTS_A_MONTH * 12
    posts: list[NewsPost] = []
    ward_choices: dict[int, list[Ward]] = {}
    for index in range(count):
        title, summary, body = STORIES[index % len(STORIES)]
        published_at = ctx.now - timedelta(
            days=DAYS * (count - index) / count, hours=rng.randint(0, 8)
        )
        post = NewsPost(
            title=title,
            slug=f"{slugify(title)[:60]}-{published_at:%Y-%m}",
            summary=summary,
            body=body,
            author=officer,
            status=NewsPost.Status.PUBLISHED,
            published_at=published_at,
            send_email=rng.random() < EMAIL_SHARE,
        )
        draw = rng.random()
        if wards and draw < WARD_SHARE:
            post.audience = NewsPost.Audience.CHOSEN
            ward_choices[index] = rng.sample(wards, k=min(len(wards), rng.randint(1, 2)))
        elif draw < WARD_SHARE + THEME_SHARE:
            post.audience = NewsPost.Audience.CHOSEN
            post.topics = [f"theme:{rng.choice(THEMES)}"]
        posts.append(post)
    posts += _unpublished(ctx, officer)
    NewsPost.objects.bulk_create(posts)
    ctx.remember(posts)
    for index, chosen in ward_choices.items():
        posts[index].wards.set(chosen)
    mailings = _mailings(ctx, posts)
    for post in posts:
        if post.is_published:
            _announce(post)
    ctx.counts["news posts"] = len(posts)
    ctx.counts["news mailings"] = len(mailings)


def _unpublished(ctx: DemoContext, officer) -> list[NewsPost]:
    draft = NewsPost(
        title="Changes to parking permits",
        slug="changes-to-parking-permits",
        summary="Parking permits will cost less for people on low incomes.",
        body="From April, parking permits cost less if you get Universal Credit.",
        author=officer,
        status=NewsPost.Status.DRAFT,
    )
    scheduled = NewsPost(
        title="The swimming pool opens again",
        slug="the-swimming-pool-opens-again",
        summary="The pool opens again after its repairs.",
        body="The pool is open again from Monday, 7am to 9pm.\n\nLessons start next month.",
        author=officer,
        status=NewsPost.Status.SCHEDULED,
        publish_at=ctx.now + timedelta(days=7),
    )
    return [draft, scheduled]


def _mailings(ctx: DemoContext, posts: list[NewsPost]) -> list[Mailing]:
    """Mailings recorded as sent for the posts sent by email; nothing is sent."""
    emailed = [post for post in posts if post.is_published and post.send_email]
    mailings = [
        Mailing(
            purpose="news",
            label=post.title,
            template_base=emails.TEMPLATE_BASE,
            context=emails.context_for(post),
            status=Mailing.Status.SENT,
            created_by=post.author,
            started_at=post.published_at,
            finished_at=post.published_at + timedelta(hours=2),
        )
        for post in emailed
    ]
    Mailing.objects.bulk_create(mailings)
    ctx.remember(mailings)
    for post, mailing in zip(emailed, mailings, strict=True):
        post.mailing = mailing
    NewsPost.objects.bulk_update(emailed, ["mailing"])
    return mailings


def _announce(post: NewsPost) -> None:
    item_announce(
        source=f"news.post:{post.pk}",
        thing=audience.THING,
        title=post.title,
        summary=post.summary,
        url=emails.post_url(post),
        topics=audience.topics_of(post),
        deliver=False,
    )


def clear() -> None:
    posts = NewsPost.objects.filter(pk__in=remembered(NewsPost))
    sources = [f"news.post:{pk}" for pk in posts.values_list("pk", flat=True)]
    Item.objects.filter(source__in=sources).delete()
    posts.delete()
    Mailing.objects.filter(pk__in=remembered(Mailing)).delete()
    forget(NewsPost)
    forget(Mailing)
