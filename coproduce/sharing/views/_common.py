from django import forms


def form_errors(form: forms.Form) -> list[str]:
    """Every message on the form, for a page's error summary."""
    return [str(e) for errors in form.errors.values() for e in errors]
