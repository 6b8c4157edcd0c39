"""Form helpers shared by the staff pages."""

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on `form`: each message on its field, the rest on top.

    Services raise ValidationError({"field": [...]}) with the names of their own arguments; a
    name the form has no field for (or an error without field names) becomes a form-wide error,
    so no message is lost.
    """
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
