"""Background work of the agenda: optimiser runs (django-tasks, database worker)."""

from django_tasks import task

from cocreate.agenda.services.runs import run_execute


@task()
def optimise_agenda(run_id: int) -> str:
    run = run_execute(run_id)
    return run.status if run else "already claimed"
