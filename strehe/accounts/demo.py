"""Demo staff logins. Synthetic, created only in demo mode (STREHE_DEMO=1)."""

from dataclasses import dataclass

from django.db import transaction

from .models import User

# Publicly known on purpose: these accounts exist only on demo installations.
DEMO_PASSWORD = "strehe-demo-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    created: bool


@transaction.atomic
def load_demo_users() -> list[DemoLogin]:
    user, created = User.objects.get_or_create(
        username="demo-admin",
        defaults={"is_staff": True, "is_superuser": True, "first_name": "Demo"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return [DemoLogin(user.username, DEMO_PASSWORD, "administrator", created)]
