"""An organisation's name, description and whether people may join on their own."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations import services
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.forms import OrganisationForm
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_ORGANISATION)
def org_settings(request: OrgRequest) -> HttpResponse:
    organisation = request.organisation
    initial = {
        "name": organisation.name,
        "description": organisation.description,
        "allow_self_join": organisation.allow_self_join,
    }
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Settings saved.")
            return redirect("org_settings", organisation.slug)
    return render(request, "organisations/org_settings.html", {"form": form})
