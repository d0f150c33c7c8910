from django.urls import path

from .views import contributions, evidence, projects

app_name = "projects"

urlpatterns = [
    path("", projects.project_list, name="list"),
    path("new/", projects.project_new, name="new"),
    path("for-me/", projects.projects_for_me, name="for_me"),
    path("<int:pk>/", projects.project_detail, name="detail"),
    path("<int:pk>/edit/", projects.project_edit, name="edit"),
    path("<int:pk>/parameters/", projects.project_parameters, name="parameters"),
    path("<int:pk>/status/", projects.project_status, name="status"),
    path("<int:pk>/owners/", projects.project_owners, name="owners"),
    path("<int:pk>/owners/contact/", projects.contact_consent, name="contact_consent"),
    path(
        "<int:pk>/owners/invitations/<int:invitation_pk>/withdraw/",
        projects.owner_invitation_withdraw,
        name="owner_invitation_withdraw",
    ),
    path("owner-invitations/<int:pk>/", projects.owner_invitation, name="owner_invitation"),
    path(
        "owner-invitations/<int:pk>/reply/",
        projects.owner_invitation_reply,
        name="owner_invitation_reply",
    ),
    path("<int:pk>/pack/", projects.project_pack, name="pack"),
    path("<int:pk>/pack.pdf", projects.project_pack_pdf, name="pack_pdf"),
    path("<int:pk>/owners/<int:owner_pk>/remove/", projects.owner_remove, name="owner_remove"),
    path("<int:pk>/take-ownership/", projects.take_ownership, name="take_ownership"),
    path("<int:pk>/appreciate/", projects.appreciate, name="appreciate"),
    path("<int:pk>/unappreciate/", projects.unappreciate, name="unappreciate"),
    path("<int:pk>/follow/", projects.follow, name="follow"),
    path("<int:pk>/unfollow/", projects.unfollow, name="unfollow"),
    path("<int:pk>/offer/", contributions.offer, name="offer"),
    path("<int:pk>/propose/", contributions.propose, name="propose"),
    path("<int:pk>/volunteer/", contributions.volunteer, name="volunteer"),
    path("<int:pk>/contributions/", contributions.contributions, name="contributions"),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/decide/", contributions.decide, name="decide"
    ),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/withdraw/",
        contributions.withdraw,
        name="withdraw",
    ),
    path("<int:pk>/needs/new/", contributions.need_new, name="need_new"),
    path("<int:pk>/needs/<int:need_pk>/met/", contributions.need_met, name="need_met"),
    path("<int:pk>/roles/new/", contributions.role_new, name="role_new"),
    path("<int:pk>/resources/new/", contributions.resource_new, name="resource_new"),
    path("<int:pk>/updates/new/", contributions.update_new, name="update_new"),
    # Evidence: documents, outcome figures, and the measures officers choose.
    path("<int:pk>/documents/new/", evidence.document_new, name="document_new"),
    path(
        "<int:pk>/documents/<int:document_pk>/download/",
        evidence.document_download,
        name="document_download",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/remove/",
        evidence.document_remove,
        name="document_remove",
    ),
    path("<int:pk>/outcomes/", evidence.outcome_history, name="outcomes"),
    path("<int:pk>/outcomes/new/", evidence.outcome_new, name="outcome_new"),
    path(
        "<int:pk>/outcomes/<int:outcome_pk>/correct/",
        evidence.outcome_correct,
        name="outcome_correct",
    ),
    path(
        "<int:pk>/outcomes/<int:outcome_pk>/withdraw/",
        evidence.outcome_withdraw,
        name="outcome_withdraw",
    ),
    path("outcome-measures/", evidence.measure_list, name="measures"),
    path("outcome-measures/new/", evidence.measure_edit, name="measure_new"),
    path("outcome-measures/<int:measure_pk>/", evidence.measure_edit, name="measure_edit"),
    path("outcomes.csv", evidence.outcomes_csv, name="outcomes_csv"),
]
