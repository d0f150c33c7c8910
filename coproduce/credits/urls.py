from django.urls import path

from . import views

app_name = "credits"

urlpatterns = [
    path("", views.my_credits, name="mine"),
    path("choice/", views.choice_set, name="choice"),
    path("projects/<int:pk>/", views.project_credits, name="project"),
    path("events/<int:pk>/", views.event_credits, name="event"),
    path("shopping-visits/<int:pk>/", views.shopping_visit_credits, name="shopping_visit"),
]
