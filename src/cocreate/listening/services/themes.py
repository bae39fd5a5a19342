"""Themes in the free text of feedback, found by a background run.

The run embeds each distinct text once per model and keeps its vector (`TextVector`),
so the next run embeds only what is new; then it clusters all texts
(`engines.themes.find_themes`) and stores the themes, which the dashboards read.
"""

import hashlib
from datetime import timedelta

import numpy as np
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict
from cocreate.engines import text as text_engine
from cocreate.engines.themes import find_themes
from cocreate.listening.models import Feedback, RunStatus, TextVector, Theme, ThemeRun
from cocreate.organisations import audit
from cocreate.organisations.models import Organisation

MAX_TEXTS = 50_000  # the latest; older texts do not change today's themes
EMBED_BATCH = 256
LOOKUP_BATCH = 500
KEEP_RUNS = 3
STALE = timedelta(minutes=5)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def theme_run_start(*, organisation: Organisation, actor: User) -> ThemeRun:
    """Queue a search for themes in the feedback's free text."""
    from cocreate.listening.tasks import find_themes_task

    with transaction.atomic(), scope(organisation=organisation):
        busy = ThemeRun.objects.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).first()
        if busy is not None and timezone.now() - (busy.heartbeat_at or busy.created_at) < STALE:
            raise Conflict("Themes are being found already: wait for that run to finish.")
        if not Feedback.objects.exclude(text="").exists():
            raise Conflict("There is no free text in the feedback yet: nothing to find themes in.")
        run = ThemeRun.objects.create(organisation=organisation, created_by=actor)
        audit.record(organisation=organisation, actor=actor, action="themes.started", target="")
        transaction.on_commit(lambda: find_themes_task.enqueue(run.pk))
    return run


def theme_run_execute(run_id: int, *, seed: int = 0) -> str:
    """The background run: embed what is new, cluster, store. Returns the run's status."""
    with scopes_disabled():
        claimed = ThemeRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, heartbeat_at=timezone.now()
        )
        if not claimed:
            return "not queued"
        run = ThemeRun.objects.select_related("organisation").get(pk=run_id)
    organisation = run.organisation
    with scope(organisation=organisation):
        try:
            _find(run, seed)
        except Exception as error:  # kept for the organiser, then re-raised for the log
            ThemeRun.objects.filter(pk=run.pk).update(
                status=RunStatus.FAILED, error=str(error)[:500], finished_at=timezone.now()
            )
            raise
    return RunStatus.DONE


def _find(run: ThemeRun, seed: int) -> None:
    organisation = run.organisation
    rows = list(
        Feedback.objects.exclude(text="")
        .order_by("-submitted_at", "-id")
        .values_list("text", "touchpoint__phase__name")[:MAX_TEXTS]
    )
    texts = [text for text, _ in rows]
    phases = [phase for _, phase in rows]
    model = text_engine.model_name()
    digests = [digest(text) for text in texts]
    first_text = dict(zip(digests, texts, strict=True))
    vectors = _cached(organisation, model, list(first_text))
    missing = [d for d in first_text if d not in vectors]
    ThemeRun.objects.filter(pk=run.pk).update(
        model=model, texts_total=len(texts), texts_to_embed=len(missing)
    )
    for start in range(0, len(missing), EMBED_BATCH):
        chunk = missing[start : start + EMBED_BATCH]
        found = text_engine.embed([first_text[d] for d in chunk])
        TextVector.objects.bulk_create(
            [
                TextVector(
                    organisation=organisation,
                    model=model,
                    digest=d,
                    vector=vector.astype("<f4").tobytes(),
                )
                for d, vector in zip(chunk, found, strict=True)
            ],
            ignore_conflicts=True,
        )
        vectors.update(zip(chunk, found, strict=True))
        ThemeRun.objects.filter(pk=run.pk).update(
            texts_embedded=start + len(chunk), heartbeat_at=timezone.now()
        )
    matrix = np.vstack([vectors[d] for d in digests]).astype(np.float32)
    found_themes = find_themes(texts, matrix, phases=phases, seed=seed)
    with transaction.atomic():
        Theme.objects.bulk_create(
            [
                Theme(
                    organisation=organisation,
                    run=run,
                    number=theme.theme,
                    label=theme.label,
                    top_words=list(theme.top_words),
                    size=theme.size,
                    share=theme.share,
                    sentiment=theme.sentiment,
                    positive_share=theme.positive_share,
                    negative_share=theme.negative_share,
                    examples=list(theme.examples),
                )
                for theme in found_themes.themes
            ]
        )
        ThemeRun.objects.filter(pk=run.pk).update(
            status=RunStatus.DONE,
            finished_at=timezone.now(),
            heartbeat_at=timezone.now(),
            by_phase=found_themes.by_phase.to_dicts(),
        )
        old = ThemeRun.objects.filter(status=RunStatus.DONE).order_by("-finished_at", "-id")
        ThemeRun.objects.filter(pk__in=list(old.values_list("pk", flat=True)[KEEP_RUNS:])).delete()


def _cached(organisation: Organisation, model: str, digests: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(digests), LOOKUP_BATCH):
        chunk = digests[start : start + LOOKUP_BATCH]
        for key, vector in TextVector.objects.filter(model=model, digest__in=chunk).values_list(
            "digest", "vector"
        ):
            found[key] = np.frombuffer(bytes(vector), dtype="<f4")
    return found
