"""Background work for ideas (django-tasks, run by `cocreate worker`): thin wrappers that
call a service by id.

`refresh_ranking` recomputes an organisation's ranking after votes, so the results page
usually finds it ready (it recomputes a stale one itself otherwise). `embed_ideas` stores
fresh title vectors where the text model changed (near-duplicates compute missing ones on
the fly meanwhile).
"""

from django.db import transaction
from django_scopes import scope
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from cocreate.engines import text
from cocreate.ideas import engine
from cocreate.ideas.models import Idea
from cocreate.ideas.services import ranking_current


@task()
def refresh_ranking(organisation_id: int) -> dict[str, int]:
    snapshot = ranking_current(organisation_id)
    return {"ideas": len(snapshot.ideas), "votes": snapshot.votes}


@task()
def embed_ideas(organisation_id: int) -> int:
    model = text.model_name()
    with scope(organisation=organisation_id):
        stale = list(Idea.objects.exclude(vector_model=model).only("pk", "title", "vector_model"))
        vectors = engine.vectors_of(stale)
        with transaction.atomic():
            for idea, vector in zip(stale, vectors, strict=True):
                Idea.objects.filter(pk=idea.pk).update(vector=vector.tobytes(), vector_model=model)
    return len(stale)


def schedule_ranking(organisation_id: int) -> None:
    """Queue a refresh unless one for this organisation is already waiting to run."""
    waiting = DBTaskResult.objects.filter(
        status="READY",
        task_path=refresh_ranking.module_path,
        args_kwargs={"args": [organisation_id], "kwargs": {}},
    ).exists()
    if not waiting:
        refresh_ranking.enqueue(organisation_id)
