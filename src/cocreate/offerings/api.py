"""Offerings over REST: organisers build and run them, customers design and read their plan.

Handlers are thin: `org_operation` resolves and scopes the organisation, the services
decide, and refusals become the API's error shape (core/api_errors.py).
"""

from typing import Any

from django.http import HttpResponse
from django_scopes import scope
from ninja import Router, Status

from cocreate.offerings import demand as figures
from cocreate.offerings import selectors, services
from cocreate.offerings.calendar import person_calendar
from cocreate.offerings.models import Design, Dimension, Offering, Option, Partner, Rule
from cocreate.offerings.schemas import (
    CheckOut,
    DemandOut,
    DesignIn,
    FulfilmentOut,
    ImportIn,
    OfferingDetailOut,
    OfferingIn,
    OfferingOut,
    OfferingPatch,
    OptionIn,
    OptionOut,
    OptionPatch,
    PlanOut,
    RuleIn,
    RuleOut,
    StepIn,
    StepOut,
    StepPatch,
    TransitionIn,
)
from cocreate.offerings.views import lookup
from cocreate.organisations.access import OrgRequest, org_operation
from cocreate.organisations.rules import Permission

router = Router(tags=["Offerings"])
BASE = "/orgs/{org}/offerings"
ONE = BASE + "/{offering}"


# Offerings


@router.get(BASE, response=list[OfferingOut])
@org_operation(Permission.DESIGN_EXPERIENCE)
def list_offerings(request: OrgRequest, org: str) -> Any:
    """Organisers see every offering; everyone else those that are not drafts."""
    return list(selectors.offerings_for(request.membership))


@router.post(BASE, response={201: OfferingOut})
@org_operation(Permission.MANAGE_OFFERINGS)
def create_offering(request: OrgRequest, org: str, payload: OfferingIn) -> Status[Offering]:
    offering = services.offering_create(
        organisation=request.organisation, actor=request.user, **payload.model_dump()
    )
    return Status(201, offering)


@router.post(BASE + "/import", response={201: OfferingOut})
@org_operation(Permission.MANAGE_OFFERINGS)
def import_offering(request: OrgRequest, org: str, payload: ImportIn) -> Status[Offering]:
    offering = services.offering_import(
        organisation=request.organisation,
        actor=request.user,
        document=payload.document,
        slug=payload.slug,
    )
    return Status(201, offering)


@router.get(ONE, response=OfferingDetailOut)
@org_operation(Permission.DESIGN_EXPERIENCE)
def get_offering(request: OrgRequest, org: str, offering: str) -> dict[str, Any]:
    found = lookup.offering(request, offering)
    steps = selectors.steps(found)
    return {
        **{f: getattr(found, f) for f in OfferingOut.model_fields},
        "steps": [{**_step_fields(s.dimension), "options": s.options} for s in steps],
        "rules": selectors.rules_of(found),
        "problems": services.problems_of(found) if steps else [],
    }


def _fields(obj: Any, schema: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in schema.model_fields if hasattr(obj, name)}


def _step_fields(step: Dimension) -> dict[str, Any]:
    return {**_fields(step, StepOut), "questions": [f.key for f in step.questions.all()]}


@router.patch(ONE, response=OfferingOut)
@org_operation(Permission.MANAGE_OFFERINGS)
def update_offering(
    request: OrgRequest, org: str, offering: str, payload: OfferingPatch
) -> Offering:
    found = lookup.offering(request, offering)
    current = {f: getattr(found, f) for f in ("name", "description", "kind", "unit", "budget")}
    changes = payload.model_dump(exclude_unset=True)
    return services.offering_update(offering=found, actor=request.user, **{**current, **changes})


@router.post(ONE + "/status", response=OfferingOut)
@org_operation(Permission.MANAGE_OFFERINGS)
def change_status(request: OrgRequest, org: str, offering: str, payload: TransitionIn) -> Offering:
    found = lookup.offering(request, offering)
    return services.offering_transition(offering=found, actor=request.user, to=payload.to)


@router.get(ONE + "/export", response=dict[str, Any])
@org_operation(Permission.MANAGE_OFFERINGS)
def export_offering(request: OrgRequest, org: str, offering: str) -> dict[str, Any]:
    return services.offering_export(lookup.offering(request, offering))


# Steps, options and rules


@router.post(ONE + "/steps", response={201: StepOut})
@org_operation(Permission.MANAGE_OFFERINGS)
def create_step(request: OrgRequest, org: str, offering: str, payload: StepIn) -> Status[Any]:
    found = lookup.offering(request, offering)
    step = services.dimension_create(offering=found, actor=request.user, **payload.model_dump())
    return Status(201, {**_step_fields(step), "options": []})


def _step(request: OrgRequest, offering: str, step_id: int) -> Dimension:
    return lookup.dimension(lookup.offering(request, offering), step_id)


