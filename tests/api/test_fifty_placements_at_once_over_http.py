"""Acceptance: 50 simultaneous `POST /api/v1/placements/` for 50 different cases into a shelter
with 10 free beds, sent over HTTP to gunicorn with several worker processes on PostgreSQL, give
exactly 10 x 201 and 40 x 409 "shelter_full", and the shelter's occupancy is 10.

The server is a real gunicorn started on the test database (each worker its own connections),
so the race is between processes, as in production, not threads of one interpreter.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection

from strehe.shelters.models import Placement
from tests.api.tokens import token_for
from tests.conftest import need
from tests.shelters.helpers import make_shelter, person_case

PEOPLE = 50
BEDS = 10
WORKERS = 4
THREADS = 4


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_until_serving(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def place(port: int, secret: str, body: dict) -> tuple[int, str]:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        client.request(
            "POST",
            "/api/v1/placements/",
            json.dumps(body),
            {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
        )
        response = client.getresponse()
        return response.status, json.loads(response.read() or b"{}").get("error", "")
    finally:
        client.close()


@pytest.mark.django_db(transaction=True)
def test_fifty_placements_at_once_over_http_fill_ten_beds(staff, agencies, capsys):
    need(connection.vendor == "postgresql", "PostgreSQL: set DATABASE_URL (CI does)")
    need(shutil.which("gunicorn", path=os.path.dirname(sys.executable)) is not None, "gunicorn")
    sokol = staff["social_worker_sokol"]
    shelter = make_shelter(operator=agencies["shelter"], capacity=BEDS)
    cases = [person_case(owner=agencies["social"], worker=sokol) for _ in range(PEOPLE)]
    secret = token_for(sokol)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "STREHE_VAR_DIR": str(settings.VAR_DIR),
        "STREHE_API_RATE_TOKEN": "1000/minute",
    }
    server = subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "strehe.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={WORKERS}",
            f"--threads={THREADS}",
            "--backlog=128",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    outcomes: Counter[tuple[int, str]] = Counter()
    try:
        wait_until_serving(port, server)
        start = threading.Barrier(PEOPLE)
        lock = threading.Lock()

        def one(case) -> None:  # type: ignore[no-untyped-def]
            start.wait(timeout=60)
            try:
                outcome = place(port, secret, {"case": case.code, "shelter": shelter.slug})
            except Exception as error:  # every other outcome is counted, and fails the test
                outcome = (0, f"{type(error).__name__}: {error}")
            with lock:
                outcomes[outcome] += 1

        threads = [threading.Thread(target=one, args=(case,)) for case in cases]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=60)

    shelter.refresh_from_db()
    open_placements = Placement.objects.filter(shelter=shelter, checked_out_at=None).count()
    with capsys.disabled():
        print(
            f"\nHTTP, gunicorn {WORKERS} workers x {THREADS} threads, {connection.vendor}: "
            f"{PEOPLE} POST /api/v1/placements/ at once into {BEDS} beds: "
            + ", ".join(
                f"{n} x {status} {error}".rstrip() for (status, error), n in outcomes.items()
            )
            + f"; occupancy {shelter.occupied}, open placements {open_placements}"
        )
    assert b"Traceback" not in errors, errors.decode()[-2000:]
    assert outcomes == Counter({(201, ""): BEDS, (409, "shelter_full"): PEOPLE - BEDS})
    assert shelter.occupied == BEDS
    assert open_placements == BEDS
