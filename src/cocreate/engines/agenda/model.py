"""The agenda optimiser's input and output, as plain frozen dataclasses.

An `Instance` describes an event (slots, rooms), its accepted sessions, what attendees
want to attend and the hard constraints; a `Schedule` is the optimiser's answer.
Everything is referred to by string ids chosen by the caller.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

MUST = 3.0  # a "must attend" wish weighs three "would like" wishes
WOULD_LIKE = 1.0


@dataclass(frozen=True)
class Slot:
    """One time slot. Slots are given in time order; a slot follows the previous one
    directly unless it starts a new day or `break_before` is set, so a multi-slot
    session never runs across a break."""

    id: str
    day: int = 0
    break_before: bool = False


@dataclass(frozen=True)
class Room:
    """A room: seats, whether the seat count is a hard limit, and its features."""

    id: str
    capacity: int
    strict_capacity: bool = False
    features: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Session:
    """An accepted session: how many consecutive slots it lasts, who gives it, which room
    features it needs, and (optionally) the organiser's audience estimate, which
    otherwise is the number of attendees who want it."""

    id: str
    length: int = 1
    speakers: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()
    expected_audience: int | None = None


@dataclass(frozen=True)
class Pin:
    """Session `session` must be in room `room` and/or start at slot `slot`."""

    session: str
    room: str | None = None
    slot: str | None = None

    @property
    def label(self) -> str:
        where = " ".join(
            part
            for part in (
                f"in room {self.room}" if self.room else "",
                f"at slot {self.slot}" if self.slot else "",
            )
            if part
        )
        return f"pin {self.session} {where}"


@dataclass(frozen=True)
class Apart:
    """Sessions `first` and `second` must not overlap in time."""

    first: str
    second: str

    @property
    def label(self) -> str:
        return f"keep {self.first} and {self.second} apart"


@dataclass(frozen=True)
class Sequence:
    """Session `first` ends before `second` starts; with `immediately`, `second` starts
    in the slot right after `first` ends (same day, no break between)."""

    first: str
    second: str
    immediately: bool = False

    @property
    def label(self) -> str:
        how = "immediately before" if self.immediately else "before"
        return f"{self.first} {how} {self.second}"


@dataclass(frozen=True)
class Reserved:
    """A room and slot left empty, e.g. for proposals made during the event."""

    room: str
    slot: str

    @property
    def label(self) -> str:
        return f"reserve room {self.room} at slot {self.slot}"


@dataclass(frozen=True)
class Instance:
    """Everything the optimiser needs.

    `wishes` maps attendee id -> session id -> weight (`MUST`, `WOULD_LIKE` or any positive
    number); `unavailable` maps speaker -> the slot ids they cannot give a session in.
    `overflow_penalty` is what one person over a room's capacity costs, in wish weight:
    by default two "would like" wishes, a little more than the 1.6 an attendee's wish
    weighs on average in the benchmark, as a crowded room also spoils the session for
    the people seated (with 1.0 the optimiser overfilled rooms for small gains).
    """

    slots: tuple[Slot, ...]
    rooms: tuple[Room, ...]
    sessions: tuple[Session, ...]
    wishes: Mapping[str, Mapping[str, float]]
    unavailable: Mapping[str, frozenset[str]] = field(default_factory=dict)
    pins: tuple[Pin, ...] = ()
    apart: tuple[Apart, ...] = ()
    sequences: tuple[Sequence, ...] = ()
    reserved: tuple[Reserved, ...] = ()
    overflow_penalty: float = 2.0


@dataclass(frozen=True)
class Placement:
    """Where a session runs: its room and first slot."""

    room: str
    slot: str


@dataclass(frozen=True)
class Figures:
    """How good a schedule is, judged the same way for every solver (see evaluate.py).

    `satisfied` is the wish weight attendees can attend following their recommended
    paths, out of `wished`; `lost_choices` counts, per attendee, the wanted sessions they
    cannot attend; `p10` is the 10th percentile of per-attendee satisfied shares;
    `rooms_over_capacity` counts sessions whose audience exceeds their room's seats, by
    `people_overflowing` people in total; `violations` lists broken hard constraints.
    """

    satisfied: float
    wished: float
    share: float
    lost_weight: float
    lost_choices: Mapping[str, int]
    p10: float
    rooms_over_capacity: int
    people_overflowing: int
    objective: float
    violations: tuple[str, ...]


@dataclass(frozen=True)
class Bound:
    """An upper bound on the satisfied wish weight any schedule can reach."""

    value: float
    share: float
    method: str


@dataclass(frozen=True)
class Schedule:
    """The optimiser's answer.

    `paths` maps attendee -> slot id -> the session that attendee should attend then;
    `bound` is the best certified upper bound on `figures.satisfied`; `stopped_by_clock`
    is True when the time limit, not the deterministic work limit, ended the search (the
    only case in which the same seed may give a different schedule).
    """

    placements: Mapping[str, Placement]
    figures: Figures
    paths: Mapping[str, Mapping[str, str]]
    bound: Bound
    seconds: float
    stopped_by_clock: bool = False


@dataclass(frozen=True)
class Change:
    """A session whose placement differs from the published one."""

    session: str
    before: Placement | None
    after: Placement | None


@dataclass(frozen=True)
class Diff:
    """What a re-plan changes against the published schedule: sessions moved to another
    slot, sessions kept in their slot but given another room, new sessions placed, and
    published sessions no longer in the instance."""

    moved: tuple[Change, ...]
    room_changed: tuple[Change, ...]
    added: tuple[Change, ...]
    removed: tuple[Change, ...]


@dataclass(frozen=True)
class Replan:
    """A re-planned schedule, its differences from the published one, and the attendees
    whose recommended path changed."""

    schedule: Schedule
    diff: Diff
    attendees_affected: tuple[str, ...]
