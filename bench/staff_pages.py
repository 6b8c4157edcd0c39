"""Staff pages at national scale: the case list (filtered by stage and agency, first page), search
by case code and by name, and a case page with its timeline, for a coordinator (national view),
over the synthetic register of `strehe synth`.

Run with `make bench` or `.venv/bin/python bench/staff_pages.py [--cases N] [--requests R]`.
PostgreSQL only (BENCH_DATABASE_URL, default the local `strehe_bench` database, created and
filled on first use; a smaller --cases adds nothing to a larger register). Prints one JSON line
per page and a human line; the limit each is compared with is the issue's target for p95.
"""

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/strehe_bench"
TARGET_P95_MS = {"case_list": 100, "search_code": 100, "search_name": 100, "case_page": 150}


def database_ready(url: str) -> None:
    """Create the benchmark database on first use."""
    import psycopg
    from psycopg import sql

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def synthetic_data(cases: int, contacts: int) -> int:
    """Migrate, load the reference data and add synthetic cases and contacts until there are at
    least `cases` and `contacts`, and say how many cases there are. A larger register is left
    as it is. Call after django.setup()."""
    from django.core.management import call_command

    from strehe.cases.models import Case
    from strehe.helpline.models import Contact

    call_command("migrate", verbosity=0)
    call_command("loadreference", verbosity=0)
    have_cases, have_contacts = Case.objects.count(), Contact.objects.count()
    more_cases, more_contacts = max(0, cases - have_cases), max(0, contacts - have_contacts)
    if more_cases or more_contacts:
        started = time.perf_counter()
        seed = have_cases + have_contacts + 1
        call_command("synth", cases=more_cases, contacts=more_contacts, seed=seed)
        print(f"synthetic data: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return Case.objects.count()


def verified_client(username: str, role: str, agency: object) -> object:
    """A test client of a bench user (made once) that passed the second factor. Call after
    django.setup()."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from strehe.accounts.models import User

    user, _ = User.objects.get_or_create(
        username=username, defaults={"role": role, "agency": agency}
    )
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    database_ready(url)
    os.environ.update(DATABASE_URL=url, STREHE_DEMO="1", DJANGO_SETTINGS_MODULE="strehe.settings")
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from strehe.accounts.models import Agency
    from strehe.accounts.roles import Role
    from strehe.cases.models import Case, Stage

    synthetic_data(options.cases, options.contacts)
    client = verified_client("bench_coordinator", Role.COORDINATOR, Agency.objects.first())

    rng = random.Random(7)  # noqa: S311 - which synthetic records to ask for
    sample = list(Case.objects.order_by("?").select_related("person")[: options.requests])
    agency_ids = list(Agency.objects.values_list("pk", flat=True))

    with translation.override("en"):
        list_url = reverse("cases:list")
        search_url = reverse("search:search")
        pages: dict[str, Callable[[int], str | tuple[str, dict]]] = {
            "case_list": lambda i: (
                list_url,
                {"stage": rng.choice(Stage.values), "owner_agency": rng.choice(agency_ids)},
            ),
            "search_code": lambda i: (search_url, {"q": sample[i].code}),
            "search_name": lambda i: (
                search_url,
                {"q": f"{sample[i].person.given_name} {sample[i].person.family_name}"},
            ),
            "case_page": lambda i: reverse("cases:detail", kwargs={"code": sample[i].code}),
        }
    for name, request in pages.items():
        timings = []
        for i in range(options.requests):
            target = request(i)
            path, query = target if isinstance(target, tuple) else (target, {})
            started = time.perf_counter()
            response = client.get(path, query)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        quantiles = statistics.quantiles(timings, n=100)
        figures = {
            "bench": name,
            "cases": Case.objects.count(),
            "requests": options.requests,
            "p50_ms": round(quantiles[49], 1),
            "p95_ms": round(quantiles[94], 1),
            "limit_p95_ms": TARGET_P95_MS[name],
            "ratio_to_limit": round(quantiles[94] / TARGET_P95_MS[name], 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        print(json.dumps(figures))
        print(
            f"{name}: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms "
            f"(target {TARGET_P95_MS[name]} ms) over {figures['cases']:,} cases",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
