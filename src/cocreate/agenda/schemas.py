"""The agenda API's shapes. Inputs refuse unknown fields."""

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field, StrictBool

from cocreate.agenda.models import ConstraintKind, Format, Phase, ProposalStatus, RunStatus
from cocreate.core.schemas import InputSchema, examples
from cocreate.offerings.models import Weight


class AgendaEventOut(Schema):
    slug: str
    name: str
    description: str
    phase: Phase
    topics: list[str]
    move_penalty: float


class AgendaEventIn(InputSchema):
    name: str = Field(max_length=120)
    slug: str = ""
    description: str = ""
    topics: list[str] = []

    model_config = examples({"name": "CX Un-conference", "topics": ["Journey mapping"]})


class PhaseIn(InputSchema):
    phase: Phase

    model_config = examples({"phase": "live"})


class DayIn(InputSchema):
    day: date
    times: list[tuple[str, str]] = Field(description='[["09:30", "10:30"], ...] in local time')

    model_config = examples(
        {"day": "2027-03-11", "times": [["09:30", "10:30"], ["11:00", "12:00"]]}
    )


class SlotOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime


class RoomIn(InputSchema):
    name: str = Field(max_length=80)
    capacity: int
    strict_capacity: StrictBool = False
    features: list[str] = []
    closed: StrictBool = False

    model_config = examples({"name": "Harbour Hall", "capacity": 120, "features": ["streaming"]})


class RoomOut(Schema):
    id: int
    name: str
    capacity: int
    strict_capacity: bool
    features: list[str]
    closed: bool


class ProposalIn(InputSchema):
    title: str = Field(max_length=150)
    abstract: str = ""
    format: Format = Format.TALK
    length: int = 1
    needs: list[str] = []
    topics: list[str] = []
    co_hosts: list[str] = Field(default=[], description="Emails of members who co-host.")

    model_config = examples({"title": "Journey maps that people use", "format": "workshop"})


class FromSourceIn(InputSchema):
    """A session grown from an idea or a challenge: what is left out is taken from it."""

    title: str | None = Field(None, description="Its title, unless given.")
    abstract: str | None = Field(None, description="Its description (a challenge: its problem).")
    format: Format | None = Field(
        None, description="discussion for an idea, workshop for a challenge"
    )
    length: int = 1
    topics: list[str] | None = Field(
        None, description="The event's topics it is about, unless given."
    )

    model_config = examples({"title": "Recordings people actually watch", "format": "workshop"})


class ProposalOut(Schema):
    id: int
    title: str
    abstract: str
    format: Format
    length: int
    needs: list[str]
    topics: list[str]
    status: ProposalStatus
    reason: str
    merged_into: int | None = Field(None, alias="merged_into_id")
    during_event: bool
    idea: int | None = Field(None, alias="idea_id", description="The idea it grew from.")
    challenge: int | None = Field(
        None, alias="challenge_id", description="The challenge it grew from."
    )


class DecisionIn(InputSchema):
    decision: str = Field(description="accept, decline or merge")
    reason: str = ""
    into: int | None = None

    model_config = examples({"decision": "decline", "reason": "Too close to the keynote."})


class InterestIn(InputSchema):
    weight: Weight | None

    model_config = examples({"weight": "must"})


class ConstraintIn(InputSchema):
    kind: ConstraintKind
    proposal: int | None = None
    other: int | None = None
    room: int | None = None
    slot: int | None = None
    immediately: StrictBool = False

    model_config = examples({"kind": "apart", "proposal": 1, "other": 2})


class ConstraintOut(Schema):
    id: int
    kind: ConstraintKind
    proposal: int | None = Field(None, alias="proposal_id")
    other: int | None = Field(None, alias="other_id")
    room: int | None = Field(None, alias="room_id")
    slot: int | None = Field(None, alias="slot_id")
    immediately: bool


class RunIn(InputSchema):
    replan: StrictBool = False
    time_limit: float = 20.0

    model_config = examples({"replan": True, "time_limit": 10})


class ScheduleOut(Schema):
    id: int
    version: int | None
    placements: dict[str, list[int]] = Field(description="proposal id -> [room id, slot id]")
    figures: dict[str, Any]
    diff: dict[str, Any]
    published_at: datetime | None


class RunOut(Schema):
    id: int
    replan: bool
    status: RunStatus
    progress: list[list[float]] = Field(description="[seconds, objective, bound] as it improved")
    error: str
    schedule: ScheduleOut | None = None


class MoveIn(InputSchema):
    proposal: int
    room: int
    slot: int

    model_config = examples({"proposal": 1, "room": 2, "slot": 3})
