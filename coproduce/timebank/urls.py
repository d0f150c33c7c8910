from django.urls import path

from .views import api, buddying, ledger

app_name = "timebank"

urlpatterns = [
    path("", ledger.home, name="home"),
    path("accounts/<int:pk>/", ledger.account_detail, name="account"),
    path("accounts/<int:pk>/statement.csv", ledger.statement, name="statement"),
    path("accounts/<int:pk>/limits/", ledger.account_limits, name="limits"),
    path("groups/<int:organisation_pk>/", ledger.group_account, name="group_account"),
    path("transfers/new/", ledger.transfer_new, name="transfer_new"),
    path("transfers/pending/", ledger.pending, name="pending"),
    path("transfers/<int:pk>/confirm/", ledger.transfer_confirm, name="confirm"),
    path("transfers/<int:pk>/decline/", ledger.transfer_decline, name="decline"),
    path("transfers/<int:pk>/reverse/", ledger.transfer_reverse, name="reverse"),
    path("offers/", ledger.listing_list, name="listing_list"),
    path("offers/new/", ledger.listing_new, name="listing_new"),
    path("offers/<int:pk>/close/", ledger.listing_close, name="listing_close"),
    path("coordinator/", ledger.coordinator_report, name="coordinator"),
    path("coordinator/record/", ledger.transfer_record, name="record"),
    path("buddying/", buddying.overview, name="buddying"),
    path("buddying/ask/", buddying.request_new, name="buddy_request_new"),
    path("buddying/requests/<int:pk>/offer/", buddying.offer, name="buddy_offer"),
    path("buddying/pairings/<int:pk>/end/", buddying.pairing_end, name="pairing_end"),
    path("buddying/coordinator/", buddying.coordinator, name="buddying_coordinator"),
    path("buddying/pairings/<int:pk>/approve/", buddying.approve, name="pairing_approve"),
    path("buddying/pairings/<int:pk>/refuse/", buddying.refuse, name="pairing_refuse"),
    path("buddying/checks/new/", buddying.check_new, name="check_new"),
    path("api/transfers/", api.transfer_create, name="api_transfer_create"),
]
