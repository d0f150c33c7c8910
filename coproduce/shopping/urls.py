from django.urls import path

from .views import easy_read, programmes, results, visits

app_name = "shopping"

urlpatterns = [
    path("", programmes.programme_list, name="list"),
    path("new/", programmes.programme_create, name="create"),
    path("<int:pk>/", programmes.programme_detail, name="detail"),
    path("<int:pk>/edit/", programmes.programme_edit, name="edit"),
    path("<int:pk>/open/", programmes.programme_open, name="open"),
    path("<int:pk>/finish/", programmes.programme_close, name="close"),
    path("<int:pk>/leave/", programmes.programme_leave, name="leave"),
    path("<int:pk>/who-helps-me/", programmes.shopper_supporter, name="supporter"),
    path("<int:pk>/paper/", programmes.programme_paper, name="paper"),
    path("<int:pk>/questions/", programmes.question_create, name="question_create"),
    path(
        "<int:pk>/questions/<int:question_pk>/remove/",
        programmes.question_remove,
        name="question_remove",
    ),
    path("<int:pk>/visits/", visits.programme_visits, name="visits"),
    path("<int:pk>/expenses/<int:expense_pk>/", visits.expense_decide, name="expense_decide"),
    path("<int:pk>/services/<int:service_pk>/", results.service_results, name="service_results"),
    path("visits/<int:pk>/", visits.visit_detail, name="visit"),
    path("visits/<int:pk>/paper/", visits.visit_paper, name="visit_paper"),
    path("visits/<int:pk>/easy-read/", easy_read.easy_start, name="easy_start"),
    path("visits/<int:pk>/easy-read/check/", easy_read.easy_check, name="easy_check"),
    path("visits/<int:pk>/easy-read/<slug:name>/", easy_read.easy_step, name="easy_step"),
]
