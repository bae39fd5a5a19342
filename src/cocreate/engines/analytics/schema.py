"""The tables the listening dashboards read, as Arrow schemas: the adapter that reads the
live database (or a Parquet export) produces exactly these columns. Extra columns are
ignored; integer widths may differ (any signed or unsigned integer will do) and strings may
be dictionary-encoded, so a Polars `Categorical` works too. Times carry a time zone.

FEEDBACK: one row per feedback response, or per imported passive signal
    feedback_id    int64      unique
    customer_id    int64      null for anonymous feedback
    submitted_at   timestamp  with time zone
    phase          string     the journey phase of the touchpoint
    touchpoint     string
    segment        string     the customer's segment at the time; null when unknown
    source         string     "form" or "api" (feedback), "import" (tickets, reviews, mentions)
    nps            int8       0-10, null when not asked or not answered
    csat           int8       1-5, null likewise
    ces            int8       1-7, null likewise

INTERACTIONS: who served whom
    interaction_id int64
    staff_id       int64
    customer_id    int64
    touchpoint     string
    occurred_at    timestamp  with time zone

STAFF_PULSES: one row per staff pulse answer
    staff_id       int64
    submitted_at   timestamp  with time zone
    satisfaction   int8       1-5, null when not answered
    enps           int8       0-10, null when not answered

CONTRIBUTIONS: active contributions by customers
    contribution_id int64
    customer_id    int64
    segment        string     null when unknown
    kind           string     "design", "idea", "vote" or "challenge"
    occurred_at    timestamp  with time zone

DESIGN_CHOICES: one row per option in a submitted experience design
    design_id      int64
    customer_id    int64
    segment        string     null when unknown
    offering_id    int64
    option_id      int64
    option_name    string
    status         string     "confirmed" or "waitlisted"
    chosen_at      timestamp  with time zone
"""

from collections.abc import Mapping

import pyarrow as pa

UTC_TIME = pa.timestamp("us", tz="UTC")
SOURCES = ("form", "api", "import")
CONTRIBUTION_KINDS = ("design", "idea", "vote", "challenge")
CHOICE_STATUSES = ("confirmed", "waitlisted")

FEEDBACK = pa.schema(
    [
        pa.field("feedback_id", pa.int64(), nullable=False),
        pa.field("customer_id", pa.int64()),
        pa.field("submitted_at", UTC_TIME, nullable=False),
        pa.field("phase", pa.string(), nullable=False),
        pa.field("touchpoint", pa.string(), nullable=False),
        pa.field("segment", pa.string()),
        pa.field("source", pa.string(), nullable=False),
        pa.field("nps", pa.int8()),
        pa.field("csat", pa.int8()),
        pa.field("ces", pa.int8()),
    ]
)
INTERACTIONS = pa.schema(
    [
        pa.field("interaction_id", pa.int64(), nullable=False),
        pa.field("staff_id", pa.int64(), nullable=False),
        pa.field("customer_id", pa.int64(), nullable=False),
        pa.field("touchpoint", pa.string(), nullable=False),
        pa.field("occurred_at", UTC_TIME, nullable=False),
    ]
)
STAFF_PULSES = pa.schema(
    [
        pa.field("staff_id", pa.int64(), nullable=False),
        pa.field("submitted_at", UTC_TIME, nullable=False),
        pa.field("satisfaction", pa.int8()),
        pa.field("enps", pa.int8()),
    ]
)
CONTRIBUTIONS = pa.schema(
    [
        pa.field("contribution_id", pa.int64(), nullable=False),
        pa.field("customer_id", pa.int64(), nullable=False),
        pa.field("segment", pa.string()),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("occurred_at", UTC_TIME, nullable=False),
    ]
)
DESIGN_CHOICES = pa.schema(
    [
        pa.field("design_id", pa.int64(), nullable=False),
        pa.field("customer_id", pa.int64(), nullable=False),
        pa.field("segment", pa.string()),
        pa.field("offering_id", pa.int64(), nullable=False),
        pa.field("option_id", pa.int64(), nullable=False),
        pa.field("option_name", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),
        pa.field("chosen_at", UTC_TIME, nullable=False),
    ]
)
TABLES: Mapping[str, pa.Schema] = {
    "feedback": FEEDBACK,
    "interactions": INTERACTIONS,
    "staff_pulses": STAFF_PULSES,
    "contributions": CONTRIBUTIONS,
    "design_choices": DESIGN_CHOICES,
}


class TableMismatch(ValueError):
    """A table lacks columns the dashboards need, or holds them in the wrong type."""


def kind_of(data_type: pa.DataType) -> str:
    """The kind of a column's type that matters here: integer, string, timestamp, other."""
    if pa.types.is_dictionary(data_type):
        return kind_of(data_type.value_type)
    if pa.types.is_integer(data_type):
        return "integer"
    if any(check(data_type) for check in (pa.types.is_string, pa.types.is_large_string)):
        return "string"
    if pa.types.is_string_view(data_type):
        return "string"
    if pa.types.is_timestamp(data_type):
        return "timestamp" if data_type.tz else "timestamp without time zone"
    return str(data_type)


def check_table(name: str, found: pa.Schema) -> None:
    """Raise TableMismatch naming every missing column and every column of the wrong kind."""
    expected = TABLES[name]
    problems = [f"{field.name} is missing" for field in expected if field.name not in found.names]
    for field in expected:
        if field.name in found.names:
            wanted, got = kind_of(field.type), kind_of(found.field(field.name).type)
            if wanted != got:
                problems.append(f"{field.name} should be {wanted}, not {got}")
    if problems:
        raise TableMismatch(f"The {name} table does not fit: {'; '.join(problems)}.")
