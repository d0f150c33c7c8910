from django.core.management.base import BaseCommand

from coproduce.news.services import post_mailings_resume, posts_publish_due


class Command(BaseCommand):
    help = (
        "Publish council news whose scheduled time has come, and finish filling the mailing "
        "of any published post whose filling stopped. Run every minute; safe to run twice "
        "at once (each post is published once)."
    )

    def handle(self, *args, **options):
        published = posts_publish_due()
        resumed = post_mailings_resume()
        self.stdout.write(
            f"Published {published} news posts. Finished the mailing of {resumed} more."
        )
