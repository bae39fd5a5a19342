"""Staff say how their work feels: the pulse."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.listening import selectors, services
from cocreate.listening.forms import PulseForm
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.TAKE_STAFF_PULSE)
def pulse(request: OrgRequest) -> HttpResponse:
    form = PulseForm()
    status = 200
    if request.method == "POST":
        form = PulseForm(request.POST)
        if form.is_valid():
            try:
                services.pulse_record(membership=request.membership, **form.cleaned_data)
            except ServiceError as error:
                show_service_error(form, error)
            else:
                messages.success(request, "Thank you: your pulse is saved.")
                return redirect("listening_pulse", request.organisation.slug)
        status = 422
    context = {
        "form": form,
        "pulses": selectors.pulses_of(request.organisation, request.user.pk),
    }
    return render(request, "listening/pulse.html", context, status=status)
