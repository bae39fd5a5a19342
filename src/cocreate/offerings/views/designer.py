"""The customer's designer: one step per dimension, checked live as they choose.

Every change posts the whole form to `designer_check` (htmx), which saves the draft and
answers with the designer again: the choices, what breaks a rule and why, one-click
repairs, seats left and the budget meter. Submitting makes the design their plan.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.engines import offerings as rules
from cocreate.offerings import engine, selectors, services
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import Offering, Option
from cocreate.offerings.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@dataclass(frozen=True)
class OptionView:
    option: Option
    chosen: bool
    seats_left: int | None
    in_conflict: bool


@org_page(Permission.DESIGN_EXPERIENCE)
def designer(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    if not state(found.status).accepts_designs:
        return redirect("my_plan", request.organisation.slug, found.slug)
    design = selectors.design_of(found, request.membership)
    if design is None:
        options, answers = [], {}
    elif design.draft_options or design.draft_answers:
        options, answers = design.draft_options, design.draft_answers
    else:
        options = [c.option_id for c in selectors.plan_choices(design)]
        answers = design.answers
    check = services.design_check(
        offering=found,
        membership=request.membership,
        options=options,
        answers=answers,
        repairs="conflicts",
    )
    step = _step(request.GET, len(selectors.steps(found)))
    return _render(request, found, check, step, page=True)


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def designer_check(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    if not state(found.status).accepts_designs:
        return HttpResponse(
            status=409, headers={"HX-Redirect": request.path.rsplit("check/", 1)[0]}
        )
    options, answers = _submitted(request.POST)
    step = _step(request.POST, len(selectors.steps(found)))
    membership = request.membership
    try:
        if "apply" in request.POST:  # a repair the customer chose
            options = [o for o in request.POST["apply"].split(",") if o]
        elif "suggest" in request.POST:
            options = sorted(_suggestion(found, membership, options, answers))
        check = services.draft_save(
            offering=found, membership=membership, options=options, answers=answers
        )
    except ServiceError as error:  # ids that are not this offering's: start again cleanly
        messages.error(request, error.message)
        check = services.design_check(offering=found, membership=membership, options=[], answers={})
    return _render(request, found, check, step, page=not request.htmx)


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def designer_submit(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    options, answers = _submitted(request.POST)
    try:
        services.design_submit(
            offering=found, membership=request.membership, options=options, answers=answers
        )
    except ServiceError as error:
        messages.error(request, error.message)
        try:
            check = services.design_check(
                offering=found,
                membership=request.membership,
                options=options,
                answers=answers,
                repairs="conflicts",
            )
        except ServiceError:
            check = services.design_check(
                offering=found, membership=request.membership, options=[], answers={}
            )
        return _render(request, found, check, len(selectors.steps(found)), page=True, status=422)
    messages.success(request, "Your design is submitted: this is your plan.")
    return redirect("my_plan", request.organisation.slug, found.slug)


def _render(
    request: OrgRequest,
    offering: Offering,
    check: services.Check,
    step: int,
    *,
    page: bool,
    status: int = 200,
) -> HttpResponse:
    steps = selectors.steps(offering)
    conflicting = {o for v in check.conflicts for o in v.options}
    chosen = check.selection.options
    views = [
        (
            each.dimension,
            [
                OptionView(
                    option=o,
                    chosen=str(o.pk) in chosen,
                    seats_left=check.remaining.get(str(o.pk)),
                    in_conflict=str(o.pk) in conflicting,
                )
                for o in each.options
            ],
        )
        for each in steps
    ]
    names = {str(o.pk): o.name for each in steps for o in each.options}
    context = {
        "offering": offering,
        "steps": views,
        "step": step,
        "summary_step": len(steps),
        "check": check,
        "answers": check.selection.answers,
        "repairs": [
            {"summary": r.summary, "apply": ",".join(sorted(r.selection.options, key=int))}
            for r in check.repairs
        ],
        "waitlisted": [names[o] for o in check.waitlisted if o in names],
        "chosen_by_step": [
            (dimension, [v.option for v in options if v.chosen]) for dimension, options in views
        ],
        "budget_share": _share(check, offering),
        "design": selectors.design_of(offering, request.membership),
    }
    template = "offerings/designer.html" if page else "offerings/designer_form.html"
    return render(request, template, context, status=status)


def _submitted(data: QueryDict) -> tuple[list[str], dict[str, str]]:
    options = data.getlist("options")
    answers = {
        key.removeprefix("answer-"): str(value)
        for key, value in data.items()
        if key.startswith("answer-")
    }
    return options, answers


def _step(data: Mapping[str, Any], count: int) -> int:
    """The step to show: where the customer asked to go, else where they were."""
    try:
        return max(0, min(count, int(data.get("goto") or data.get("step") or 0)))
    except (TypeError, ValueError):
        return 0


def _share(check: services.Check, offering: Offering) -> int | None:
    if not offering.budget:
        return None
    return min(100, round(100 * check.cost / offering.budget))


def _suggestion(
    offering: Offering, membership: Any, options: Iterable[str], answers: Mapping[str, str]
) -> frozenset[str]:
    """Complete the design from the person's profile: each answer they gave is an interest."""
    interests: dict[str, float] = {}
    for value in membership.profile.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip():
                interests[item.strip().lower()] = 1.0
    compiled = engine.engine_offering(offering)
    known = {o.id for o in compiled.options}
    picked = engine.selection([o for o in options if o in known], answers)
    remaining = engine.remaining_seats(offering, selectors.design_of(offering, membership))
    return rules.suggest(compiled, picked, membership.profile, remaining, interests).options
