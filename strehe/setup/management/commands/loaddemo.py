from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from strehe.accounts.demo import load_demo_users
from strehe.cases.demo import load_demo_cases
from strehe.cases.models import ReflectionPeriodRule
from strehe.shelters.demo import load_demo_shelter_operator
from strehe.statistics.demo import load_statistics_demo


class Command(BaseCommand):
    help = "Load synthetic demo data and demo staff logins (demo mode only). Safe to run twice."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is loaded only in demo mode: set STREHE_DEMO=1.")
        if not ReflectionPeriodRule.objects.exists():
            raise CommandError("Demo data builds on the reference data: run loadreference first.")
        logins = load_demo_users()
        opened = load_demo_cases()
        victims = load_statistics_demo()
        load_demo_shelter_operator()
        self.stdout.write("Demo staff logins (synthetic data, demo installations only):")
        for login in logins:
            state = "created" if login.created else "exists"
            self.stdout.write(
                f"  {login.role:<20} {login.username:<22} {login.password}  ({state})"
            )
            if login.totp_secret:
                # Add the secret to an authenticator app (or paste the otpauth URI into one).
                self.stdout.write(f"      TOTP secret {login.totp_secret}  {login.otpauth_uri}")
        self.stdout.write(f"Demo cases opened: {opened}")
        self.stdout.write(f"Synthetic victims for the statistics opened: {victims}")
