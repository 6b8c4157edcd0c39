"""Login lockout that cannot be turned against staff (django-axes handler).

Locking by username alone let anyone lock every account by typing wrong passwords at the login
page. Here a lock holds for one username *from one address* (5 failures), so the person at their
own desk can still log in while someone elsewhere guesses; and one address is throttled as a whole
(50 failures, whatever usernames), so guessing across many accounts from one place stops too. An
administrator unlocks from the admin (users: "Unlock login"; or the login attempts list).

The address is REMOTE_ADDR only (django-ipware is not installed, so axes reads nothing else): a
client can write any X-Forwarded-For it likes. Behind a proxy, have the proxy set REMOTE_ADDR.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


def _failures(attempts: QuerySet) -> int:
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


class AccountAndAddressHandler(AxesDatabaseHandler):
    """AXES_LOCKOUT_PARAMETERS is [["username", "ip_address"], "ip_address"]: axes hands us the
    attempts of this username from this address, then those of this address, in that order."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        by_account_here, by_address = (
            _failures(attempts) for attempts in self.get_user_attempts(request, credentials)
        )
        # axes compares one number with one limit (AXES_FAILURE_LIMIT); an address over its own,
        # larger limit counts as having reached it for every username.
        if by_address >= settings.STREHE_ADDRESS_FAILURE_LIMIT:
            return max(by_account_here, settings.AXES_FAILURE_LIMIT)
        return by_account_here

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """A successful login clears that username's failures from that address only: a colleague
        logging in must not wipe the count of someone guessing from the same network."""
        by_account_here, _by_address = self.filter_user_attempts(request, credentials)
        count, _ = by_account_here.delete()
        return int(count)
