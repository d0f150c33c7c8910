"""Dates and times the GOV.UK way wherever a template prints one without a format of its own.

Django's British defaults write "6:09 p.m." and "noon", and no format letter writes "pm"
(its "a" is "p.m."). Templates that show a time use the `clock` and `when` filters ("6:09pm",
"6pm", "midday"); these formats are the fallback for the rest: the 24-hour clock, never
"p.m.".
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j/n/Y"
SHORT_DATETIME_FORMAT = "j/n/Y, H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
