"""The organiser's editor: an offering's settings, lifecycle, steps, options and rules."""

import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.offerings import selectors, services
from cocreate.offerings.forms import DimensionForm, OfferingForm, OptionForm, RuleForm
from cocreate.offerings.lifecycle import TRANSITION_VERBS, state
from cocreate.offerings.models import Offering
from cocreate.offerings.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.models import ProfileField
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_OFFERINGS)
def offering_edit(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    form = OfferingForm.of(found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.offering_update(offering=found, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{found.name}” is saved.")
            return redirect("offering_edit", request.organisation.slug, found.slug)
    return _editor(request, found, settings_form=form)


def _editor(
    request: OrgRequest, offering: Offering, status: int = 200, **forms: Any
) -> HttpResponse:
    steps = selectors.steps(offering)
    options = [o for step in steps for o in step.options]
    names = {o.pk: o.name for o in options}
    context = {
        "offering": offering,
        "steps": steps,
        "rules": [
            (r, [names.get(i, "?") for i in r.options]) for r in selectors.rules_of(offering)
        ],
        "problems": services.problems_of(offering) if steps else [],
        "transitions": [(t.value, TRANSITION_VERBS[t]) for t in state(offering.status).next],
        "editable": state(offering.status).structure_editable,
        "settings_form": OfferingForm.of(offering),
        "step_form": DimensionForm(questions=_questions(offering)),
        "rule_form": RuleForm(options=options),
        **forms,
    }
    return render(request, "offerings/editor.html", context, status=status)


def _questions(offering: Offering) -> Any:
    return ProfileField.objects.filter(organisation_id=offering.organisation_id)


def _act_and_return(
    request: OrgRequest,
    offering: Offering,
    action: Callable[[], object],
    done: Callable[[], str],
) -> HttpResponse:
    """Do a one-click action, say how it went, and go back to the editor."""
    try:
        action()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done())
    return redirect("offering_edit", request.organisation.slug, offering.slug)


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def offering_transition(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    to = request.POST.get("to", "")
    return _act_and_return(
        request,
        found,
        lambda: services.offering_transition(offering=found, actor=request.user, to=to),
        lambda: f"“{found.name}” is now {found.get_status_display().lower()}.",
    )


@org_page(Permission.MANAGE_OFFERINGS)
def offering_export(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    document = json.dumps(services.offering_export(found), indent=2, ensure_ascii=False)
    response = HttpResponse(document, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.json"'
    return response


# Steps


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def dimension_new(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    form = DimensionForm(request.POST, questions=_questions(found))
    if form.is_valid():
        try:
            step = services.dimension_create(
                offering=found, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"Step “{step.name}” is added.")
            return redirect("offering_edit", request.organisation.slug, found.slug)
    return _editor(request, found, status=422, step_form=form)


@org_page(Permission.MANAGE_OFFERINGS)
def dimension_edit(request: OrgRequest, offering: str, dimension_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    step = lookup.dimension(found, dimension_id)
    form = DimensionForm.of(step, request.POST or None, questions=_questions(found))
    if request.method == "POST" and form.is_valid():
        try:
            services.dimension_update(dimension=step, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"Step “{step.name}” is saved.")
            return redirect("offering_edit", request.organisation.slug, found.slug)
    context = {"offering": found, "step": step, "form": form}
    return render(request, "offerings/step_edit.html", context)


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def dimension_delete(request: OrgRequest, offering: str, dimension_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    step = lookup.dimension(found, dimension_id)
    return _act_and_return(
        request,
        found,
        lambda: services.dimension_delete(dimension=step, actor=request.user),
        lambda: f"Step “{step.name}” is deleted.",
    )


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def dimension_move(request: OrgRequest, offering: str, dimension_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    step = lookup.dimension(found, dimension_id)
    services.dimension_move(
        dimension=step, actor=request.user, offset=-1 if request.POST.get("up") else 1
    )
    return redirect("offering_edit", request.organisation.slug, found.slug)


# Options


@org_page(Permission.MANAGE_OFFERINGS)
def option_new(request: OrgRequest, offering: str, dimension_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    step = lookup.dimension(found, dimension_id)
    partners = selectors.partners(request.membership)
    form = OptionForm(request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        try:
            option = services.option_create(dimension=step, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{option.name}” is added to “{step.name}”.")
            if "another" in request.POST:
                return redirect("option_new", request.organisation.slug, found.slug, step.pk)
            return redirect("offering_edit", request.organisation.slug, found.slug)
    context = {"offering": found, "step": step, "form": form, "option": None}
    return render(request, "offerings/option_edit.html", context)


@org_page(Permission.MANAGE_OFFERINGS)
def option_edit(request: OrgRequest, offering: str, option_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    option = lookup.option(found, option_id)
    partners = selectors.partners(request.membership)
    form = OptionForm.of(option, request.POST or None, partners=partners)
    if request.method == "POST" and form.is_valid():
        try:
            services.option_update(option=option, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{option.name}” is saved.")
            return redirect("offering_edit", request.organisation.slug, found.slug)
    context = {"offering": found, "step": option.dimension, "form": form, "option": option}
    return render(request, "offerings/option_edit.html", context)


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def option_delete(request: OrgRequest, offering: str, option_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    option = lookup.option(found, option_id)
    return _act_and_return(
        request,
        found,
        lambda: services.option_delete(option=option, actor=request.user),
        lambda: f"“{option.name}” is deleted.",
    )


# Rules


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def rule_new(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    options = [o for step in selectors.steps(found) for o in step.options]
    form = RuleForm(request.POST, options=options)
    if form.is_valid():
        try:
            services.rule_create(offering=found, actor=request.user, **form.service_arguments())
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "The rule is added.")
            return redirect("offering_edit", request.organisation.slug, found.slug)
    return _editor(request, found, status=422, rule_form=form)


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def rule_delete(request: OrgRequest, offering: str, rule_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    rule = lookup.rule(found, rule_id)
    return _act_and_return(
        request,
        found,
        lambda: services.rule_delete(rule=rule, actor=request.user),
        lambda: "The rule is deleted.",
    )