@router.patch(ONE + "/steps/{step_id}", response=StepOut)
@org_operation(Permission.MANAGE_OFFERINGS)
def update_step(
    request: OrgRequest, org: str, offering: str, step_id: int, payload: StepPatch
) -> dict[str, Any]:
    step = _step(request, offering, step_id)
    names = (
        "name",
        "help_text",
        "min_picks",
        "max_picks",
        "open_answer",
        "max_answer_length",
        "source",
    )
    current = {n: getattr(step, n) for n in names}
    current["questions"] = [f.key for f in step.questions.all()]
    step = services.dimension_update(
        dimension=step, actor=request.user, **{**current, **payload.model_dump(exclude_unset=True)}
    )
    return {**_step_fields(step), "options": list(step.options.order_by("position", "id"))}


@router.delete(ONE + "/steps/{step_id}", response={204: None})
@org_operation(Permission.MANAGE_OFFERINGS)
def delete_step(request: OrgRequest, org: str, offering: str, step_id: int) -> Status[None]:
    services.dimension_delete(dimension=_step(request, offering, step_id), actor=request.user)
    return Status(204, None)


@router.post(ONE + "/steps/{step_id}/options", response={201: OptionOut})
@org_operation(Permission.MANAGE_OFFERINGS)
def create_option(
    request: OrgRequest, org: str, offering: str, step_id: int, payload: OptionIn
) -> Status[Option]:
    step = _step(request, offering, step_id)
    values = {**payload.model_dump(), "partner": _partner(request, payload.partner)}
    return Status(201, services.option_create(dimension=step, actor=request.user, **values))


def _option(request: OrgRequest, offering: str, option_id: int) -> Option:
    return lookup.option(lookup.offering(request, offering), option_id)


def _partner(request: OrgRequest, name: str | None) -> Partner | None:
    if not name:
        return None
    with scope(organisation=request.organisation):
        partner, _ = Partner.objects.get_or_create(
            organisation=request.organisation, name=name.strip()[:120]
        )
    return partner


@router.patch(ONE + "/options/{option_id}", response=OptionOut)
@org_operation(Permission.MANAGE_OFFERINGS)
def update_option(
    request: OrgRequest, org: str, offering: str, option_id: int, payload: OptionPatch
) -> Option:
    option = _option(request, offering, option_id)
    names = (
        "name",
        "key",
        "description",
        "capacity",
        "cost",
        "tags",
        "starts_at",
        "ends_at",
        "eligibility",
        "partner",
    )
    current = {n: getattr(option, n) for n in names}
    changes = payload.model_dump(exclude_unset=True)
    if "partner" in changes:
        changes["partner"] = _partner(request, changes["partner"])
    return services.option_update(option=option, actor=request.user, **{**current, **changes})


@router.delete(ONE + "/options/{option_id}", response={204: None})
@org_operation(Permission.MANAGE_OFFERINGS)
def delete_option(request: OrgRequest, org: str, offering: str, option_id: int) -> Status[None]:
    services.option_delete(option=_option(request, offering, option_id), actor=request.user)
    return Status(204, None)


@router.post(ONE + "/rules", response={201: RuleOut})
@org_operation(Permission.MANAGE_OFFERINGS)
def create_rule(request: OrgRequest, org: str, offering: str, payload: RuleIn) -> Status[Rule]:
    found = lookup.offering(request, offering)
    return Status(
        201, services.rule_create(offering=found, actor=request.user, **payload.model_dump())
    )


def _rule(request: OrgRequest, offering: str, rule_id: int) -> Rule:
    return lookup.rule(lookup.offering(request, offering), rule_id)


@router.put(ONE + "/rules/{rule_id}", response=RuleOut)
@org_operation(Permission.MANAGE_OFFERINGS)
def replace_rule(
    request: OrgRequest, org: str, offering: str, rule_id: int, payload: RuleIn
) -> Rule:
    rule = _rule(request, offering, rule_id)
    return services.rule_update(rule=rule, actor=request.user, **payload.model_dump())


@router.delete(ONE + "/rules/{rule_id}", response={204: None})
@org_operation(Permission.MANAGE_OFFERINGS)
def delete_rule(request: OrgRequest, org: str, offering: str, rule_id: int) -> Status[None]:
    services.rule_delete(rule=_rule(request, offering, rule_id), actor=request.user)
    return Status(204, None)


# A customer's design and plan


@router.post(ONE + "/validate", response=CheckOut)
@org_operation(Permission.DESIGN_EXPERIENCE)
def validate_design(request: OrgRequest, org: str, offering: str, payload: DesignIn) -> Any:
    """Every problem with a design and the nearest designs that work. Saves nothing."""
    check = services.design_check(
        offering=lookup.offering(request, offering),
        membership=request.membership,
        options=payload.options,
        answers=payload.answers,
    )
    return {
        "ok": check.ok,
        "violations": [
            {
                "code": v.code,
                "message": v.message,
                "options": _ints(v.options),
                "rule": int(v.rule) if v.rule else None,
            }
            for v in check.violations
        ],
        "repairs": [
            {
                "summary": r.summary,
                "options": _ints(r.selection.options),
                "added": _ints(r.added),
                "removed": _ints(r.removed),
            }
            for r in check.repairs
        ],
        "waitlisted": _ints(check.waitlisted),
        "cost": check.cost,
    }


