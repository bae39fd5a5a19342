"""The listening API's input and output shapes. Inputs refuse unknown fields."""

from datetime import datetime
from typing import Any

from ninja import Schema
from pydantic import Field, StrictBool

from cocreate.core.schemas import InputSchema, examples
from cocreate.listening.models import ImportKind, QuestionKind, SignalKind

EXAMPLE_TIME = "2026-03-14T09:30:00+00:00"


class TouchpointOut(Schema):
    id: int
    name: str
    description: str


class JourneyPhaseOut(Schema):
    id: int
    name: str
    position: int
    touchpoints: list[TouchpointOut]


class JourneyPhaseIn(InputSchema):
    name: str = Field(max_length=60)

    model_config = examples({"name": "renew"})


class TouchpointIn(InputSchema):
    name: str = Field(max_length=80)
    phase: str = Field(description="The name of its phase.")
    description: str = ""

    model_config = examples(
        {"name": "Help desk chat", "phase": "get help", "description": "The chat on our site."}
    )


class SegmentIn(InputSchema):
    segment_field: str = Field("", description="A one-choice profile field's key; empty: none.")

    model_config = examples({"segment_field": "industry"})


class SurveyIn(InputSchema):
    title: str = Field(max_length=120)
    touchpoint: str = Field(description="The name of the touchpoint.")
    intro: str = ""
    asks_nps: StrictBool = True
    asks_csat: StrictBool = True
    asks_ces: StrictBool = False
    asks_text: StrictBool = True
    is_open: StrictBool = True

    model_config = examples(
        {
            "title": "How was your visit to the help desk?",
            "touchpoint": "get help",
            "asks_nps": False,
            "asks_csat": True,
            "asks_ces": True,
            "asks_text": True,
        }
    )


class SurveyOut(Schema):
    id: int
    title: str
    touchpoint: str = Field(alias="touchpoint.name")
    intro: str
    asks_nps: bool
    asks_csat: bool
    asks_ces: bool
    asks_text: bool
    is_open: bool
    link: str = Field(description="The public page anyone with the link can answer.")


class QuestionIn(InputSchema):
    kind: QuestionKind
    label: str = Field(max_length=200)
    help_text: str = ""
    required: StrictBool = Field(False, description="Must be answered whenever it is asked.")
    choices: list[str] = Field(
        default_factory=list, description="2 to 20 distinct choices, for the choice kinds."
    )
    scale_min: int | None = Field(None, description="A scale's lowest answer (0 to 9).")
    scale_max: int | None = Field(None, description="A scale's highest answer (1 to 10).")
    low_label: str = Field("", description="Words for a scale's low end.")
    high_label: str = Field("", description="Words for a scale's high end.")
    condition_on: str = Field(
        "",
        description="Empty: always asked. Else the answer it depends on: nps, csat or ces "
        "(one the form asks), or the id of an earlier choice or scale question of the form.",
    )
    condition_operator: str = Field("", description="at_most, at_least (scores, scales) or one_of.")
    condition_number: int | None = Field(None, description="For at_most and at_least.")
    condition_choices: list[str] = Field(default_factory=list, description="For one_of.")

    model_config = examples(
        {
            "kind": "text",
            "label": "What should we change?",
            "condition_on": "nps",
            "condition_operator": "at_most",
            "condition_number": 6,
        },
        {
            "kind": "single_choice",
            "label": "How did you reach us?",
            "choices": ["Phone", "Chat", "Email"],
            "required": True,
        },
    )


class QuestionOut(Schema):
    id: int
    key: str = Field(description="Its name in answers and errors: q<id>.")
    position: int
    kind: str
    label: str
    help_text: str
    required: bool
    choices: list[str]
    scale_min: int | None
    scale_max: int | None
    low_label: str
    high_label: str
    condition_on: str
    condition_operator: str
    condition_number: int | None
    condition_choices: list[str]


