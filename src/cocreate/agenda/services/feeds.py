"""A personal calendar feed: a secret address a calendar app polls, always current."""

from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda.models import CalendarFeed, Event
from cocreate.core.tokens import digest_of, new_token


def feed_token_renew(*, event: Event, user: User) -> str:
    """A new secret for this person's feed (the old address stops working)."""
    token, digest = new_token("cal")
    with transaction.atomic(), scope(organisation=event.organisation_id):
        CalendarFeed.objects.update_or_create(
            event=event,
            user=user,
            defaults={"digest": digest, "organisation_id": event.organisation_id},
        )
    return token


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed a secret names, whoever asks (the secret is the permission)."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        return (
            CalendarFeed.objects.select_related("event__organisation", "user")
            .filter(digest=digest_of(token))
            .first()
        )
