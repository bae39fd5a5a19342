"""The organisation's delivery log: every message, how each attempt went, dead letters."""

from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cocreate.accounts.models import Channel
from cocreate.core.errors import ServiceError
from cocreate.messaging import selectors, services
from cocreate.messaging.kinds import KINDS
from cocreate.messaging.models import Message, Status
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.MANAGE_MESSAGING)
def deliveries(request: OrgRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    channel = request.GET.get("channel", "")
    found = selectors.messages(
        request.organisation,
        status=status if status in Status.values else "",
        channel=channel if channel in Channel.values else "",
    )
    context = {
        "page": Paginator(found, 50).get_page(request.GET.get("page")),
        "status": status,
        "channel": channel,
        "statuses": Status.choices,
        "channels": Channel.choices,
        "dead_count": selectors.messages(request.organisation, status=Status.DEAD).count(),
    }
    return render(request, "messaging/deliveries.html", context)


def _message_or_404(request: OrgRequest, message_id: int) -> Message:
    return get_object_or_404(selectors.messages(request.organisation), pk=message_id)


@org_page(Permission.MANAGE_MESSAGING)
def delivery(request: OrgRequest, message_id: int) -> HttpResponse:
    message = _message_or_404(request, message_id)
    context = {
        "message": message,
        "fallbacks": message.fallbacks.order_by("created_at"),
        "held": message.held.order_by("created_at") if message.kind == "digest" else [],
        "kind": KINDS.get(message.kind),
        "can_retry": message.status in (Status.DEAD, Status.FAILED),
    }
    return render(request, "messaging/delivery.html", context)


@org_page(Permission.MANAGE_MESSAGING, methods=["POST"])
def delivery_retry(request: OrgRequest, message_id: int) -> HttpResponse:
    message = _message_or_404(request, message_id)
    try:
        services.send_again(row=message, actor=request.user)
    except ServiceError as error:
        flash.error(request, error.message)
    else:
        flash.success(request, "The message is queued again.")
    return redirect("delivery", request.organisation.slug, message.pk)
