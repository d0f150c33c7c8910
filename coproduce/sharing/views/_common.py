from django import forms


def refusal_form(*errors: str) -> forms.Form:
    """A form holding only these messages, for the page's error summary."""
    form = forms.Form(data={})
    form.full_clean()
    for error in errors:
        form.add_error(None, error)
    return form


def form_errors(form: forms.Form) -> list[str]:
    return [str(e) for errors in form.errors.values() for e in errors]
