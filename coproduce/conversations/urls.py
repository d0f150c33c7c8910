from django.urls import path

from .views import running, taking_part

app_name = "conversations"

urlpatterns = [
    path("", running.conversation_list, name="list"),
    path("new/", running.conversation_new, name="new"),
    path("join/<str:token>/", taking_part.join, name="join"),
    path("<int:pk>/", taking_part.detail, name="detail"),
    path("<int:pk>/vote/", taking_part.vote, name="vote"),
    path("<int:pk>/statements/new/", taking_part.statement_new, name="statement_new"),
    path("<int:pk>/results/", running.results_page, name="results"),
    path("<int:pk>/manage/", running.manage, name="manage"),
    path("<int:pk>/manage/open/", running.publish, name="publish"),
    path("<int:pk>/manage/close/", running.close, name="close"),
    path("<int:pk>/links/new/", running.link_new, name="link_new"),
    path("<int:pk>/links/<int:link_pk>/close/", running.link_close, name="link_close"),
]
