"""A service's ValidationError lands on the form field it names, and nothing is lost."""

from django import forms
from django.core.exceptions import ValidationError

from strehe.core.forms import add_service_errors


class NoteForm(forms.Form):
    text = forms.CharField(required=False)


def bound_form():
    form = NoteForm({"text": ""})
    assert form.is_valid()
    return form


def test_a_message_for_a_field_goes_on_that_field():
    form = bound_form()

    add_service_errors(form, ValidationError({"text": "Write the note."}))

    assert form.errors == {"text": ["Write the note."]}


def test_a_message_for_a_field_the_form_lacks_goes_to_the_form():
    form = bound_form()

    add_service_errors(form, ValidationError({"on": "No rule in force."}))

    assert form.non_field_errors() == ["No rule in force."]


def test_a_message_without_a_field_goes_to_the_form():
    form = bound_form()

    add_service_errors(form, ValidationError("Refused."))

    assert form.non_field_errors() == ["Refused."]
    assert not form.is_valid()
