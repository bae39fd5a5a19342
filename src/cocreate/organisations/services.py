"""Changes to organisations, memberships, invitations, profile fields and profiles.

Each function checks its input, writes in one transaction, and raises a ServiceError
(cocreate.core.errors) with a sentence for people when it cannot; then nothing is written.
"""

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email, validate_slug
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, Gone, InvalidInput, NotAllowed, NotFound
from cocreate.core.tokens import digest_of, new_token
from cocreate.engines import profiles
from cocreate.organisations.models import (
    Invitation,
    Membership,
    Organisation,
    ProfileField,
    Role,
)

# Words that name pages rather than organisations (/orgs/joinable in the API, say).
RESERVED_SLUGS = {"new", "join", "joinable", "api", "admin", "static", "accounts", "invitations"}


# Organisations


def organisation_create(
    *,
    creator: User,
    name: str,
    slug: str,
    description: str = "",
    allow_self_join: bool = False,
) -> Organisation:
    """Create an organisation; its creator becomes its first organiser."""
    name, slug = name.strip(), slug.strip().lower()
    errors = _organisation_errors(name=name, description=description)
    try:
        validate_slug(slug)
    except ValidationError:
        errors["slug"] = ["Use letters, numbers, hyphens and underscores only."]
    if len(slug) > 50:
        errors["slug"] = ["Use at most 50 characters."]
    if slug in RESERVED_SLUGS:
        errors["slug"] = ["This address is reserved; choose another."]
    if errors:
        raise InvalidInput("The organisation could not be created.", fields=errors)
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                name=name, slug=slug, description=description, allow_self_join=allow_self_join
            )
            with scope(organisation=organisation):
                Membership.objects.create(
                    organisation=organisation, user=creator, role=Role.ORGANISER
                )
    except IntegrityError:
        taken = "An organisation already uses this address."
        raise Conflict(taken, fields={"slug": [taken]}) from None
    return organisation


def organisation_update(
    *, organisation: Organisation, name: str, description: str, allow_self_join: bool
) -> Organisation:
    name = name.strip()
    errors = _organisation_errors(name=name, description=description)
    if errors:
        raise InvalidInput("The organisation could not be saved.", fields=errors)
    organisation.name = name
    organisation.description = description
    organisation.allow_self_join = allow_self_join
    organisation.save(update_fields=["name", "description", "allow_self_join"])
    return organisation


