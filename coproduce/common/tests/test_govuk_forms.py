from django import forms

from coproduce.common.govuk_forms import error_summary_items, render_field


class ExampleForm(forms.Form):
    name = forms.CharField(label="Your name", help_text="As you like to be called")
    email = forms.EmailField(label="Email address")
    bio = forms.CharField(label="About you", widget=forms.Textarea, required=False)
    colour = forms.ChoiceField(
        label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect
    )
    days = forms.MultipleChoiceField(
        label="Days", choices=[("mon", "Monday")], widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(label="Password", widget=forms.PasswordInput)


def test_text_field_is_a_govuk_input_with_label_and_hint():
    """A text field renders as the GOV.UK input with its label and hint linked."""
    html = render_field(ExampleForm()["name"])
    assert 'class="govuk-input' in html
    assert '<label class="govuk-label" for="id_name">' in html
    assert 'aria-describedby="id_name-hint"' in html


def test_field_error_is_shown_and_linked():
    """A field's error appears in the GOV.UK error message and is announced."""
    form = ExampleForm(data={})
    html = render_field(form["name"])
    assert "govuk-form-group--error" in html
    assert "This field is required." in html
    assert "id_name-error" in html


def test_user_input_is_escaped():
    """What a person typed is escaped, never run as HTML."""
    form = ExampleForm(data={"name": "<script>alert(1)</script>"})
    html = render_field(form["name"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_choice_widgets_become_radios_checkboxes_and_password_input():
    """Radio, checkbox and password widgets use their GOV.UK components."""
    form = ExampleForm()
    assert "govuk-radios" in render_field(form["colour"])
    assert "govuk-checkboxes" in render_field(form["days"])
    assert "govuk-password-input" in render_field(form["secret"])
    assert "govuk-textarea" in render_field(form["bio"])


def test_error_summary_links_to_each_field():
    """The error summary lists each problem with a link to its field."""
    items = error_summary_items(ExampleForm(data={}))
    assert {"text": "This field is required.", "href": "#id_name"} in items


def test_a_component_drawn_twice_with_the_same_parameters_is_drawn_once():
    """The same parameters give the remembered HTML; other parameters are drawn afresh."""
    from coproduce.common import govuk_forms

    govuk_forms._rendered.cache_clear()
    params = {"id": "q", "name": "q", "label": {"text": "Search"}, "value": "garden"}
    first = govuk_forms.render_component("input", "govukInput", params)
    again = govuk_forms.render_component("input", "govukInput", dict(params))
    other = govuk_forms.render_component("input", "govukInput", {**params, "value": "library"})
    assert again == first and 'value="garden"' in first
    assert 'value="library"' in other
    assert govuk_forms._rendered.cache_info().hits == 1


def test_safe_and_plain_text_are_never_confused():
    """Text marked safe is drawn as HTML, the same text unmarked is escaped: never swapped."""
    from django.utils.safestring import mark_safe

    from coproduce.common.govuk_forms import render_component

    def hint(text):
        return render_component(
            "input", "govukInput", {"id": "a", "name": "a", "label": {"text": "A"}, "hint": text}
        )

    escaped = hint({"text": "<b>bold</b>"})
    marked = hint({"text": mark_safe("<b>bold</b>")})
    assert "&lt;b&gt;" in escaped and "<b>bold</b>" not in escaped
    assert "<b>bold</b>" in marked
    assert "&lt;b&gt;" in hint({"text": "<b>bold</b>"})


def test_true_and_1_are_told_apart():
    """A flag and a number that compare equal in Python still make different keys."""
    from coproduce.common.govuk_forms import _frozen

    assert _frozen({"checked": True}) != _frozen({"checked": 1})
    assert _frozen(["a"]) != _frozen({"a": None})
