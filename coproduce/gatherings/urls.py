from django.urls import path

from .views import agenda, barriers, choices, events, feeds, organising, series, treatments

app_name = "gatherings"

urlpatterns = [
    path("", events.event_list, name="list"),
    path("mine/", events.my_events, name="mine"),
    path("events/new/", organising.event_create, name="event_create"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("events/<int:pk>/edit/", organising.event_edit, name="event_edit"),
    path("events/<int:pk>/cancel/", organising.event_cancel, name="event_cancel"),
    path("events/<int:pk>/place/", events.rsvp, name="rsvp"),
    path("events/<int:pk>/place/give-up/", events.rsvp_cancel, name="rsvp_cancel"),
    path("events/<int:pk>/people/", organising.attendees, name="attendees"),
    path(
        "events/<int:pk>/people/invitations/<int:invitation_pk>/withdraw/",
        organising.organiser_invitation_withdraw,
        name="organiser_invitation_withdraw",
    ),
    path(
        "organiser-invitations/<int:pk>/",
        organising.organiser_invitation,
        name="organiser_invitation",
    ),
    path(
        "organiser-invitations/<int:pk>/reply/",
        organising.organiser_invitation_reply,
        name="organiser_invitation_reply",
    ),
    path("events/<int:pk>/attendance/", organising.attendance, name="attendance"),
    path("invite/<str:token>/", events.invitation, name="invite"),
    path("series/", series.series_list, name="series_list"),
    path("series/new/", series.series_create, name="series_create"),
    path("series/<slug:slug>/", series.series_detail, name="series"),
    path("series/<slug:slug>/edit/", series.series_edit, name="series_edit"),
    path("events/<int:pk>/agenda/", agenda.agenda, name="agenda"),
    path("events/<int:pk>/agenda/board/", agenda.board, name="board"),
    path("agenda/<int:pk>/interest/", agenda.interest, name="agenda_interest"),
    path("agenda/<int:pk>/arrange/", agenda.arrange, name="agenda_arrange"),
    path("agenda/<int:pk>/withdraw/", agenda.withdraw, name="agenda_withdraw"),
    path("events/<int:pk>/projects/new/", treatments.propose, name="treatment_propose"),
    path("treatments/<int:pk>/", treatments.treatment, name="treatment"),
    path("treatments/<int:pk>/board.json", treatments.board_json, name="treatment_json"),
    path("treatments/<int:pk>/add/<str:column>/", treatments.capture, name="capture"),
    path(
        "treatments/<int:pk>/remove/<str:column>/<int:item>/",
        treatments.capture_remove,
        name="capture_remove",
    ),
    path("treatments/<int:pk>/decide/", treatments.decide, name="treatment_decide"),
    path("treatments/<int:pk>/report-back/", treatments.report_back, name="report_back"),
    path("actions/mine/", treatments.my_actions, name="my_actions"),
    path("barriers/", barriers.library, name="library"),
    path("barriers/<slug:slug>/", barriers.theme, name="barrier_theme"),
    path("barrier/<int:pk>/link/", barriers.link, name="barrier_link"),
    path("barrier/<int:pk>/bust/", barriers.bust, name="barrier_bust"),
    # Choosing together: projects, barriers or typed-in options put to the room.
    path("events/<int:pk>/choices/new/", choices.choice_create, name="choice_create"),
    path("choices/<int:pk>/", choices.choice, name="choice"),
    path("choices/<int:pk>/room-counts/", choices.room_counts, name="choice_room_counts"),
    path("choices/<int:pk>/close/", choices.close, name="choice_close"),
    # Calendars (iCalendar): one event, a series, a place, and a person's private feed.
    path("events/<int:pk>/event.ics", feeds.event_ics, name="event_ics"),
    path("series/<slug:slug>/calendar.ics", feeds.series_ics, name="series_ics"),
    path("places/<int:pk>/calendar.ics", feeds.place_ics, name="place_ics"),
    path("calendar/", feeds.my_calendar, name="my_calendar"),
    path("calendar/<str:token>.ics", feeds.person_ics, name="person_ics"),
]
