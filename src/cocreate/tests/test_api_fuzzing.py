"""The whole REST API, fuzzed from its OpenAPI schema by schemathesis against a live server,
signed in as each role: no answer is a server error, and every answer matches the schema.

Marked `fuzz`: it runs in the SQLite pass of `make test` (the PostgreSQL pass skips it;
the API does not change with the database).
"""

import subprocess
import sys
from pathlib import Path

import pytest

from cocreate.accounts import services as accounts
from cocreate.agenda.tests.conftest import build_event
from cocreate.conftest import make_org
from cocreate.offerings.tests.conftest import build_unconference

# Seconds of fuzzing per role: the organiser reaches every operation, the others mostly
# their refusals.
BUDGET = {"organiser": 45, "staff": 15, "partner": 10, "customer": 20}


@pytest.fixture
def community(transactional_db):
    org = make_org("acme", "Acme Events")
    build_unconference(org)
    build_event(org)
    return org


@pytest.mark.fuzz
@pytest.mark.parametrize("role", list(BUDGET))
def test_no_server_error_and_every_answer_matches_the_schema(community, live_server, role):
    token = accounts.api_token_create(user=getattr(community, role), name="fuzz")[1]
    schemathesis = Path(sys.executable).parent / "schemathesis"
    result = subprocess.run(
        [
            str(schemathesis),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--header",
            f"Authorization: Bearer {token}",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--max-examples",
            "3",
            "--seed",
            "2026",
            "--max-time",
            str(BUDGET[role]),
            "--phases",
            "examples,coverage,fuzzing",
            "--warnings",
            "off",
            "--no-shrink",
        ],
        capture_output=True,
        text=True,
        timeout=BUDGET[role] + 120,
    )
    assert result.returncode == 0, result.stdout[-6000:]
    assert "No issues found" in result.stdout
