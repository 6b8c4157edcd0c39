"""schemathesis against the live OpenAPI schema, with a staff token and anonymously: no 5xx and
no response that breaks the schema. A bounded number of examples per operation here; `make fuzz`
runs more (STREHE_FUZZ_EXAMPLES). Prints how many requests each operation got.

The operations are driven through their hypothesis strategies rather than schemathesis' pytest
plugin, whose lazy loader does not run under pytest 9.
"""

import os
from collections import Counter

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from strehe.statistics.demo import load_statistics_demo
from tests.api.tokens import token_for

EXAMPLES = int(os.environ.get("STREHE_FUZZ_EXAMPLES", "") or 10)
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]


@pytest.fixture
def api_schema(db):  # type: ignore[no-untyped-def]
    # As Django's test client does: the test's transaction must outlive each request, which
    # would otherwise close the connection when it ends.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def fuzz(schema, headers: dict[str, str], only: str = "") -> Counter[str]:  # type: ignore[no-untyped-def]
    """Every operation, or those whose path ends with `only`."""
    made: Counter[str] = Counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        if not operation.path.endswith(only):
            continue

        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):  # type: ignore[no-untyped-def]
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS)
            made[f"{case.method} {case.path}"] += 1

        run()
    return made


def report(who: str, made: Counter[str], capsys) -> None:  # type: ignore[no-untyped-def]
    with capsys.disabled():
        print(f"\nschemathesis ({who}): {sum(made.values())} requests over {len(made)} operations")
        for operation, count in sorted(made.items()):
            print(f"  {count:4}  {operation}")


def test_with_a_staff_token(api_schema, staff, records_of, capsys):
    records_of("advocate_arta")
    token = token_for(staff["advocate_arta"])

    made = fuzz(api_schema, {"Authorization": f"Bearer {token}"})

    report("staff token", made, capsys)
    assert len(made) >= 10


def test_statistics_with_a_statistician_token(api_schema, staff, capsys):
    # The staff token above may not see statistics (403 only): the statistician gets figures,
    # exact and published, from the 2012 demo set.
    load_statistics_demo(synthetic_years=False)
    token = token_for(staff["statistician_besnik"])

    made = fuzz(api_schema, {"Authorization": f"Bearer {token}"}, only="statistics/")

    report("statistician token", made, capsys)
    assert len(made) == 2


def test_anonymously(api_schema, capsys):
    made = fuzz(api_schema, {})

    report("anonymous", made, capsys)
    assert len(made) >= 10
