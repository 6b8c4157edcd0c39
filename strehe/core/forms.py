"""Form helpers shared by the staff pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, else None; an empty POST still binds (and fails) the form."""
    return request.POST if request.method == "POST" else None


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on `form`: each message on its field, the rest on top.

    Services raise ValidationError({"field": [...]}) with the names of their own arguments; a
    name the form has no field for (or an error without field names) becomes a form-wide error,
    so no message is lost.
    """
    form.errors  # noqa: B018 -- validates the form first, so errors can be added to it
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
