from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_new, name="new"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/parameters/", views.project_parameters, name="parameters"),
    path("<int:pk>/status/", views.project_status, name="status"),
    path("<int:pk>/owners/", views.project_owners, name="owners"),
    path("<int:pk>/owners/<int:owner_pk>/remove/", views.owner_remove, name="owner_remove"),
    path("<int:pk>/take-ownership/", views.take_ownership, name="take_ownership"),
    path("<int:pk>/appreciate/", views.appreciate, name="appreciate"),
    path("<int:pk>/unappreciate/", views.unappreciate, name="unappreciate"),
    path("<int:pk>/follow/", views.follow, name="follow"),
    path("<int:pk>/unfollow/", views.unfollow, name="unfollow"),
]
