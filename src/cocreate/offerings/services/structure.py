"""What organisers change in an offering: its settings, steps, options and rules.

Every change checks its input first and writes in one transaction with its audit entry;
a change to steps, options or rules also bumps the offering's revision (engine.py caches
by it) and is refused while the offering is locked or delivered. A rule, or an option
change, that would leave an option impossible to pick or no valid design at all is
refused with the conflicting rules named (the rules engine's check_rules).
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.db.models import F, Max
from django.utils.text import slugify
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.engines import offerings as rules
from cocreate.offerings import engine
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import (
    Dimension,
    Kind,
    Offering,
    Option,
    Partner,
    Rule,
    RuleKind,
    StepSource,
)
from cocreate.offerings.services.seats import promote_waitlist
from cocreate.offerings.services.sessions import sessions_step
from cocreate.organisations import audit
from cocreate.organisations.models import FieldKind, Organisation, ProfileField

NAME_MAX = 120
TEXT_MAX = 5000
TAGS_MAX = 20
RULE_OPTIONS_MAX = 200

Errors = dict[str, list[str]]


# The offering itself


def offering_create(
    *,
    organisation: Organisation,
    actor: User,
    name: str,
    slug: str = "",
    description: str = "",
    kind: str = Kind.SERVICE,
    unit: str = "",
    budget: Decimal | str | None = None,
) -> Offering:
    slug = (slug or slugify(name))[:60]
    errors = _offering_errors(name=name, description=description, kind=kind, unit=unit)
    amount = _amount(budget, "budget", errors, allow_none=True)
    try:
        validate_slug(slug)
    except ValidationError:
        errors["slug"] = ["Use letters, numbers, hyphens and underscores only."]
    if errors:
        raise InvalidInput("The offering could not be created.", fields=errors)
    with transaction.atomic(), scope(organisation=organisation):
        if Offering.objects.filter(slug=slug).exists():
            taken = "Another offering already uses this address."
            raise Conflict(taken, fields={"slug": [taken]})
        offering = Offering.objects.create(
            organisation=organisation,
            slug=slug,
            name=name.strip(),
            description=description.strip(),
            kind=kind,
            unit=unit.strip(),
            budget=amount,
        )
        if kind == Kind.EVENT:
            sessions_step(offering)
        _audit(offering, actor, "offering.created")
    return offering


def offering_update(
    *,
    offering: Offering,
    actor: User,
    name: str,
    description: str,
    kind: str,
    unit: str,
    budget: Decimal | str | None,
) -> Offering:
    errors = _offering_errors(name=name, description=description, kind=kind, unit=unit)
    amount = _amount(budget, "budget", errors, allow_none=True)
    if errors:
        raise InvalidInput("The offering could not be saved.", fields=errors)
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        budget_changed = amount != offering.budget
        if budget_changed:
            _require_editable(offering)
        if offering.kind == Kind.EVENT and kind != Kind.EVENT and _has_sessions(offering):
            message = "It has sessions from its agenda: it stays an event."
            raise Conflict(message, fields={"kind": [message]})
        offering.name, offering.description = name.strip(), description.strip()
        offering.kind, offering.unit, offering.budget = kind, unit.strip(), amount
        offering.save(update_fields=["name", "description", "kind", "unit", "budget", "updated_at"])
        if budget_changed:
            refuse_contradictions(offering)
            _bump(offering)
        if kind == Kind.EVENT:
            sessions_step(offering)
        _audit(offering, actor, "offering.updated")
    return offering


def _has_sessions(offering: Offering) -> bool:
    return Option.objects.filter(offering=offering, dimension__source=StepSource.SESSIONS).exists()


def _offering_errors(*, name: str, description: str, kind: str, unit: str) -> Errors:
    errors: Errors = {}
    if not name.strip():
        errors["name"] = ["Give the offering a name."]
    elif len(name.strip()) > NAME_MAX:
        errors["name"] = [f"Use at most {NAME_MAX} characters."]
    if len(description) > TEXT_MAX:
        errors["description"] = [f"Use at most {TEXT_MAX} characters."]
    if kind not in Kind.values:
        errors["kind"] = [f"Choose one of: {', '.join(Kind.values)}."]
    if len(unit.strip()) > 20:
        errors["unit"] = ["Use at most 20 characters."]
    return errors


# Steps (dimensions)


def dimension_create(*, offering: Offering, actor: User, **fields: Any) -> Dimension:
    values = dimension_values(fields)
    questions = values.pop("questions")
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        _check_source(offering, values["source"], None)
        last = Dimension.objects.filter(offering=offering).aggregate(p=Max("position"))["p"]
        dimension = Dimension.objects.create(
            organisation_id=offering.organisation_id,
            offering=offering,
            position=(last or 0) + 1,
            **values,
        )
        dimension.questions.set(questions_of(offering, questions))
        refuse_contradictions(offering)
        _bump(offering)
        _audit(offering, actor, "offering.step_added", step=dimension.name)
    return dimension


def dimension_update(*, dimension: Dimension, actor: User, **fields: Any) -> Dimension:
    fields = {"source": dimension.source, **fields}
    values = dimension_values(fields)
    questions = values.pop("questions")
    offering = dimension.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        if values["source"] != dimension.source or values["open_answer"] != dimension.open_answer:
            if dimension.source == StepSource.SESSIONS:
                message = "The sessions step stays: its sessions come from the agenda."
                raise InvalidInput(message, fields={"source": [message]})
            if dimension.options.exists():
                raise InvalidInput(
                    "A step with options cannot ask something else.",
                    fields={"source": ["Remove its options first."]},
                )
            _check_source(offering, values["source"], dimension)
        for name, value in values.items():
            setattr(dimension, name, value)
        dimension.save()
        dimension.questions.set(questions_of(offering, questions))
        refuse_contradictions(offering)
        _bump(offering)
        _audit(offering, actor, "offering.step_changed", step=dimension.name)
    return dimension


def dimension_delete(*, dimension: Dimension, actor: User) -> None:
    offering = dimension.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        if dimension.source == StepSource.SESSIONS:
            raise Conflict("The sessions step stays: its sessions come from the agenda.")
        options = list(dimension.options.all())
        for option in options:
            _refuse_if_chosen(option)
        _refuse_if_in_rules(offering, [o.pk for o in options])
        dimension.delete()
        _bump(offering)
        _audit(offering, actor, "offering.step_deleted", step=dimension.name)


def dimension_move(*, dimension: Dimension, actor: User, offset: int) -> None:
    offering = dimension.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        ordered = list(Dimension.objects.filter(offering=offering).select_for_update())
        _reorder(ordered, dimension, offset)
        _bump(offering)
        _audit(offering, actor, "offering.step_moved", step=dimension.name)


def dimension_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    errors: Errors = {}
    name = str(fields.get("name") or "").strip()
    if not name:
        errors["name"] = ["Give the step a name."]
    elif len(name) > NAME_MAX:
        errors["name"] = [f"Use at most {NAME_MAX} characters."]
    help_text = str(fields.get("help_text") or "").strip()
    if len(help_text) > 300:
        errors["help_text"] = ["Use at most 300 characters."]
    min_picks = _whole(fields.get("min_picks", 0), "min_picks", errors) or 0
    max_picks = _whole(fields.get("max_picks"), "max_picks", errors, allow_none=True)
    if max_picks is not None and max_picks < min_picks and "max_picks" not in errors:
        errors["max_picks"] = ["The most picks cannot be fewer than the least."]
    if max_picks == 0:
        errors["max_picks"] = ["Allow at least one pick, or leave it empty for no limit."]
    source = str(fields.get("source") or StepSource.OPTIONS)
    if source not in StepSource.values:
        errors["source"] = [f"Choose one of: {', '.join(StepSource.values)}."]
    open_answer = bool(fields.get("open_answer", False)) or source == StepSource.TALK
    personal = source in (StepSource.CONTACT, StepSource.PROFILE)
    if personal or source == StepSource.SESSIONS:
        open_answer = False
    questions = list(fields.get("questions") or ())
    if questions and source != StepSource.PROFILE:
        errors["questions"] = ["Only a profile step asks profile questions."]
    elif source == StepSource.PROFILE and not questions:
        errors["questions"] = ["Choose the profile questions this step asks."]
    max_length = _whole(fields.get("max_answer_length", 500), "max_answer_length", errors)
    if max_length is not None and not 1 <= max_length <= TEXT_MAX:
        errors["max_answer_length"] = [f"Choose between 1 and {TEXT_MAX} characters."]
    if open_answer and min_picks > 1:
        errors["min_picks"] = ["An open answer is required (1) or optional (0)."]
    if errors:
        raise InvalidInput("The step could not be saved.", fields=errors)
    return {
        "name": name,
        "help_text": help_text,
        "min_picks": 0 if personal else min_picks,
        "max_picks": None if open_answer or personal else max_picks,
        "open_answer": open_answer,
        "max_answer_length": max_length or 500,
        "source": source,
        "questions": questions,
    }


def _check_source(offering: Offering, source: str, dimension: Dimension | None) -> None:
    """Sessions come only from the agenda; talks need an agenda; one contact step."""
    if source == StepSource.SESSIONS:
        message = "An event's sessions step comes with it: its sessions come from the agenda."
        raise InvalidInput(message, fields={"source": [message]})
    if source == StepSource.TALK and offering.kind != Kind.EVENT:
        message = "Only an event takes session proposals."
        raise InvalidInput(message, fields={"source": [message]})
    if source == StepSource.CONTACT:
        others = Dimension.objects.filter(offering=offering, source=StepSource.CONTACT)
        if dimension is not None:
            others = others.exclude(pk=dimension.pk)
        if others.exists():
            message = "The offering asks how to reach people already, in another step."
            raise InvalidInput(message, fields={"source": [message]})


def questions_of(offering: Offering, wanted: Sequence[Any]) -> list[ProfileField]:
    """Profile fields by object, id or key; an unknown one is refused."""
    fields = list(ProfileField.objects.all())
    by_name = {f.key: f for f in fields} | {str(f.pk): f for f in fields}
    found, unknown = [], []
    for item in wanted:
        name = str(item.pk if isinstance(item, ProfileField) else item)
        if name in by_name:
            found.append(by_name[name])
        else:
            unknown.append(name)
    if unknown:
        message = f"There is no profile question {', '.join(unknown)}."
        raise InvalidInput(message, fields={"questions": [message]})
    return found


# Options


def option_create(*, dimension: Dimension, actor: User, **fields: Any) -> Option:
    offering = dimension.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        _require_typed_options(dimension)
        values = option_values(offering, fields)
        values["key"] = _free_key(offering, values.get("key") or slugify(values["name"]))
        last = Option.objects.filter(dimension=dimension).aggregate(p=Max("position"))["p"]
        option = Option.objects.create(
            organisation_id=offering.organisation_id,
            offering=offering,
            dimension=dimension,
            position=(last or 0) + 1,
            **values,
        )
        refuse_contradictions(offering)
        _bump(offering)
        _audit(offering, actor, "offering.option_added", option=option.name)
    return option


def option_update(*, option: Option, actor: User, **fields: Any) -> Option:
    offering = option.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        _require_typed_options(option.dimension)
        locked = Option.objects.select_for_update().get(pk=option.pk)
        values = option_values(offering, fields, current=locked)
        capacity = values["capacity"]
        if capacity is not None and capacity < locked.seats_taken:
            message = (
                f"{locked.seats_taken} people already have a seat: the capacity cannot be "
                f"lower than that."
            )
            raise Conflict(message, fields={"capacity": [message]})
        for name, value in values.items():
            setattr(option, name, value)
        option.seats_taken = locked.seats_taken
        option.save()
        refuse_contradictions(offering)
        _bump(offering)
        _audit(offering, actor, "offering.option_changed", option=option.name)
    promote_waitlist(option)  # more seats may let people off the waitlist
    return option


def option_delete(*, option: Option, actor: User) -> None:
    offering = option.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        _require_typed_options(option.dimension)
        _refuse_if_chosen(option)
        _refuse_if_in_rules(offering, [option.pk])
        option.delete()
        _bump(offering)
        _audit(offering, actor, "offering.option_deleted", option=option.name)


def option_move(*, option: Option, actor: User, offset: int) -> None:
    offering = option.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        ordered = list(Option.objects.filter(dimension=option.dimension_id).select_for_update())
        _reorder(ordered, option, offset)
        _bump(offering)
        _audit(offering, actor, "offering.option_moved", option=option.name)


def option_values(
    offering: Offering, fields: Mapping[str, Any], current: Option | None = None
) -> dict[str, Any]:
    errors: Errors = {}
    name = str(fields.get("name") or "").strip()
    if not name:
        errors["name"] = ["Give the option a name."]
    elif len(name) > NAME_MAX:
        errors["name"] = [f"Use at most {NAME_MAX} characters."]
    description = str(fields.get("description") or "").strip()
    if len(description) > TEXT_MAX:
        errors["description"] = [f"Use at most {TEXT_MAX} characters."]
    key = str(fields.get("key") or (current.key if current else "")).strip()
    if key:
        try:
            validate_slug(key)
        except ValidationError:
            errors["key"] = ["Use letters, numbers, hyphens and underscores only."]
    capacity = _whole(fields.get("capacity"), "capacity", errors, allow_none=True)
    cost = _amount(fields.get("cost", 0), "cost", errors) or Decimal(0)
    tags = _tags(fields.get("tags", ()), errors)
    starts_at, ends_at = fields.get("starts_at"), fields.get("ends_at")
    if (starts_at is None) != (ends_at is None):
        errors["ends_at"] = ["Give both a start and an end, or neither."]
    elif isinstance(starts_at, datetime) and isinstance(ends_at, datetime) and ends_at <= starts_at:
        errors["ends_at"] = ["The end must come after the start."]
    eligibility = _eligibility(offering, fields.get("eligibility") or [], errors)
    partner = fields.get("partner")
    if partner is not None and (
        not isinstance(partner, Partner) or partner.organisation_id != offering.organisation_id
    ):
        errors["partner"] = ["Choose one of this organisation's partners."]
    if errors:
        raise InvalidInput("The option could not be saved.", fields=errors)
    if key and current is not None and key != current.key:
        with scope(organisation=offering.organisation_id):
            if Option.objects.filter(offering=offering, key=key).exclude(pk=current.pk).exists():
                raise Conflict("Another option already uses this key.", fields={"key": ["Taken."]})
    return {
        "name": name,
        "description": description,
        "key": key,
        "capacity": capacity,
        "cost": cost,
        "tags": tags,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "eligibility": eligibility,
        "partner": partner,
    }


def _tags(raw: Any, errors: Errors) -> list[str]:
    if isinstance(raw, str):
        raw = raw.split(",")
    tags: list[str] = []
    for tag in raw or ():
        tag = str(tag).strip().lower()
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > TAGS_MAX or any(len(t) > 40 for t in tags):
        errors["tags"] = [f"Use at most {TAGS_MAX} tags of up to 40 characters."]
    return tags


def _eligibility(offering: Offering, raw: Any, errors: Errors) -> list[dict[str, Any]]:
    """Each condition names a profile field and the answers that qualify."""
    if not isinstance(raw, list):
        errors["eligibility"] = ["Give a list of conditions."]
        return []
    with scope(organisation=offering.organisation_id):
        fields = {f.key: f for f in ProfileField.objects.all()}
    cleaned = []
    for condition in raw:
        if not isinstance(condition, Mapping):
            errors["eligibility"] = ["Each condition is a field and the answers that qualify."]
            return []
        key = str(condition.get("field", ""))
        allowed = condition.get("allowed")
        field = fields.get(key)
        if field is None:
            errors["eligibility"] = [f"There is no profile field '{key}'."]
            return []
        if not isinstance(allowed, list) or not allowed:
            errors["eligibility"] = [f"Say which answers to '{field.label}' qualify."]
            return []
        allowed = [str(a) for a in allowed]
        if field.kind in (FieldKind.SINGLE_CHOICE, FieldKind.MULTI_CHOICE):
            unknown = [a for a in allowed if a not in field.choices]
            if unknown:
                errors["eligibility"] = [
                    f"'{field.label}' has no answer {', '.join(map(repr, unknown))}."
                ]
                return []
        label = str(condition.get("label") or "")[:80]
        cleaned.append({"field": key, "allowed": allowed, **({"label": label} if label else {})})
    return cleaned


def _free_key(offering: Offering, wanted: str) -> str:
    base = (wanted or "option")[:50]
    taken = set(Option.objects.filter(offering=offering).values_list("key", flat=True))
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def _require_typed_options(dimension: Dimension) -> None:
    if dimension.source == StepSource.SESSIONS:
        raise Conflict(
            f"The sessions of '{dimension.name}' come from the event's agenda: "
            "accept, merge or decline proposals there."
        )
    if dimension.open_answer or dimension.source != StepSource.OPTIONS:
        raise InvalidInput(f"'{dimension.name}' has no options: it asks something else.")


def _refuse_if_chosen(option: Option) -> None:
    chosen = option.choices.count()
    if chosen:
        raise Conflict(
            f"'{option.name}' is in {chosen} customer design{'s' if chosen != 1 else ''}: "
            "it cannot be removed. Lock the offering or ask them to change their designs."
        )


def _refuse_if_in_rules(offering: Offering, option_ids: Sequence[int]) -> None:
    ids = set(option_ids)
    using = [
        r.label or f"rule {r.pk}"
        for r in Rule.objects.filter(offering=offering)
        if ids & set(r.options)
    ]
    if using:
        raise Conflict(f"Rules use it: {', '.join(using)}. Delete or change them first.")


# Rules


def rule_create(
    *,
    offering: Offering,
    actor: User,
    kind: str,
    options: Sequence[int],
    k: int = 0,
    label: str = "",
) -> Rule:
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        values = rule_values(offering, kind=kind, options=options, k=k, label=label)
        rule = Rule(organisation_id=offering.organisation_id, offering=offering, **values)
        rule.save()
        refuse_contradictions(offering)
        _bump(offering)
        _audit(offering, actor, "offering.rule_added", rule=str(rule))
    return rule


def rule_update(
    *, rule: Rule, actor: User, kind: str, options: Sequence[int], k: int = 0, label: str = ""
) -> Rule:
    offering = rule.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        for name, value in rule_values(
            offering, kind=kind, options=options, k=k, label=label
        ).items():
            setattr(rule, name, value)
        rule.save()
        refuse_contradictions(offering)
        _bump(offering)
        _audit(offering, actor, "offering.rule_changed", rule=str(rule))
    return rule


def rule_delete(*, rule: Rule, actor: User) -> None:
    offering = rule.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        _require_editable(offering)
        rule.delete()
        _bump(offering)
        _audit(offering, actor, "offering.rule_deleted", rule=str(rule))


def rule_values(
    offering: Offering, *, kind: str, options: Sequence[Any], k: Any, label: str
) -> dict[str, Any]:
    errors: Errors = {}
    if kind not in RuleKind.values:
        errors["kind"] = [f"Choose one of: {', '.join(RuleKind.values)}."]
    ids: list[int] = []
    for value in options or ():
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            errors["options"] = [f"{value!r} is not an option id."]
            break
    if len(set(ids)) != len(ids):
        errors["options"] = ["Name each option once."]
    elif not 2 <= len(ids) <= RULE_OPTIONS_MAX:
        errors["options"] = [f"A rule links between 2 and {RULE_OPTIONS_MAX} options."]
    known = set(Option.objects.filter(offering=offering, pk__in=ids).values_list("pk", flat=True))
    foreign = [i for i in ids if i not in known]
    if foreign and "options" not in errors:
        errors["options"] = [f"Not options of this offering: {', '.join(map(str, foreign))}."]
    counted = _whole(k, "k", errors) or 0
    if kind in (RuleKind.AT_MOST, RuleKind.AT_LEAST) and "k" not in errors:
        if kind == RuleKind.AT_LEAST and not 1 <= counted <= len(ids):
            errors["k"] = [f"Choose a number from 1 to {len(ids)}."]
        if kind == RuleKind.AT_MOST and not 0 <= counted < len(ids):
            errors["k"] = [f"Choose a number from 0 to {max(0, len(ids) - 1)}."]
    if len(label) > 200:
        errors["label"] = ["Use at most 200 characters."]
    if errors:
        raise InvalidInput("The rule could not be saved.", fields=errors)
    uses_k = kind in (RuleKind.AT_MOST, RuleKind.AT_LEAST)
    return {"kind": kind, "options": ids, "k": counted if uses_k else 0, "label": label.strip()}


# Shared


def refuse_contradictions(offering: Offering) -> None:
    """Refuse (and so roll back) a change after which rules contradict each other.

    Problems that name no rule (a step that needs more options than it has yet) are what
    an offering under construction looks like: the editor shows them, and they only stop
    the offering from opening (services/lifecycle.py).
    """
    problems = [p for p in rules.check_rules(engine.build(offering)) if p.rules]
    if problems:
        message = " ".join(p.message for p in problems)
        raise InvalidInput(f"The change was not saved: {message}", code="contradictory_rules")


def problems_of(offering: Offering) -> list[str]:
    """Everything check_rules finds in the offering as it is."""
    return [p.message for p in rules.check_rules(engine.engine_offering(offering))]


def _require_editable(offering: Offering) -> None:
    if not state(offering.status).structure_editable:
        raise Conflict(
            f"'{offering.name}' is {offering.get_status_display().lower()}: "
            "reopen it before changing its steps, options or rules."
        )


def _bump(offering: Offering) -> None:
    with scope(organisation=offering.organisation_id):
        Offering.objects.filter(pk=offering.pk).update(revision=F("revision") + 1)
        offering.refresh_from_db(fields=["revision"])


def _reorder(ordered: list[Any], item: Any, offset: int) -> None:
    index = next(i for i, each in enumerate(ordered) if each.pk == item.pk)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, each in enumerate(ordered, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


def _whole(value: Any, name: str, errors: Errors, *, allow_none: bool = False) -> int | None:
    if value is None or value == "":
        if allow_none:
            return None
        errors[name] = ["Give a whole number."]
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = ["Give a whole number."]
        return None
    if number != value and not isinstance(value, str):
        errors[name] = ["Give a whole number."]
        return None
    if number < 0:
        errors[name] = ["It cannot be negative."]
        return None
    return number


def _amount(value: Any, name: str, errors: Errors, *, allow_none: bool = False) -> Decimal | None:
    if value is None or value == "":
        if allow_none:
            return None
        value = 0
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        errors[name] = ["Give an amount, such as 12.50."]
        return None
    if not amount.is_finite() or amount < 0:
        errors[name] = ["It cannot be negative."]
        return None
    if amount.as_tuple().exponent < -2 or amount >= Decimal("1e10"):  # type: ignore[operator]
        errors[name] = ["Use at most two decimals and ten digits."]
        return None
    return amount.quantize(Decimal("0.01"))


def _audit(offering: Offering, actor: User, action: str, **details: Any) -> None:
    audit.record(
        organisation=offering.organisation,
        actor=actor,
        action=action,
        target=offering.name,
        offering=offering.slug,
        **details,
    )
