from django.urls import path

from . import views, views_invitations

app_name = "groups"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("yours/", views.your_groups, name="yours"),
    path("invitations/<int:pk>/", views_invitations.invitation_detail, name="invitation"),
    path(
        "invitations/<int:pk>/accept/",
        views_invitations.invitation_accept,
        name="invitation_accept",
    ),
    path(
        "invitations/<int:pk>/decline/",
        views_invitations.invitation_decline,
        name="invitation_decline",
    ),
    path("verify/", views.kind_requests, name="kind_requests"),
    path("verify/<int:pk>/verify/", views.kind_request_verify, name="kind_request_verify"),
    path("verify/<int:pk>/decline/", views.kind_request_decline, name="kind_request_decline"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/members/", views.organisation_members, name="members"),
    path("<slug:slug>/join/", views.organisation_join, name="join"),
    path("<slug:slug>/leave/", views.organisation_leave, name="leave"),
    path("<slug:slug>/sharing/", views.organisation_sharing, name="sharing"),
    path(
        "<slug:slug>/organisers/ask/", views_invitations.organiser_invite, name="organiser_invite"
    ),
]
