"""An organisation's own wording for the messages Cocreate sends on its behalf."""

from django.contrib import messages as flash
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.messaging import rendering, selectors, services
from cocreate.messaging.forms import WordingForm
from cocreate.messaging.kinds import KINDS
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_MESSAGING)
def wording(request: OrgRequest) -> HttpResponse:
    own = selectors.message_templates(request.organisation)
    kinds = [(kind, kind.key in own) for kind in KINDS.values()]
    return render(request, "messaging/wording.html", {"kinds": kinds})


@org_page(Permission.MANAGE_MESSAGING)
def wording_edit(request: OrgRequest, kind: str) -> HttpResponse:
    if kind not in KINDS:
        raise Http404("No such kind of message.")
    own = selectors.message_templates(request.organisation).get(kind)
    initial = {part: getattr(own, part) for part in rendering.PARTS} if own else {}
    form = WordingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.template_save(
                organisation=request.organisation,
                actor=request.user,
                kind=kind,
                **form.cleaned_data,
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash.success(request, "The wording is saved.")
            return redirect("wording", request.organisation.slug)
    context = {"form": form, "kind": KINDS[kind], "defaults": rendering.default_sources(kind)}
    return render(request, "messaging/wording_edit.html", context)
