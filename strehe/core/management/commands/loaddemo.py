from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from strehe.accounts.demo import load_demo_users


class Command(BaseCommand):
    help = "Load synthetic demo data and demo staff logins (demo mode only). Safe to run twice."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is loaded only in demo mode: set STREHE_DEMO=1.")
        logins = load_demo_users()
        self.stdout.write("Demo staff logins (synthetic data, demo installations only):")
        for login in logins:
            state = "created" if login.created else "exists"
            self.stdout.write(
                f"  {login.role:<20} {login.username:<20} {login.password}  ({state})"
            )
