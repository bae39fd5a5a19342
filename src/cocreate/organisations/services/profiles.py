from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.engines import profiles
from cocreate.messaging.services import emit
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Organisation, ProfileField
from cocreate.organisations.services.memberships import member_payload


def profile_field_create(
    *,
    organisation: Organisation,
    actor: User,
    key: str,
    label: str,
    kind: str,
    help_text: str = "",
    choices: Sequence[str] = (),
    required: bool = False,
    asked_of_everyone: bool = True,
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
    with transaction.atomic(), scope(organisation=organisation):
        if ProfileField.objects.filter(key=key).exists():
            taken = "A profile field already uses this key."
            raise Conflict(taken, fields={"key": [taken]})
        last = ProfileField.objects.order_by("-position").values_list("position", flat=True)
        field = ProfileField.objects.create(
            organisation=organisation,
            key=key,
            label=label.strip(),
            help_text=help_text.strip(),
            kind=kind,
            choices=[c.strip() for c in choices],
            required=required,
            asked_of_everyone=asked_of_everyone,
            position=(last.first() or 0) + 1,
        )
        _audit(field, actor, "profile_field.created")
    return field


def profile_field_update(
    *,
    field: ProfileField,
    actor: User,
    label: str,
    help_text: str,
    choices: Sequence[str],
    required: bool,
    asked_of_everyone: bool,
) -> ProfileField:
    """Change a field's wording, choices, whether it is required and who is asked it. Its key
    and kind stay: answers already given are stored under them, and kept either way."""
    errors = _field_errors(label=label, help_text=help_text, kind=field.kind, choices=choices)
    if errors:
        raise InvalidInput("The profile field could not be saved.", fields=errors)
    with transaction.atomic():
        field.label = label.strip()
        field.help_text = help_text.strip()
        field.choices = [c.strip() for c in choices]
        field.required = required
        field.asked_of_everyone = asked_of_everyone
        field.save(update_fields=["label", "help_text", "choices", "required", "asked_of_everyone"])
        _audit(field, actor, "profile_field.updated")
    return field


def profile_field_move(*, field: ProfileField, actor: User, offset: int) -> None:
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
        _audit(field, actor, "profile_field.moved", position=target + 1)


def profile_field_delete(*, field: ProfileField, actor: User) -> None:
    """Delete a field and every answer given to it."""
    with transaction.atomic(), scope(organisation=field.organisation_id):
        for membership in Membership.objects.select_for_update().filter(profile__has_key=field.key):
            membership.profile.pop(field.key, None)
            membership.save(update_fields=["profile"])
        _audit(field, actor, "profile_field.deleted")
        field.delete()


def _audit(field: ProfileField, actor: User, action: str, **details: Any) -> None:
    audit.record(
        organisation=field.organisation,
        actor=actor,
        action=action,
        target=field.label,
        key=field.key,
        **details,
    )


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


def field_specs(organisation: Organisation) -> list[profiles.FieldSpec]:
    with scope(organisation=organisation):
        return [_spec(f, required=f.required) for f in ProfileField.objects.all()]


def _spec(field: ProfileField, *, required: bool) -> profiles.FieldSpec:
    return profiles.FieldSpec(
        key=field.key,
        label=field.label,
        kind=field.kind,
        choices=tuple(field.choices),
        required=required,
    )


def profile_update(*, membership: Membership, answers: Mapping[str, Any]) -> Membership:
    """Replace all of a member's answers with these: every field is asked, required ones
    must be answered. Pages and the API call `profile_answers_update`, which keeps the
    answers to questions they do not show."""
    with scope(organisation=membership.organisation):
        every = list(ProfileField.objects.all())
    return profile_answers_update(membership=membership, answers=answers, fields=every)


def profile_answers_update(
    *,
    membership: Membership,
    answers: Mapping[str, Any],
    fields: Iterable[ProfileField | str],
    optional: Iterable[ProfileField | str] = (),
) -> Membership:
    """Save a member's answers to the questions a page or step asks, keeping all the others.

    `fields` are the questions asked there (ProfileFields or their keys): the required ones
    must be answered. `optional` are shown too but never required there, like the answers
    given in offerings that the profile page lets people correct. A question asked and left
    empty loses its answer; an answer to a question not asked here is refused.
    """
    organisation = membership.organisation
    with scope(organisation=organisation):
        defined = list(ProfileField.objects.all())
    # Keys name the member's own organisation's fields; one naming none (a field deleted
    # meanwhile) asks nothing.
    strict = {_key(f) for f in fields}
    asked = strict | {_key(f) for f in optional}
    specs = [_spec(f, required=f.required and f.key in strict) for f in defined if f.key in asked]
    cleaned, errors = profiles.clean_answers(specs, answers)
    for key in (set(answers) & {f.key for f in defined}) - asked:  # not unknown: elsewhere
        errors[key] = [_("This question is not asked here.")]
    if errors:
        raise InvalidInput(_("Some answers need another look."), fields=errors)
    with transaction.atomic(), scope(organisation=organisation):
        # Locked, so an answer saved meanwhile elsewhere (another page, a step) is kept.
        saved = Membership.objects.select_for_update().values_list("profile", flat=True)
        kept = {k: v for k, v in saved.get(pk=membership.pk).items() if k not in asked}
        membership.profile = {**kept, **cleaned}
        membership.profile_updated_at = timezone.now()
        membership.save(update_fields=["profile", "profile_updated_at"])
        emit(
            organisation=organisation,
            event="profile.updated",
            data={"member": member_payload(membership), "answers": membership.profile},
        )
    return membership


def _key(field: ProfileField | str) -> str:
    return field if isinstance(field, str) else field.key
