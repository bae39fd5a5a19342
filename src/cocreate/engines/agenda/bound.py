"""Certified upper bounds on the wish weight any schedule lets attendees attend.

`per_attendee_bound`: each attendee alone, with the whole agenda to themselves, attends
at most as many slots' worth of their wishes as there are slots (the bound the issue
asks for at least). `partition_bound`: the column-generation relaxation of columns.py,
tight (within a point or so of the best schedules found) up to about a hundred one-slot
sessions; beyond that its pricing gets slow and the per-attendee bound is reported.
"""

import numpy as np

from .columns import partition_loss_bound
from .model import Bound
from .problem import Problem

PARTITION_BOUND_MAX_SESSIONS = 120


def per_attendee_bound(problem: Problem) -> Bound:
    """Each attendee's heaviest wishes filling every slot at most once (longer sessions
    ranked by weight per slot, taken fractionally at the margin)."""
    wishes = problem.wishes.tocsc()
    lengths = problem.lengths.astype(np.float64)
    total = 0.0
    for a in range(len(problem.attendee_ids)):
        rows = slice(wishes.indptr[a], wishes.indptr[a + 1])
        sessions, weights = wishes.indices[rows], wishes.data[rows]
        order = np.argsort(-weights / lengths[sessions], kind="stable")
        free = float(problem.n_slots)
        for s, w in zip(sessions[order].tolist(), weights[order].tolist(), strict=True):
            take = min(1.0, free / lengths[s])
            total += take * w
            free -= take * lengths[s]
            if free <= 0:
                break
    return _bound(problem, total, "per-attendee")


def partition_bound(problem: Problem, time_limit: float) -> Bound | None:
    """The partition relaxation's bound, where it applies and is quick enough."""
    if problem.n_sessions > PARTITION_BOUND_MAX_SESSIONS:
        return None
    loss = partition_loss_bound(problem, time_limit)
    if loss is None:
        return None
    total = float(problem.wishes.data.sum())
    # a margin for the LP solver's tolerances keeps the bound on the safe side
    return _bound(problem, total - loss + 1e-6 * total, "partition LP")


def best_bound(problem: Problem, time_limit: float) -> Bound:
    """The tightest bound that applies to `problem`; `time_limit` seconds at most go to
    the partition bound (0 skips it)."""
    bounds = [per_attendee_bound(problem)]
    partition = partition_bound(problem, time_limit) if time_limit > 0 else None
    if partition is not None:
        bounds.append(partition)
    return min(bounds, key=lambda b: b.value)


def _bound(problem: Problem, value: float, method: str) -> Bound:
    total = float(problem.wishes.data.sum())
    value = float(min(value, total))
    return Bound(value=value, share=value / total if total else 1.0, method=method)
