"""Checking rows that arrive from outside (the API, an imported file) before they are
written: one function per kind of row, each returning the unsaved model or the reasons
it cannot be kept, in sentences. The API and the CSV import share them, so both accept
and refuse the same rows for the same reasons.
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone
from django_scopes import scope

from cocreate.listening.models import (
    Feedback,
    Interaction,
    ListeningSettings,
    SignalKind,
    Source,
    StaffPulse,
    Touchpoint,
)
from cocreate.organisations.models import Membership, Organisation, Role

SCALES = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7), "satisfaction": (1, 5), "enps": (0, 10)}
NAMES = {"nps": "NPS", "csat": "CSAT", "ces": "CES", "satisfaction": "satisfaction", "enps": "eNPS"}
# Clocks differ a little: a time this far ahead still counts as now.
CLOCK_SLACK = timedelta(minutes=5)
MAX_TEXT = 5000
SERVING_ROLES = (Role.ORGANISER, Role.STAFF)

Row = TypeVar("Row", Feedback, Interaction, StaffPulse)


@dataclass
class Lookup:
    """What checking rows needs from the database, read once per import or request."""

    organisation: Organisation
    touchpoints: dict[str, Touchpoint]  # by lower-case name
    members: dict[str, tuple[int, str]]  # lower-case email -> (user id, role)
    segments: dict[int, str]  # user id -> segment answer
    now: datetime = field(default_factory=timezone.now)

    def touchpoint(self, name: str) -> Touchpoint | str:
        found = self.touchpoints.get(" ".join(name.split()).lower())
        if found is not None:
            return found
        known = ", ".join(sorted(t.name for t in self.touchpoints.values())[:8])
        return f"there is no touchpoint called “{name}” (the journey has: {known or 'none'})"


def lookup_for(organisation: Organisation) -> Lookup:
    with scope(organisation=organisation):
        touchpoints = {t.name.lower(): t for t in Touchpoint.objects.select_related("phase")}
        people = Membership.objects.values_list("user_id", "user__email", "role", "profile")
        key = segment_key(organisation)
        members, segments = {}, {}
        for user_id, email, role, profile in people:
            members[email.lower()] = (user_id, role)
            answer = (profile or {}).get(key) if key else None
            if isinstance(answer, str) and answer:
                segments[user_id] = answer
    return Lookup(organisation, touchpoints, members, segments)


def segment_key(organisation: Organisation) -> str:
    with scope(organisation=organisation):
        found = ListeningSettings.objects.filter(organisation=organisation).first()
    return found.segment_field if found else ""


def score_problem(name: str, value: Any) -> str | None:
    if value is None:
        return None
    low, high = SCALES[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return f"{NAMES[name]} must be a whole number from {low} to {high}, not {value}"
    return None


def time_problem(at: datetime | None, lookup: Lookup, what: str = "date") -> str | None:
    if at is None:
        return f"the {what} is missing"
    if timezone.is_naive(at):
        return f"the {what} {at.isoformat()} has no time zone"
    if at > lookup.now + CLOCK_SLACK:
        return f"the {what} {at:%Y-%m-%d %H:%M} is in the future"
    return None


def member(
    email: str, lookup: Lookup, what: str, roles: Sequence[str] = ()
) -> tuple[int | None, str | None]:
    """The user id of the member with this email, or the reason there is none."""
    found = lookup.members.get(email.strip().lower())
    if found is None:
        return None, f"no member of {lookup.organisation.name} has the {what} email {email}"
    user_id, role = found
    if roles and role not in roles:
        return None, f"the {what} email {email} belongs to a {role}, not to staff"
    return user_id, None


def signal_row(
    values: dict[str, Any], lookup: Lookup, *, source: str, default_kind: str = SignalKind.RESPONSE
) -> Feedback | list[str]:
    """A feedback answer or a passive signal: touchpoint, submitted_at, scores, text,
    customer (email, optional), segment, kind, external_key."""
    problems = []
    touchpoint = lookup.touchpoint(values.get("touchpoint") or "")
    if isinstance(touchpoint, str):
        problems.append(touchpoint)
    submitted_at = values.get("submitted_at")
    if problem := time_problem(submitted_at, lookup):
        problems.append(problem)
    scores = {name: values.get(name) for name in ("nps", "csat", "ces")}
    problems += [p for name, v in scores.items() if (p := score_problem(name, v))]
    text = (values.get("text") or "").strip()
    if len(text) > MAX_TEXT:
        problems.append(f"the text is longer than {MAX_TEXT} characters")
    if not text and all(v is None for v in scores.values()):
        problems.append("there is nothing to keep: no text and no score")
    kind = (values.get("kind") or default_kind).strip().lower()
    if kind not in SignalKind.values:
        problems.append(f"the kind “{kind}” is not one of {', '.join(SignalKind.values)}")
    customer_id = None
    if email := (values.get("customer") or "").strip():
        customer_id, problem = member(email, lookup, "customer")
        if problem and source != Source.IMPORT:
            problems.append(problem)
        # A review or mention by someone who is not a member is still a signal: kept
        # without a customer.
    segment = (values.get("segment") or "").strip()[:120]
    if problems:
        return problems
    assert isinstance(touchpoint, Touchpoint)
    assert submitted_at is not None
    return Feedback(
        organisation=lookup.organisation,
        touchpoint=touchpoint,
        customer_id=customer_id,
        source=source,
        kind=kind,
        text=text,
        segment=segment or lookup.segments.get(customer_id or 0, ""),
        submitted_at=submitted_at,
        external_key=(values.get("external_key") or "")[:200],
        **scores,
    )


def interaction_row(
    values: dict[str, Any], lookup: Lookup, *, source: str
) -> Interaction | list[str]:
    """Who served whom: staff (email), customer (email), touchpoint, occurred_at."""
    problems = []
    staff_id, problem = member(values.get("staff") or "", lookup, "staff", SERVING_ROLES)
    if problem:
        problems.append(problem)
    customer_id, problem = member(values.get("customer") or "", lookup, "customer")
    if problem:
        problems.append(problem)
    touchpoint = lookup.touchpoint(values.get("touchpoint") or "")
    if isinstance(touchpoint, str):
        problems.append(touchpoint)
    occurred_at = values.get("occurred_at")
    if problem := time_problem(occurred_at, lookup, "time"):
        problems.append(problem)
    if problems:
        return problems
    assert isinstance(touchpoint, Touchpoint)
    assert staff_id is not None
    assert customer_id is not None
    assert occurred_at is not None
    return Interaction(
        organisation=lookup.organisation,
        staff_id=staff_id,
        customer_id=customer_id,
        touchpoint=touchpoint,
        occurred_at=occurred_at,
        source=source,
        external_key=(values.get("external_key") or "")[:200],
    )


def pulse_row(values: dict[str, Any], lookup: Lookup, *, source: str) -> StaffPulse | list[str]:
    """A staff pulse: staff (email), submitted_at, satisfaction 1-5 and/or eNPS 0-10."""
    problems = []
    staff_id, problem = member(values.get("staff") or "", lookup, "staff", SERVING_ROLES)
    if problem:
        problems.append(problem)
    submitted_at = values.get("submitted_at")
    if problem := time_problem(submitted_at, lookup):
        problems.append(problem)
    scores = {name: values.get(name) for name in ("satisfaction", "enps")}
    problems += [p for name, v in scores.items() if (p := score_problem(name, v))]
    if all(v is None for v in scores.values()):
        problems.append("there is no answer: give a satisfaction, an eNPS or both")
    if problems:
        return problems
    assert staff_id is not None
    assert submitted_at is not None
    return StaffPulse(
        organisation=lookup.organisation,
        staff_id=staff_id,
        submitted_at=submitted_at,
        source=source,
        external_key=(values.get("external_key") or "")[:200],
        **scores,
    )


def row_key(kind: str, line: int, cells: Iterable[str]) -> str:
    """The key of an imported row without an id column: the same line of the same file
    gets the same key, so importing it again (or resuming) adds nothing twice."""
    digest = hashlib.sha256("\x1f".join([str(line), *cells]).encode()).hexdigest()
    return f"{kind}:{digest[:40]}"


def store(model: type[Row], rows: list[Row], organisation: Organisation) -> tuple[int, int]:
    """Insert rows, skipping those whose external key is known (or repeated among them).
    Call inside a transaction. Returns (created, duplicates)."""
    keys = [r.external_key for r in rows if r.external_key]
    with scope(organisation=organisation):
        manager: models.Manager[Any] = model.objects
        known = set(manager.filter(external_key__in=keys).values_list("external_key", flat=True))
        fresh, seen = [], set(known)
        for row in rows:
            if row.external_key:
                if row.external_key in seen:
                    continue
                seen.add(row.external_key)
            fresh.append(row)
        manager.bulk_create(fresh, batch_size=500)
    return len(fresh), len(rows) - len(fresh)
