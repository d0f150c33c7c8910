from django.urls import path

from . import views

app_name = "discussion"

urlpatterns = [
    path("projects/<int:pk>/comment/", views.comment, name="comment"),
    path("projects/<int:pk>/report/", views.report_project, name="report_project"),
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/report/", views.report_comment, name="report_comment"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/log/", views.log, name="log"),
    path("moderation/comments/<int:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("moderation/comments/<int:pk>/restore/", views.comment_restore, name="comment_restore"),
    path("moderation/projects/<int:pk>/hide/", views.project_hide, name="project_hide"),
    path("moderation/projects/<int:pk>/restore/", views.project_restore, name="project_restore"),
    path("moderation/reports/<int:pk>/dismiss/", views.report_dismiss, name="report_dismiss"),
    path("moderation/waiting/<str:kind>/<int:pk>/", views.waiting_decide, name="waiting_decide"),
]
