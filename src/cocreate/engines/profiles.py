"""Checks profile answers against an organisation's profile fields. Plain Python, no Django.

Forms and the API both pass raw answers through `clean_answers`, so a value the page
refuses the API refuses too, with the same sentence.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TEXT, NUMBER, SINGLE_CHOICE, MULTI_CHOICE = "text", "number", "single_choice", "multi_choice"
CHOICE_KINDS = {SINGLE_CHOICE, MULTI_CHOICE}
MAX_TEXT = 1000
MAX_CHOICES = 100
MAX_CHOICE_LENGTH = 100

Answer = str | int | float | list[str]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str
    choices: tuple[str, ...] = ()
    required: bool = False


def definition_errors(kind: str, choices: Sequence[Any]) -> list[str]:
    """What is wrong with a field definition; empty when it can be saved."""
    if kind not in {TEXT, NUMBER, SINGLE_CHOICE, MULTI_CHOICE}:
        return [f"Unknown kind {kind!r}."]
    if kind not in CHOICE_KINDS:
        return ["Only choice fields have choices."] if choices else []
    if not all(isinstance(choice, str) and choice.strip() for choice in choices):
        return ["Every choice must be a non-empty text."]
    cleaned = [choice.strip() for choice in choices]
    if len(cleaned) < 2:
        return ["A choice field needs at least two choices."]
    if len(cleaned) > MAX_CHOICES:
        return [f"A choice field has at most {MAX_CHOICES} choices."]
    if any(len(choice) > MAX_CHOICE_LENGTH for choice in cleaned):
        return [f"A choice has at most {MAX_CHOICE_LENGTH} characters."]
    if len(set(cleaned)) != len(cleaned):
        return ["Choices must differ from each other."]
    return []


def clean_answers(
    fields: Sequence[FieldSpec], answers: Mapping[str, Any]
) -> tuple[dict[str, Answer], dict[str, list[str]]]:
    """Return (cleaned answers, errors by key). Empty answers are left out of the result."""
    by_key = {field.key: field for field in fields}
    errors: dict[str, list[str]] = {
        key: ["There is no such profile field."] for key in answers if key not in by_key
    }
    cleaned: dict[str, Answer] = {}
    for field in fields:
        raw = answers.get(field.key)
        if _is_empty(raw):
            if field.required:
                errors[field.key] = ["This field is required."]
            continue
        value, error = _clean_one(field, raw)
        if error:
            errors[field.key] = [error]
        elif value is not None:
            cleaned[field.key] = value
    return cleaned, errors


def _is_empty(raw: Any) -> bool:
    if isinstance(raw, str):
        return not raw.strip()
    return raw is None or (isinstance(raw, list | tuple) and not raw)


def _clean_one(field: FieldSpec, raw: Any) -> tuple[Answer | None, str | None]:
    if field.kind == TEXT:
        if not isinstance(raw, str):
            return None, "Enter text."
        text = raw.strip()
        if len(text) > MAX_TEXT:
            return None, f"Use at most {MAX_TEXT} characters."
        return (text or None), None
    if field.kind == NUMBER:
        return _clean_number(raw)
    if field.kind == SINGLE_CHOICE:
        if not isinstance(raw, str) or raw not in field.choices:
            return None, f"Choose one of: {', '.join(field.choices)}."
        return raw, None
    if field.kind == MULTI_CHOICE:
        picked = [raw] if isinstance(raw, str) else raw
        if not isinstance(picked, list | tuple) or not all(isinstance(p, str) for p in picked):
            return None, "Choose from the list."
        unknown = [p for p in picked if p not in field.choices]
        if unknown:
            return None, f"Not a choice here: {', '.join(unknown)}."
        return [choice for choice in field.choices if choice in picked], None
    return None, f"Unknown kind {field.kind!r}."


def _clean_number(raw: Any) -> tuple[int | float | None, str | None]:
    if isinstance(raw, bool):
        return None, "Enter a number."
    if isinstance(raw, str):
        try:
            raw = float(raw.strip())
        except ValueError:
            return None, "Enter a number."
    if not isinstance(raw, int | float) or not math.isfinite(raw):
        return None, "Enter a number."
    return (int(raw) if float(raw).is_integer() and abs(raw) < 2**53 else float(raw)), None
