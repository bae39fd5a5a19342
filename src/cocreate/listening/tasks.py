"""Background work of listening (django-tasks, database worker): thin wrappers around
the services they run, by id; and the periodic job `cocreate worker` runs every minute
(settings.PERIODIC_JOBS)."""

from django_tasks import task

from cocreate.listening.services.imports import import_execute
from cocreate.listening.services.ratings import hosts_tell, ratings_ask
from cocreate.listening.services.themes import theme_run_execute


def ask_after_sessions() -> dict[str, int]:
    """Ask how each session that just ended went; tell hosts how theirs were rated."""
    return {"asked": ratings_ask(), "hosts_told": hosts_tell()}


@task()
def run_import(import_id: int) -> str:
    return import_execute(import_id)


@task()
def find_themes_task(run_id: int) -> str:
    return theme_run_execute(run_id)
