"""Seeded agenda instances for bench/agenda.py (and anyone who needs a realistic one).

No public library of conference instances carries attendee preferences, so these are
generated: Zipf session popularity (exponent 1), interests correlated by topic, a varying
number of wishes per attendee of which 30% are "must", 5% of speakers giving two
sessions, 20% of speakers unavailable for a block of periods, room sizes drawn so that a
planted schedule fits with slack, and 10-25% of the cells left free for proposals made
during the event.
"""

from dataclasses import dataclass, replace

import numpy as np

from cocreate.engines.agenda import (
    MUST,
    WOULD_LIKE,
    Instance,
    Placement,
    Reserved,
    Room,
    Session,
    Slot,
)


@dataclass(frozen=True)
class Scale:
    sessions: int
    attendees: int
    rooms: int
    periods: int
    wishes: int
    days: int


SCALES = {
    "XS": Scale(sessions=20, attendees=150, rooms=3, periods=8, wishes=6, days=1),
    "S": Scale(sessions=50, attendees=500, rooms=5, periods=12, wishes=6, days=2),
    "M": Scale(sessions=200, attendees=2_000, rooms=8, periods=30, wishes=15, days=3),
    "L": Scale(sessions=1_000, attendees=20_000, rooms=25, periods=48, wishes=20, days=4),
}
MUST_SHARE = 0.3
TOPIC_AFFINITY = 4.0  # a session in one of an attendee's two topics is this much likelier