def _organisation_errors(*, name: str, description: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = ["Give the organisation a name."]
    elif len(name) > 120:
        errors["name"] = ["Use at most 120 characters."]
    if len(description) > 5000:
        errors["description"] = ["Use at most 5000 characters."]
    return errors


def organisation_join(*, user: User, organisation: Organisation) -> Membership:
    """A customer joins an organisation that allows it."""
    if not organisation.allow_self_join:
        raise NotAllowed("This organisation admits people by invitation only.")
    with scope(organisation=organisation):
        return _add_member(organisation=organisation, user=user, role=Role.CUSTOMER)


def _add_member(*, organisation: Organisation, user: User, role: str) -> Membership:
    try:
        with transaction.atomic():
            return Membership.objects.create(organisation=organisation, user=user, role=role)
    except IntegrityError:
        raise Conflict(f"You are already a member of {organisation.name}.") from None


# Memberships


def membership_change_role(*, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise InvalidInput("Unknown role.", fields={"role": [f"Choose one of {Role.values}."]})
    with transaction.atomic(), scope(organisation=membership.organisation_id):
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.role == Role.ORGANISER and role != Role.ORGANISER:
            _refuse_losing_last_organiser(locked)
        locked.role = role
        locked.save(update_fields=["role"])
    membership.role = role
    return membership


def membership_remove(*, membership: Membership) -> None:
    """Remove a member (or let one leave). The last organiser cannot go."""
    with transaction.atomic(), scope(organisation=membership.organisation_id):
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.role == Role.ORGANISER:
            _refuse_losing_last_organiser(locked)
        locked.delete()


def _refuse_losing_last_organiser(membership: Membership) -> None:
    organisers = Membership.objects.select_for_update().filter(role=Role.ORGANISER)
    if not organisers.exclude(pk=membership.pk).exists():
        raise Conflict("An organisation needs at least one organiser: appoint another one first.")


# Invitations


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
    with scope(organisation=organisation):
        if Membership.objects.filter(user__email__iexact=email).exists():
            member = f"{email} is already a member."
            raise Conflict(member, fields={"email": [member]})
        pending = Invitation.objects.filter(
            email=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        if pending.exists():
            invited = f"{email} already has a pending invitation: resend or revoke it."
            raise Conflict(invited, fields={"email": [invited]})
        with transaction.atomic():
            token, digest = new_token("inv")
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=email,
                role=role,
                digest=digest,
                invited_by=invited_by,
                expires_at=_invitation_expiry(),
            )
            _send_invitation(invitation, token)
    return invitation


def invitation_resend(*, invitation: Invitation) -> Invitation:
    """Send a fresh link (the old one stops working) and restart the validity period."""
    if invitation.accepted_at:
        raise Gone("This invitation has been accepted already.")
    with transaction.atomic():
        token, invitation.digest = new_token("inv")
        invitation.expires_at = _invitation_expiry()
        invitation.save(update_fields=["digest", "expires_at"])
        _send_invitation(invitation, token)
    return invitation


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at:
        raise Gone("This invitation has been accepted already.")
    invitation.delete()


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link points at, whichever organisation it belongs to.

    A link's token is itself the proof of access, so this is the one lookup that is
    not confined to an organisation chosen by the URL.
    """
    with scopes_disabled():
        invitation = (
            Invitation.objects.select_related("organisation")
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
        return _add_member(organisation=organisation, user=user, role=invitation.role)


def _invitation_expiry() -> Any:
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


def _send_invitation(invitation: Invitation, token: str) -> None:
    context = {
        "invitation": invitation,
        "organisation": invitation.organisation,
        "inviter": invitation.invited_by,
        "role": invitation.get_role_display(),
        "link": settings.SITE_URL.rstrip("/") + reverse("invitation", args=[token]),
    }
    subject = render_to_string("organisations/email/invitation_subject.txt", context).strip()
    body = render_to_string("organisations/email/invitation_message.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    )


# Profile fields


def profile_field_create(
    *,
    organisation: Organisation,
    key: str,
    label: str,
    kind: str,
    help_text: str = "",
    choices: Sequence[str] = (),
    required: bool = False,
) -> ProfileField:
    key = key.strip().lower()
    errors = _field_errors(label=label, help_text=help_text, kind=kind, choices=choices)
    try:
        validate_slug(key)
    except ValidationError:
        errors["key"] = ["Use letters, numbers, hyphens and underscores only."]
    if len(key) > 50:
        errors["key"] = ["Use at most 50 characters."]
    if errors:
        raise InvalidInput("The profile field could not be created.", fields=errors)
    with scope(organisation=organisation):
        if ProfileField.objects.filter(key=key).exists():
            taken = "A profile field already uses this key."
            raise Conflict(taken, fields={"key": [taken]})
        last = ProfileField.objects.order_by("-position").values_list("position", flat=True)
        return ProfileField.objects.create(
            organisation=organisation,
            key=key,
            label=label.strip(),
            help_text=help_text.strip(),
            kind=kind,
            choices=[c.strip() for c in choices],
            required=required,
            position=(last.first() or 0) + 1,
        )


def profile_field_update(
    *,
    field: ProfileField,
    label: str,
    help_text: str,
    choices: Sequence[str],
    required: bool,
) -> ProfileField:
    """Change a field's wording, choices or whether it is required. Its key and kind stay:
    answers already given are stored under them."""
    errors = _field_errors(label=label, help_text=help_text, kind=field.kind, choices=choices)
    if errors:
        raise InvalidInput("The profile field could not be saved.", fields=errors)
    field.label = label.strip()
    field.help_text = help_text.strip()
    field.choices = [c.strip() for c in choices]
    field.required = required
    field.save(update_fields=["label", "help_text", "choices", "required"])
    return field


def profile_field_move(*, field: ProfileField, offset: int) -> None:
    """Move a field up (negative offset) or down in the profile form."""
    with transaction.atomic(), scope(organisation=field.organisation_id):
        ordered = list(ProfileField.objects.select_for_update())
        index = next(i for i, f in enumerate(ordered) if f.pk == field.pk)
        target = max(0, min(len(ordered) - 1, index + offset))
        ordered.insert(target, ordered.pop(index))
        for position, each in enumerate(ordered, start=1):
            if each.position != position:
                each.position = position
                each.save(update_fields=["position"])


def profile_field_delete(*, field: ProfileField) -> None:
    """Delete a field and every answer given to it."""
    with transaction.atomic(), scope(organisation=field.organisation_id):
        for membership in Membership.objects.select_for_update().filter(profile__has_key=field.key):
            membership.profile.pop(field.key, None)
            membership.save(update_fields=["profile"])
        field.delete()


def _field_errors(
    *, label: str, help_text: str, kind: str, choices: Sequence[Any]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not label.strip():
        errors["label"] = ["Give the field a label."]
    elif len(label.strip()) > 120:
        errors["label"] = ["Use at most 120 characters."]
    if len(help_text.strip()) > 300:
        errors["help_text"] = ["Use at most 300 characters."]
    definition = profiles.definition_errors(kind, choices)
    if definition:
        errors["choices" if kind in profiles.CHOICE_KINDS or choices else "kind"] = definition
    return errors


# Profiles


def field_specs(organisation: Organisation) -> list[profiles.FieldSpec]:
    with scope(organisation=organisation):
        return [
            profiles.FieldSpec(
                key=f.key, label=f.label, kind=f.kind, choices=tuple(f.choices), required=f.required
            )
            for f in ProfileField.objects.all()
        ]


def profile_update(*, membership: Membership, answers: Mapping[str, Any]) -> Membership:
    """Replace a member's profile answers with these, checked against the fields."""
    cleaned, errors = profiles.clean_answers(field_specs(membership.organisation), answers)
    if errors:
        raise InvalidInput("Some answers need another look.", fields=errors)
    membership.profile = cleaned
    membership.profile_updated_at = timezone.now()
    membership.save(update_fields=["profile", "profile_updated_at"])
    return membership
