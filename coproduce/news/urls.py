from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("feed.atom", views.feed, name="feed"),
    path("write/", views.post_write, name="write"),
    path("drafts/", views.drafts, name="drafts"),
    path("<slug:slug>/", views.post_detail, name="post"),
    path("<slug:slug>/edit/", views.post_edit, name="edit"),
    path("<slug:slug>/preview/", views.post_preview, name="preview"),
    path("<slug:slug>/test-send/", views.post_test_send, name="test_send"),
    path("<slug:slug>/schedule/", views.post_schedule, name="schedule"),
    path("<slug:slug>/unschedule/", views.post_unschedule, name="unschedule"),
    path("<slug:slug>/publish/", views.post_publish, name="publish"),
    path("<slug:slug>/withdraw/", views.post_withdraw, name="withdraw"),
]
