"""Agenda optimiser: Cocreate's schedule against random, greedy, greedy + local search and
`conference-scheduler`, on seeded generated instances (bench/agenda_instances.py), plus
the certified bound and a live re-plan.

    .venv/bin/python bench/agenda.py            # XS, S, M, L with 10/10/60/300 s limits
    .venv/bin/python bench/agenda.py --quick    # XS, S, M with short limits, M re-plan
    .venv/bin/python bench/agenda.py --json     # ends with one JSON line

Every solver gets the same time limit and runs alone in a forked process (peak memory is
that process's growth in resident memory, or its child solver's peak for
conference-scheduler's CBC). Every schedule is judged by the engine's one evaluation
(evaluate.py): `share` of the wish weight attendees can attend, `lost_vs_greedy` (lost
weight over greedy's), `p10` (10th percentile of per-attendee satisfaction), sessions
over capacity and people overflowing, hard-constraint violations, seconds. `bound_share`
is the tightest certified upper bound on `share` (the partition LP, column generation, on XS and S).

Re-plan (M, after a quarter of the periods): the cells held for live proposals released,
5 new proposals, 2 withdrawals, 20% of attendees changing interest, one room lost;
Cocreate's default re-plan (fewest moves) against an unconstrained re-solve (no move
costs, the same past kept) given the full M time limit.
"""

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = 1
LIMITS = {"XS": 10.0, "S": 10.0, "M": 60.0, "L": 300.0}
QUICK_LIMITS = {"XS": 2.0, "S": 3.0, "M": 8.0}
BOUND_TIME = {"XS": 20.0, "S": 60.0}
QUICK_BOUND_TIME = {"XS": 3.0, "S": 5.0}
REPLAN_LIMIT = 5.0
CLASH_PAIRS_PER_SESSION = 1  # conference-scheduler's clash list: the most co-wanted pairs


