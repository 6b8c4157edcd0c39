import json
import os
import subprocess
import sys

import pytest


@pytest.mark.django_db
def test_healthz_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    # A separate process with a database it cannot open: the real failure path, no mocks.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="strehe.settings",
        DATABASE_URL=f"sqlite:///{tmp_path}/missing-dir/db.sqlite3",
        STREHE_VAR_DIR=str(tmp_path / "var"),
        ALLOWED_HOSTS="testserver",
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    result = json.loads(completed.stdout.strip().splitlines()[-1])

    assert result["status"] == 503
    assert result["body"] == {"status": "error", "database": "unreachable"}
