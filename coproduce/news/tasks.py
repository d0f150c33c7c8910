from django_tasks import task

from .services import fill_news_mailing, post_mailings_resume, posts_publish_due

__all__ = ["fill_news_mailing", "publish_due_news"]


@task()
def publish_due_news() -> int:
    """Queueable form of `manage.py news_publish_due`, for schedulers that enqueue tasks."""
    published = posts_publish_due()
    post_mailings_resume()
    return published