class QuestionMoveIn(InputSchema):
    offset: int = Field(description="Places to move: negative is up, positive down.")

    model_config = examples({"offset": -1})


class FormAnswerIn(InputSchema):
    nps: int | None = Field(None, description="0-10, if the form asks it")
    csat: int | None = Field(None, description="1-5, if the form asks it")
    ces: int | None = Field(None, description="1-7, if the form asks it")
    text: str = ""
    questions: dict[str, int | str | list[str]] = Field(
        default_factory=dict,
        description="Answers to the form's own questions by key (q<id>): a choice, a list of "
        "choices, a whole number on the scale, or text. An answer to a question whose "
        "condition does not hold is dropped.",
    )

    model_config = examples({"nps": 4, "questions": {"q1": "The queue was long."}})


class FeedbackIn(InputSchema):
    touchpoint: str = Field(description="The name of the touchpoint.")
    submitted_at: datetime = Field(description="With a time zone; not in the future.")
    nps: int | None = Field(None, description="0-10")
    csat: int | None = Field(None, description="1-5")
    ces: int | None = Field(None, description="1-7")
    text: str = ""
    customer: str = Field("", description="A member's email, or empty for anonymous feedback.")
    segment: str = ""
    kind: SignalKind = SignalKind.RESPONSE
    external_id: str = Field("", max_length=200, description="Your id: sent twice, kept once.")


EXAMPLE_FEEDBACK = {
    "touchpoint": "get help",
    "submitted_at": EXAMPLE_TIME,
    "nps": 9,
    "csat": 4,
    "text": "Quick and friendly help.",
    "customer": "",
    "external_id": "survey-tool-1842",
}


class FeedbackBatchIn(InputSchema):
    items: list[FeedbackIn] = Field(min_length=1, max_length=1000)

    model_config = examples({"items": [EXAMPLE_FEEDBACK]})


class FeedbackOut(Schema):
    id: int
    touchpoint: str = Field(alias="touchpoint.name")
    phase: str = Field(alias="touchpoint.phase.name")
    source: str
    kind: str
    nps: int | None
    csat: int | None
    ces: int | None
    text: str
    answers: dict[str, Any] = Field(
        description="Answers to the form's own questions by question id, each with the "
        "question's label and kind when it was answered, and the value."
    )
    segment: str
    customer: str | None = Field(None, alias="customer.email")
    submitted_at: datetime


class IngestedOut(Schema):
    created: int
    duplicates: int = Field(description="Items whose external_id was sent before: skipped.")


class InteractionIn(InputSchema):
    staff: str = Field(description="The staff member's email.")
    customer: str = Field(description="The customer's email.")
    touchpoint: str
    occurred_at: datetime
    external_id: str = Field("", max_length=200)


class InteractionBatchIn(InputSchema):
    items: list[InteractionIn] = Field(min_length=1, max_length=1000)

    model_config = examples(
        {
            "items": [
                {
                    "staff": "sam@example.org",
                    "customer": "chloe@example.org",
                    "touchpoint": "get help",
                    "occurred_at": EXAMPLE_TIME,
                    "external_id": "ticket-77",
                }
            ]
        }
    )


class MyInteractionIn(InputSchema):
    customer: str = Field(description="The customer's email.")
    touchpoint: str
    occurred_at: datetime | None = Field(None, description="Empty: now.")

    model_config = examples({"customer": "chloe@example.org", "touchpoint": "get help"})


class InteractionOut(Schema):
    id: int
    staff: str = Field(alias="staff.email")
    customer: str = Field(alias="customer.email")
    touchpoint: str = Field(alias="touchpoint.name")
    occurred_at: datetime


class PulseIn(InputSchema):
    staff: str = Field(description="The staff member's email.")
    submitted_at: datetime
    satisfaction: int | None = Field(None, description="1-5")
    enps: int | None = Field(None, description="0-10")
    external_id: str = Field("", max_length=200)


