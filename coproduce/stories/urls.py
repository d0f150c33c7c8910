from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="list"),
    path("tell/", views.story_tell, name="tell"),
    path("mine/", views.mine, name="mine"),
    path("<int:pk>/", views.story_detail, name="detail"),
    path("<int:pk>/change/", views.story_edit, name="edit"),
    path("<int:pk>/withdraw/", views.story_withdraw, name="withdraw"),
    path("<int:pk>/delete/", views.story_delete, name="delete"),
]
