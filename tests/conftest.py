"""Shared fixtures: the strict-skip rule and the Chromium harness.

A test that needs something this machine lacks skips with a reason. In CI
(STREHE_NO_SKIPS=1) a skip is a failure, so a missing install step cannot hide
behind a green run.
"""

import os
import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

CHROMIUM_PATH = os.environ.get("STREHE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
]


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}


def need(condition: bool, reason: str, *, strict_env: str = "STREHE_NO_SKIPS") -> None:
    """Skip unless `condition` holds; fail instead when `strict_env` is set (CI)."""
    if condition:
        return
    if env_flag(strict_env) or env_flag("STREHE_NO_SKIPS"):
        pytest.fail(f"required here but missing: {reason}", pytrace=False)
    pytest.skip(reason)


# --- The audit log ----------------------------------------------------------------------------


def _flush_around_the_audit_truncate_trigger() -> None:
    """Let the test runner's flush (TRUNCATE of every table, after each transactional test) pass
    the trigger that refuses TRUNCATE on the audit log (audit migration 0003).

    The tests connect as the owner, which may disable the trigger for the length of the flush; the
    application's role may not (tests/audit/test_audit_cannot_be_emptied_or_unhooked.py).
    """
    try:
        from django.db.backends.postgresql.operations import DatabaseOperations
    except ImportError:  # no PostgreSQL driver: SQLite only
        return
    original = DatabaseOperations.sql_flush
    toggle = "ALTER TABLE audit_auditentry {} TRIGGER audit_auditentry_no_truncate"

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):  # type: ignore[no-untyped-def]
        sql = original(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        if "audit_auditentry" not in tables:
            return sql
        return [toggle.format("DISABLE"), *sql, toggle.format("ENABLE")]

    DatabaseOperations.sql_flush = sql_flush  # type: ignore[method-assign]


_flush_around_the_audit_truncate_trigger()


@pytest.fixture(autouse=True)
def empty_cache():  # type: ignore[no-untyped-def]
    """Each test starts with an empty cache: test databases roll back, the cache would not."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def audit_checkpoint_file(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test has its own checkpoint file, never the developer's var/audit_checkpoint."""
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit_checkpoint"
    return settings.AUDIT_CHECKPOINT_FILE


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if env_flag("STREHE_NO_SKIPS") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped, and STREHE_NO_SKIPS forbids skips: {report.longrepr}"


# --- Browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    need(
        shutil.which(CHROMIUM_PATH) is not None,
        f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)",
        strict_env="STREHE_REQUIRE_BROWSER",
    )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django ORM calls made by
    # fixtures in the same thread are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class RecordedPage:
    """A Playwright page that records the URL of every request it makes."""

    def __init__(self, page: object, requests: list[str]) -> None:
        self.page = page
        self.requests = requests

    def foreign_requests(self, allowed_origin: str) -> list[str]:
        allowed = urlsplit(allowed_origin).netloc
        return [url for url in self.requests if urlsplit(url).netloc not in {allowed, ""}]


@pytest.fixture
def recorded_page(browser, live_server) -> Iterator[RecordedPage]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield RecordedPage(page, requests)
    context.close()
