from django.urls import path

from .views import answering, manage, results

app_name = "surveys"

urlpatterns = [
    path("", manage.survey_list, name="list"),
    path("new/", manage.survey_create, name="create"),
    path("<int:pk>/", answering.survey_detail, name="detail"),
    path("<int:pk>/easy-read/", answering.survey_easy_read, name="easy_read"),
    path("<int:pk>/edit/", manage.survey_edit, name="edit"),
    path("<int:pk>/publish/", manage.survey_publish, name="publish"),
    path("<int:pk>/close/", manage.survey_close, name="close"),
    path("<int:pk>/results/", results.survey_results, name="results"),
    path("<int:pk>/results.csv", results.survey_results_csv, name="results_csv"),
    path("<int:pk>/paper/", answering.survey_paper, name="paper"),
    path("<int:pk>/paper/enter/", answering.paper_enter, name="paper_enter"),
    path("<int:pk>/questions/new/", manage.question_create, name="question_create"),
    path("<int:pk>/questions/<int:question_pk>/", manage.question_edit, name="question_edit"),
    path(
        "<int:pk>/questions/<int:question_pk>/remove/",
        manage.question_remove,
        name="question_remove",
    ),
]
