"""Dates and times in one place, for every app that writes or reads them.

- `local`: London wall-clock time and the instants it names. Pure Python, no Django import,
  so the pure modules (iCal, room availability) can use it too.
- `fields`: the date and time formats people type, and the form fields that accept them.
- `parsing`: dates, months and instants from query strings and JSON, between 1900 and 2200.
  Pure Python too.
- `text`: how a span of time is written for people.

This file imports nothing, so importing `local` never brings Django in.
"""