def in_child(solve: Callable[..., Any], *args: Any) -> tuple[Any, float, float]:
    """Run `solve(*args)` in a forked process: its result, seconds and peak memory (MB)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, solve, args))
    process.start()
    result = receive.recv()
    process.join()
    if isinstance(result, BaseException):
        raise result
    return result


def _child(send: Any, solve: Callable[..., Any], args: tuple[Any, ...]) -> None:
    page_kb = os.sysconf("SC_PAGE_SIZE") / 1024
    with open("/proc/self/statm") as statm:
        resident_kb = int(statm.read().split()[1]) * page_kb
    started = time.perf_counter()
    try:
        result = solve(*args)
    except Exception as error:  # shown by the parent
        send.send(error)
        return
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - resident_kb
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    send.send((result, seconds, max(own, children) / 1024))


def cocreate(instance: Any, limit: float) -> Any:
    from cocreate.engines.agenda import schedule

    return dict(schedule(instance, seed=SEED, time_limit=limit, bound_time=0).placements)


def greedy(instance: Any, limit: float) -> Any:
    from cocreate.engines.agenda.baselines import greedy_schedule

    return greedy_schedule(instance)


def greedy_ls(instance: Any, limit: float) -> Any:
    from cocreate.engines.agenda.baselines import greedy_local_search

    return greedy_local_search(instance, time_limit=limit)


def random_(instance: Any, limit: float) -> Any:
    from cocreate.engines.agenda.baselines import random_schedule

    return random_schedule(instance, seed=SEED)


def conference_scheduler(instance: Any, limit: float) -> Any:
    """conference-scheduler's equity objective (the smallest worst overflow) solved by
    CBC, told what it can express: speaker unavailability, shared speakers and the most
    co-wanted pairs as clashes (each listed on both events: its clash constraint only
    runs one way), the cells held for live proposals left out."""
    import numpy as np
    import pulp
    from conference_scheduler.lp_problem import (
        constraints,
        objective_functions,
        utils,
    )
    from conference_scheduler.resources import Event, Shape
    from conference_scheduler.resources import Slot as Period

    from cocreate.engines.agenda import Placement
    from cocreate.engines.agenda.pairs import pair_losses
    from cocreate.engines.agenda.problem import compile_instance

    problem = compile_instance(instance)
    held = {(c.room, c.slot) for c in instance.reserved}
    first = datetime(2026, 6, 1, 9)
    periods, cells = [], []
    for t, slot in enumerate(instance.slots):
        begins = first + timedelta(days=slot.day, hours=t)
        for room in instance.rooms:
            if (room.id, slot.id) not in held:
                periods.append(Period(room.id, begins, 60, room.capacity, f"day{slot.day}"))
                cells.append(Placement(room=room.id, slot=slot.id))
    events = [
        Event(name=s.id, duration=60, demand=int(problem.audience[i]))
        for i, s in enumerate(instance.sessions)
    ]
    for event, session in zip(events, instance.sessions, strict=True):
        away = set().union(*(instance.unavailable.get(p, ()) for p in session.speakers))
        event.add_unavailability(
            *(p for p, c in zip(periods, cells, strict=True) if c.slot in away)
        )
    clash = problem.conflicts.copy()
    losses = np.triu(pair_losses(problem), 1)
    wanted = CLASH_PAIRS_PER_SESSION * problem.n_sessions
    for k in np.argsort(-losses, axis=None)[:wanted]:
        i, j = divmod(int(k), problem.n_sessions)
        clash[i, j] = clash[j, i] = True
    for i, j in zip(*np.nonzero(np.triu(clash, 1)), strict=True):
        events[i].add_unavailability(events[j])
        events[j].add_unavailability(events[i])

    model = pulp.LpProblem()
    chosen = utils.variables(Shape(len(events), len(periods)))
    worst = pulp.LpVariable("upper_bound")
    for constraint in constraints.all_constraints(events, periods, chosen, worst, "lpsum"):
        model += constraint.condition
    model += objective_functions.equity_capacity_demand_difference(
        events=events, slots=periods, X=chosen, beta=worst
    )
    model.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=max(1, round(limit))))
    return {
        events[e].name: cells[p]
        for (e, p), var in chosen.items()
        if var.value() is not None and var.value() > 0.5
    }


def bound(instance: Any, seconds: float) -> Any:
    from cocreate.engines.agenda.bound import best_bound
    from cocreate.engines.agenda.problem import compile_instance

    return best_bound(compile_instance(instance), seconds)


def replan(instance: Any, published: Any, now: str, move_penalty: Any, limit: float) -> Any:
    from cocreate.engines.agenda import replan as replan_

    result = replan_(
        instance, published, now=now, move_penalty=move_penalty, seed=SEED, time_limit=limit
    )
    return result.schedule.placements, len(result.diff.moved), len(result.diff.room_changed)


SOLVERS: dict[str, Callable[[Any, float], Any]] = {
    "random": random_,
    "greedy": greedy,
    "greedy_ls": greedy_ls,
    "conference_scheduler": conference_scheduler,
    "cocreate": cocreate,
}


def run_scale(name: str, limit: float, bound_time: float | None) -> tuple[dict[str, Any], Any]:
    from agenda_instances import SCALES, generate

    from cocreate.engines.agenda.evaluate import score
    from cocreate.engines.agenda.problem import compile_instance

    instance = generate(SCALES[name], SEED)
    problem = compile_instance(instance)
    figures: dict[str, Any] = {}
    kept = {}
    for solver, solve in SOLVERS.items():
        if solver == "conference_scheduler" and name not in ("XS", "S"):
            continue
        placements, seconds, peak = in_child(solve, instance, limit)
        kept[solver] = placements
        judged = score(problem, placements).figures
        figures[solver] = {
            "share": round(judged.share, 5),
            "lost": judged.lost_weight,
            "p10": round(judged.p10, 4),
            "rooms_over_capacity": judged.rooms_over_capacity,
            "people_overflowing": judged.people_overflowing,
            "violations": len(judged.violations),
            "seconds": round(seconds, 2),
            "peak_mb": round(peak, 1),
        }
    greedy_lost = figures["greedy"]["lost"] or 1.0
    for row in figures.values():
        row["lost_vs_greedy"] = round(row.pop("lost") / greedy_lost, 4)
    if bound_time is not None:
        found, seconds, _peak = in_child(bound, instance, bound_time)
        figures["bound_share"] = round(found.share, 5)
        figures["bound_method"] = found.method
        figures["bound_seconds"] = round(seconds, 1)
    return figures, (instance, kept["cocreate"])


def run_replan(instance: Any, published: Any, resolve_limit: float) -> dict[str, Any]:
    from agenda_instances import SCALES, replan_scenario

    from cocreate.engines.agenda.evaluate import score
    from cocreate.engines.agenda.problem import compile_instance

    changed, now = replan_scenario(instance, published, SCALES["M"], SEED)
    (placements, moved, rooms), seconds, peak = in_child(
        replan, changed, published, now, None, REPLAN_LIMIT
    )
    (free, free_moved, _), free_seconds, _ = in_child(
        replan, changed, published, now, 0.0, resolve_limit
    )
    fixed = {sid: p for sid, p in published.items() if sid in free}
    slot_at = {s.id: t for t, s in enumerate(changed.slots)}
    fixed = {sid: p for sid, p in fixed.items() if slot_at[p.slot] < slot_at[now]}
    problem = compile_instance(changed, fixed=fixed, not_before=slot_at[now])
    ours, unconstrained = score(problem, placements).figures, score(problem, free).figures
    return {
        "share": round(ours.share, 5),
        "moved": moved,
        "room_changed": rooms,
        "loss_vs_resolve": round(1 - ours.objective / unconstrained.objective, 5),
        "seconds": round(seconds, 2),
        "peak_mb": round(peak, 1),
        "people_overflowing": ours.people_overflowing,
        "violations": len(ours.violations),
        "resolve_share": round(unconstrained.share, 5),
        "resolve_moved": free_moved,
        "resolve_seconds": round(free_seconds, 2),
    }


def table(name: str, figures: dict[str, Any]) -> str:
    head = (
        f"{name:<3} {'solver':<21}{'share':>8}{'lost/greedy':>12}{'p10':>7}{'over':>6}"
        f"{'people':>8}{'viol':>6}{'seconds':>9}{'MB':>7}"
    )
    lines = [head]
    for solver, row in figures.items():
        if not isinstance(row, dict):
            continue
        lines.append(
            f"    {solver:<21}{row['share']:>8.4f}{row['lost_vs_greedy']:>12.3f}{row['p10']:>7.3f}"
            f"{row['rooms_over_capacity']:>6}{row['people_overflowing']:>8}{row['violations']:>6}"
            f"{row['seconds']:>9.2f}{row['peak_mb']:>7.1f}"
        )
    if "bound_share" in figures:
        gap = figures["bound_share"] - figures["cocreate"]["share"]
        lines.append(
            f"    bound ({figures['bound_method']}, {figures['bound_seconds']} s): "
            f"{figures['bound_share']:.4f}; Cocreate's certified gap {gap:.4f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="XS, S and M with short limits")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    limits = QUICK_LIMITS if args.quick else LIMITS
    bound_times = QUICK_BOUND_TIME if args.quick else BOUND_TIME
    result: dict[str, Any] = {"XS": None, "S": None, "M": None, "L": None, "replan_M": None}
    for name, limit in limits.items():
        figures, (instance, published) = run_scale(name, limit, bound_times.get(name))
        result[name] = figures
        print(table(name, figures), flush=True)
        if name == "M":
            result["replan_M"] = run_replan(instance, published, limit)
            print(f"replan M: {json.dumps(result['replan_M'])}", flush=True)
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    main()