def _ints(ids: Any) -> list[int]:
    return sorted(int(i) for i in ids)


@router.put(ONE + "/design", response=PlanOut)
@org_operation(Permission.DESIGN_EXPERIENCE)
def put_design(request: OrgRequest, org: str, offering: str, payload: DesignIn) -> dict[str, Any]:
    """Submit or revise your design. The same design again changes nothing (idempotent)."""
    found = lookup.offering(request, offering)
    design = services.design_submit(
        offering=found,
        membership=request.membership,
        options=payload.options,
        answers=payload.answers,
        weights=payload.weights,
    )
    return _plan(found, design, request.user.pk)


@router.get(ONE + "/design", response=PlanOut)
@org_operation(Permission.DESIGN_EXPERIENCE)
def get_design(request: OrgRequest, org: str, offering: str) -> dict[str, Any]:
    found = lookup.offering(request, offering)
    return _plan(found, selectors.design_of(found, request.membership), request.user.pk)


def _plan(offering: Offering, design: Design | None, user_id: int) -> dict[str, Any]:
    choices = selectors.plan_choices(design) if design else []
    positions = selectors.waitlist_positions(choices)
    return {
        "offering": offering.slug,
        "version": design.version if design else 0,
        "submitted_at": design.submitted_at if design else None,
        "items": [
            {
                "option": c.option_id,
                "key": c.option.key,
                "name": c.option.name,
                "status": c.status,
                "weight": c.weight or None,
                "waitlist_position": positions.get(c.pk),
                "starts_at": c.option.starts_at,
                "ends_at": c.option.ends_at,
                "location": c.option.location,
                "cost": c.option.cost,
                "fulfilled_at": c.fulfilled_at,
            }
            for c in choices
        ],
        "hosting": [
            {
                "option": o.pk,
                "key": o.key,
                "name": o.name,
                "starts_at": o.starts_at,
                "ends_at": o.ends_at,
                "location": o.location,
            }
            for o in selectors.hosted_options(offering, user_id)
        ],
        "answers": design.answers if design else {},
        "cost": sum((c.option.cost for c in choices), start=0),
    }


@router.get(ONE + "/design.ics", response={200: str})
@org_operation(Permission.DESIGN_EXPERIENCE)
def get_design_calendar(request: OrgRequest, org: str, offering: str) -> HttpResponse:
    """Your plan's timed options as an iCalendar file (text/calendar)."""
    found = lookup.offering(request, offering)
    return HttpResponse(person_calendar(found, request.membership), content_type="text/calendar")


@router.delete(ONE + "/design", response={204: None})
@org_operation(Permission.DESIGN_EXPERIENCE)
def withdraw_design(request: OrgRequest, org: str, offering: str) -> Status[None]:
    found = lookup.offering(request, offering)
    services.design_withdraw(offering=found, membership=request.membership)
    return Status(204, None)


# Demand and fulfilment


@router.get(ONE + "/demand", response=list[DemandOut])
@org_operation(Permission.VIEW_DEMAND)
def get_demand(request: OrgRequest, org: str, offering: str) -> list[dict[str, Any]]:
    return [
        {
            "option": r.option.pk,
            "key": r.option.key,
            "name": r.option.name,
            "step": r.option.dimension.name,
            "capacity": r.option.capacity,
            "confirmed": r.confirmed,
            "waitlisted": r.waitlisted,
            "refused_people": r.tried,
            "refusals": r.attempts,
        }
        for r in figures.option_demand(lookup.offering(request, offering))
    ]


@router.get(ONE + "/fulfilment", response=list[FulfilmentOut])
@org_operation(Permission.FULFIL_OPTIONS)
def list_fulfilment(request: OrgRequest, org: str, offering: str) -> list[dict[str, Any]]:
    """The choices of options that your partner delivers (organisers: every partner's)."""
    choices = selectors.partner_choices(lookup.offering(request, offering), request.membership)
    return [_fulfilment(c) for c in choices]


@router.post(ONE + "/fulfilment/{choice_id}", response=FulfilmentOut)
@org_operation(Permission.FULFIL_OPTIONS)
def fulfil_choice(request: OrgRequest, org: str, offering: str, choice_id: int) -> dict[str, Any]:
    found = lookup.offering(request, offering)
    choice = lookup.choice(found, choice_id)
    return _fulfilment(services.choice_fulfil(choice=choice, membership=request.membership))


def _fulfilment(choice: Any) -> dict[str, Any]:
    return {
        "id": choice.pk,
        "option": choice.option_id,
        "option_name": choice.option.name,
        "customer": choice.design.user.name or choice.design.user.email,
        "status": choice.status,
        "fulfilled_at": choice.fulfilled_at,
    }
