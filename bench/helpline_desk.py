"""The helpline desk at national scale: the contact list newest first, filtered, and searched
by a caller's number, and a contact page with its earlier contacts from the number, for a
coordinator (every contact) and for an operator (their agency's), over the synthetic contacts of
`strehe synth`, some of which are given numbers here (a few hundred callers calling again).

Run with `make bench` or `.venv/bin/python bench/helpline_desk.py [--contacts N] [--requests R]`.
PostgreSQL only (BENCH_DATABASE_URL, default the local `strehe_bench` database, created and
filled on first use). Prints one JSON line per page and user and a human line; the limit each is
compared with is the p95 target of the staff pages.
"""

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from staff_pages import DEFAULT_DATABASE, database_ready, synthetic_data, verified_client

TARGET_P95_MS = {"contact_list": 100, "contact_search": 100, "contact_page": 150}
CALLERS, CALLS_WITH_NUMBER = 500, 2000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    database_ready(url)
    os.environ.update(DATABASE_URL=url, STREHE_DEMO="1", DJANGO_SETTINGS_MODULE="strehe.settings")
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from strehe.accounts.models import Agency
    from strehe.accounts.roles import Role
    from strehe.helpline.models import Channel, Contact, Sex

    synthetic_data(0, options.contacts)
    rng = random.Random(11)  # noqa: S311 - which synthetic records get numbers and are asked for
    if not Contact.objects.exclude(lookup_hash="").exists():
        newest = list(
            Contact.objects.order_by("-contacted_at").values_list("pk", flat=True)[:20_000]
        )
        for pk in rng.sample(newest, min(CALLS_WITH_NUMBER, len(newest))):
            contact = Contact.objects.get(pk=pk)
            contact.caller_phone = f"+38344{rng.randrange(CALLERS):06d}"
            contact.save(update_fields=["caller_phone"])
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE helpline_contact")

    busiest = Contact.objects.values("owner_agency").annotate(n=Count("pk")).order_by("-n").first()
    users = {
        "coordinator": (Role.COORDINATOR, Agency.objects.first()),
        "operator": (Role.HELPLINE_OPERATOR, Agency.objects.get(pk=busiest["owner_agency"])),
    }
    with_number = Contact.objects.exclude(lookup_hash="")
    with translation.override("en"):
        list_url = reverse("helpline:list")
    list_queries = [
        {},
        {"channel": Channel.PHONE},
        {"channel": Channel.WEB_FORM, "contacted_from": "2026-01-01"},
        {"caller_sex": Sex.UNKNOWN, "contacted_from": "2026-01-01"},
    ]
    for who, (role, agency) in users.items():
        client = verified_client(f"bench_desk_{who}", role, agency)
        own = with_number if who == "coordinator" else with_number.filter(owner_agency=agency)
        visible = list(own.values_list("pk", flat=True))
        with translation.override("en"):
            pages = [reverse("helpline:detail", kwargs={"contact_id": pk}) for pk in visible]
        requests = {
            "contact_list": lambda: (list_url, rng.choice(list_queries)),
            "contact_search": lambda: (list_url, {"phone": f"044 {rng.randrange(CALLERS):06d}"}),
            "contact_page": lambda pages=pages: (rng.choice(pages), {}),
        }
        for name, request in requests.items():
            timings = []
            for _ in range(options.requests):
                path, query = request()
                started = time.perf_counter()
                response = client.get(path, query)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (name, response.status_code)
            quantiles = statistics.quantiles(timings, n=100)
            figures = {
                "bench": name,
                "user": who,
                "contacts": Contact.objects.count(),
                "requests": options.requests,
                "p50_ms": round(quantiles[49], 1),
                "p95_ms": round(quantiles[94], 1),
                "limit_p95_ms": TARGET_P95_MS[name],
                "ratio_to_limit": round(quantiles[94] / TARGET_P95_MS[name], 2),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
            print(json.dumps(figures))
            print(
                f"{name} ({who}): p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms "
                f"(target {TARGET_P95_MS[name]} ms) over {figures['contacts']:,} contacts",
                file=sys.stderr,
            )


if __name__ == "__main__":
    main()
