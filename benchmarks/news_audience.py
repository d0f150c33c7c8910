"""Time to build the audience of council news for everyone: 400,000 recipients into a mailing.

    .venv/bin/python benchmarks/news_audience.py --keep var/bench-news.sqlite3
    script/with-postgres .venv/bin/python benchmarks/news_audience.py

Seeds (once, with --keep) 360,000 accounts with an email address (a few with council news
turned off, some with no address) and 40,000 email subscribers who want news, then times
(1) streaming the recipients alone and (2) `mailing_recipients_add` of the whole stream into
a news mailing, the work the filling task does after publishing. Target (issue 15): under
60 s for 400,000. Also reports the peak memory of the process.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 60.0
ACCOUNTS = 360_000
SUBSCRIBERS = 40_000
BATCH = 5_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="SQLite file to seed once and reuse.")
    parser.add_argument("--accounts", type=int, default=ACCOUNTS)
    parser.add_argument("--subscribers", type=int, default=SUBSCRIBERS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _seed(args) -> None:
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.notifications.models import NotificationPreference
    from coproduce.subscriptions import keys
    from coproduce.subscriptions.models import Subscriber, Subscription

    if User.objects.filter(email__startswith="bench-").exists():
        return
    now = timezone.now()
    for start in range(0, args.accounts, BATCH):
        User.objects.bulk_create(
            [
                User(
                    email=None if n % 50 == 0 else f"bench-{n}@example.org",
                    display_name=f"Resident {n}",
                    password="!",
                    email_verified_at=now,
                )
                for n in range(start, min(start + BATCH, args.accounts))
            ]
        )
    quiet = User.objects.filter(email__startswith="bench-").order_by("pk")[: args.accounts // 100]
    NotificationPreference.objects.bulk_create(
        [NotificationPreference(user=user, kind="general", frequency="never") for user in quiet]
    )
    for start in range(0, args.subscribers, BATCH):
        subscribers = Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"reader-{n}@example.net", confirmed_at=now)
                for n in range(start, min(start + BATCH, args.subscribers))
            ]
        )
        Subscription.objects.bulk_create(
            [
                Subscription(
                    subscriber=subscriber,
                    topic="" if n % 2 else "theme:food",
                    things=keys.ALL_THINGS,
                    frequency=1,
                    channel="email",
                    confirmed=True,
                )
                for n, subscriber in enumerate(subscribers)
            ]
        )


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection

    from coproduce.mailing.services import mailing_create, mailing_recipients_add
    from coproduce.news import audience, emails
    from coproduce.news.models import NewsPost

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _seed(args)
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")

    post = NewsPost.objects.create(
        title="Benchmark news", slug=f"benchmark-{time.time_ns()}", summary="s", body="b"
    )
    started = time.perf_counter()
    count = sum(1 for _ in audience.recipients(post))
    streamed = time.perf_counter() - started
    print(f"recipients      {count:,}")
    print(f"stream only     {streamed:.1f} s")

    mailing = mailing_create(
        purpose="news", template_base=emails.TEMPLATE_BASE, context=emails.context_for(post)
    )
    started = time.perf_counter()
    added = mailing_recipients_add(mailing=mailing, recipients=audience.recipients(post))
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"added to mailing {added:,}")
    print(f"audience + add  {took:.1f} s (target under {TARGET_S:.0f} s)")
    print(f"peak memory     {peak:.0f} MB")
    mailing.delete()
    post.delete()


if __name__ == "__main__":
    main()
