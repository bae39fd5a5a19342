"""Load balancers ask whether a process is up and whether it can serve."""

import subprocess
import sys

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client


def test_healthz_answers_without_signing_in(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_when_every_migration_is_applied(db):
    assert Client().get("/readyz").json() == {"status": "ready"}


def test_readyz_is_unavailable_while_a_migration_is_pending(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate([("offerings", None)])  # as if the offerings app were not migrated yet
    try:
        response = Client().get("/readyz")
        assert response.status_code == 503
        assert response.json()["status"] == "migrating"
        assert "offerings.0001_initial" in response.json()["pending"]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_web_worker_imports_every_view_before_its_first_request():
    """Otherwise the first request to each worker, and all behind it, waits for the imports."""
    probe = "import sys, cocreate.wsgi; print('cocreate.agenda.views.events' in sys.modules)"
    answer = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert answer.stdout.strip() == "True"
