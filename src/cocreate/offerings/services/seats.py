"""Seats on options with a capacity: taken atomically, never oversold, freed to the waitlist.

A seat is taken by one conditional UPDATE (`seats_taken < capacity`), which the database
applies atomically on SQLite and PostgreSQL alike; the `never_oversold` constraint stands
behind it. Whoever does not get a seat joins the option's waitlist, in order of arrival,
and is promoted (and told) when a seat frees up. Call them inside the caller's transaction.
"""

from collections.abc import Collection

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_scopes import scope

from cocreate.core.links import site_link
from cocreate.messaging.services import notify
from cocreate.offerings.models import Choice, ChoiceStatus, Option


def lock_options(option_ids: Collection[int]) -> None:
    """Lock the options a change will take seats on or free, in one order (by id) for
    everyone: two designs that swap the same two options then wait for each other
    instead of deadlocking (PostgreSQL; SQLite has one writer at a time anyway)."""
    list(
        Option.objects.select_for_update()
        .filter(pk__in=option_ids, capacity__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def take_seat(option_id: int, capacity: int | None) -> bool:
    """One seat on the option if one is left (always, for an unlimited option)."""
    if capacity is None:
        return True
    taken = Option.objects.filter(pk=option_id, seats_taken__lt=F("capacity")).update(
        seats_taken=F("seats_taken") + 1
    )
    return taken == 1


def give_back_seats(option_ids: Collection[int]) -> None:
    """Confirmed choices left these options (with capacities): free their seats, and let
    their waitlists move up."""
    for option_id in option_ids:
        Option.objects.filter(pk=option_id, seats_taken__gt=0).update(
            seats_taken=F("seats_taken") - 1
        )
    waited_for = Choice.objects.filter(option_id__in=option_ids, status=ChoiceStatus.WAITLISTED)
    for option in Option.objects.filter(pk__in=waited_for.values("option_id")):
        promote_waitlist(option)


def promote_waitlist(option: Option) -> int:
    """Give free seats to the people waiting longest; tell each of them. How many moved up."""
    if option.capacity is None:
        return 0
    promoted = 0
    with transaction.atomic(), scope(organisation=option.organisation_id):
        while True:
            # skip_locked: two releases at once promote two different people.
            waiting = (
                Choice.objects.select_for_update(skip_locked=True)
                .filter(option=option, status=ChoiceStatus.WAITLISTED)
                .select_related("design__offering", "design__user", "design__organisation")
                .order_by("created_at", "pk")
                .first()
            )
            if waiting is None or not take_seat(option.pk, option.capacity):
                return promoted
            waiting.status, waiting.promoted_at = ChoiceStatus.CONFIRMED, timezone.now()
            waiting.save(update_fields=["status", "promoted_at"])
            promoted += 1
            design = waiting.design
            notify(
                recipient=design.user,
                organisation=design.organisation,
                kind="waitlist_promoted",
                context={"option": option.name, "offering": design.offering.name},
                link=site_link("my_plan", design.organisation.slug, design.offering.slug),
            )