class PulseBatchIn(InputSchema):
    items: list[PulseIn] = Field(min_length=1, max_length=1000)

    model_config = examples(
        {
            "items": [
                {
                    "staff": "sam@example.org",
                    "submitted_at": EXAMPLE_TIME,
                    "satisfaction": 4,
                    "enps": 8,
                    "external_id": "hr-survey-2026-03-sam",
                }
            ]
        }
    )


class MyPulseIn(InputSchema):
    satisfaction: int | None = Field(None, description="1-5")
    enps: int | None = Field(None, description="0-10")

    model_config = examples({"satisfaction": 4, "enps": 8})


class PulseOut(Schema):
    id: int
    satisfaction: int | None
    enps: int | None
    submitted_at: datetime


class MappingIn(InputSchema):
    columns: dict[str, int] = Field(
        description="Target -> column number (from 0), e.g. {'submitted_at': 0, 'text': 2}."
    )
    fixed: dict[str, str] = Field(
        default_factory=dict, description="Target -> one value for every row (touchpoint, kind)."
    )
    dates: str = Field("iso", description="iso, dmy (day first) or mdy (month first).")

    model_config = examples(
        {
            "columns": {"submitted_at": 0, "text": 1, "csat": 2},
            "fixed": {"touchpoint": "use", "kind": "review"},
        }
    )


class SignalImportIn(InputSchema):
    kind: ImportKind
    file_name: str = Field(max_length=200)
    content: str = Field(description="The CSV file's text (up to about 1 MB through the API).")
    mapping: MappingIn | None = Field(None, description="Given: the import starts at once.")

    model_config = examples(
        {
            "kind": "signals",
            "file_name": "reviews.csv",
            "content": "date,review,stars\n2026-03-01,Lovely staff,5\n",
            "mapping": {
                "columns": {"submitted_at": 0, "text": 1, "csat": 2},
                "fixed": {"touchpoint": "use", "kind": "review"},
                "dates": "iso",
            },
        }
    )


class SignalImportOut(Schema):
    id: int
    kind: str
    file_name: str
    status: str
    headers: list[str]
    rows_estimated: int
    rows_done: int
    rows_imported: int
    rows_duplicate: int
    rows_refused: int
    error: str
    problems: list[dict[str, Any]] = Field(description="The first 100 refused rows.")


class ConversationIn(InputSchema):
    title: str = Field(max_length=120)
    description: str = ""
    is_open: StrictBool = True

    model_config = examples({"title": "What should our help desk change?", "description": ""})


class ConversationOut(Schema):
    id: int
    title: str
    description: str
    is_open: bool
    created_at: datetime


class StatementsIn(InputSchema):
    texts: list[str] = Field(min_length=1, max_length=200)

    model_config = examples({"texts": ["Opening hours should be longer.", "Chat beats phone."]})


class StatementOut(Schema):
    id: int
    text: str
    agree: int
    disagree: int
    passed: int
    mine: int | None = Field(None, description="Your vote: 1, -1, 0, or null.")


class VoteIn(InputSchema):
    statement: int
    value: int = Field(description="1 agree, -1 disagree, 0 pass.")

    model_config = examples({"statement": 1, "value": 1})


class FindingOut(Schema):
    text: str
    direction: str
    percent: int
    votes: int


class GroupOut(Schema):
    number: int
    size: int
    statements: list[FindingOut]


class GroupsOut(Schema):
    participants: int
    grouped: int = Field(description="Participants with enough votes to be grouped.")
    groups: list[GroupOut]
    consensus: list[FindingOut]
    note: str = Field("", description="Why there are no groups yet, if there are none.")


class ThemeOut(Schema):
    number: int
    label: str
    top_words: list[str]
    size: int
    share: float
    sentiment: float
    positive_share: float
    negative_share: float
    examples: list[str]


class ThemeRunOut(Schema):
    id: int
    status: str
    texts_total: int
    texts_embedded: int
    texts_to_embed: int
    model: str
    error: str
    themes: list[ThemeOut] = []
