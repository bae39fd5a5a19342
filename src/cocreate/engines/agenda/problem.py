"""An `Instance` compiled into arrays indexed by position, which every solver works on.

Sessions, rooms, slots and attendees become integers; the hard constraints that concern
one session at a time (length, features, strict capacity, reserved cells, speaker
availability, pins, the past during a re-plan) become one boolean array `allowed[s, r, t]`
of permitted starts; the ones between two sessions become a boolean matrix `conflicts`
(shared speaker, kept apart) and a list of sequences.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .errors import AgendaInputError, UnknownReference
from .model import Instance, Placement, Room

# Rooms that a published schedule used but the instance no longer has keep their past
# sessions: they get this many seats, so nothing overflows in them, and no new session.
GONE_ROOM_SEATS = 10**9


@dataclass(frozen=True, eq=False)
class Problem:
    """The compiled instance. `wishes` is a sessions x attendees sparse matrix of weights
    (CSR, so a row lists who wants a session); `fixed` maps a session to the (room, start)
    it must keep; rooms a re-plan's fixed sessions used but the instance has lost come
    after the instance's own rooms, and no other session may use them."""

    instance: Instance
    session_ids: tuple[str, ...]
    room_ids: tuple[str, ...]
    slot_ids: tuple[str, ...]
    attendee_ids: tuple[str, ...]
    session_at: Mapping[str, int]
    room_at: Mapping[str, int]
    slot_at: Mapping[str, int]
    lengths: np.ndarray
    run_end: np.ndarray
    capacity: np.ndarray
    audience: np.ndarray
    allowed: np.ndarray
    conflicts: np.ndarray
    sequences: tuple[tuple[int, int, bool], ...]
    wishes: sp.csr_matrix
    fixed: Mapping[int, tuple[int, int]]
    not_before: int

    @property
    def n_sessions(self) -> int:
        return len(self.session_ids)

    @property
    def n_rooms(self) -> int:
        return len(self.room_ids)

    @property
    def n_slots(self) -> int:
        return len(self.slot_ids)

    def span(self, session: int, start: int) -> range:
        return range(start, start + int(self.lengths[session]))


def compile_instance(
    instance: Instance,
    *,
    fixed: Mapping[str, Placement] | None = None,
    not_before: int = 0,
) -> Problem:
    """Compile `instance`. During a re-plan, `fixed` sessions keep their placement (even in
    a room since removed) and every other session starts at slot `not_before` or later."""
    fixed = fixed or {}
    session_ids = _unique("session", [s.id for s in instance.sessions])
    slot_ids = _unique("slot", [s.id for s in instance.slots])
    own_rooms = _unique("room", [r.id for r in instance.rooms])
    gone = sorted({p.room for p in fixed.values()} - set(own_rooms))
    rooms = [*instance.rooms, *(Room(id=g, capacity=GONE_ROOM_SEATS) for g in gone)]
    room_ids = tuple(r.id for r in rooms)
    session_at = {sid: i for i, sid in enumerate(session_ids)}
    room_at = {rid: i for i, rid in enumerate(room_ids)}
    slot_at = {sid: i for i, sid in enumerate(slot_ids)}

    lengths = np.array([s.length for s in instance.sessions], dtype=np.int64)
    short = [s.id for s in instance.sessions if s.length < 1]
    if short:
        raise AgendaInputError(f"Sessions must last at least one slot: {', '.join(short)}.")
    wishes, attendee_ids = _wish_matrix(instance, session_at)
    wanted_by = np.diff(wishes.indptr)
    audience = np.array(
        [
            s.expected_audience if s.expected_audience is not None else wanted_by[i]
            for i, s in enumerate(instance.sessions)
        ],
        dtype=np.float64,
    )
    capacity = np.array([r.capacity for r in rooms], dtype=np.float64)
    run_end = _run_ends(instance)
    fixed_at = {
        _known(session_at, sid, "session"): (room_at[p.room], _known(slot_at, p.slot, "slot"))
        for sid, p in fixed.items()
        if sid in session_at
    }
    allowed = _allowed_starts(
        instance, rooms, audience, session_at, room_at, slot_at, lengths, run_end
    )
    allowed[:, len(instance.rooms) :, :] = False
    allowed[:, :, :not_before] = False
    for s, (r, t) in fixed_at.items():
        allowed[s] = False
        allowed[s, r, t] = True

    return Problem(
        instance=instance,
        session_ids=session_ids,
        room_ids=room_ids,
        slot_ids=slot_ids,
        attendee_ids=attendee_ids,
        session_at=session_at,
        room_at=room_at,
        slot_at=slot_at,
        lengths=lengths,
        run_end=run_end,
        capacity=capacity,
        audience=audience,
        allowed=allowed,
        conflicts=_conflicts(instance, session_at),
        sequences=tuple(
            (
                _known(session_at, q.first, "session"),
                _known(session_at, q.second, "session"),
                q.immediately,
            )
            for q in instance.sequences
        ),
        wishes=wishes,
        fixed=fixed_at,
        not_before=not_before,
    )


