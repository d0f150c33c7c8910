"""Who may see the officers' impact pages: the people who may see who is not yet connected
(insights), since the pages answer the same questions about the same people."""

from coproduce.insights.permissions import can_see as can_see_insights


def can_see_officer_pages(user) -> bool:
    return can_see_insights(user)
