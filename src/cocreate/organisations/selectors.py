"""Reads of organisations and their people.

Functions that take an organisation enter its scope themselves, so they work the same
from a view, the API, a command or a test.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.organisations.models import (
    AuditEntry,
    Invitation,
    Membership,
    Organisation,
    ProfileField,
)


def memberships_of_user(user: User) -> list[Membership]:
    """A person's own memberships, across organisations (for the organisation switcher).

    Crossing organisations is safe here because the rows are filtered to one person.
    """
    if not user.is_authenticated:
        return []
    with scopes_disabled():
        return list(
            Membership.objects.filter(user=user)
            .select_related("organisation")
            .order_by("organisation__name")
        )


def joinable_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations open to self-join that this person is not yet part of."""
    mine = [m.organisation_id for m in memberships_of_user(user)]
    return Organisation.objects.filter(allow_self_join=True).exclude(pk__in=mine)


def joinable_organisation(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug, allow_self_join=True).first()


def members(
    organisation: Organisation, *, role: str | None = None, search: str = ""
) -> QuerySet[Membership]:
    with scope(organisation=organisation):
        found = Membership.objects.select_related("user")
        if role:
            found = found.filter(role=role)
        if search:
            found = found.filter(Q(user__email__icontains=search) | Q(user__name__icontains=search))
        return found.order_by("user__name", "user__email")


def role_counts(organisation: Organisation) -> dict[str, int]:
    """How many members have each role (roles nobody has are left out)."""
    with scope(organisation=organisation):
        counted = Membership.objects.values_list("role").annotate(n=Count("id")).order_by()
        return dict(counted)


def pending_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    with scope(organisation=organisation):
        return Invitation.objects.filter(accepted_at__isnull=True).select_related("invited_by")


@dataclass(frozen=True)
class InvitationsWaiting:
    pending: int  # sent, not accepted, still valid
    expired: int  # not accepted in time: to resend or revoke


def invitations_waiting(organisation: Organisation, *, now: datetime) -> InvitationsWaiting:
    """Invitations nobody has accepted yet, valid and expired (one query)."""
    with scope(organisation=organisation):
        found = Invitation.objects.filter(accepted_at__isnull=True).aggregate(
            pending=Count("pk", filter=Q(expires_at__gt=now)),
            expired=Count("pk", filter=Q(expires_at__lte=now)),
        )
    return InvitationsWaiting(found["pending"], found["expired"])


def profile_fields(organisation: Organisation) -> QuerySet[ProfileField]:
    with scope(organisation=organisation):
        return ProfileField.objects.all()


@dataclass(frozen=True)
class OwnProfileFields:
    """The questions on a member's own profile page, in the organisation's order."""

    everyone: list[ProfileField]  # asked of every member
    in_offerings: list[ProfileField]  # asked only in offerings; here because answered

    def among(self, keys: Collection[str]) -> "OwnProfileFields":
        """Only the questions with these keys: those a page showed, when its form comes back."""
        return OwnProfileFields(
            everyone=[f for f in self.everyone if f.key in keys],
            in_offerings=[f for f in self.in_offerings if f.key in keys],
        )


def own_profile_fields(membership: Membership) -> OwnProfileFields:
    """What a member's own profile asks: the questions asked of everyone, plus those only
    offerings ask that they have answered already, so they can correct them."""
    fields = list(profile_fields(membership.organisation))
    return OwnProfileFields(
        everyone=[f for f in fields if f.asked_of_everyone],
        in_offerings=[f for f in fields if not f.asked_of_everyone and f.key in membership.profile],
    )


def missing_required_answers(membership: Membership) -> list[ProfileField]:
    """Required questions asked of everyone that this member has not answered yet."""
    everyone = own_profile_fields(membership).everyone
    return [f for f in everyone if f.required and f.key not in membership.profile]


def audit_entries(organisation: Organisation) -> QuerySet[AuditEntry]:
    with scope(organisation=organisation):
        return AuditEntry.objects.select_related("actor")
