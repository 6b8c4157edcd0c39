"""Making an API token for a named user, as their own page would."""

from django.test import Client

from strehe.api.services import api_token_create


def token_for(user, lifetime_days: int = 30) -> str:  # type: ignore[no-untyped-def]
    user.is_verified = lambda: True  # made in a session that passed the second factor
    return api_token_create(actor=user, name="test", lifetime_days=lifetime_days).secret


def bearer(secret: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def post_json(client: Client, url: str, data: dict | None = None, **extra: str):  # type: ignore[no-untyped-def,type-arg]
    """POST `data` as a JSON body, as API clients send it."""
    return client.post(url, data or {}, content_type="application/json", **extra)
