from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.core import ratelimits
from cocreate.core.errors import Conflict, Gone, InvalidInput, NotAllowed, NotFound
from cocreate.core.links import site_link
from cocreate.core.tokens import digest_of, new_token
from cocreate.messaging.services import notify
from cocreate.organisations import audit
from cocreate.organisations.models import Invitation, Membership, Organisation, Role
from cocreate.organisations.services.memberships import add_member


def invitation_create(
    *, organisation: Organisation, invited_by: User, email: str, role: str
) -> Invitation:
    """Invite someone by email with a preset role, and send them the link."""
    email = email.strip().lower()
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ["Enter a valid email address."]
    if len(email) > 254:
        errors["email"] = ["Use at most 254 characters."]
    if role not in Role.values:
        errors["role"] = [f"Choose one of {', '.join(Role.values)}."]
    if errors:
        raise InvalidInput("The invitation could not be sent.", fields=errors)
    ratelimits.limit(
        "invite",
        invited_by.pk,
        limit=settings.INVITATIONS_PER_HOUR,
        seconds=3600,
        doing="invitations",
    )
    with transaction.atomic(), scope(organisation=organisation):
        if Membership.objects.filter(user__email__iexact=email).exists():
            member = f"{email} is already a member."
            raise Conflict(member, fields={"email": [member]})
        pending = Invitation.objects.filter(
            email=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        if pending.exists():
            invited = f"{email} already has a pending invitation: resend or revoke it."
            raise Conflict(invited, fields={"email": [invited]})
        token, digest = new_token("inv")
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            digest=digest,
            invited_by=invited_by,
            expires_at=_invitation_expiry(),
        )
        audit.record(
            organisation=organisation,
            actor=invited_by,
            action="invitation.sent",
            target=email,
            role=role,
        )
        _send_invitation(invitation, token)
    return invitation


def invitation_resend(*, invitation: Invitation, actor: User) -> Invitation:
    """Send a fresh link (the old one stops working) and restart the validity period."""
    if invitation.accepted_at:
        raise Gone("This invitation has been accepted already.")
    with transaction.atomic():
        token, invitation.digest = new_token("inv")
        invitation.expires_at = _invitation_expiry()
        invitation.save(update_fields=["digest", "expires_at"])
        audit.record(
            organisation=invitation.organisation,
            actor=actor,
            action="invitation.resent",
            target=invitation.email,
        )
        _send_invitation(invitation, token)
    return invitation


def invitation_revoke(*, invitation: Invitation, actor: User) -> None:
    if invitation.accepted_at:
        raise Gone("This invitation has been accepted already.")
    with transaction.atomic():
        audit.record(
            organisation=invitation.organisation,
            actor=actor,
            action="invitation.revoked",
            target=invitation.email,
        )
        invitation.delete()


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link points at, whichever organisation it belongs to.

    A link's token is itself the proof of access, so this is the one lookup that is
    not confined to an organisation chosen by the URL.
    """
    with scopes_disabled():
        invitation = (
            Invitation.objects.select_related("organisation", "invited_by")
            .filter(digest=digest_of(token))
            .first()
        )
    if invitation is None:
        raise NotFound("This invitation link is not valid: it may have been revoked or replaced.")
    if invitation.accepted_at:
        raise Gone("This invitation has been used already.", code="invitation_used")
    if invitation.expires_at <= timezone.now():
        raise Gone(
            "This invitation has expired: ask the organiser for a new one.",
            code="invitation_expired",
        )
    return invitation


def invitation_accept(*, token: str, user: User) -> Membership:
    """Join the invitation's organisation with its role. The link works once."""
    invitation = invitation_for_token(token)
    if invitation.email != user.email.lower():
        raise NotAllowed(
            f"This invitation was sent to {invitation.email}, and you are signed in as "
            f"{user.email}. Sign in with the invited address to accept it."
        )
    organisation = invitation.organisation
    with transaction.atomic(), scope(organisation=organisation):
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if not claimed:  # accepted in a concurrent request
            raise Gone("This invitation has been used already.", code="invitation_used")
        membership = add_member(
            organisation=organisation, user=user, role=invitation.role, how="invitation"
        )
        inviter = invitation.invited_by
        if inviter and Membership.objects.filter(user=inviter).exists():
            notify(
                recipient=inviter,
                organisation=organisation,
                kind="invitation_accepted",
                context={
                    "person": user.name or user.email,
                    "role": membership.get_role_display().lower(),
                },
                link=site_link("member", organisation.slug, membership.pk),
            )
    return membership


def _invitation_expiry() -> Any:
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


def _send_invitation(invitation: Invitation, token: str) -> None:
    """The invitee is not a member yet, so this is a plain email, not a `notify`."""
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "inviter": invitation.invited_by,
        "role": invitation.get_role_display(),
        "link": site_link("invitation", token),
    }
    subject = render_to_string("organisations/email/invitation_subject.txt", context).strip()
    body = render_to_string("organisations/email/invitation_message.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    )
