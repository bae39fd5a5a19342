"""Offerings as JSON: export one, import it as a new draft. Export, import and export
again gives the same document (options and rules refer to each other by key)."""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import InvalidInput
from cocreate.offerings import engine
from cocreate.offerings.models import Dimension, Offering, Option, Partner, Rule, StepSource
from cocreate.offerings.services import structure
from cocreate.offerings.services.sessions import sessions_step
from cocreate.organisations.models import Organisation

FORMAT = "cocreate.offering/1"


def offering_export(offering: Offering) -> dict[str, Any]:
    with scope(organisation=offering.organisation_id):
        dimensions = list(Dimension.objects.filter(offering=offering).prefetch_related("questions"))
        options = list(engine.ordered_options(offering).select_related("partner"))
        keys = {o.pk: o.key for o in options}
        rules = list(Rule.objects.filter(offering=offering))
    return {
        "format": FORMAT,
        "slug": offering.slug,
        "name": offering.name,
        "description": offering.description,
        "kind": offering.kind,
        "unit": offering.unit,
        "budget": _money(offering.budget),
        "steps": [
            {
                "name": d.name,
                "help_text": d.help_text,
                "min_picks": d.min_picks,
                "max_picks": d.max_picks,
                "open_answer": d.open_answer,
                "max_answer_length": d.max_answer_length,
                "source": d.source,
                "questions": [f.key for f in d.questions.all()],
                # A sessions step's options are the agenda's sessions: they travel with it.
                "options": [
                    {
                        "key": o.key,
                        "name": o.name,
                        "description": o.description,
                        "capacity": o.capacity,
                        "cost": _money(o.cost),
                        "tags": o.tags,
                        "starts_at": o.starts_at.isoformat() if o.starts_at else None,
                        "ends_at": o.ends_at.isoformat() if o.ends_at else None,
                        "eligibility": o.eligibility,
                        "partner": o.partner.name if o.partner else None,
                    }
                    for o in options
                    if o.dimension_id == d.pk and d.source != StepSource.SESSIONS
                ],
            }
            for d in dimensions
        ],
        "rules": [
            {"kind": r.kind, "options": [keys[i] for i in r.options], "k": r.k, "label": r.label}
            for r in rules
        ],
    }


def offering_import(
    *, organisation: Organisation, actor: User, document: Any, slug: str = ""
) -> Offering:
    """A new draft offering from an exported document; all of it or, on any error, none."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(f"This is not a Cocreate offering (expected format '{FORMAT}').")
    try:
        with transaction.atomic():
            return _create(organisation, actor, document, slug)
    except (KeyError, TypeError, AttributeError) as error:
        raise InvalidInput(f"The document is incomplete or malformed near {error}.") from None


def _create(
    organisation: Organisation, actor: User, document: dict[str, Any], slug: str
) -> Offering:
    """Create it all, then check the rules once (one check, not one per option)."""
    offering = structure.offering_create(
        organisation=organisation,
        actor=actor,
        name=document["name"],
        slug=slug or document.get("slug", ""),
        description=document.get("description", ""),
        kind=document.get("kind", "event"),
        unit=document.get("unit", ""),
        budget=document.get("budget"),
    )
    ids: dict[str, int] = {}
    with scope(organisation=organisation):
        for number, step in enumerate(document.get("steps", []), start=1):
            fields = {k: v for k, v in step.items() if k != "options"}
            values = _labelled(f"Step {number}", structure.dimension_values, fields)
            questions = _labelled(
                f"Step {number}", structure.questions_of, offering, values.pop("questions")
            )
            if values["source"] == StepSource.SESSIONS:
                if step.get("options"):
                    raise InvalidInput(
                        f"Step {number}: an event's sessions come from its agenda, not the file."
                    )
                dimension = _labelled(f"Step {number}", sessions_step, offering)
                Dimension.objects.filter(pk=dimension.pk).update(position=number, **values)
                continue
            dimension = Dimension.objects.create(
                organisation=organisation, offering=offering, position=number, **values
            )
            dimension.questions.set(questions)
            for position, item in enumerate(step.get("options", []), start=1):
                where = f"Step {number}, option {position}"
                fields = dict(item)
                fields["partner"] = _partner(organisation, fields.get("partner"))
                for moment in ("starts_at", "ends_at"):
                    fields[moment] = _when(fields.get(moment), where)
                option_values = _labelled(where, structure.option_values, offering, fields)
                key = option_values["key"] or slugify(option_values["name"])[:50]
                if key in ids:
                    raise InvalidInput(f"{where}: the key '{key}' is used twice.")
                option = Option.objects.create(
                    organisation=organisation,
                    offering=offering,
                    dimension=dimension,
                    position=position,
                    **{**option_values, "key": key},
                )
                ids[key] = option.pk
        steps = document.get("steps", [])
        if offering.kind == "event" and all(s.get("source") != StepSource.SESSIONS for s in steps):
            # An older file without the agenda's step: it comes last.
            Dimension.objects.filter(offering=offering, source=StepSource.SESSIONS).update(
                position=len(steps) + 1
            )
        for number, rule in enumerate(document.get("rules", []), start=1):
            unknown = [key for key in rule["options"] if key not in ids]
            if unknown:
                raise InvalidInput(f"Rule {number} names unknown options: {', '.join(unknown)}.")
            values = _labelled(
                f"Rule {number}",
                structure.rule_values,
                offering,
                kind=rule["kind"],
                options=[ids[key] for key in rule["options"]],
                k=rule.get("k", 0),
                label=rule.get("label", ""),
            )
            Rule.objects.create(organisation=organisation, offering=offering, **values)
        structure.refuse_contradictions(offering)
    return offering


def _labelled(where: str, validate: Any, *args: Any, **kwargs: Any) -> Any:
    """Say where in the document a refused value is."""
    try:
        return validate(*args, **kwargs)
    except InvalidInput as error:
        details = "; ".join(f"{name}: {' '.join(m)}" for name, m in error.fields.items())
        raise InvalidInput(f"{where}: {details or error.message}") from None


def _partner(organisation: Organisation, name: Any) -> Partner | None:
    if not name:
        return None
    with scope(organisation=organisation):
        partner, _ = Partner.objects.get_or_create(organisation=organisation, name=str(name)[:120])
    return partner


def _when(value: Any, where: str) -> Any:
    if value is None:
        return None
    moment = parse_datetime(str(value)) if isinstance(value, str) else None
    if moment is None or moment.tzinfo is None:
        raise InvalidInput(f"{where}: '{value}' is not a date and time with its time zone.")
    return moment


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"
