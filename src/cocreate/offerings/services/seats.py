"""Seats on options with a capacity: taken atomically, never oversold, freed to the waitlist.

A design change first locks the options it touches (`lock_options`, in id order) and reads
their seats; with the rows locked, the seats it can have are decided here and taken in one
UPDATE (`take_seats`). A single seat outside such a change (a waitlist promotion) is taken
by a conditional UPDATE (`seats_taken < capacity`), which the database applies atomically
on SQLite and PostgreSQL alike. The `never_oversold` constraint stands behind both.
Whoever does not get a seat joins the option's waitlist, in order of arrival, and is
promoted (and told) when a seat frees up. Call them inside the caller's transaction.
"""

from collections.abc import Collection

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_scopes import scope

from cocreate.core.links import site_link
from cocreate.messaging.services import notify
from cocreate.offerings.models import Choice, ChoiceStatus, Option


def lock_options(option_ids: Collection[int]) -> dict[int, int]:
    """Lock the options with a capacity that a change will take seats on or free, in one
    order (by id) for everyone: two designs that swap the same two options then wait for
    each other instead of deadlocking (PostgreSQL; SQLite has one writer at a time anyway).
    The seats left on each, as of the lock."""
    return dict(
        Option.objects.select_for_update()
        .filter(pk__in=option_ids, capacity__isnull=False)
        .order_by("pk")
        .values_list("pk", F("capacity") - F("seats_taken"))
    )


def take_seats(option_ids: Collection[int], seats_left: dict[int, int]) -> set[int]:
    """One seat on each of these options where one is left, in one UPDATE: `seats_left`
    comes from `lock_options`, so no one else changes these rows meanwhile. The options
    that got a seat (always, for an unlimited option)."""
    granted = {o for o in option_ids if o not in seats_left or seats_left[o] > 0}
    limited = [o for o in granted if o in seats_left]
    if limited:
        taken = Option.objects.filter(pk__in=limited, seats_taken__lt=F("capacity")).update(
            seats_taken=F("seats_taken") + 1
        )
        assert taken == len(limited), "the options were locked: their seats cannot change"
    return granted


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
    Option.objects.filter(pk__in=option_ids, seats_taken__gt=0).update(
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
