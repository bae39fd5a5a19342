from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Organisation, Role

# Words that name pages rather than organisations (/orgs/joinable in the API, say).
RESERVED_SLUGS = {"new", "join", "joinable", "api", "admin", "static", "accounts", "invitations"}


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
            audit.record(
                organisation=organisation, actor=creator, action="organisation.created", target=name
            )
    except IntegrityError:
        taken = "An organisation already uses this address."
        raise Conflict(taken, fields={"slug": [taken]}) from None
    return organisation


def organisation_update(
    *,
    organisation: Organisation,
    actor: User,
    name: str,
    description: str,
    allow_self_join: bool,
) -> Organisation:
    name = name.strip()
    errors = _organisation_errors(name=name, description=description)
    if errors:
        raise InvalidInput("The organisation could not be saved.", fields=errors)
    new = {"name": name, "description": description, "allow_self_join": allow_self_join}
    changed = {k: v for k, v in new.items() if getattr(organisation, k) != v}
    with transaction.atomic():
        for key, value in changed.items():
            setattr(organisation, key, value)
        organisation.save(update_fields=list(new))
        if changed:
            audit.record(
                organisation=organisation,
                actor=actor,
                action="organisation.updated",
                target=organisation.name,
                changed=sorted(changed),
            )
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
