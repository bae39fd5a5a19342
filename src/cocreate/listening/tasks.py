"""Background work of listening (django-tasks, database worker): thin wrappers around
the services they run, by id."""

from django_tasks import task

from cocreate.listening.services.imports import import_execute
from cocreate.listening.services.themes import theme_run_execute


@task()
def run_import(import_id: int) -> str:
    return import_execute(import_id)


@task()
def find_themes_task(run_id: int) -> str:
    return theme_run_execute(run_id)
