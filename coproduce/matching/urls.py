from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("needs/", views.need_list, name="need_list"),
    path("needs/new/", views.need_create, name="need_create"),
    path("needs/<int:pk>/", views.need_detail, name="need_detail"),
    path("needs/<int:pk>/invite/", views.invitation_send, name="invitation_send"),
    path("needs/<int:pk>/close/", views.need_close, name="need_close"),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path("invitations/<int:pk>/", views.invitation_detail, name="invitation_detail"),
    path("invitations/<int:pk>/reply/", views.invitation_respond, name="invitation_respond"),
    path("invitations/<int:pk>/withdraw/", views.invitation_withdraw, name="invitation_withdraw"),
]
