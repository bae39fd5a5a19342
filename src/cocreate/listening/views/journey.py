"""Organisers set up the journey: phases, touchpoints, and where segments come from."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.listening import selectors, services
from cocreate.listening.forms import PhaseForm, SegmentForm, TouchpointForm
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


def _page(request: OrgRequest, status: int = 200, **forms: Any) -> HttpResponse:
    organisation = request.organisation
    settings = selectors.settings_of(organisation)
    context = {
        "journey": selectors.journey(organisation),
        "phase_form": PhaseForm(),
        "touchpoint_form": TouchpointForm(phases=selectors.phases(organisation)),
        "segment_form": SegmentForm(
            initial={"segment_field": settings.segment_field},
            fields=selectors.segment_fields(organisation),
        ),
        **forms,
    }
    return render(request, "listening/journey.html", context, status=status)


def _back(request: OrgRequest) -> HttpResponse:
    return redirect("listening_journey", request.organisation.slug)


@org_page(Permission.MANAGE_LISTENING)
def journey(request: OrgRequest) -> HttpResponse:
    return _page(request)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def journey_default(request: OrgRequest) -> HttpResponse:
    try:
        services.journey_start_default(organisation=request.organisation, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The journey has the six phases of the usual cycle.")
    return _back(request)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def phase_new(request: OrgRequest) -> HttpResponse:
    form = PhaseForm(request.POST)
    if form.is_valid():
        try:
            services.phase_create(
                organisation=request.organisation,
                actor=request.user,
                name=form.cleaned_data["name"],
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            return _back(request)
    return _page(request, 422, phase_form=form)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def phase_edit(request: OrgRequest, phase_id: int) -> HttpResponse:
    phase = lookup.phase(request, phase_id)
    action = request.POST.get("action", "rename")
    try:
        if action == "earlier" or action == "later":
            services.phase_move(
                phase=phase, actor=request.user, by=-1 if action == "earlier" else 1
            )
        elif action == "delete":
            services.phase_delete(phase=phase, actor=request.user)
        else:
            services.phase_rename(
                phase=phase, actor=request.user, name=request.POST.get("name", "")
            )
    except ServiceError as error:
        messages.error(request, error.message)
    return _back(request)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def touchpoint_new(request: OrgRequest) -> HttpResponse:
    form = TouchpointForm(request.POST, phases=selectors.phases(request.organisation))
    if form.is_valid():
        try:
            services.touchpoint_create(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            return _back(request)
    return _page(request, 422, touchpoint_form=form)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def touchpoint_edit(request: OrgRequest, touchpoint_id: int) -> HttpResponse:
    touchpoint = lookup.touchpoint(request, touchpoint_id)
    try:
        if request.POST.get("action") == "delete":
            services.touchpoint_delete(touchpoint=touchpoint, actor=request.user)
        else:
            form = TouchpointForm(request.POST, phases=selectors.phases(request.organisation))
            if not form.is_valid():
                messages.error(request, "Give the touchpoint a name and a phase.")
                return _back(request)
            services.touchpoint_update(
                touchpoint=touchpoint, actor=request.user, **form.cleaned_data
            )
    except ServiceError as error:
        messages.error(request, error.message)
    return _back(request)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def segment(request: OrgRequest) -> HttpResponse:
    form = SegmentForm(request.POST, fields=selectors.segment_fields(request.organisation))
    if form.is_valid():
        try:
            services.segment_field_set(
                organisation=request.organisation,
                actor=request.user,
                key=form.cleaned_data["segment_field"],
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Segments are set.")
            return _back(request)
    return _page(request, 422, segment_form=form)
