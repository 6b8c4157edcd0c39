from django import forms
from django.utils import translation


class NameForm(forms.Form):
    name = forms.CharField()


def test_djangos_own_serbian_messages_are_in_latin_script_like_ours():
    with translation.override("sr"):
        errors = NameForm(data={}).errors["name"]

    message = str(errors[0])
    assert message != "This field is required."
    assert not any("\u0400" <= char <= "\u04ff" for char in message), message
