"""Demo staff logins, one per role. Synthetic, created only in demo mode (STREHE_DEMO=1)."""

from base64 import b32encode
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.directory.models import Organisation

from .models import Agency, User
from .roles import Role

# Publicly known on purpose: these accounts exist only on demo installations.
DEMO_PASSWORD = "strehe-demo-2026"  # noqa: S105

Kind = Organisation.Kind
# slug, name, kind: synthetic organisations, so that demo logins never belong to a real office.
DEMO_AGENCIES = {
    "helpline": ("demo-helpline", "Demo helpline (synthetic)", Kind.HELPLINE),
    "police": (
        "demo-police-unit",
        "Demo police anti-trafficking unit (synthetic)",
        Kind.POLICE_UNIT,
    ),
    "advocates": (
        "demo-victim-advocates",
        "Demo victim advocates (synthetic)",
        Kind.VICTIM_ADVOCATES,
    ),
    "social": (
        "demo-social-work-centre",
        "Demo Centre for Social Work (synthetic)",
        Kind.SOCIAL_WORK_CENTRE,
    ),
    "shelter": ("demo-shelter", "Demo shelter (synthetic, illustrative)", Kind.SHELTER),
    "national": (
        "demo-national-office",
        "Demo national coordination office (synthetic)",
        Kind.OTHER,
    ),
}
# username, role, agency key, may use the admin site
DEMO_USERS = [
    ("operator_olta", Role.HELPLINE_OPERATOR, "helpline", False),
    ("investigator_ilir", Role.POLICE_INVESTIGATOR, "police", False),
    ("advocate_arta", Role.VICTIM_ADVOCATE, "advocates", False),
    ("social_worker_sokol", Role.SOCIAL_WORKER, "social", False),
    ("shelter_staff_shpresa", Role.SHELTER_STAFF, "shelter", False),
    ("coordinator_drita", Role.COORDINATOR, "national", False),
    ("statistician_besnik", Role.STATISTICIAN, "national", False),
    ("administrator_agim", Role.ADMINISTRATOR, "national", True),
    ("moderator_mimoza", Role.MODERATOR, "national", False),
    ("demo-admin", Role.ADMINISTRATOR, "national", True),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    created: bool
    totp_secret: str = ""
    otpauth_uri: str = ""


def demo_agency(key: str) -> Agency:
    slug, name, kind = DEMO_AGENCIES[key]
    organisation, _ = Organisation.objects.get_or_create(
        slug=slug, defaults={"name": name, "kind": kind}
    )
    agency, _ = Agency.objects.get_or_create(organisation=organisation)
    return agency


def demo_first_name(username: str) -> str:
    """operator_olta is "Olta": pages name people, and every demo user was once just "Demo"."""
    return username.replace("-", "_").rsplit("_", 1)[-1].capitalize()


@transaction.atomic
def load_demo_users() -> list[DemoLogin]:
    logins = []
    for username, role, agency_key, admin_site in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "agency": demo_agency(agency_key),
                "is_staff": admin_site,
                # Administration follows the role; only the historic demo-admin is a superuser.
                "is_superuser": username == "demo-admin",
                "first_name": demo_first_name(username),
                "last_name": "Demo",
            },
        )
        if not created and (user.first_name, user.last_name) == ("Demo", ""):
            # Loaded before demo users had names.
            user.first_name, user.last_name = demo_first_name(username), "Demo"
            user.save(update_fields=["first_name", "last_name"])
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        secret = uri = ""
        if user.requires_two_factor:
            device, _ = TOTPDevice.objects.get_or_create(
                user=user, confirmed=True, defaults={"name": "authenticator"}
            )
            secret, uri = b32encode(device.bin_key).decode("ascii"), device.config_url
        logins.append(DemoLogin(user.username, DEMO_PASSWORD, role, created, secret, uri))
    return logins
