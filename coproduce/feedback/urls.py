from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("yours/", views.mine, name="mine"),
    path("answer/<int:pk>/", views.answer, name="answer"),
    path("service/<uuid:uuid>/", views.public, name="public"),
    path("service/<uuid:uuid>/give/", views.give, name="give"),
    path("service/<uuid:uuid>/easy-read/", views.easy_start, name="easy_start"),
    path("service/<uuid:uuid>/easy-read/check/", views.easy_check, name="easy_check"),
    path("service/<uuid:uuid>/easy-read/<slug:step>/", views.easy_step, name="easy_step"),
    path("service/<uuid:uuid>/thanks/", views.thanks, name="thanks"),
    path("service/<uuid:uuid>/manage/", views.manage, name="manage"),
]
