from django.urls import path

from . import views

app_name = "streettalk"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.day_new, name="day_new"),
    path("days/<int:pk>/", views.day, name="day"),
    path("days/<int:pk>/capture/", views.capture, name="capture"),
    path("days/<int:pk>/paper/", views.paper, name="paper"),
    path("days/<int:pk>/sheet/", views.sheet, name="sheet"),
    path("days/<int:pk>/themes/", views.themes, name="themes"),
    path("days/<int:pk>/themes/find/", views.themes_find, name="themes_find"),
    path("days/<int:pk>/publish/", views.publish, name="publish"),
    path("days/<int:pk>/what-people-said/", views.public, name="public"),
    path("themes/<int:pk>/", views.theme, name="theme"),
    path("themes/<int:pk>/merge/", views.merge, name="merge"),
    path("entries/<int:pk>/move/", views.move, name="move"),
]
