from django.urls import path

from .views import acting, residents, sheets, takeover

app_name = "offline"

urlpatterns = [
    path("", residents.index, name="index"),
    path("register/", residents.register, name="register"),
    path("residents/<int:pk>/", residents.resident, name="resident"),
    path("residents/<int:pk>/contact/", residents.contact, name="contact"),
    path("residents/<int:pk>/take-over/", residents.take_over_start, name="take_over_start"),
    path("residents/<int:pk>/events/", acting.rsvp, name="rsvp"),
    path("residents/<int:pk>/subscribe/", acting.subscribe, name="subscribe"),
    path("residents/<int:pk>/time/", acting.time, name="time"),
    path(
        "residents/<int:pk>/time/<int:transfer_pk>/confirm/",
        acting.time_confirm,
        name="time_confirm",
    ),
    path("residents/<int:pk>/surveys/", acting.polls, name="polls"),
    path("residents/<int:pk>/surveys/<int:survey_pk>/", acting.poll, name="poll"),
    path("take-over/<str:token>/", takeover.take_over, name="take_over"),
    path("sheets/", sheets.sheets, name="sheets"),
    path("sheets/<int:pk>/", sheets.sheet, name="sheet"),
    path("sheets/<int:pk>/type-in/", sheets.sheet_type_in, name="sheet_type_in"),
    path("events/<int:pk>/walk-ins/", sheets.walk_ins, name="walk_ins"),
]