def _unique(kind: str, ids: list[str]) -> tuple[str, ...]:
    twice = sorted(i for i, count in Counter(ids).items() if count > 1)
    if twice:
        raise AgendaInputError(f"Each {kind} id must be unique; repeated: {', '.join(twice)}.")
    return tuple(ids)


def _known(index: Mapping[str, int], key: str, kind: str) -> int:
    if key not in index:
        raise UnknownReference(f"There is no {kind} {key!r}.")
    return index[key]


def _wish_matrix(
    instance: Instance, session_at: Mapping[str, int]
) -> tuple[sp.csr_matrix, tuple[str, ...]]:
    attendee_ids = tuple(instance.wishes)
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    unknown: set[str] = set()
    for a, wanted in enumerate(instance.wishes.values()):
        for sid, weight in wanted.items():
            if sid not in session_at:
                unknown.add(sid)
                continue
            rows.append(session_at[sid])
            cols.append(a)
            weights.append(weight)
    if unknown:
        names = ", ".join(sorted(unknown))
        raise UnknownReference(f"Attendees want sessions that are not in the agenda: {names}.")
    data = np.array(weights, dtype=np.float64)
    if data.size and not (np.isfinite(data).all() and (data > 0).all()):
        raise AgendaInputError("Every wish needs a positive, finite weight.")
    shape = (len(session_at), len(attendee_ids))
    matrix = sp.csr_matrix((data, (np.array(rows), np.array(cols))), shape=shape)
    matrix.sort_indices()
    return matrix, attendee_ids


def _run_ends(instance: Instance) -> np.ndarray:
    """For each slot, the last slot of the unbroken run it belongs to."""
    slots = instance.slots
    ends = np.arange(len(slots), dtype=np.int64)
    for t in range(len(slots) - 2, -1, -1):
        follows = slots[t + 1].day == slots[t].day and not slots[t + 1].break_before
        if follows:
            ends[t] = ends[t + 1]
    return ends


def window_any(blocked: np.ndarray, length: int) -> np.ndarray:
    """`out[..., t]` is True when any of `blocked[..., t : t + length]` is; starts too
    late to fit count as blocked."""
    if length == 1:
        return blocked
    width = blocked.shape[-1]
    padded = np.concatenate([blocked, np.ones((*blocked.shape[:-1], length - 1), bool)], -1)
    sums = np.cumsum(padded, axis=-1, dtype=np.int64)
    sums = np.concatenate([np.zeros((*blocked.shape[:-1], 1), np.int64), sums], -1)
    return np.asarray((sums[..., length : length + width] - sums[..., :width]) > 0)


def _allowed_starts(
    instance: Instance,
    rooms: list[Room],
    audience: np.ndarray,
    session_at: Mapping[str, int],
    room_at: Mapping[str, int],
    slot_at: Mapping[str, int],
    lengths: np.ndarray,
    run_end: np.ndarray,
) -> np.ndarray:
    n, n_rooms, n_slots = len(session_at), len(rooms), len(slot_at)
    reserved = np.zeros((n_rooms, n_slots), dtype=bool)
    for cell in instance.reserved:
        reserved[_known(room_at, cell.room, "room"), _known(slot_at, cell.slot, "slot")] = True
    unavailable: dict[str, np.ndarray] = {}
    for speaker, slots in instance.unavailable.items():
        mask = np.zeros(n_slots, dtype=bool)
        mask[[_known(slot_at, t, "slot") for t in slots]] = True
        unavailable[speaker] = mask
    starts = np.arange(n_slots)
    allowed = np.zeros((n, n_rooms, n_slots), dtype=bool)
    for i, session in enumerate(instance.sessions):
        length = int(lengths[i])
        fits = starts + length - 1 <= run_end
        busy = np.zeros(n_slots, dtype=bool)
        for speaker in session.speakers:
            if speaker in unavailable:
                busy |= unavailable[speaker]
        time_ok = fits & ~window_any(busy[None, :], length)[0]
        room_ok = np.array(
            [
                session.needs <= room.features
                and not (room.strict_capacity and audience[i] > room.capacity)
                for room in rooms
            ]
        )
        allowed[i] = room_ok[:, None] & time_ok[None, :] & ~window_any(reserved, length)
    for pin in instance.pins:
        s = _known(session_at, pin.session, "session")
        if pin.room is not None:
            keep = _known(room_at, pin.room, "room")
            allowed[s, np.arange(n_rooms) != keep, :] = False
        if pin.slot is not None:
            keep = _known(slot_at, pin.slot, "slot")
            allowed[s, :, np.arange(n_slots) != keep] = False
    return allowed


def _conflicts(instance: Instance, session_at: Mapping[str, int]) -> np.ndarray:
    n = len(session_at)
    conflicts = np.zeros((n, n), dtype=bool)
    by_speaker: dict[str, list[int]] = {}
    for i, session in enumerate(instance.sessions):
        for speaker in session.speakers:
            by_speaker.setdefault(speaker, []).append(i)
    for together in by_speaker.values():
        conflicts[np.ix_(together, together)] = True
    for pair in instance.apart:
        a = _known(session_at, pair.first, "session")
        b = _known(session_at, pair.second, "session")
        conflicts[a, b] = conflicts[b, a] = True
    np.fill_diagonal(conflicts, False)
    return conflicts
