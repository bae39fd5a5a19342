"""Health endpoints for load balancers and orchestrators: cheap, public, JSON.

/healthz says the process answers (no database touched); /readyz says it can serve:
the database answers and every migration is applied.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse

from cocreate.core.access import public_page


@public_page
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@public_page
def readyz(request: HttpRequest) -> JsonResponse:
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return JsonResponse({"status": "unavailable", "reason": str(error)}, status=503)
    if pending:
        names = [f"{migration.app_label}.{migration.name}" for migration, _ in pending]
        return JsonResponse({"status": "migrating", "pending": names}, status=503)
    return JsonResponse({"status": "ready"})
