"""The inbox, the delivery log, webhooks and wording over REST."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from cocreate.accounts.models import ContactPreferences
from cocreate.accounts.selectors import contact_preferences
from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_operation
from cocreate.messaging import selectors, services
from cocreate.messaging.events import EVENTS
from cocreate.messaging.kinds import KINDS
from cocreate.messaging.models import Message, WebhookDelivery, WebhookEndpoint
from cocreate.messaging.schemas import (
    DeliveryOut,
    EndpointIn,
    EndpointOut,
    EndpointPatch,
    EventOut,
    InboxMessageOut,
    MessageOut,
    NotificationSettingsIn,
    NotificationSettingsOut,
    ReadIn,
    ReadOut,
    WordingIn,
    WordingOut,
)
from cocreate.organisations.access import OrgRequest, org_operation
from cocreate.organisations.rules import Permission

router = Router(tags=["Messaging"])


@router.get("/me/inbox", response=list[InboxMessageOut])
@personal_operation
@paginate
def list_inbox(request: AuthedRequest, unread: bool = False) -> object:
    found = selectors.inbox(request.user)
    return found.filter(read_at__isnull=True) if unread else found


@router.post("/me/inbox/read", response=ReadOut)
@personal_operation
def mark_inbox_read(request: AuthedRequest, payload: ReadIn) -> dict[str, int]:
    return {"marked": services.mark_read(user=request.user, message_ids=payload.ids)}


@router.get("/me/notifications", response=NotificationSettingsOut)
@personal_operation
def get_notification_settings(request: AuthedRequest) -> ContactPreferences:
    return contact_preferences(request.user)


@router.put("/me/notifications", response=NotificationSettingsOut)
@personal_operation
def put_notification_settings(
    request: AuthedRequest, payload: NotificationSettingsIn
) -> ContactPreferences:
    return services.notification_settings_update(user=request.user, **payload.model_dump())


@router.get("/webhook-events", response=list[EventOut])
@personal_operation
def list_webhook_events(request: AuthedRequest) -> list[dict[str, str]]:
    return [{"name": name, "description": about} for name, about in EVENTS.items()]


@router.get("/orgs/{org}/messages", response=list[MessageOut])
@org_operation(Permission.MANAGE_MESSAGING)
@paginate
def list_messages(
    request: OrgRequest, org: str, status: str = "", channel: str = "", kind: str = ""
) -> object:
    return selectors.messages(request.organisation, status=status, channel=channel, kind=kind)


def _message(request: OrgRequest, message_id: int) -> Message:
    return get_object_or_404(selectors.messages(request.organisation), pk=message_id)


@router.get("/orgs/{org}/messages/{message_id}", response=MessageOut)
@org_operation(Permission.MANAGE_MESSAGING)
def get_message(request: OrgRequest, org: str, message_id: int) -> Message:
    return _message(request, message_id)


@router.post("/orgs/{org}/messages/{message_id}/retry", response=MessageOut)
@org_operation(Permission.MANAGE_MESSAGING)
def retry_message(request: OrgRequest, org: str, message_id: int) -> Message:
    message = _message(request, message_id)
    services.send_again(row=message, actor=request.user)
    message.refresh_from_db()
    return message


@router.get("/orgs/{org}/webhooks", response=list[EndpointOut])
@org_operation(Permission.MANAGE_MESSAGING)
def list_webhooks(request: OrgRequest, org: str) -> object:
    return selectors.webhook_endpoints(request.organisation)


@router.post("/orgs/{org}/webhooks", response={201: EndpointOut})
@org_operation(Permission.MANAGE_MESSAGING)
def create_webhook(request: OrgRequest, org: str, payload: EndpointIn) -> Status[WebhookEndpoint]:
    endpoint = services.endpoint_create(
        organisation=request.organisation,
        actor=request.user,
        url=payload.url,
        events_chosen=payload.events,
        description=payload.description,
    )
    return Status(201, endpoint)


def _endpoint(request: OrgRequest, endpoint_id: int) -> WebhookEndpoint:
    return get_object_or_404(selectors.webhook_endpoints(request.organisation), pk=endpoint_id)


@router.get("/orgs/{org}/webhooks/{endpoint_id}", response=EndpointOut)
@org_operation(Permission.MANAGE_MESSAGING)
def get_webhook(request: OrgRequest, org: str, endpoint_id: int) -> WebhookEndpoint:
    return _endpoint(request, endpoint_id)


@router.patch("/orgs/{org}/webhooks/{endpoint_id}", response=EndpointOut)
@org_operation(Permission.MANAGE_MESSAGING)
def update_webhook(
    request: OrgRequest, org: str, endpoint_id: int, payload: EndpointPatch
) -> WebhookEndpoint:
    endpoint = _endpoint(request, endpoint_id)
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    return services.endpoint_update(
        endpoint=endpoint,
        actor=request.user,
        url=changes.get("url", endpoint.url),
        events_chosen=changes.get("events", endpoint.events),
        description=changes.get("description", endpoint.description),
        active=changes.get("active", endpoint.active),
    )


@router.delete("/orgs/{org}/webhooks/{endpoint_id}", response={204: None})
@org_operation(Permission.MANAGE_MESSAGING)
def delete_webhook(request: OrgRequest, org: str, endpoint_id: int) -> Status[None]:
    services.endpoint_delete(endpoint=_endpoint(request, endpoint_id), actor=request.user)
    return Status(204, None)


@router.get("/orgs/{org}/webhooks/{endpoint_id}/deliveries", response=list[DeliveryOut])
@org_operation(Permission.MANAGE_MESSAGING)
@paginate
def list_webhook_deliveries(request: OrgRequest, org: str, endpoint_id: int) -> object:
    return _endpoint(request, endpoint_id).deliveries.order_by("-created_at", "-id")


@router.post("/orgs/{org}/webhook-deliveries/{delivery_id}/replay", response=DeliveryOut)
@org_operation(Permission.MANAGE_MESSAGING)
def replay_webhook_delivery(request: OrgRequest, org: str, delivery_id: int) -> WebhookDelivery:
    delivery = get_object_or_404(selectors.webhook_deliveries(request.organisation), pk=delivery_id)
    services.send_again(row=delivery, actor=request.user)
    delivery.refresh_from_db()
    return delivery


@router.get("/orgs/{org}/wording", response=list[WordingOut])
@org_operation(Permission.MANAGE_MESSAGING)
def list_wording(request: OrgRequest, org: str) -> list[dict[str, Any]]:
    own = selectors.message_templates(request.organisation)
    return [_wording(kind, own.get(kind)) for kind in KINDS]


@router.put("/orgs/{org}/wording/{kind}", response=WordingOut)
@org_operation(Permission.MANAGE_MESSAGING)
def put_wording(request: OrgRequest, org: str, kind: str, payload: WordingIn) -> dict[str, Any]:
    if kind not in KINDS:
        raise Http404("No such kind of message.")
    template = services.template_save(
        organisation=request.organisation, actor=request.user, kind=kind, **payload.model_dump()
    )
    return _wording(kind, template)


def _wording(kind: str, own: Any) -> dict[str, Any]:
    parts = {part: getattr(own, part, "") for part in ("subject", "text", "body")}
    return {"kind": kind, "label": KINDS[kind].label, "own": own is not None, **parts}
