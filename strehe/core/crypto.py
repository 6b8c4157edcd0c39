"""Encryption at rest for identifying data, and keyed hashes for looking it up.

A column of an encrypted field holds a Fernet token (AES-128-CBC + HMAC-SHA256, URL-safe base64
text) of the value's text, or NULL. The keys are settings.FIELD_ENCRYPTION_KEYS (env
STREHE_FIELD_KEYS or var/field_keys), newest first: MultiFernet encrypts with the first key and
decrypts with any, which is what key rotation needs (`strehe rotatefieldkeys` re-encrypts every
row with the first key).

The fields encrypt in exactly one place and decrypt in exactly one place:

- get_db_prep_value (every write to the database, and the right-hand side of a lookup) encrypts
  the value as it is, whatever it looks like;
- from_db_value (every read from the database) decrypts.

to_python, which forms and Model.full_clean call on what a user typed, never decrypts. The
columns used to come from django-fernet-encrypted-fields, whose to_python decrypted any value
that happened to be a valid token; because CharField.get_prep_value calls to_python, a token
copied out of a database dump and pasted into a form was stored as its plaintext and then shown
on the page. The token format is the same, so rows written by that library still open.

An encrypted column cannot be searched, filtered or ordered by its value (each encryption of the
same text differs); finding a person again uses the keyed hashes of strehe.cases.matching.
"""

import datetime
import functools
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import validators
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

from .forms import FreeTextField
from .validation import without_invisible_characters


class UndecryptableValue(Exception):
    """A stored value opens with none of the keys: a key is missing from STREHE_FIELD_KEYS."""


@functools.lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode("ascii")) for key in keys])


def field_cipher() -> MultiFernet:
    """The cipher of the encrypted columns: encrypts with the first key, decrypts with any."""
    # Looked up on each use (and cached per key list), so a changed key list applies at once.
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_text(text: str) -> str:
    """The column value for `text`: a Fernet token under the first key."""
    return field_cipher().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    """The text of a column value; raises UndecryptableValue if no key opens it."""
    try:
        return field_cipher().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError):
        raise UndecryptableValue("no key in STREHE_FIELD_KEYS opens a stored value") from None


class EncryptedFieldMixin:
    """Store the text of the value encrypted; see the module docstring for where and why.

    None is stored as NULL. An empty string is stored as NULL too when the field is nullable
    (the convention of the columns that predate this class: "" and None both mean "not given"),
    and as the token of "" when it is not, so a NOT NULL column reads back "" as it was written.
    """

    null: bool

    def get_internal_type(self) -> str:
        # Tokens are longer than the text: every encrypted column is a text column.
        return "TextField"

    def to_text(self, value: Any) -> str:
        return str(value)

    def get_db_prep_value(
        self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False
    ) -> Any:
        if hasattr(value, "as_sql"):
            return value  # an expression (F(), Value()...) is the database's to evaluate
        if not prepared:
            value = self.get_prep_value(value)  # type: ignore[attr-defined]
        if value is None or (value == "" and self.null):
            return None
        return encrypt_text(self.to_text(value))

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        if value is None:
            return None
        return self.to_python(decrypt_text(value))  # type: ignore[attr-defined]


class FreeTextMixin:
    """Free text typed by staff: invisible formatting characters removed, NUL refused.

    The removal is in to_python, which Model.full_clean and every write (get_prep_value) call,
    so no path stores them; the length limit is checked on the text, before encryption. See
    strehe.core.validation.
    """

    max_length: int | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.validators.append(validators.ProhibitNullCharactersValidator())  # type: ignore[attr-defined]
        if self.max_length is not None and not isinstance(self, models.CharField):
            # CharField adds this itself; TextField only passes max_length on to its form field.
            self.validators.append(validators.MaxLengthValidator(self.max_length))  # type: ignore[attr-defined]

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)  # type: ignore[misc]
        return without_invisible_characters(value) if isinstance(value, str) else value

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": FreeTextField, **kwargs})  # type: ignore[misc]


class EncryptedCharField(EncryptedFieldMixin, FreeTextMixin, models.CharField):  # type: ignore[misc]
    """A short free text, such as a name (the length limit counts the text, not the token)."""


class EncryptedTextField(EncryptedFieldMixin, FreeTextMixin, models.TextField):  # type: ignore[misc]
    """A long free text, such as a note; give it max_length (strehe.core.validation)."""


class EncryptedDateField(EncryptedFieldMixin, models.DateField):  # type: ignore[misc]
    def to_text(self, value: Any) -> str:
        if isinstance(value, datetime.datetime):
            value = value.date()
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


def encrypted_fields_of(model: type) -> list[str]:
    return [
        field.name  # type: ignore[attr-defined]
        for field in model._meta.concrete_fields  # type: ignore[attr-defined]
        if isinstance(field, EncryptedFieldMixin)
    ]


def _rewrite_column(connection: BaseDatabaseWrapper, table: str, column: str, change: Any) -> int:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {quote(column)} FROM {quote(table)}")  # noqa: S608
        rows = [(pk, value) for pk, value in cursor.fetchall() if value is not None]
        for pk, value in rows:
            cursor.execute(
                f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s",  # noqa: S608
                [change(value), pk],
            )
    return len(rows)


def encrypt_column_in_place(connection: BaseDatabaseWrapper, table: str, column: str) -> int:
    """For a data migration that makes a plain text column encrypted: encrypt every value.

    Runs on the raw rows (the field in the migration state already decrypts on read), as the
    value was stored: text that looks like a token is encrypted like any other. NULL stays NULL.
    """
    return _rewrite_column(connection, table, column, encrypt_text)


def decrypt_column_in_place(connection: BaseDatabaseWrapper, table: str, column: str) -> int:
    """The reverse of encrypt_column_in_place, for unapplying such a migration."""
    return _rewrite_column(connection, table, column, decrypt_text)
