"""Upper bounds on the interest any schedule can satisfy."""

import itertools
import random

import pytest

from cocreate.engines.agenda import (
    MUST,
    WOULD_LIKE,
    Instance,
    Placement,
    Room,
    Session,
    Slot,
    evaluate,
    schedule,
)

SLOTS = (Slot(id="p1"), Slot(id="p2"))
ROOMS = tuple(Room(id=f"r{k}", capacity=100) for k in range(3))
SESSIONS = tuple(Session(id=f"s{i}") for i in range(6))


def best_by_brute_force(instance: Instance) -> float:
    best = 0.0
    for first in itertools.combinations(range(6), 3):
        placements = {}
        for slot, group in (("p1", first), ("p2", [i for i in range(6) if i not in first])):
            for room, i in zip(ROOMS, group, strict=True):
                placements[f"s{i}"] = Placement(room.id, slot)
        best = max(best, evaluate(instance, placements)[0].satisfied)
    return best


def test_an_attendee_counts_at_most_one_session_per_slot_in_the_simple_bound():
    wishes = {"ada": {"s0": MUST, "s1": MUST, "s2": WOULD_LIKE, "s3": WOULD_LIKE}}
    result = schedule(Instance(SLOTS, ROOMS, SESSIONS, wishes), work=500, bound_time=0)

    assert result.bound.method == "per-attendee"
    assert result.bound.value == 2 * MUST
    assert result.figures.satisfied == 2 * MUST


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_partition_bound_is_never_below_the_best_schedule_and_tighter_than_the_simple_one(seed):
    rng = random.Random(seed)
    wishes = {
        f"a{k}": {f"s{i}": rng.choice([MUST, WOULD_LIKE]) for i in rng.sample(range(6), 2)}
        for k in range(12)
    }
    instance = Instance(SLOTS, ROOMS, SESSIONS, wishes)
    result = schedule(instance, work=2000)
    best = best_by_brute_force(instance)

    assert result.bound.method == "partition LP"
    assert best - 1e-9 <= result.bound.value < sum(w for a in wishes.values() for w in a.values())
    assert result.figures.satisfied == best
