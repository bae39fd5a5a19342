"""A personal calendar feed: a secret address a calendar app polls, always the plan as
it is now (sessions move when the agenda is re-planned)."""

from django.db import transaction
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import User
from cocreate.core.tokens import digest_of, new_token
from cocreate.offerings.models import CalendarFeed, Offering


def feed_token_renew(*, offering: Offering, user: User) -> str:
    """A new secret for this person's feed (the old address stops working)."""
    token, digest = new_token("cal")
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        CalendarFeed.objects.update_or_create(
            offering=offering,
            user=user,
            defaults={"digest": digest, "organisation_id": offering.organisation_id},
        )
    return token


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed a secret names, whoever asks (the secret is the permission)."""
    with scopes_disabled():  # the token is the key: it names its organisation
        return (
            CalendarFeed.objects.select_related("offering__organisation", "user")
            .filter(digest=digest_of(token))
            .first()
        )
