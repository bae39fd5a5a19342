"""The agenda optimiser: room and slot for every session so that attendees can attend as
much as possible of what they want, with speakers, rooms and the organisers' constraints
respected; live re-planning that keeps announced sessions in place; upper bounds; and
the smallest set of conflicting constraints when no schedule exists.

Pure Python (numpy, OR-Tools CP-SAT, HiGHS); no Django. See docs in each module:
model.py (input and output), solve.py (the search), replan.py, evaluate.py (the one
scoring every solver is judged by), bound.py, explain.py.
"""

from .errors import (
    AgendaInputError,
    ConflictingPins,
    InfeasibleSchedule,
    NotEnoughRoom,
    ScheduleNotFound,
    SessionTooLong,
    SpeakerNeverAvailable,
    UnknownReference,
)
from .evaluate import evaluate
from .explain import explain_infeasibility
from .model import (
    MUST,
    WOULD_LIKE,
    Apart,
    Bound,
    Change,
    Diff,
    Figures,
    Instance,
    Pin,
    Placement,
    Replan,
    Reserved,
    Room,
    Schedule,
    Sequence,
    Session,
    Slot,
)
from .replan import replan
from .solve import schedule

__all__ = [
    "MUST",
    "WOULD_LIKE",
    "AgendaInputError",
    "Apart",
    "Bound",
    "Change",
    "ConflictingPins",
    "Diff",
    "Figures",
    "InfeasibleSchedule",
    "Instance",
    "NotEnoughRoom",
    "Pin",
    "Placement",
    "Replan",
    "Reserved",
    "Room",
    "Schedule",
    "ScheduleNotFound",
    "Sequence",
    "Session",
    "SessionTooLong",
    "Slot",
    "SpeakerNeverAvailable",
    "UnknownReference",
    "evaluate",
    "explain_infeasibility",
    "replan",
    "schedule",
]
