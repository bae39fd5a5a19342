"""The sessions step of an event offering, kept by its agenda.

Each accepted session of the event's agenda is an option of the offering's one sessions
step: people choose it in the designer or on the agenda's pages (the same choice, with a
weight), and the agenda's optimiser plans from those choices. Organisers do not type
these options; the agenda adds them when it accepts a session, retires them when a
session is declined or merged, and gives them a time, a room and seats when it publishes a
schedule. These changes are not the organisers' edits, so they go on while the offering
is locked (late sessions during the event), and they tell no one: the agenda tells each
person once, in its own words, what changed for them.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict
from cocreate.offerings.models import (
    Choice,
    ChoiceStatus,
    Dimension,
    Kind,
    Offering,
    Option,
    StepSource,
)
from cocreate.offerings.services.seats import lock_options, take_seats

SESSION_NAME_MAX = 150


@dataclass(frozen=True)
class SessionTime:
    """Where and when a session takes place, and how many seats its room has."""

    starts_at: datetime
    ends_at: datetime
    capacity: int
    location: str


@dataclass(frozen=True)
class SeatChange:
    """A person's choice of a session moved between confirmed and the waitlist."""

    user_id: int
    option_id: int
    status: str


def sessions_step(offering: Offering) -> Dimension:
    """The offering's sessions step, made (last) if it has none yet."""
    if offering.kind != Kind.EVENT:
        raise Conflict(f"{offering.name} is not an event: it has no sessions.")
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        step = Dimension.objects.filter(offering=offering, source=StepSource.SESSIONS).first()
        if step is None:
            last = Dimension.objects.filter(offering=offering).aggregate(p=Max("position"))["p"]
            step = Dimension.objects.create(
                organisation_id=offering.organisation_id,
                offering=offering,
                name="Sessions",
                help_text="Choose what you want to attend; mark what you must not miss.",
                source=StepSource.SESSIONS,
                position=(last or 0) + 1,
            )
            _bump(offering)
    return step


def session_option_add(
    *,
    offering: Offering,
    key: str,
    name: str,
    description: str = "",
    tags: Sequence[str] = (),
    hosts: Iterable[User] = (),
) -> Option:
    step = sessions_step(offering)
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        last = Option.objects.filter(dimension=step).aggregate(p=Max("position"))["p"]
        option = Option.objects.create(
            organisation_id=offering.organisation_id,
            offering=offering,
            dimension=step,
            key=key,
            name=name[:SESSION_NAME_MAX],
            description=description,
            tags=[t.lower()[:40] for t in tags][:20],
            position=(last or 0) + 1,
        )
        option.hosts.set(list(hosts))
        _bump(offering)
    return option


def session_hosts_set(*, option: Option, hosts: Iterable[User]) -> None:
    """Who gives the session: it is in their plan as theirs."""
    with transaction.atomic(), scope(organisation=option.organisation_id):
        option.hosts.set(list(hosts))


def option_retire(*, option: Option, move_to: Option | None = None) -> tuple[set[int], set[int]]:
    """A session that will not take place on its own: its choices move to `move_to` (a
    session it was merged into; seated if a seat is left, else waitlisted), or go. The
    people whose choice moved and whose choice went, by user id."""
    offering = option.offering
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        locked = lock_options(sorted({option.pk} | ({move_to.pk} if move_to else set())))
        choices = list(option.choices.select_related("design"))
        moved: set[int] = set()
        if move_to is not None:
            already = set(move_to.choices.values_list("design_id", flat=True))
            movers = [c for c in choices if c.design_id not in already]
            for choice in movers:
                seated = take_seats([move_to.pk], locked)
                if seated and move_to.pk in locked:
                    locked[move_to.pk] -= 1
                Choice.objects.create(
                    organisation_id=offering.organisation_id,
                    design=choice.design,
                    option=move_to,
                    weight=choice.weight,
                    status=ChoiceStatus.CONFIRMED if seated else ChoiceStatus.WAITLISTED,
                )
                moved.add(choice.design.user_id)
        gone = {c.design.user_id for c in choices} - moved
        option.delete()  # its choices with it
        _bump(offering)
    return moved, gone


def sessions_schedule(
    *, offering: Offering, times: Mapping[int, SessionTime | None]
) -> list[SeatChange]:
    """Give each session option its time, room and seats (None: not scheduled), then seat
    its choosers: a smaller room waitlists the latest to have chosen it, a bigger one (or
    no limit) lets the waitlist in, in order. Returns the seat changes, for the agenda to
    tell each person once, with what else changed for them."""
    changes: list[SeatChange] = []
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        options = Option.objects.select_for_update().filter(
            offering=offering, dimension__source=StepSource.SESSIONS, pk__in=list(times)
        )
        for option in options.order_by("pk"):
            when = times[option.pk]
            capacity = when.capacity if when else None
            changes += _reseat(option, capacity)
            Option.objects.filter(pk=option.pk).update(
                capacity=capacity,
                seats_taken=_confirmed(option) if capacity is not None else 0,
                starts_at=when.starts_at if when else None,
                ends_at=when.ends_at if when else None,
                location=when.location if when else "",
            )
        _bump(offering)
    return changes


def _reseat(option: Option, capacity: int | None) -> list[SeatChange]:
    confirmed = option.choices.filter(status=ChoiceStatus.CONFIRMED)
    waiting = option.choices.filter(status=ChoiceStatus.WAITLISTED)
    count = confirmed.count()
    if capacity is not None and count > capacity:
        latest = confirmed.order_by("-created_at", "-pk")[: count - capacity]
        moved = list(latest.values_list("pk", "design__user_id"))
        Choice.objects.filter(pk__in=[pk for pk, _ in moved]).update(
            status=ChoiceStatus.WAITLISTED, promoted_at=None
        )
        return [SeatChange(user, option.pk, ChoiceStatus.WAITLISTED) for _, user in moved]
    room = None if capacity is None else capacity - count
    first = waiting.order_by("created_at", "pk")
    moved = list((first if room is None else first[:room]).values_list("pk", "design__user_id"))
    Choice.objects.filter(pk__in=[pk for pk, _ in moved]).update(
        status=ChoiceStatus.CONFIRMED, promoted_at=timezone.now()
    )
    return [SeatChange(user, option.pk, ChoiceStatus.CONFIRMED) for _, user in moved]


def _confirmed(option: Option) -> int:
    return option.choices.filter(status=ChoiceStatus.CONFIRMED).count()


def _bump(offering: Offering) -> None:
    Offering.objects.filter(pk=offering.pk).update(revision=F("revision") + 1)
    offering.refresh_from_db(fields=["revision"])
