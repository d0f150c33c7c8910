from django.urls import path

from . import views

app_name = "champions"

urlpatterns = [
    path("", views.coverage, name="coverage"),
    path("coverage.csv", views.coverage_csv, name="coverage_csv"),
    path("apply/", views.apply, name="apply"),
    path("mine/", views.mine, name="mine"),
    path("mine/withdraw/", views.withdraw, name="withdraw"),
    path("mine/messages/", views.my_messages, name="messages"),
    path("roles/<int:pk>/step-down/", views.step_down, name="step_down"),
    path("roles/<int:pk>/end/", views.end_role, name="end_role"),
    path("officer/", views.officer, name="officer"),
    path("officer/coverage/", views.coverage_officer, name="coverage_officer"),
    path("officer/coverage.csv", views.coverage_officer_csv, name="coverage_officer_csv"),
    path("application/<int:pk>/", views.application, name="application"),
    path("champion/<int:pk>/", views.champion, name="champion"),
    path("champion/<int:pk>/contact/", views.contact, name="contact"),
    path("champion/<int:pk>/pack/", views.street_pack, name="pack"),
]
