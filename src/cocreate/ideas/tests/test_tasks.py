"""Background work: a vote queues one ranking refresh; stale title vectors are redone."""

from django_scopes import scope
from django_tasks_db.models import DBTaskResult

from cocreate.engines import text
from cocreate.ideas import services
from cocreate.ideas.models import Idea, RankingSnapshot
from cocreate.ideas.tasks import embed_ideas, refresh_ranking
from cocreate.ideas.tests.test_voting import shown


def test_votes_queue_one_ranking_refresh_which_computes_the_snapshot(
    acme, ideas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.vote(comparison=shown(acme, acme.customer), user=acme.customer, choice="left")
    with django_capture_on_commit_callbacks(execute=True):
        services.vote(comparison=shown(acme, acme.customer), user=acme.customer, choice="left")

    queued = DBTaskResult.objects.filter(task_path=refresh_ranking.module_path, status="READY")
    assert queued.count() == 1
    assert refresh_ranking.call(acme.organisation.pk) == {"ideas": 3, "votes": 2}
    with scope(organisation=acme.organisation):
        assert RankingSnapshot.objects.get().votes == 2


def test_ideas_embedded_by_another_model_get_fresh_vectors(acme, ideas):
    with scope(organisation=acme.organisation):
        Idea.objects.filter(pk=ideas.app.pk).update(vector=b"", vector_model="an-old-model")

    assert embed_ideas.call(acme.organisation.pk) == 1
    with scope(organisation=acme.organisation):
        assert Idea.objects.get(pk=ideas.app.pk).vector_model == text.model_name()
