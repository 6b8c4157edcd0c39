"""Encryption at rest for identifying data, and keyed hashes for looking it up.

The columns come from django-fernet-encrypted-fields (Fernet: AES-128-CBC + HMAC-SHA256). That
library derives its key from SECRET_KEY and SALT_KEY, which would tie personal data to the session
secret. Our fields keep its column types and only replace where the keys come from:
settings.FIELD_ENCRYPTION_KEYS (env STREHE_FIELD_KEYS or var/field_keys), newest first. Fernet's
MultiFernet encrypts with the first key and decrypts with any, which is what key rotation needs
(`strehe rotatefieldkeys` re-encrypts every row with the first key).
"""

import functools

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from encrypted_fields import fields as library


@functools.lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode("ascii")) for key in keys])


def field_cipher() -> MultiFernet:
    """The cipher of the encrypted columns: encrypts with the first key, decrypts with any."""
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


class DedicatedKeyMixin:
    # Looked up on each use (and cached per key list), so a changed key list applies at once.
    @property
    def f(self) -> MultiFernet:
        return field_cipher()


class EncryptedCharField(DedicatedKeyMixin, library.EncryptedCharField):
    pass


class EncryptedTextField(DedicatedKeyMixin, library.EncryptedTextField):
    pass


class EncryptedDateField(DedicatedKeyMixin, library.EncryptedDateField):
    pass


def encrypted_fields_of(model: type) -> list[str]:
    return [
        field.name  # type: ignore[attr-defined]
        for field in model._meta.concrete_fields  # type: ignore[attr-defined]
        if isinstance(field, DedicatedKeyMixin)
    ]
