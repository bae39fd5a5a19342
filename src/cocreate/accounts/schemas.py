from datetime import datetime

from ninja import Schema
from pydantic import ConfigDict, Field

from cocreate.accounts.models import Channel
from cocreate.core.schemas import InputSchema


class ContactOut(Schema):
    preferred_channel: Channel
    phone: str
    social_network: str
    social_handle: str
    webhook_url: str


class MeOut(Schema):
    id: int
    email: str
    name: str
    contact: ContactOut


class AccountIn(InputSchema):
    name: str = Field(max_length=150)
    preferred_channel: Channel
    phone: str = ""
    social_network: str = ""
    social_handle: str = ""
    webhook_url: str = ""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "Ada Lovelace",
                    "preferred_channel": "sms",
                    "phone": "+44 7911 123456",
                }
            ]
        }
    )


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None


class TokenIn(InputSchema):
    name: str = Field(max_length=100)

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "CRM sync"}]})


class TokenCreatedOut(TokenOut):
    token: str = Field(description="The token itself. It is shown this once only.")
