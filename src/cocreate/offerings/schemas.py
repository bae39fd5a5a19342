"""The offerings API's input and output shapes. Inputs refuse unknown fields."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field, StrictBool

from cocreate.core.schemas import InputSchema, examples
from cocreate.offerings.models import ChoiceStatus, Kind, RuleKind, Status, StepSource, Weight

EXAMPLE_WINDOW = {"starts_at": "2030-03-12T10:00:00+00:00", "ends_at": "2030-03-12T11:00:00+00:00"}


class OfferingOut(Schema):
    slug: str
    name: str
    description: str
    kind: Kind
    unit: str
    budget: Decimal | None
    status: Status
    revision: int
    created_at: datetime


class OptionOut(Schema):
    id: int
    key: str
    name: str
    description: str
    capacity: int | None
    seats_left: int | None
    cost: Decimal
    tags: list[str]
    starts_at: datetime | None
    ends_at: datetime | None
    location: str
    eligibility: list[dict[str, Any]]
    partner: str | None = Field(None, alias="partner.name")


class StepOut(Schema):
    id: int
    name: str
    help_text: str
    min_picks: int
    max_picks: int | None
    open_answer: bool
    max_answer_length: int
    source: StepSource
    questions: list[str] = Field(description="A profile step's questions, by key.")
    position: int
    options: list[OptionOut]


class RuleOut(Schema):
    id: int
    kind: RuleKind
    options: list[int]
    k: int
    label: str


class OfferingDetailOut(OfferingOut):
    steps: list[StepOut]
    rules: list[RuleOut]
    problems: list[str] = Field(description="What stops the offering from opening, if anything.")


class OfferingIn(InputSchema):
    name: str = Field(max_length=120)
    slug: str = Field("", max_length=60)
    description: str = ""
    kind: Kind = Field(
        Kind.SERVICE, description="An event gets a sessions step, kept by its agenda."
    )
    unit: str = ""
    budget: Decimal | None = None

    model_config = examples(
        {
            "name": "Car ownership",
            "slug": "car-ownership",
            "kind": "service",
            "unit": "EUR",
            "budget": "1200.00",
        }
    )


class OfferingPatch(InputSchema):
    name: str | None = Field(None, max_length=120)
    description: str | None = None
    kind: Kind | None = None
    unit: str | None = None
    budget: Decimal | None = None

    model_config = examples({"budget": "1500.00"})


class TransitionIn(InputSchema):
    to: Status

    model_config = examples({"to": "open"})


class StepIn(InputSchema):
    name: str = Field(max_length=120)
    help_text: str = ""
    min_picks: int = 0
    max_picks: int | None = None
    open_answer: StrictBool = False
    max_answer_length: int = 500
    source: StepSource = Field(
        StepSource.OPTIONS,
        description="options, talk (an answer that can become a session proposal), "
        "contact or profile; an event's sessions step comes with it.",
    )
    questions: list[str] = Field(
        default_factory=list, description="A profile step's questions, by profile field key."
    )

    model_config = examples({"name": "Food", "min_picks": 1, "max_picks": 2})


class StepPatch(InputSchema):
    name: str | None = Field(None, max_length=120)
    help_text: str | None = None
    min_picks: int | None = None
    max_picks: int | None = None
    open_answer: StrictBool | None = None
    max_answer_length: int | None = None
    source: StepSource | None = None
    questions: list[str] | None = None

    model_config = examples({"max_picks": 5})


class OptionIn(InputSchema):
    name: str = Field(max_length=120)
    key: str = ""
    description: str = ""
    capacity: int | None = None
    cost: Decimal = Decimal(0)
    tags: list[str] = []
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    eligibility: list[dict[str, Any]] = []
    partner: str | None = Field(None, description="A partner's name; created if new.")

    model_config = examples(
        {"name": "Design thinking workshop", "capacity": 30, "tags": ["design"], **EXAMPLE_WINDOW}
    )


class OptionPatch(InputSchema):
    name: str | None = Field(None, max_length=120)
    key: str | None = None
    description: str | None = None
    capacity: int | None = None
    cost: Decimal | None = None
    tags: list[str] | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    eligibility: list[dict[str, Any]] | None = None
    partner: str | None = None

    model_config = examples({"capacity": 40})


class RuleIn(InputSchema):
    kind: RuleKind
    options: list[int] = Field(description="requires/excludes: the subject first.")
    k: int = 0
    label: str = ""

    model_config = examples({"kind": "at_most", "options": [1, 2, 3], "k": 2})


class DesignIn(InputSchema):
    options: list[int | str] = Field(max_length=500)
    answers: dict[str, str] = Field(default_factory=dict, description="Open answers by step id.")
    weights: dict[str, Weight] = Field(
        default_factory=dict,
        description="For chosen sessions: must (attend) or like; a session left out is like.",
    )

    model_config = examples(
        {"options": [1, 4], "answers": {"3": "Measuring customer value"}, "weights": {"4": "must"}}
    )


class ViolationOut(Schema):
    code: str
    message: str
    options: list[int]
    rule: int | None


class RepairOut(Schema):
    summary: str
    options: list[int]
    added: list[int]
    removed: list[int]


class CheckOut(Schema):
    ok: bool
    violations: list[ViolationOut]
    repairs: list[RepairOut]
    waitlisted: list[int] = Field(
        description="Full options: submitting puts you on their waitlist."
    )
    cost: Decimal


class PlanItemOut(Schema):
    option: int
    key: str
    name: str
    status: ChoiceStatus
    weight: Weight | None = Field(description="Sessions: must (attend) or like.")
    waitlist_position: int | None
    starts_at: datetime | None
    ends_at: datetime | None
    location: str
    cost: Decimal
    fulfilled_at: datetime | None


class HostedOut(Schema):
    option: int
    key: str
    name: str
    starts_at: datetime | None
    ends_at: datetime | None
    location: str


class PlanOut(Schema):
    offering: str
    version: int
    submitted_at: datetime | None
    items: list[PlanItemOut]
    hosting: list[HostedOut] = Field(description="What you host or give: your own sessions.")
    answers: dict[str, str]
    cost: Decimal


class DemandOut(Schema):
    option: int
    key: str
    name: str
    step: str
    capacity: int | None
    confirmed: int
    waitlisted: int
    refused_people: int
    refusals: int


class ImportIn(InputSchema):
    document: dict[str, Any] = Field(description="A document from GET .../export.")
    slug: str = ""

    model_config = examples(
        {
            "document": {
                "format": "cocreate.offering/1",
                "name": "Imported",
                "steps": [],
                "rules": [],
            },
            "slug": "imported",
        }
    )


class FulfilmentOut(Schema):
    id: int
    option: int
    option_name: str
    customer: str
    status: ChoiceStatus
    fulfilled_at: datetime | None
