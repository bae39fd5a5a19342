"""Changes to a person's own account: name, contact preferences and API tokens."""

from datetime import timedelta

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from cocreate.accounts import selectors
from cocreate.accounts.models import ApiToken, Channel, ContactPreferences, User
from cocreate.core.errors import InvalidInput, NotFound
from cocreate.core.safe_urls import UnsafeUrl, check_public_url
from cocreate.core.tokens import digest_of, new_token

# Which field holds the address for each channel; email uses the account's address.
ADDRESS_FIELDS: dict[str, tuple[str, ...]] = {
    Channel.EMAIL: (),
    Channel.SMS: ("phone",),
    Channel.SOCIAL: ("social_network", "social_handle"),
    Channel.WEBHOOK: ("webhook_url",),
    Channel.IN_APP: (),
}
TOKEN_USE_RECORDED_EVERY = timedelta(minutes=1)


def account_update(
    *, user: User, name: str, preferred_channel: str, **addresses: str
) -> ContactPreferences:
    """The person's name and how to reach them (`contact_update`), from their account
    settings; all of it or, with every problem said, none."""
    name = name.strip()
    errors = (
        {} if name and len(name) <= 150 else {"name": ["Tell us your name (up to 150 characters)."]}
    )
    try:
        with transaction.atomic():
            preferences = contact_update(
                user=user, preferred_channel=preferred_channel, **addresses
            )
            if errors:
                raise InvalidInput("Your settings were not saved.", fields=errors)
            user.name = name
            user.save(update_fields=["name"])
    except InvalidInput as error:
        raise InvalidInput("Your settings were not saved.", fields=errors | error.fields) from None
    return preferences


def contact_update(
    *,
    user: User,
    preferred_channel: str,
    phone: str = "",
    social_network: str = "",
    social_handle: str = "",
    webhook_url: str = "",
) -> ContactPreferences:
    """How the person wants to be reached, wherever they say it (account settings, an
    offering's designer): one record, so every place shows the same answer."""
    values = {
        "phone": phone.strip(),
        "social_network": social_network.strip(),
        "social_handle": social_handle.strip().removeprefix("@"),
        "webhook_url": webhook_url.strip(),
    }
    errors: dict[str, list[str]] = {}
    if preferred_channel not in Channel.values:
        errors["preferred_channel"] = [f"Choose one of {', '.join(Channel.values)}."]
    if values["phone"]:
        try:
            values["phone"] = _normalise_phone(values["phone"])
        except ValueError as problem:
            errors["phone"] = [str(problem)]
    if values["webhook_url"]:
        try:
            URLValidator(schemes=["https", "http"])(values["webhook_url"])
            check_public_url(values["webhook_url"])
        except ValidationError:
            errors["webhook_url"] = ["Enter a full web address, starting with https://."]
        except UnsafeUrl as refusal:
            errors["webhook_url"] = [str(refusal)]
    for field, limit in (("social_network", 40), ("social_handle", 100), ("webhook_url", 500)):
        if len(values[field]) > limit:
            errors[field] = [f"Use at most {limit} characters."]
    for field in ADDRESS_FIELDS.get(preferred_channel, ()):
        if not values[field] and field not in errors:
            errors[field] = ["Needed to reach you on the channel you prefer."]
    if errors:
        raise InvalidInput("How to reach you was not saved.", fields=errors)
    with transaction.atomic():
        preferences = selectors.contact_preferences(user)
        preferences.preferred_channel = preferred_channel
        for field, value in values.items():
            setattr(preferences, field, value)
        preferences.save()
    return preferences


def _normalise_phone(raw: str) -> str:
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        raise ValueError("Enter the number in international form, e.g. +44 7911 123456.") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("This is not a valid phone number.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; the returned text is the only time anyone sees it."""
    name = name.strip()
    if not name or len(name) > 100:
        raise InvalidInput(
            "The token was not created.", fields={"name": ["Name it (up to 100 characters)."]}
        )
    text, digest = new_token("cc")
    token = ApiToken.objects.create(user=user, name=name, prefix=text[:10], digest=digest)
    return token, text


def api_token_revoke(*, user: User, token_id: int) -> None:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise NotFound("No such token.")


def api_token_user(text: str) -> User | None:
    """The active person a token belongs to, or None."""
    token = ApiToken.objects.select_related("user").filter(digest=digest_of(text)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOKEN_USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
