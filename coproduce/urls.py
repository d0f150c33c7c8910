from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("coproduce.common.urls")),
    # Home, statements and ward pages: they bring several apps together.
    path("", include("coproduce.site.urls")),
    path("account/", include("coproduce.accounts.urls")),
    path("account/your-data/", include("coproduce.personal_data.urls")),
    path("staff/", include("coproduce.staff.urls")),
    path("notifications/", include("coproduce.notifications.urls")),
    path("places/", include("coproduce.places.urls")),
    path("people/", include("coproduce.people.urls")),
    path("skills/", include("coproduce.skills.urls")),
    path("groups/", include("coproduce.groups.urls")),
    path("services/", include("coproduce.directory.urls")),
    path("open-data/", include("coproduce.opendata.urls")),
    path("api/v1/", include("coproduce.api.urls")),
    # Open standards, at the addresses their readers expect (ADR 0034).
    path("open-referral/", include("coproduce.directory.oruk_urls")),
    path("openactive/", include("coproduce.openactive.urls")),
    path("projects/", include("coproduce.projects.urls")),
    path("discussion/", include("coproduce.discussion.urls")),
    path("matching/", include("coproduce.matching.urls")),
    path("time-bank/", include("coproduce.timebank.urls")),
    path("bookings/", include("coproduce.bookings.urls")),
    path("sharing/", include("coproduce.sharing.urls")),
    path("gatherings/", include("coproduce.gatherings.urls")),
    path("conversations/", include("coproduce.conversations.urls")),
    path("surveys/", include("coproduce.surveys.urls")),
    path("sharing-out/", include("coproduce.budgets.urls")),
    path("subscribe/", include("coproduce.subscriptions.urls")),
    path("news/", include("coproduce.news.urls")),
    path("mailing/", include("coproduce.mailing.urls")),
    path("street-champions/", include("coproduce.champions.urls")),
    path("time-credits/", include("coproduce.credits.urls")),
    path("on-behalf/", include("coproduce.offline.urls")),
    path("insights/", include("coproduce.insights.urls")),
    path("impact/", include("coproduce.impact.urls")),
    path("search/", include("coproduce.search.urls")),
    path("your-page/", include("coproduce.mypage.urls")),
    path("messages/", include("coproduce.messaging.urls")),
    path("feedback/", include("coproduce.feedback.urls")),
    path("street-conversations/", include("coproduce.streettalk.urls")),
    path("service-choice-panels/", include("coproduce.commissioning.urls")),
    path("you-said-we-did/", include("coproduce.yousaid.urls")),
    path("mystery-shopping/", include("coproduce.shopping.urls")),
    path("councillors/", include("coproduce.councillors.urls")),
    path("toolkit/", include("coproduce.toolkit.urls")),
    path("stories/", include("coproduce.stories.urls")),
    path("", include("coproduce.maps.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Uploaded photos, for development only: production serves them from storage.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "coproduce.site.views.errors.bad_request"
handler403 = "coproduce.site.views.errors.permission_denied"
handler404 = "coproduce.site.views.errors.page_not_found"
handler500 = "coproduce.site.views.errors.server_error"
