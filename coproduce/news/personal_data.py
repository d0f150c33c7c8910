"""What council news holds about a person (see coproduce/personal_data/registry.py).

Only the officer who wrote a post is linked to it. The post is the council's, not theirs: when
they close their account it stays published, with the link to them cleared. Who was emailed
a post is recorded by the mailing app, which declares its own deliveries.
"""

from coproduce.personal_data.registry import Erasure, declare

declare("news.NewsPost", field="author", kind="news_posts_written", erase=Erasure.ANONYMISE)
