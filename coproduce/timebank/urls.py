from django.urls import path

from . import api, buddying_views, views

app_name = "timebank"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/<int:pk>/", views.account_detail, name="account"),
    path("accounts/<int:pk>/statement.csv", views.statement, name="statement"),
    path("accounts/<int:pk>/limits/", views.account_limits, name="limits"),
    path("groups/<int:organisation_pk>/", views.group_account, name="group_account"),
    path("transfers/new/", views.transfer_new, name="transfer_new"),
    path("transfers/pending/", views.pending, name="pending"),
    path("transfers/<int:pk>/confirm/", views.transfer_confirm, name="confirm"),
    path("transfers/<int:pk>/decline/", views.transfer_decline, name="decline"),
    path("transfers/<int:pk>/reverse/", views.transfer_reverse, name="reverse"),
    path("offers/", views.listing_list, name="listing_list"),
    path("offers/new/", views.listing_new, name="listing_new"),
    path("offers/<int:pk>/close/", views.listing_close, name="listing_close"),
    path("coordinator/", views.coordinator_report, name="coordinator"),
    path("coordinator/record/", views.transfer_record, name="record"),
    path("buddying/", buddying_views.overview, name="buddying"),
    path("buddying/ask/", buddying_views.request_new, name="buddy_request_new"),
    path("buddying/requests/<int:pk>/offer/", buddying_views.offer, name="buddy_offer"),
    path("buddying/pairings/<int:pk>/end/", buddying_views.pairing_end, name="pairing_end"),
    path("buddying/coordinator/", buddying_views.coordinator, name="buddying_coordinator"),
    path("buddying/pairings/<int:pk>/approve/", buddying_views.approve, name="pairing_approve"),
    path("buddying/pairings/<int:pk>/refuse/", buddying_views.refuse, name="pairing_refuse"),
    path("buddying/checks/new/", buddying_views.check_new, name="check_new"),
    path("api/transfers/", api.transfer_create, name="api_transfer_create"),
]
