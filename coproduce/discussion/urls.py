from django.urls import path

from . import views

app_name = "discussion"

urlpatterns = [
    path("projects/<int:pk>/comment/", views.comment, name="comment"),
    path("projects/<int:pk>/report/", views.report_project, name="report_project"),
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/report/", views.report_comment, name="report_comment"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("report/<slug:kind>/<int:pk>/", views.report_thing, name="report_thing"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/log/", views.log, name="log"),
    path("moderation/comments/<int:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("moderation/comments/<int:pk>/restore/", views.comment_restore, name="comment_restore"),
    path("moderation/projects/<int:pk>/hide/", views.project_hide, name="project_hide"),
    path("moderation/projects/<int:pk>/restore/", views.project_restore, name="project_restore"),
    path("moderation/things/<slug:kind>/<int:pk>/hide/", views.thing_hide, name="thing_hide"),
    path(
        "moderation/things/<slug:kind>/<int:pk>/restore/",
        views.thing_restore,
        name="thing_restore",
    ),
    path("moderation/reports/<int:pk>/dismiss/", views.report_dismiss, name="report_dismiss"),
    path("moderation/waiting/<str:kind>/<int:pk>/", views.waiting_decide, name="waiting_decide"),
]
