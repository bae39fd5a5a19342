from datetime import datetime
from typing import Any

from ninja import Schema
from pydantic import Field, StrictBool

from cocreate.core.schemas import InputSchema, examples
from cocreate.organisations.models import FieldKind, Role


class OrganisationOut(Schema):
    slug: str
    name: str
    description: str
    allow_self_join: bool


class MyOrganisationOut(Schema):
    """One of the caller's memberships, seen as the organisation plus their role in it."""

    slug: str = Field(alias="organisation.slug")
    name: str = Field(alias="organisation.name")
    description: str = Field(alias="organisation.description")
    allow_self_join: bool = Field(alias="organisation.allow_self_join")
    role: Role


class OrganisationIn(InputSchema):
    name: str = Field(max_length=120)
    slug: str = Field(max_length=50)
    description: str = ""
    allow_self_join: StrictBool = False

    model_config = examples(
        {"name": "Harbour Café", "slug": "harbour-cafe", "allow_self_join": True}
    )


class OrganisationPatch(InputSchema):
    name: str | None = Field(default=None, max_length=120)
    description: str | None = None
    allow_self_join: StrictBool | None = None

    model_config = examples({"allow_self_join": True})


class PersonOut(Schema):
    email: str
    name: str


class MemberOut(Schema):
    id: int
    user: PersonOut
    role: Role
    joined_at: datetime
    profile: dict[str, Any]
    profile_updated_at: datetime | None


class RoleIn(InputSchema):
    role: Role

    model_config = examples({"role": "staff"})


class InvitationOut(Schema):
    id: int
    email: str
    role: Role
    created_at: datetime
    expires_at: datetime


class InvitationIn(InputSchema):
    email: str = Field(max_length=254)
    role: Role = Role.CUSTOMER

    model_config = examples({"email": "sam@example.org", "role": "customer"})


class AcceptIn(InputSchema):
    token: str = Field(max_length=200, description="The token from the invitation link.")

    model_config = examples({"token": "inv_Qm9vayBhIHNlc3Npb24gd2l0aCB1cw"})


ASKED_OF_EVERYONE = (
    "On every member's profile page (and required there if `required`); otherwise asked only "
    "where an offering asks it. Answers are kept either way."
)


class ProfileFieldOut(Schema):
    id: int
    key: str
    label: str
    help_text: str
    kind: FieldKind
    choices: list[str]
    required: bool
    asked_of_everyone: bool
    position: int


class ProfileFieldIn(InputSchema):
    key: str = Field(max_length=50)
    label: str = Field(max_length=120)
    kind: FieldKind
    help_text: str = ""
    choices: list[str] = []
    required: StrictBool = False
    asked_of_everyone: StrictBool = Field(default=True, description=ASKED_OF_EVERYONE)

    model_config = examples(
        {
            "key": "interests",
            "label": "What are you interested in?",
            "kind": "multi_choice",
            "choices": ["Journey mapping", "Service design", "Measurement"],
        }
    )


class ProfileFieldPatch(InputSchema):
    label: str | None = Field(default=None, max_length=120)
    help_text: str | None = None
    choices: list[str] | None = None
    required: StrictBool | None = None
    asked_of_everyone: StrictBool | None = Field(default=None, description=ASKED_OF_EVERYONE)

    model_config = examples({"required": True})


class ProfileOut(Schema):
    organisation: str
    role: Role
    answers: dict[str, Any]
    updated_at: datetime | None


class ProfileIn(InputSchema):
    answers: dict[str, Any] = Field(description="Answers by profile field key.")

    model_config = examples({"answers": {"job_title": "Head of CX", "interests": ["Measurement"]}})


class AuditEntryOut(Schema):
    id: int
    actor: str | None = Field(alias="actor.email", default=None)
    action: str
    target: str
    details: dict[str, Any]
    created_at: datetime
