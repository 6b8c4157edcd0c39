from django import forms
from django.utils import translation


class NameForm(forms.Form):
    name = forms.CharField()


def test_djangos_own_serbian_messages_are_in_latin_script_like_ours():
    # Read inside the override: the message is lazy, and outside it would be rendered in whatever
    # language the previous test left active.
    with translation.override("sr"):
        message = str(NameForm(data={}).errors["name"][0])

    assert message != "This field is required."
    assert not any("\u0400" <= char <= "\u04ff" for char in message), message
