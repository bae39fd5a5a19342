"""What each kind of import can read, and how one CSV record becomes a checked row.

A mapping says, for each target (a date, a touchpoint, a score...), which column holds
it, or for a few targets a value that holds for every row ("every row is a review at
the touchpoint 'get help'"). `check_mapping` refuses a mapping that lacks a required
target or names a column the file does not have; `read_record` turns one record into a
model instance (unsaved) or the reasons it cannot be imported.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from cocreate.listening import csvfiles, rows
from cocreate.listening.models import (
    Feedback,
    ImportKind,
    Interaction,
    SignalKind,
    Source,
    StaffPulse,
)

DATE_ORDERS = {
    "iso": "Year first (2026-03-14 or 2026-03-14T09:30:00+01:00)",
    "dmy": "Day first (14/03/2026 09:30)",
    "mdy": "Month first (03/14/2026 09:30)",
}
TIMES = ("%H:%M:%S", "%H:%M", "")


@dataclass(frozen=True)
class Target:
    name: str
    label: str
    kind: str  # "date", "score", "text", "email", "choice"
    required: bool = False
    fixed: bool = False  # may be one value for every row instead of a column
    help: str = ""


SIGNAL_TARGETS = (
    Target("submitted_at", "When it was said", "date", required=True),
    Target("touchpoint", "Touchpoint", "choice", required=True, fixed=True),
    Target("kind", "Kind of signal", "choice", required=True, fixed=True),
    Target("text", "Text", "text", help="What the customer wrote."),
    Target("nps", "NPS (0–10)", "score"),
    Target("csat", "CSAT or star rating (1–5)", "score"),
    Target("ces", "CES (1–7)", "score"),
    Target("customer", "Customer's email", "email", help="Kept anonymous when not a member."),
    Target("segment", "Segment", "text"),
    Target("external_id", "Id in the source system", "text", help="Stops repeats."),
)
INTERACTION_TARGETS = (
    Target("occurred_at", "When", "date", required=True),
    Target("staff", "Staff member's email", "email", required=True),
    Target("customer", "Customer's email", "email", required=True),
    Target("touchpoint", "Touchpoint", "choice", required=True, fixed=True),
    Target("external_id", "Id in the source system", "text", help="Stops repeats."),
)
PULSE_TARGETS = (
    Target("submitted_at", "When", "date", required=True),
    Target("staff", "Staff member's email", "email", required=True),
    Target("satisfaction", "Satisfaction (1–5)", "score"),
    Target("enps", "eNPS (0–10)", "score"),
    Target("external_id", "Id in the source system", "text", help="Stops repeats."),
)
TARGETS: dict[str, tuple[Target, ...]] = {
    ImportKind.SIGNALS: SIGNAL_TARGETS,
    ImportKind.INTERACTIONS: INTERACTION_TARGETS,
    ImportKind.PULSES: PULSE_TARGETS,
}
MODELS: dict[str, Any] = {
    ImportKind.SIGNALS: Feedback,
    ImportKind.INTERACTIONS: Interaction,
    ImportKind.PULSES: StaffPulse,
}
CHECKS: dict[str, Callable[..., Any]] = {
    ImportKind.SIGNALS: rows.signal_row,
    ImportKind.INTERACTIONS: rows.interaction_row,
    ImportKind.PULSES: rows.pulse_row,
}
# The signal kinds a file can hold (a form's answers come through forms, not files).
IMPORTED_KINDS = [k for k in SignalKind if k != SignalKind.RESPONSE]


def check_mapping(kind: str, mapping: dict[str, Any], headers: list[str]) -> dict[str, list[str]]:
    """Errors by target name; empty when the mapping can be used."""
    columns, fixed = mapping.get("columns", {}), mapping.get("fixed", {})
    errors: dict[str, list[str]] = {}
    for target in TARGETS[kind]:
        column = columns.get(target.name)
        if column is not None and not (isinstance(column, int) and 0 <= column < len(headers)):
            errors[target.name] = [f"The file has no column {column}."]
        elif target.required and column is None and not (target.fixed and fixed.get(target.name)):
            how = "a column, or one value for every row" if target.fixed else "a column"
            errors[target.name] = [f"Choose {how}: “{target.label}” is needed."]
    chosen = [c for c in columns.values() if c is not None]
    if kind == ImportKind.SIGNALS and not any(
        columns.get(name) is not None for name in ("text", "nps", "csat", "ces")
    ):
        errors.setdefault("text", []).append("Choose a column with text or with a score.")
    if len(chosen) != len(set(chosen)):
        errors.setdefault("__all__", []).append("Each column can hold one thing only.")
    if mapping.get("dates", "iso") not in DATE_ORDERS:
        errors["dates"] = ["Choose how dates are written."]
    return errors


def parse_date(raw: str, order: str) -> datetime:
    raw = raw.strip()
    if not raw:
        raise ValueError("the date is missing")
    if order == "iso":
        try:
            found = datetime.fromisoformat(raw.replace(" ", "T", 1) if " " in raw else raw)
        except ValueError:
            raise ValueError(f"“{raw}” is not a date written year first") from None
    else:
        found = None
        day_first = order == "dmy"
        for separator in "/.-":
            pattern = (
                f"%d{separator}%m{separator}%Y" if day_first else f"%m{separator}%d{separator}%Y"
            )
            for time in TIMES:
                try:
                    found = datetime.strptime(raw, f"{pattern} {time}".strip())
                    break
                except ValueError:
                    continue
            if found:
                break
        if found is None:
            order_name = "day" if day_first else "month"
            raise ValueError(f"“{raw}” is not a date written {order_name} first")
    assert found is not None
    return timezone.make_aware(found) if timezone.is_naive(found) else found


def parse_score(raw: str, label: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise ValueError(f"{label} “{raw}” is not a number") from None
    if value != int(value):
        raise ValueError(f"{label} {raw} is not a whole number")
    return int(value)


def read_record(
    kind: str,
    line: int,
    record: list[str],
    header_width: int,
    mapping: dict[str, Any],
    lookup: rows.Lookup,
    import_id: int,
) -> Any:
    """The unsaved row for one CSV record, or the list of reasons it cannot be imported."""
    if len(record) != header_width:
        return [f"{len(record)} values where the header has {header_width} columns"]
    if byte := csvfiles.undecodable(record):
        return [
            f"bytes that are not text in the chosen encoding (0x{byte}): choose the file's "
            "encoding or save it as UTF-8"
        ]
    columns, fixed = mapping.get("columns", {}), mapping.get("fixed", {})
    values: dict[str, Any] = {}
    problems = []
    for target in TARGETS[kind]:
        column = columns.get(target.name)
        raw = record[column].strip() if column is not None else ""
        if not raw and target.fixed:
            raw = fixed.get(target.name, "")
        try:
            if target.kind == "date":
                values[target.name] = parse_date(raw, mapping.get("dates", "iso"))
            elif target.kind == "score":
                values[target.name] = parse_score(raw, target.label.split(" (")[0])
            else:
                values[target.name] = raw
        except ValueError as error:
            problems.append(str(error))
    if problems:
        return problems
    values["external_key"] = values.pop("external_id", "") or rows.row_key(kind, line, record)
    if kind == ImportKind.SIGNALS:
        values["kind"] = normal_kind(values.get("kind", ""))
    found = CHECKS[kind](values, lookup, source=Source.IMPORT)
    if not isinstance(found, list) and kind == ImportKind.SIGNALS:
        found.signal_import_id = import_id
    return found


def normal_kind(raw: str) -> str:
    """A signal kind from its value or its label, in any case: "Support ticket" -> ticket."""
    wanted = raw.strip().lower()
    for kind in SignalKind:
        if wanted in (kind.value, str(kind.label).lower()):
            return kind.value
    return wanted
