"""Optimiser runs: started by an organiser, carried out by a background worker, watched
through their progress, ending in a draft schedule (or a sentence saying why not)."""

import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.agenda import engine
from cocreate.agenda.models import Event, Run, RunStatus, Schedule, Slot
from cocreate.agenda.phases import Action, allows
from cocreate.agenda.selectors import published_schedule
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.engines import agenda as optimiser

PROGRESS_EVERY = 0.5  # seconds between progress writes


def run_start(
    *, event: Event, actor: User, replan: bool = False, time_limit: float = 20.0, seed: int = 0
) -> Run:
    """Queue a run; the worker starts it as soon as it is free."""
    if not allows(event.phase, Action.SCHEDULE):
        raise Conflict(f"{event.name} is {event.get_phase_display().lower()}: no more runs.")
    if not 1 <= time_limit <= 600:
        raise InvalidInput(
            "Give the optimiser between 1 and 600 seconds.",
            fields={"time_limit": ["Between 1 and 600."]},
        )
    from cocreate.agenda.tasks import optimise_agenda

    with transaction.atomic(), scope(organisation=event.organisation_id):
        give_up_abandoned_runs(event)
        if replan and published_schedule(event) is None:
            raise Conflict("Nothing is published yet: plan first, then re-plan.")
        if Run.objects.filter(
            event=event, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
        ).exists():
            raise Conflict("A run is under way already: wait for it to finish.")
        run = Run.objects.create(
            organisation_id=event.organisation_id,
            event=event,
            replan=replan,
            time_limit=time_limit,
            seed=seed,
            frozen_before=timezone.now() if replan else None,
            created_by=actor,
        )
        transaction.on_commit(lambda: optimise_agenda.enqueue(run.pk))
    return run


def give_up_abandoned_runs(event: Event) -> int:
    """Runs whose worker died (still running long after their time limit, or queued with
    no worker to take them) are marked failed, so that a new run can start."""
    now = timezone.now()
    abandoned = 0
    for run in Run.objects.filter(event=event, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]):
        since = run.started_at or run.created_at
        if now - since > timedelta(seconds=run.time_limit + settings.AGENDA_RUN_ABANDONED_SECONDS):
            abandoned += Run.objects.filter(pk=run.pk, status=run.status).update(
                status=RunStatus.FAILED,
                finished_at=now,
                error="The run stopped before it finished (its worker went away). Start another.",
            )
    return abandoned


def run_execute(run_id: int) -> Run | None:
    """Carry out a queued run (the worker's task). A run is claimed once: a second worker
    given the same run does nothing."""
    with scopes_disabled():
        claimed = Run.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, started_at=timezone.now()
        )
        if not claimed:
            return None
        run = Run.objects.select_related("event").get(pk=run_id)
    event = run.event
    with scope(organisation=event.organisation_id):
        try:
            schedule = _solve(run, event)
        except optimiser.AgendaInputError as error:
            _finish(run, RunStatus.FAILED, error=str(error))
            return run
        except Exception as error:  # recorded for the organiser, then re-raised for the log
            _finish(run, RunStatus.FAILED, error=f"The optimiser failed: {error}")
            raise
        schedule.save()
        _finish(run, RunStatus.DONE)
    return run


def _solve(run: Run, event: Event) -> Schedule:
    built = engine.build(event)
    report = _Progress(run)
    published = published_schedule(event)
    if run.replan and published is not None:
        now = _first_slot_from(event, run.frozen_before or timezone.now())
        result = optimiser.replan(
            built.instance,
            built.placements(published.placements),
            now=engine.slot_id(now),
            move_penalty=event.move_penalty,
            seed=run.seed,
            time_limit=run.time_limit,
            progress=report,
        )
        found, diff = result.schedule, _diff(built, result.diff)
    else:
        found = optimiser.schedule(
            built.instance, seed=run.seed, time_limit=run.time_limit, progress=report
        )
        diff = {}
    report.flush()
    return Schedule(
        organisation_id=event.organisation_id,
        event=event,
        run=run,
        placements=built.stored(dict(found.placements)),
        figures=figures_of(found.figures, found.bound),
        diff=diff,
    )


def _first_slot_from(event: Event, moment: Any) -> Slot:
    slot = Slot.objects.filter(event=event, starts_at__gte=moment).order_by("starts_at").first()
    if slot is None:
        raise optimiser.AgendaInputError("Every slot has started: there is nothing to re-plan.")
    return slot


def figures_of(figures: optimiser.Figures, bound: optimiser.Bound | None) -> dict[str, Any]:
    return {
        "share": round(figures.share, 4),
        "satisfied": round(figures.satisfied, 1),
        "wished": round(figures.wished, 1),
        "p10": round(figures.p10, 4),
        "lost_choices": sum(figures.lost_choices.values()),
        "rooms_over_capacity": figures.rooms_over_capacity,
        "people_overflowing": figures.people_overflowing,
        "violations": list(figures.violations),
        **(
            {"bound_share": round(bound.share, 4), "bound_method": bound.method}
            if bound is not None
            else {}
        ),
    }


def _diff(built: engine.Built, diff: optimiser.Diff) -> dict[str, Any]:
    def place(p: optimiser.Placement | None) -> list[int] | None:
        return [built.room_pk(p.room), built.slots[p.slot]] if p else None

    return {
        kind: [
            {
                "proposal": built.proposals.get(c.session),
                "before": place(c.before),
                "after": place(c.after),
            }
            for c in getattr(diff, kind)
        ]
        for kind in ("moved", "room_changed", "added", "removed")
    }


def _finish(run: Run, status: str, *, error: str = "") -> None:
    run.status, run.error, run.finished_at = status, error[:2000], timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])


class _Progress:
    """Records (seconds, objective, bound) as the search improves, a few times a second."""

    def __init__(self, run: Run) -> None:
        self.run, self.points, self.written = run, list(run.progress), time.monotonic()

    def __call__(self, elapsed: float, objective: float, bound: float) -> None:
        self.points.append([round(elapsed, 2), round(objective, 1), round(bound, 1)])
        if time.monotonic() - self.written >= PROGRESS_EVERY:
            self.flush()

    def flush(self) -> None:
        Run.objects.filter(pk=self.run.pk).update(progress=self.points[-200:])
        self.written = time.monotonic()
