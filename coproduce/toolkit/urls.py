from django.urls import path

from .views import courses, guides

app_name = "toolkit"

urlpatterns = [
    path("", guides.toolkit_home, name="home"),
    path("guides/write/", guides.guide_write, name="write"),
    path("guides/<slug:slug>/", guides.guide_detail, name="guide"),
    path("guides/<slug:slug>/edit/", guides.guide_edit, name="edit"),
    path("guides/<slug:slug>/history/", guides.guide_history, name="history"),
    path("guides/<slug:slug>/history/compare/", guides.guide_compare, name="compare"),
    path("guides/<slug:slug>/history/<int:number>/", guides.guide_version, name="version"),
    path(
        "guides/<slug:slug>/history/<int:number>/restore/",
        guides.guide_restore,
        name="restore",
    ),
    path("courses/<slug:slug>/", courses.course_detail, name="course"),
    path("courses/<slug:slug>/restart/", courses.course_restart, name="restart"),
    path("courses/<slug:slug>/steps/<int:number>/", courses.step_detail, name="step"),
]
