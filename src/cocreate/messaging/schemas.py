from datetime import datetime, time
from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool

from cocreate.core.schemas import InputSchema


class InboxMessageOut(Schema):
    id: int
    organisation: str = Field(alias="organisation.slug")
    kind: str
    channel: str
    subject: str
    text: str
    body: str = Field(alias="body_text")
    link: str
    created_at: datetime
    read_at: datetime | None


class MessageOut(Schema):
    """A message in the organisation's delivery log."""

    id: int
    recipient: str = Field(alias="recipient.email")
    kind: str
    channel: str
    address: str
    status: str
    attempts: int
    next_attempt_at: datetime
    fallback_reason: str
    fallback_of: int | None = Field(alias="fallback_of_id")
    subject: str
    idempotency_key: str
    created_at: datetime
    delivered_at: datetime | None
    log: list[dict[str, Any]]


class ReadIn(InputSchema):
    ids: list[int] | None = Field(default=None, description="Which to mark read; all if absent.")

    model_config = ConfigDict(json_schema_extra={"examples": [{"ids": [12, 13]}]})


class ReadOut(Schema):
    marked: int


class EndpointOut(Schema):
    id: int
    url: str
    description: str
    events: list[str]
    active: bool
    secret: str
    created_at: datetime


class EndpointIn(InputSchema):
    url: str = Field(max_length=500)
    events: list[str]
    description: str = ""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"url": "https://crm.example.org/cocreate", "events": ["member.joined"]}]
        }
    )


class EndpointPatch(InputSchema):
    url: str | None = Field(default=None, max_length=500)
    events: list[str] | None = None
    description: str | None = None
    active: StrictBool | None = None

    model_config = ConfigDict(json_schema_extra={"examples": [{"active": False}]})


class DeliveryOut(Schema):
    id: int
    endpoint: int = Field(alias="endpoint_id")
    event: str
    webhook_id: str = Field(alias="idempotency_key")
    status: str
    attempts: int
    created_at: datetime
    delivered_at: datetime | None
    log: list[dict[str, Any]]


class EventOut(Schema):
    name: str
    description: str


class WordingOut(Schema):
    kind: str
    label: str
    own: bool
    subject: str
    text: str
    body: str


class WordingIn(InputSchema):
    subject: str = ""
    text: str = ""
    body: str = ""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"subject": "Welcome aboard {{ organisation }}!"}]}
    )


class NotificationSettingsOut(Schema):
    quiet_start: time | None
    quiet_end: time | None
    time_zone: str
    muted_kinds: list[str]
    webhook_secret: str


class NotificationSettingsIn(InputSchema):
    quiet_start: time | None = None
    quiet_end: time | None = None
    time_zone: str = "UTC"
    muted_kinds: list[str] = []

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "quiet_start": "22:00",
                    "quiet_end": "07:00",
                    "time_zone": "Europe/London",
                    "muted_kinds": ["role_changed"],
                }
            ]
        }
    )
