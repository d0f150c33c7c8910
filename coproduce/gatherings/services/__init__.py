"""Every write to gatherings goes through these modules.

events      events and series
rsvps       places at events, the waiting list, attendance, invitations
agenda      open agendas and Open Space boards
treatments  action learning set treatments, their four columns, report-backs
barriers    the barrier library
choices     choices put to the room: dot voting or ranking, room counts, closing
reminders   the day-before reminders and action owners' reminders

What cannot be done raises coproduce.common.errors.Refusal, with a message for the person.
"""
