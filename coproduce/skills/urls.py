from django.urls import path

from . import views

app_name = "skills"

urlpatterns = [
    path("", views.skill_list, name="list"),
    path("mine/", views.my_skills, name="mine"),
    path("mine/suggestions/", views.review_suggestions, name="review"),
    path("suggest", views.suggest, name="suggest"),
]
