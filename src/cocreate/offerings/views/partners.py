"""Partners: who delivers which options (organisers), and what to deliver (partners)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.offerings import demand as figures
from cocreate.offerings import selectors, services
from cocreate.offerings.forms import PartnerForm
from cocreate.offerings.views import lookup
from cocreate.organisations import selectors as organisation_selectors
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.models import Role
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_OFFERINGS)
def partners(request: OrgRequest) -> HttpResponse:
    members = organisation_selectors.members(request.organisation, role=Role.PARTNER)
    form = PartnerForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_save(
                organisation=request.organisation,
                actor=request.user,
                name=form.cleaned_data["name"],
                member_ids=[m.pk for m in form.cleaned_data["members"]],
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"{partner.name} is a partner.")
            return redirect("partners", request.organisation.slug)
    context = {"partners": selectors.partners(request.membership), "form": form}
    return render(request, "offerings/partners.html", context)


@org_page(Permission.MANAGE_OFFERINGS)
def partner_edit(request: OrgRequest, partner_id: int) -> HttpResponse:
    partner = lookup.partner(request, partner_id)
    members = organisation_selectors.members(request.organisation, role=Role.PARTNER)
    initial = {"name": partner.name, "members": list(partner.members.all())}
    form = PartnerForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_save(
                organisation=request.organisation,
                actor=request.user,
                name=form.cleaned_data["name"],
                member_ids=[m.pk for m in form.cleaned_data["members"]],
                partner=partner,
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"{partner.name} is saved.")
            return redirect("partners", request.organisation.slug)
    return render(request, "offerings/partner_edit.html", {"partner": partner, "form": form})


@org_page(Permission.FULFIL_OPTIONS)
def fulfilment(request: OrgRequest, offering: str) -> HttpResponse:
    """A partner's view: demand for their options, and the customers to deliver them to."""
    found = lookup.offering(request, offering)
    acting = selectors.partners_acting(request.membership)
    ids = {p.pk for p in acting}
    context = {
        "offering": found,
        "acting": acting,
        "rows": [r for r in figures.option_demand(found) if r.option.partner_id in ids],
        "choices": selectors.partner_choices(found, request.membership),
    }
    return render(request, "offerings/fulfilment.html", context)


@org_page(Permission.FULFIL_OPTIONS, methods=["POST"])
def choice_fulfil(request: OrgRequest, offering: str, choice_id: int) -> HttpResponse:
    found = lookup.offering(request, offering)
    choice = lookup.choice(found, choice_id)
    try:
        services.choice_fulfil(choice=choice, membership=request.membership)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"“{choice.option.name}” is fulfilled for {choice.design.user.name}."
        )
    return redirect("offering_fulfilment", request.organisation.slug, found.slug)