def generate(scale: Scale, seed: int) -> Instance:
    rng = np.random.default_rng(seed)
    n = scale.sessions
    topics = rng.integers(0, max(3, n // 8), size=n)
    popularity = 1.0 / rng.permutation(np.arange(1, n + 1))
    wishes = {
        f"a{a:05d}": _wishes_of_one(rng, scale, topics, popularity, range(n))
        for a in range(scale.attendees)
    }
    speakers = _speakers(rng, n)
    slots = _slots(scale)
    sessions = tuple(Session(id=f"s{i:04d}", speakers=(speakers[i],)) for i in range(n))
    rooms = _rooms(rng, scale, wishes)
    return Instance(
        slots=slots,
        rooms=rooms,
        sessions=sessions,
        wishes=wishes,
        unavailable=_unavailability(rng, scale, slots, sorted(set(speakers))),
        reserved=_held_for_live_proposals(scale, slots, rooms),
    )


def _wishes_of_one(
    rng: np.random.Generator,
    scale: Scale,
    topics: np.ndarray,
    popularity: np.ndarray,
    pool: range,
) -> dict[str, float]:
    favourites = rng.choice(topics.max() + 1, size=2, replace=False)
    weights = popularity * np.where(np.isin(topics, favourites), TOPIC_AFFINITY, 1.0)
    count = int(np.clip(round(rng.normal(scale.wishes, scale.wishes / 3)), 1, len(pool)))
    chosen = rng.choice(len(pool), size=count, replace=False, p=weights / weights.sum())
    return {
        f"s{pool[c]:04d}": MUST if rng.random() < MUST_SHARE else WOULD_LIKE for c in sorted(chosen)
    }


def _speakers(rng: np.random.Generator, n: int) -> list[str]:
    """One speaker per session, 5% of speakers giving two."""
    doubles = round(0.05 * n / 1.05)
    names = [f"p{i:04d}" for i in range(n - doubles)]
    names += names[:doubles]
    rng.shuffle(names)
    return names


def _slots(scale: Scale) -> tuple[Slot, ...]:
    per_day = scale.periods // scale.days
    return tuple(
        Slot(id=f"d{t // per_day + 1}p{t % per_day + 1:02d}", day=t // per_day)
        for t in range(scale.periods)
    )


def _rooms(
    rng: np.random.Generator, scale: Scale, wishes: dict[str, dict[str, float]]
) -> tuple[Room, ...]:
    """Rooms sized after a planted schedule: the sessions by popularity dealt round the
    periods, each round into the next-largest room, with 10-30% slack."""
    audience = np.zeros(scale.sessions)
    for wanted in wishes.values():
        for sid in wanted:
            audience[int(sid[1:])] += 1
    ranked = np.sort(audience)[::-1]
    rounds = -(-scale.sessions // scale.periods)
    seats = [ranked[k * scale.periods] * rng.uniform(1.1, 1.3) for k in range(rounds)]
    seats += [seats[-1] * rng.uniform(0.8, 1.0) for _ in range(scale.rooms - rounds)]
    return tuple(
        Room(id=f"r{j + 1:02d}", capacity=max(5, int(np.ceil(c)))) for j, c in enumerate(seats)
    )


def _held_for_live_proposals(
    scale: Scale, slots: tuple[Slot, ...], rooms: tuple[Room, ...]
) -> tuple[Reserved, ...]:
    """Three quarters of the free cells, at most one per slot, spread evenly over the
    slots, in the smallest room: released during the event for new proposals."""
    held = min(scale.periods, (scale.rooms * scale.periods - scale.sessions) * 3 // 4)
    smallest = min(rooms, key=lambda r: r.capacity).id
    chosen = np.linspace(0, scale.periods - 1, held).round().astype(int).tolist()
    return tuple(Reserved(room=smallest, slot=slots[t].id) for t in chosen)


def _unavailability(
    rng: np.random.Generator, scale: Scale, slots: tuple[Slot, ...], speakers: list[str]
) -> dict[str, frozenset[str]]:
    away = {}
    for speaker in speakers:
        if rng.random() < 0.2:
            length = int(rng.integers(max(1, scale.periods // 8), scale.periods // 4 + 1))
            first = int(rng.integers(0, scale.periods - length + 1))
            away[speaker] = frozenset(s.id for s in slots[first : first + length])
    return away


def replan_scenario(
    instance: Instance,
    published: dict[str, Placement],
    scale: Scale,
    seed: int,
) -> tuple[Instance, str]:
    """The event after a quarter of its periods: the cells held for live proposals
    released, 5 new proposals, 2 withdrawals among sessions still to come, 20% of
    attendees changing two of their future wishes, and one room lost: for the rest of the
    event, or, when the sessions still to come would not fit without it, for as many of
    the coming periods as they leave free (two room-slots kept spare). Returns the new
    instance and the first slot not yet started."""
    rng = np.random.default_rng(seed)
    now = scale.periods // 4
    now_slot = instance.slots[now].id
    slot_at = {s.id: t for t, s in enumerate(instance.slots)}
    future = sorted(sid for sid, p in published.items() if slot_at[p.slot] >= now)
    withdrawn = set(rng.choice(future, size=2, replace=False).tolist())
    n_old = len(instance.sessions)
    new_ids = [f"s{n_old + k:04d}" for k in range(5)]
    sessions = [s for s in instance.sessions if s.id not in withdrawn]
    sessions += [Session(id=sid, speakers=(f"new{sid}",)) for sid in new_ids]
    upcoming = [s.id for s in sessions if s.id in new_ids or slot_at[published[s.id].slot] >= now]

    popularity = 1.0 / rng.permutation(np.arange(1, len(upcoming) + 1))
    topics = rng.integers(0, max(3, len(upcoming) // 8), size=len(upcoming))
    wishes = {}
    for attendee, wanted in instance.wishes.items():
        kept = {sid: w for sid, w in wanted.items() if sid not in withdrawn}
        if rng.random() < 0.2:
            droppable = sorted(sid for sid in kept if sid in set(upcoming))
            for sid in rng.choice(droppable, size=min(2, len(droppable)), replace=False):
                del kept[str(sid)]
            weights = popularity * np.where(
                np.isin(topics, rng.choice(topics.max() + 1, 2)), TOPIC_AFFINITY, 1.0
            )
            weights[[upcoming.index(sid) for sid in kept if sid in upcoming]] = 0.0
            for c in rng.choice(len(upcoming), size=2, replace=False, p=weights / weights.sum()):
                kept[upcoming[int(c)]] = MUST if rng.random() < MUST_SHARE else WOULD_LIKE
        wishes[attendee] = kept
    lost_room = instance.rooms[len(instance.rooms) // 2].id
    coming = instance.slots[now:]
    need = sum(s.length for s in sessions if s.id in set(upcoming))
    spare = len(coming) * (len(instance.rooms) - 1) - need
    if spare >= 2:
        rooms, lost = tuple(r for r in instance.rooms if r.id != lost_room), ()
    else:  # the room stays for the last periods, where the sessions need it
        periods = max(0, len(coming) + spare - 2)
        rooms = instance.rooms
        lost = tuple(Reserved(room=lost_room, slot=s.id) for s in coming[:periods])
    changed = replace(instance, sessions=tuple(sessions), wishes=wishes, rooms=rooms, reserved=lost)
    return changed, now_slot
