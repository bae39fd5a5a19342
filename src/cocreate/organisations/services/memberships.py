from typing import Any

from django.db import IntegrityError, transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.core.links import site_link
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Organisation, Role


def organisation_join(*, user: User, organisation: Organisation) -> Membership:
    """A customer joins an organisation that allows it."""
    if not organisation.allow_self_join:
        raise NotAllowed("This organisation admits people by invitation only.")
    return add_member(organisation=organisation, user=user, role=Role.CUSTOMER, how="self-join")


def add_member(*, organisation: Organisation, user: User, role: str, how: str) -> Membership:
    """Make someone a member, welcome them, and tell the organisation's webhooks."""
    try:
        with transaction.atomic(), scope(organisation=organisation):
            membership = Membership.objects.create(organisation=organisation, user=user, role=role)
            notify(
                recipient=user,
                organisation=organisation,
                kind="welcome",
                context={"role": membership.get_role_display().lower()},
                link=site_link("my_profile", organisation.slug),
            )
            emit(
                organisation=organisation,
                event="member.joined",
                data={"member": member_payload(membership), "how": how},
            )
    except IntegrityError:
        raise Conflict(f"You are already a member of {organisation.name}.") from None
    return membership


def membership_change_role(*, membership: Membership, role: str, actor: User) -> Membership:
    if role not in Role.values:
        raise InvalidInput("Unknown role.", fields={"role": [f"Choose one of {Role.values}."]})
    organisation = membership.organisation
    with transaction.atomic(), scope(organisation=organisation):
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        old = locked.role
        if old == role:
            return locked
        if old == Role.ORGANISER:
            _refuse_losing_last_organiser(locked)
        locked.role = role
        locked.save(update_fields=["role"])
        audit.record(
            organisation=organisation,
            actor=actor,
            action="member.role_changed",
            target=str(locked.user),
            old=old,
            new=role,
        )
        notify(
            recipient=locked.user,
            organisation=organisation,
            kind="role_changed",
            context={"role": Role(role).label.lower(), "old_role": Role(old).label.lower()},
            link=site_link("org_home", organisation.slug),
        )
        emit(
            organisation=organisation,
            event="member.role_changed",
            data={"member": member_payload(locked), "old_role": old},
        )
    membership.role = role
    return membership


def membership_remove(*, membership: Membership, actor: User) -> None:
    """Remove a member, or let one leave (actor is the member). The last organiser stays."""
    organisation = membership.organisation
    with transaction.atomic(), scope(organisation=organisation):
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.role == Role.ORGANISER:
            _refuse_losing_last_organiser(locked)
        payload = member_payload(locked)
        leaving = locked.user_id == actor.pk
        locked.delete()
        audit.record(
            organisation=organisation,
            actor=actor,
            action="member.left" if leaving else "member.removed",
            target=payload["name"] or payload["email"],
        )
        emit(
            organisation=organisation,
            event="member.left",
            data={"member": payload, "removed_by_organiser": not leaving},
        )


def _refuse_losing_last_organiser(membership: Membership) -> None:
    organisers = Membership.objects.select_for_update().filter(role=Role.ORGANISER)
    if not organisers.exclude(pk=membership.pk).exists():
        raise Conflict("An organisation needs at least one organiser: appoint another one first.")


def member_payload(membership: Membership) -> dict[str, Any]:
    """How webhooks describe a member."""
    return {
        "id": membership.pk,
        "email": membership.user.email,
        "name": membership.user.name,
        "role": membership.role,
    }
