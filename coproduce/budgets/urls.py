from django.urls import path

from .views import proposals, results, rounds, voting

app_name = "budgets"

urlpatterns = [
    path("", rounds.round_list, name="round_list"),
    path("rounds/new/", rounds.round_create, name="round_create"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", rounds.round_edit, name="round_edit"),
    path("rounds/<int:pk>/propose/", proposals.proposal_create, name="proposal_create"),
    path("rounds/<int:pk>/check/", proposals.check_queue, name="check_queue"),
    path("rounds/<int:pk>/vote/", voting.ballot, name="ballot"),
    path("rounds/<int:pk>/vote/remove/", voting.ballot_remove, name="ballot_remove"),
    path("rounds/<int:pk>/result/", results.result, name="result"),
    path("rounds/<int:pk>/result.csv", results.result_csv, name="result_csv"),
    path("rounds/<int:pk>/work-out/", results.result_work_out, name="result_work_out"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/check/", proposals.proposal_check, name="proposal_check"),
    path("proposals/<int:pk>/withdraw/", proposals.proposal_withdraw, name="proposal_withdraw"),
]
