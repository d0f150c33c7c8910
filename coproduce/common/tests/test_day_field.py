"""The GOV.UK date input: three boxes read as one day, with the Design System's messages."""

from datetime import date, time

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.govuk_forms import error_summary_items, render_field


class DayForm(forms.Form):
    day = day_field("Date", "Enter the date")
    maybe = day_field("End date (optional)", "Enter the end date", required=False)
    at = time_field("Start time", "6pm")


def _form(**data) -> DayForm:
    return DayForm(data={"at": "7pm", **data})


def test_three_boxes_make_one_day():
    form = _form(**{"day-day": "27", "day-month": "3", "day-year": "2027"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2027, 3, 27)
    assert form.cleaned_data["maybe"] is None


def test_one_value_under_the_field_name_is_still_read():
    """Links such as ?day=2027-03-27 and scripts that send one value keep working."""
    for written in ["2027-03-27", "27/3/2027"]:
        form = _form(day=written)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == date(2027, 3, 27)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"day-day": "", "day-month": "", "day-year": ""}, "Enter the date"),
        ({"day-day": "27", "day-month": "", "day-year": "2027"}, "The date must include a month"),
        (
            {"day-day": "", "day-month": "3", "day-year": ""},
            "The date must include a day and a year",
        ),
        ({"day-day": "31", "day-month": "2", "day-year": "2027"}, "The date must be a real date"),
        ({"day-day": "x", "day-month": "3", "day-year": "2027"}, "The date must be a real date"),
        ({"day-day": "٢", "day-month": "3", "day-year": "2027"}, "The date must be a real date"),
        ({"day-day": "1", "day-month": "3", "day-year": "27"}, "The year must include 4 numbers"),
        ({"day-day": "1", "day-month": "3", "day-year": "1066"}, "in a year from 1900"),
    ],
)
def test_each_slip_gets_its_own_message(parts, message):
    form = _form(**parts)
    assert not form.is_valid()
    assert message in " ".join(form.errors["day"])


def test_an_optional_day_left_blank_is_none_but_half_filled_is_an_error():
    assert _form(
        day="2027-03-27", **{"maybe-day": "", "maybe-month": "", "maybe-year": ""}
    ).is_valid()
    form = _form(day="2027-03-27", **{"maybe-day": "4", "maybe-month": "", "maybe-year": ""})
    assert "The date must include a month and a year" in form.errors["maybe"][0]


def test_it_is_drawn_as_the_govuk_date_input_keeping_what_was_typed():
    form = _form(**{"day-day": "31", "day-month": "2", "day-year": "2027"})
    form.is_valid()
    html = render_field(form["day"])
    assert 'class="govuk-date-input"' in html and 'id="id_day"' in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">' in html
    for part, value in [("day", "31"), ("month", "2"), ("year", "2027")]:
        assert f'name="day-{part}"' in html and f'id="id_day-{part}"' in html
        assert f'value="{value}"' in html
    assert html.count("govuk-input--error") == 3
    # The error summary link goes to the first box.
    assert {"text": "The date must be a real date", "href": "#id_day-day"} in (
        error_summary_items(form)
    )


def test_a_saved_day_fills_the_three_boxes_and_a_saved_time_reads_as_people_write_it():
    form = DayForm(initial={"day": date(2027, 3, 27), "at": time(23, 59)})
    html = render_field(form["day"])
    assert 'value="27"' in html and 'value="3"' in html and 'value="2027"' in html
    assert 'value="11:59pm"' in render_field(form["at"])


def test_the_example_is_a_day_still_to_come():
    hint = str(DayForm().fields["day"].help_text)
    day, month, year = (int(n) for n in hint.removeprefix("For example, ").split())
    assert date(year, month, day) > timezone.localdate()


def test_text_the_field_cannot_read_is_refused_not_guessed():
    with pytest.raises(ValidationError):
        day_field("Date", "Enter the date").clean("next Tuesday")
