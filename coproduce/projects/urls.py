from django.urls import path

from . import contribution_views as taking_part
from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_new, name="new"),
    path("for-me/", views.projects_for_me, name="for_me"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/parameters/", views.project_parameters, name="parameters"),
    path("<int:pk>/status/", views.project_status, name="status"),
    path("<int:pk>/owners/", views.project_owners, name="owners"),
    path("<int:pk>/owners/contact/", views.contact_consent, name="contact_consent"),
    path("<int:pk>/pack/", views.project_pack, name="pack"),
    path("<int:pk>/pack.pdf", views.project_pack_pdf, name="pack_pdf"),
    path("<int:pk>/owners/<int:owner_pk>/remove/", views.owner_remove, name="owner_remove"),
    path("<int:pk>/take-ownership/", views.take_ownership, name="take_ownership"),
    path("<int:pk>/appreciate/", views.appreciate, name="appreciate"),
    path("<int:pk>/unappreciate/", views.unappreciate, name="unappreciate"),
    path("<int:pk>/follow/", views.follow, name="follow"),
    path("<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("<int:pk>/offer/", taking_part.offer, name="offer"),
    path("<int:pk>/propose/", taking_part.propose, name="propose"),
    path("<int:pk>/volunteer/", taking_part.volunteer, name="volunteer"),
    path("<int:pk>/contributions/", taking_part.contributions, name="contributions"),
    path("<int:pk>/contributions/<int:contribution_pk>/decide/", taking_part.decide, name="decide"),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/withdraw/",
        taking_part.withdraw,
        name="withdraw",
    ),
    path("<int:pk>/needs/new/", taking_part.need_new, name="need_new"),
    path("<int:pk>/needs/<int:need_pk>/met/", taking_part.need_met, name="need_met"),
    path("<int:pk>/roles/new/", taking_part.role_new, name="role_new"),
    path("<int:pk>/resources/new/", taking_part.resource_new, name="resource_new"),
    path("<int:pk>/updates/new/", taking_part.update_new, name="update_new"),
]
