"""Organisations, memberships, invitations, profile fields and profiles over REST.

Handlers are thin: `org_operation` resolves and scopes the organisation, the services
decide, and refusals become the API's error shape (core/api_errors.py).
"""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_operation
from cocreate.organisations import selectors, services
from cocreate.organisations.access import OrgRequest, org_operation
from cocreate.organisations.models import Invitation, Membership, Organisation, ProfileField
from cocreate.organisations.rules import Permission
from cocreate.organisations.schemas import (
    AcceptIn,
    AuditEntryOut,
    InvitationIn,
    InvitationOut,
    MemberOut,
    MyOrganisationOut,
    OrganisationIn,
    OrganisationOut,
    OrganisationPatch,
    ProfileFieldIn,
    ProfileFieldOut,
    ProfileFieldPatch,
    ProfileIn,
    ProfileOut,
    RoleIn,
)

router = Router(tags=["Organisations"])


# Organisations the caller belongs to, may join, or creates


@router.get("/orgs", response=list[MyOrganisationOut])
@personal_operation
@paginate
def list_my_organisations(request: AuthedRequest) -> list[Membership]:
    return selectors.memberships_of_user(request.user)


@router.post("/orgs", response={201: OrganisationOut})
@personal_operation
def create_organisation(request: AuthedRequest, payload: OrganisationIn) -> Status[Organisation]:
    return Status(201, services.organisation_create(creator=request.user, **payload.model_dump()))


@router.get("/orgs/joinable", response=list[OrganisationOut])
@personal_operation
@paginate
def list_joinable_organisations(request: AuthedRequest) -> object:
    return selectors.joinable_organisations(request.user)


@router.post("/orgs/{org}/join", response={201: MemberOut})
@personal_operation
def join_organisation(request: AuthedRequest, org: str) -> Status[Membership]:
    organisation = selectors.joinable_organisation(org)
    if organisation is None:
        raise Http404("No such organisation.")
    return Status(201, services.organisation_join(user=request.user, organisation=organisation))


@router.post("/invitations/accept", response={201: MemberOut})
@personal_operation
def accept_invitation(request: AuthedRequest, payload: AcceptIn) -> Status[Membership]:
    return Status(201, services.invitation_accept(token=payload.token, user=request.user))


# One organisation


@router.get("/orgs/{org}", response=OrganisationOut)
@org_operation(Permission.VIEW_ORGANISATION)
def get_organisation(request: OrgRequest, org: str) -> Organisation:
    return request.organisation


@router.patch("/orgs/{org}", response=OrganisationOut)
@org_operation(Permission.MANAGE_ORGANISATION)
def update_organisation(request: OrgRequest, org: str, payload: OrganisationPatch) -> Organisation:
    organisation = request.organisation
    current = {
        "name": organisation.name,
        "description": organisation.description,
        "allow_self_join": organisation.allow_self_join,
    }
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    return services.organisation_update(
        organisation=organisation, actor=request.user, **{**current, **changes}
    )


@router.get("/orgs/{org}/profile", response=ProfileOut)
@org_operation(Permission.EDIT_OWN_PROFILE)
def get_my_profile(request: OrgRequest, org: str) -> dict[str, Any]:
    return _profile(request.membership)


@router.put("/orgs/{org}/profile", response=ProfileOut)
@org_operation(Permission.EDIT_OWN_PROFILE)
def put_my_profile(request: OrgRequest, org: str, payload: ProfileIn) -> dict[str, Any]:
    """Replace the answers to the questions asked of everyone, as the profile page does.

    Another question named is answered, corrected or (with null) cleared, and never required
    here; answers to questions not named and not asked of everyone are kept.
    """
    membership = request.membership
    saved = services.profile_answers_update(
        membership=membership,
        answers=payload.answers,
        fields=selectors.own_profile_fields(membership).everyone,
        optional=list(payload.answers),
    )
    return _profile(saved)


def _profile(membership: Membership) -> dict[str, Any]:
    return {
        "organisation": membership.organisation.slug,
        "role": membership.role,
        "answers": membership.profile,
        "updated_at": membership.profile_updated_at,
    }


@router.delete("/orgs/{org}/membership", response={204: None})
@org_operation(Permission.VIEW_ORGANISATION)
def leave_organisation(request: OrgRequest, org: str) -> Status[None]:
    services.membership_remove(membership=request.membership, actor=request.user)
    return Status(204, None)


# Members


@router.get("/orgs/{org}/members", response=list[MemberOut])
@org_operation(Permission.VIEW_MEMBERS)
@paginate
def list_members(request: OrgRequest, org: str, role: str = "", q: str = "") -> object:
    return selectors.members(request.organisation, role=role or None, search=q)


