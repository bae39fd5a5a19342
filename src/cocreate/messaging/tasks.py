"""Background delivery through Django's tasks framework (django-tasks, database worker).

One task, `deliver_outbox`, drains whatever is due. It is enqueued when a change that
wrote to the outbox commits (`wake_worker`), scheduled again for the next retry that
falls due, and started by `cocreate worker` every few seconds when rows are due with no
run queued, which also recovers the rows of a worker that died mid-batch.
"""

from typing import Any

from django.db.models import Min, Q
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks import task
from django_tasks_db.models import DBTaskResult, get_date_max

from cocreate.messaging import delivery
from cocreate.messaging.models import Message, Status, WebhookDelivery


@task()
def deliver_outbox() -> dict[str, int]:
    report = delivery.deliver_due()
    schedule_next_retry()
    return dict(report)


def _queued_run(before: Any) -> bool:
    """Is a run of deliver_outbox queued that starts by `before`?"""
    return (
        DBTaskResult.objects.filter(status="READY", task_path=deliver_outbox.module_path)
        .filter(Q(run_after__lte=before) | Q(run_after=get_date_max()))
        .exists()
    )


def wake_worker() -> None:
    """Make sure a run starts now (called once the outbox's writer has committed)."""
    if not _queued_run(timezone.now()):
        deliver_outbox.enqueue()


def wake_worker_if_due() -> bool:
    """Start a run if anything is due, a dead worker's expired claims included."""
    now = timezone.now()
    with scopes_disabled():
        anything_due = any(
            model.objects.filter(delivery.due(now)).exists() for model in (Message, WebhookDelivery)
        )
    if anything_due and not _queued_run(now):
        deliver_outbox.enqueue()
    return anything_due


def schedule_next_retry() -> None:
    with scopes_disabled():
        soonest = [
            model.objects.filter(status=Status.QUEUED).aggregate(at=Min("next_attempt_at"))["at"]
            for model in (Message, WebhookDelivery)
        ]
    upcoming = [at for at in soonest if at is not None]
    if upcoming and not _queued_run(min(upcoming)):
        deliver_outbox.using(run_after=min(upcoming)).enqueue()
