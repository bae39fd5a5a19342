"""The thin adapter between the offerings' models and the rules engine (engines/offerings).

It turns an offering into the engine's plain data once per revision (cached per process:
the key changes whenever the structure does, so a stale copy is never used), and gives
the engine each customer's profile and the seats they can still have.
"""

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django_scopes import scope

from cocreate.engines import offerings as rules
from cocreate.offerings.models import (
    PERSONAL_SOURCES,
    Choice,
    ChoiceStatus,
    Design,
    Dimension,
    Offering,
    Option,
    Rule,
    StepSource,
)

# What is still to choose or answer, not a conflict in what was chosen.
TODO_CODES = frozenset({"too_few", "answer_missing"})
_CACHE_SIZE = 64
# Keyed by id, creation time (an id can come back after a database is reset, as in
# tests) and revision; "relaxed" marks the copy without minimums.
_compiled: OrderedDict[tuple[int, str, int, bool], rules.Offering] = OrderedDict()


def engine_offering(offering: Offering) -> rules.Offering:
    """The engine's view of `offering` at its current revision."""
    return _cached(offering, relaxed=False, make=lambda: build(offering))


def without_minimums(offering: Offering) -> rules.Offering:
    """The offering with no step required: repairs for a design in progress resolve its
    conflicts without filling in the steps the customer has not reached yet."""

    def relax() -> rules.Offering:
        full = engine_offering(offering)
        relaxed = tuple(dataclasses.replace(d, min_picks=0) for d in full.dimensions)
        return dataclasses.replace(full, dimensions=relaxed)

    return _cached(offering, relaxed=True, make=relax)


def _cached(
    offering: Offering, *, relaxed: bool, make: Callable[[], rules.Offering]
) -> rules.Offering:
    key = (offering.pk, offering.created_at.isoformat(), offering.revision, relaxed)
    if key in _compiled:
        _compiled.move_to_end(key)
    else:
        _compiled[key] = make()
        while len(_compiled) > _CACHE_SIZE:
            _compiled.popitem(last=False)
    return _compiled[key]


def build(offering: Offering) -> rules.Offering:
    """Steps that ask for contact details or profile answers are not the engine's: their
    answers belong to the person, not to the design."""
    with scope(organisation=offering.organisation_id):
        dimensions = list(
            Dimension.objects.filter(offering=offering).exclude(source__in=PERSONAL_SOURCES)
        )
        options = list(ordered_options(offering))
        rule_rows = list(Rule.objects.filter(offering=offering))
    return rules.Offering(
        id=str(offering.pk),
        name=offering.name,
        dimensions=tuple(engine_dimension(d) for d in dimensions),
        options=tuple(engine_option(o) for o in options),
        rules=tuple(engine_rule(r) for r in rule_rows),
        budget=offering.budget,
        unit=offering.unit,
    )


def ordered_options(offering: Offering) -> Any:
    """An offering's options in the order customers see them: by step, then position."""
    return Option.objects.filter(offering=offering).order_by(
        "dimension__position", "dimension_id", "position", "id"
    )


def engine_dimension(dimension: Dimension) -> rules.Dimension:
    return rules.Dimension(
        id=str(dimension.pk),
        name=dimension.name,
        min_picks=dimension.min_picks,
        max_picks=dimension.max_picks,
        open_answer=dimension.open_answer,
        max_answer_length=dimension.max_answer_length,
        **({"noun": "session"} if dimension.source == StepSource.SESSIONS else {}),
    )


def engine_option(option: Option) -> rules.Option:
    window = None
    if option.starts_at and option.ends_at:
        # In the site's time zone: the engine's sentences give times as people read them.
        zone = timezone.get_default_timezone()
        window = rules.TimeWindow(
            option.starts_at.astimezone(zone), option.ends_at.astimezone(zone)
        )
    return rules.Option(
        id=str(option.pk),
        dimension=str(option.dimension_id),
        name=option.name,
        capacity=option.capacity,
        cost=Decimal(option.cost),
        tags=tuple(option.tags),
        window=window,
        eligibility=tuple(
            rules.Eligibility(
                field=each["field"], allowed=tuple(each["allowed"]), label=each.get("label", "")
            )
            for each in option.eligibility
        ),
    )


def engine_rule(rule: Rule) -> rules.Rule:
    return rules.Rule(
        id=str(rule.pk),
        kind=rule.kind,  # type: ignore[arg-type]  # RuleKind values are the engine's kinds
        options=tuple(str(o) for o in rule.options),
        k=rule.k,
        label=rule.label,
    )


def selection(options: Iterable[int | str], answers: Mapping[str, str]) -> rules.Selection:
    return rules.Selection(
        options=frozenset(str(o) for o in options),
        answers={str(k): v for k, v in answers.items() if v and v.strip()},
    )


def remaining_seats(offering: Offering, design: Design | None) -> dict[str, int]:
    """Seats left per option with a capacity, as this customer sees them: a seat they
    already hold is theirs to keep, so it counts as available to them."""
    with scope(organisation=offering.organisation_id):
        left = {
            str(pk): (capacity or 0) - taken
            for pk, capacity, taken in Option.objects.filter(
                offering=offering, capacity__isnull=False
            ).values_list("pk", "capacity", "seats_taken")
        }
        if design is not None and design.pk:
            held = Choice.objects.filter(
                design=design, status=ChoiceStatus.CONFIRMED, option__capacity__isnull=False
            ).values_list("option_id", flat=True)
            for pk in held:
                left[str(pk)] += 1
    return left