def _member(request: OrgRequest, membership_id: int) -> Membership:
    return get_object_or_404(selectors.members(request.organisation), pk=membership_id)


@router.get("/orgs/{org}/members/{membership_id}", response=MemberOut)
@org_operation(Permission.VIEW_MEMBERS)
def get_member(request: OrgRequest, org: str, membership_id: int) -> Membership:
    return _member(request, membership_id)


@router.patch("/orgs/{org}/members/{membership_id}", response=MemberOut)
@org_operation(Permission.MANAGE_MEMBERS)
def change_member_role(
    request: OrgRequest, org: str, membership_id: int, payload: RoleIn
) -> Membership:
    member = _member(request, membership_id)
    return services.membership_change_role(membership=member, role=payload.role, actor=request.user)


@router.delete("/orgs/{org}/members/{membership_id}", response={204: None})
@org_operation(Permission.MANAGE_MEMBERS)
def remove_member(request: OrgRequest, org: str, membership_id: int) -> Status[None]:
    services.membership_remove(membership=_member(request, membership_id), actor=request.user)
    return Status(204, None)


# Invitations


@router.get("/orgs/{org}/invitations", response=list[InvitationOut])
@org_operation(Permission.MANAGE_INVITATIONS)
@paginate
def list_invitations(request: OrgRequest, org: str) -> object:
    return selectors.pending_invitations(request.organisation)


@router.post("/orgs/{org}/invitations", response={201: InvitationOut})
@org_operation(Permission.MANAGE_INVITATIONS)
def create_invitation(request: OrgRequest, org: str, payload: InvitationIn) -> Status[Invitation]:
    invitation = services.invitation_create(
        organisation=request.organisation, invited_by=request.user, **payload.model_dump()
    )
    return Status(201, invitation)


def _invitation(request: OrgRequest, invitation_id: int) -> Invitation:
    return get_object_or_404(selectors.pending_invitations(request.organisation), pk=invitation_id)


@router.post("/orgs/{org}/invitations/{invitation_id}/resend", response=InvitationOut)
@org_operation(Permission.MANAGE_INVITATIONS)
def resend_invitation(request: OrgRequest, org: str, invitation_id: int) -> Invitation:
    return services.invitation_resend(
        invitation=_invitation(request, invitation_id), actor=request.user
    )


@router.delete("/orgs/{org}/invitations/{invitation_id}", response={204: None})
@org_operation(Permission.MANAGE_INVITATIONS)
def revoke_invitation(request: OrgRequest, org: str, invitation_id: int) -> Status[None]:
    services.invitation_revoke(invitation=_invitation(request, invitation_id), actor=request.user)
    return Status(204, None)


# Profile fields


@router.get("/orgs/{org}/profile-fields", response=list[ProfileFieldOut])
@org_operation(Permission.VIEW_ORGANISATION)
def list_profile_fields(request: OrgRequest, org: str) -> object:
    return selectors.profile_fields(request.organisation)


@router.post("/orgs/{org}/profile-fields", response={201: ProfileFieldOut})
@org_operation(Permission.MANAGE_PROFILE_FIELDS)
def create_profile_field(
    request: OrgRequest, org: str, payload: ProfileFieldIn
) -> Status[ProfileField]:
    field = services.profile_field_create(
        organisation=request.organisation, actor=request.user, **payload.model_dump()
    )
    return Status(201, field)


def _field(request: OrgRequest, field_id: int) -> ProfileField:
    return get_object_or_404(selectors.profile_fields(request.organisation), pk=field_id)


@router.patch("/orgs/{org}/profile-fields/{field_id}", response=ProfileFieldOut)
@org_operation(Permission.MANAGE_PROFILE_FIELDS)
def update_profile_field(
    request: OrgRequest, org: str, field_id: int, payload: ProfileFieldPatch
) -> ProfileField:
    field = _field(request, field_id)
    current = {
        "label": field.label,
        "help_text": field.help_text,
        "choices": field.choices,
        "required": field.required,
        "asked_of_everyone": field.asked_of_everyone,
    }
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    return services.profile_field_update(field=field, actor=request.user, **{**current, **changes})


@router.delete("/orgs/{org}/profile-fields/{field_id}", response={204: None})
@org_operation(Permission.MANAGE_PROFILE_FIELDS)
def delete_profile_field(request: OrgRequest, org: str, field_id: int) -> Status[None]:
    services.profile_field_delete(field=_field(request, field_id), actor=request.user)
    return Status(204, None)


@router.get("/orgs/{org}/audit", response=list[AuditEntryOut])
@org_operation(Permission.VIEW_AUDIT)
@paginate
def list_audit_entries(request: OrgRequest, org: str) -> object:
    return selectors.audit_entries(request.organisation)
