"""Form helpers shared by the staff pages."""

import datetime
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, QueryDict
from django.utils import timezone

from .models import SubmittedForm
from .validation import (
    MAX_ID,
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    validate_birth_date,
    validate_past_date,
    validate_plan_date,
    without_invisible_characters,
)

# --- Sent once: a double click, a page sent again or two tabs save one record -----------------

ONCE_FIELD = "once"
FormT = TypeVar("FormT", bound=forms.BaseForm)
# Spent tokens are kept this long, far longer than anyone keeps a form open.
ONCE_TOKEN_DAYS = 7


def with_once_token(form: FormT) -> FormT:
    """Give `form` a hidden one-time token; a form that creates something gets one in its view.

    A POST without a token (a script, an old page) is still accepted, only not protected.
    """
    form.fields[ONCE_FIELD] = forms.CharField(
        required=False,
        max_length=64,
        widget=forms.HiddenInput,
        initial=secrets.token_urlsafe(24),
    )
    return form


@dataclass(frozen=True)
class Submitted:
    """Where to go after a form was saved; `again` when this sending found its token spent."""

    url: str
    again: bool = False


def _spend(token: str) -> bool:
    """Record the token as spent; False if it was spent already. Call inside the transaction
    of the save. On PostgreSQL a second sending waits here until the first commits or rolls
    back, so of two at once exactly one saves."""
    SubmittedForm.objects.filter(
        submitted_at__lt=timezone.now() - datetime.timedelta(days=ONCE_TOKEN_DAYS)
    ).delete()
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(token=token)
    except IntegrityError:
        return False
    return True


def _first_url(token: str) -> str | None:
    """Where the first sending of `token` led, or None if it was never spent."""
    return SubmittedForm.objects.filter(token=token).values_list("next_url", flat=True).first()


class _SentAlready(Exception):
    pass


def submit_once(
    form: forms.BaseForm, save: Callable[[dict[str, Any]], str], *, validate: bool = True
) -> Submitted | None:
    """Validate `form`, then call `save` (which writes through a service and returns the URL to
    go to next) in one transaction with spending the form's one-time token.

    None when the form or the service refused: the service's ValidationError is then on the
    form, field by field, and nothing was saved. A token already spent saves nothing again and
    leads where its first sending led. `validate` False is for a submit button that uses none
    of the form's fields (link to a case instead of filling the form in); `save` then gets {}.
    """
    # Looked up before validating: a form sent again may no longer be valid (the agency it
    # shared with is no longer offered), and it should still lead where the first one went.
    token = str(form.data.get(ONCE_FIELD) or "")[:64]
    first = _first_url(token) if token else None
    if first is not None:
        return Submitted(url=first, again=True)
    if validate and not form.is_valid():
        return None
    data = form.cleaned_data if validate else {}
    try:
        with transaction.atomic():
            if token and not _spend(token):
                raise _SentAlready
            url = save(data)
            if token:
                SubmittedForm.objects.filter(token=token).update(next_url=url[:500])
    except _SentAlready:
        # Sent twice at once: this one waited for the other to commit.
        return Submitted(url=_first_url(token) or "", again=True)
    except ValidationError as error:
        if not validate:
            form.is_valid()  # the errors of a form that was not filled in are not news
            form.errors.clear()
        add_service_errors(form, error)
        return None
    return Submitted(url=url)


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


# --- Shared fields: the bounds of strehe.core.validation, on every form that takes such input ---

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FreeTextField(forms.CharField):
    """Free text: surrounding space and invisible formatting characters removed, NUL refused.

    Long text by default (TEXT_MAX_LENGTH, in a textarea); pass max_length for a short one.
    """

    def __init__(self, *, max_length: int | None = TEXT_MAX_LENGTH, **kwargs: Any) -> None:
        if max_length is not None and max_length > NAME_MAX_LENGTH:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(max_length=max_length, **kwargs)

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        if isinstance(value, str):
            value = without_invisible_characters(value).strip() or self.empty_value
        return value


class NameField(FreeTextField):
    """A person's name, or another short line such as a place: NAME_MAX_LENGTH characters."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", NAME_MAX_LENGTH)
        super().__init__(**kwargs)


class _BoundedDateField(forms.DateField):
    bound: Callable[[Any], None]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", DATE_INPUT)
        kwargs["validators"] = [type(self).bound, *kwargs.get("validators", [])]
        super().__init__(**kwargs)


class BirthDateField(_BoundedDateField):
    """A birth date: 1900-01-01 to today."""

    bound = staticmethod(validate_birth_date)


class PastDateField(_BoundedDateField):
    """The date of something that happened: 1990-01-01 to today."""

    bound = staticmethod(validate_past_date)


class PlanDateField(_BoundedDateField):
    """A planned date: 1990-01-01 to two years ahead."""

    bound = staticmethod(validate_plan_date)


def _refuse_huge_ids(field: forms.ModelChoiceField, values: Iterable[Any]) -> None:
    """Refuse an integer id the database could not even look up, before it is asked.

    Django catches ValueError and TypeError of such a lookup, but not the OverflowError that
    SQLite's driver raises for an integer beyond 64 bits (a 500 instead of a field error).
    """
    key = field.to_field_name or "pk"
    model_field = field.queryset.model._meta.get_field(key) if key != "pk" else None  # type: ignore[union-attr]
    model_field = model_field or field.queryset.model._meta.pk  # type: ignore[union-attr]
    if not isinstance(model_field, models.IntegerField):
        return
    for value in values:
        try:
            number = int(str(value).strip())
        except ValueError:
            continue  # not a number at all: Django's own parsing refuses it
        if not -MAX_ID <= number <= MAX_ID:
            raise ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value)[:20]},
            )


class ModelChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Django's, with ids beyond what the database can hold refused as an invalid choice."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values:
            _refuse_huge_ids(self, [value])
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Django's, with ids beyond what the database can hold refused as an invalid choice."""

    def clean(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            _refuse_huge_ids(self, value)
        return super().clean(value)
