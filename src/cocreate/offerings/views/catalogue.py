"""The offerings a member can see; organisers also create and import them here."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.offerings import selectors, services
from cocreate.offerings.forms import ImportForm, NewOfferingForm
from cocreate.offerings.models import Design
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows


@org_page(Permission.DESIGN_EXPERIENCE)
def offerings(request: OrgRequest) -> HttpResponse:
    found = list(selectors.offerings_for(request.membership))
    submitted = set(
        Design.objects.filter(
            user=request.user, offering__in=found, version__gt=0, submitted_at__isnull=False
        ).values_list("offering_id", flat=True)
    )
    context = {
        "offerings": found,
        "submitted": submitted,
        "can_manage": allows(request.membership.role, Permission.MANAGE_OFFERINGS),
        "form": NewOfferingForm(),
        "import_form": ImportForm(),
    }
    return render(request, "offerings/offerings.html", context)


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def offering_new(request: OrgRequest) -> HttpResponse:
    form = NewOfferingForm(request.POST)
    if form.is_valid():
        try:
            offering = services.offering_create(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{offering.name}” is a draft: add its steps and options.")
            return redirect("offering_edit", request.organisation.slug, offering.slug)
    return _catalogue_with(request, form=form)


@org_page(Permission.MANAGE_OFFERINGS, methods=["POST"])
def offering_import(request: OrgRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            offering = services.offering_import(
                organisation=request.organisation,
                actor=request.user,
                document=form.cleaned_data["document"],
                slug=form.cleaned_data["slug"],
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, f"“{offering.name}” is imported as a draft.")
            return redirect("offering_edit", request.organisation.slug, offering.slug)
    return _catalogue_with(request, import_form=form)


def _catalogue_with(request: OrgRequest, **forms: object) -> HttpResponse:
    context = {
        "offerings": selectors.offerings_for(request.membership),
        "submitted": set(),
        "can_manage": True,
        "form": NewOfferingForm(),
        "import_form": ImportForm(),
        **forms,
    }
    return render(request, "offerings/offerings.html", context, status=422)
