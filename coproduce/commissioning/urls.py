from django.urls import path

from .views import public, running, taking_part

app_name = "commissioning"

urlpatterns = [
    path("", public.panel_list, name="list"),
    path("new/", running.panel_new, name="new"),
    path("<int:pk>/", public.panel_detail, name="detail"),
    path("<int:pk>/apply/", taking_part.panel_apply, name="apply"),
    path("<int:pk>/invitation/", taking_part.invitation_answer, name="join"),
    path("<int:pk>/scoring/", taking_part.score_page, name="score"),
    path("<int:pk>/scoring/submit/", taking_part.scores_submit, name="submit"),
    path("<int:pk>/bids/<int:bid_pk>/declare/", taking_part.interest_declare, name="declare"),
    path("<int:pk>/bids/<int:bid_pk>/score/", taking_part.bid_score, name="score_bid"),
    path("<int:pk>/run/", running.panel_run, name="run"),
    path("<int:pk>/run/criteria/", running.criterion_add, name="criterion_add"),
    path(
        "<int:pk>/run/criteria/<int:criterion_pk>/remove/",
        running.criterion_remove,
        name="criterion_remove",
    ),
    path("<int:pk>/run/publish/", running.panel_publish, name="publish"),
    path("<int:pk>/run/bids/", running.bid_add, name="bid_add"),
    path("<int:pk>/run/invite/", running.member_invite, name="invite"),
    path(
        "<int:pk>/run/members/<int:member_pk>/application/",
        running.application_decide,
        name="application",
    ),
    path(
        "<int:pk>/run/members/<int:member_pk>/consent/",
        running.consent_record,
        name="consent",
    ),
    path("<int:pk>/run/meetings/", running.meeting_add, name="meeting_add"),
    path("<int:pk>/run/recommend/", running.panel_recommend, name="recommend"),
    path("<int:pk>/run/decide/", running.panel_decide, name="decide"),
    path("<int:pk>/run/sheet/", running.score_sheet, name="sheet"),
    path("<int:pk>/run/bids/<int:bid_pk>/moderate/", running.total_moderate, name="moderate"),
]
