"""An organisation's webhooks: endpoints, the events they receive, deliveries, replays."""

from django.contrib import messages as flash
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.messaging import selectors, services
from cocreate.messaging.forms import WebhookEditForm, WebhookForm
from cocreate.messaging.models import Status, WebhookEndpoint
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_MESSAGING)
def webhooks(request: OrgRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = services.endpoint_create(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash.success(request, "The webhook is set up. Keep its signing secret safe.")
            return redirect("webhook", request.organisation.slug, endpoint.pk)
    context = {
        "form": form,
        "endpoints": selectors.webhook_endpoints(request.organisation),
        "dead": selectors.webhook_deliveries(request.organisation, status=Status.DEAD)[:20],
    }
    return render(request, "messaging/webhooks.html", context)


def _endpoint_or_404(request: OrgRequest, endpoint_id: int) -> WebhookEndpoint:
    return get_object_or_404(selectors.webhook_endpoints(request.organisation), pk=endpoint_id)


@org_page(Permission.MANAGE_MESSAGING)
def webhook(request: OrgRequest, endpoint_id: int) -> HttpResponse:
    endpoint = _endpoint_or_404(request, endpoint_id)
    initial = {
        "url": endpoint.url,
        "description": endpoint.description,
        "events_chosen": endpoint.events,
        "active": endpoint.active,
    }
    form = WebhookEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.endpoint_update(endpoint=endpoint, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash.success(request, "The webhook is saved.")
            return redirect("webhook", request.organisation.slug, endpoint.pk)
    context = {
        "endpoint": endpoint,
        "form": form,
        "deliveries": endpoint.deliveries.order_by("-created_at")[:50],
    }
    return render(request, "messaging/webhook.html", context)


@org_page(Permission.MANAGE_MESSAGING, methods=["POST"])
def webhook_delete(request: OrgRequest, endpoint_id: int) -> HttpResponse:
    endpoint = _endpoint_or_404(request, endpoint_id)
    services.endpoint_delete(endpoint=endpoint, actor=request.user)
    flash.success(request, f"{endpoint.url} gets no more events.")
    return redirect("webhooks", request.organisation.slug)


@org_page(Permission.MANAGE_MESSAGING, methods=["POST"])
def webhook_replay(request: OrgRequest, delivery_id: int) -> HttpResponse:
    delivery = get_object_or_404(selectors.webhook_deliveries(request.organisation), pk=delivery_id)
    try:
        services.send_again(row=delivery, actor=request.user)
    except ServiceError as error:
        flash.error(request, error.message)
    else:
        flash.success(request, f"{delivery.event} will be sent again.")
    return redirect("webhook", request.organisation.slug, delivery.endpoint_id)
