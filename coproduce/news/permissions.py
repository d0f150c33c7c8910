"""Who may do what with council news. Officers with the permission write and publish it;
everyone reads what is published."""

PUBLISH_NEWS = "news.publish_news"


def can_write_news(user) -> bool:
    """Write, preview, test, schedule, publish and withdraw news posts."""
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(PUBLISH_NEWS)
    )


def can_see(user, post) -> bool:
    """A published post is for everyone; any other is only for people who write news."""
    return post.is_published or can_write_news(user)
