"""Refuse to run with keys that do not open the data already in the database.

settings.py generates a key file into var/ when it is missing, so that `make run` on an empty
var/ just works. The same convenience would silently replace a lost key on a server holding data:
encrypted columns would no longer open, lookups would miss and the audit chain would stop
verifying, while new data piled up under the new key. So each key leaves a canary in the database
(KeyCanary: a token encrypted with the field keys, an HMAC with the lookup key, one with the audit
key), written when the database is first migrated, and every start checks that the keys in use
still open it:

- `strehe <command>` and `runserver`: a system check (strehe.E001) stops them.
- gunicorn runs no system checks: strehe/wsgi.py calls refuse_wrong_keys() before serving.

With DEBUG on, the check only warns (strehe.W004), for a developer who threw away var/ keys but
kept the database.
"""

import hashlib
import hmac
import os
from typing import Any

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection

from .crypto import field_cipher
from .models import KeyCanary

CANARY_TEXT = b"strehe key canary"
FIELD_KEYS, LOOKUP_KEY, AUDIT_KEY = "field_keys", "lookup_key", "audit_key"
# Canary name: (environment variable, file under var/, what the key is for)
KEY_SOURCES = {
    FIELD_KEYS: ("STREHE_FIELD_KEYS", "field_keys", "field encryption keys"),
    LOOKUP_KEY: ("STREHE_LOOKUP_KEY", "lookup_key", "lookup key"),
    AUDIT_KEY: ("STREHE_AUDIT_KEY", "audit_key", "audit chain key"),
}


def _hmac(key: str) -> str:
    return hmac.new(key.encode("utf-8"), CANARY_TEXT, hashlib.sha256).hexdigest()


def _canary_value(name: str) -> str:
    if name == FIELD_KEYS:
        return field_cipher().encrypt(CANARY_TEXT).decode("ascii")
    if name == LOOKUP_KEY:
        return _hmac(settings.LOOKUP_HASH_KEY)
    return _hmac(settings.AUDIT_CHAIN_KEY)


def _opens(name: str, value: str) -> bool:
    if name == FIELD_KEYS:
        try:
            return field_cipher().decrypt(value.encode("ascii")) == CANARY_TEXT
        except (InvalidToken, ValueError):
            return False
    return hmac.compare_digest(value, _canary_value(name))


def key_source(name: str) -> str:
    variable, filename, _what = KEY_SOURCES[name]
    if os.environ.get(variable, "").strip():
        return variable
    return str(settings.VAR_DIR / filename)


def _table_exists() -> bool:
    return KeyCanary._meta.db_table in connection.introspection.table_names()


def key_canaries_write(*, names: tuple[str, ...] = (), replace: bool = False) -> None:
    """Write the canary of each key that has none yet (of `names` only, when given); with
    `replace`, write them anew, after `strehe rotatefieldkeys` re-encrypted the data."""
    for name in names or tuple(KEY_SOURCES):
        if replace:
            KeyCanary.objects.update_or_create(name=name, defaults={"value": _canary_value(name)})
        else:
            KeyCanary.objects.get_or_create(name=name, defaults={"value": _canary_value(name)})


def keys_that_do_not_open() -> list[str]:
    """Names of the keys whose canary is in the database but does not open with the key in use."""
    if not _table_exists():
        return []
    return [
        canary.name
        for canary in KeyCanary.objects.filter(name__in=KEY_SOURCES)
        if not _opens(canary.name, canary.value)
    ]


def _explain(name: str) -> str:
    variable, filename, what = KEY_SOURCES[name]
    verb = "do" if what.endswith("keys") else "does"
    return (
        f"The {what} in use ({key_source(name)}) {verb} not open the data in the database: the "
        f"key was lost or replaced (a missing var/{filename} is generated anew). Restore "
        f"var/{filename} from the backup of the keys, or set {variable}."
    )


def refuse_wrong_keys() -> None:
    """For the WSGI start-up: stop (outside DEBUG) when a key does not open its canary."""
    if settings.DEBUG:
        return
    wrong = keys_that_do_not_open()
    if wrong:
        raise ImproperlyConfigured(" ".join(_explain(name) for name in wrong))


@register()
def check_key_canaries(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        wrong = keys_that_do_not_open()
    except DatabaseError:
        # No database yet (or not reachable): nothing can have been written with another key.
        return []
    if settings.DEBUG:
        return [Warning(_explain(name), id="strehe.W004") for name in wrong]
    return [Error(_explain(name), id="strehe.E001") for name in wrong]


def write_canaries_after_migrate(sender: Any, **kwargs: Any) -> None:
    """post_migrate of strehe.core: a fresh database gets the canaries of the keys in use."""
    using = kwargs.get("using", "default")
    if using == "default" and _table_exists():
        key_canaries_write()
