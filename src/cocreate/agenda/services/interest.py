"""Attendees say what they want to attend; speakers say when they cannot.

What someone wants to attend is their design's choice of the session (must attend or
would like): the agenda's buttons change that one choice, as the designer would.
"""

from collections.abc import Collection

from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda.models import (
    Event,
    Proposal,
    ProposalStatus,
    Slot,
    Speaker,
    Unavailability,
)
from cocreate.agenda.phases import Action, allows
from cocreate.agenda.timing import follows
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Design, Offering, Weight
from cocreate.organisations.models import Membership

CLOSED = (ProposalStatus.DECLINED, ProposalStatus.MERGED, ProposalStatus.WITHDRAWN)


def interest_set(*, proposal: Proposal, user: User, weight: str | None) -> Design:
    """Must attend, would like, or (None) not any more."""
    event = proposal.event
    if not allows(event.phase, Action.SHOW_INTEREST):
        raise Conflict(f"{event.name} takes no interest now ({event.get_phase_display()}).")
    if weight is not None and weight not in Weight.values:
        raise InvalidInput(f"Say '{Weight.MUST}' or '{Weight.LIKE}' (or nothing).")
    if proposal.status in CLOSED:
        where = (
            f" It is part of “{proposal.merged_into.title}” now." if proposal.merged_into else ""
        )
        raise Conflict(f"“{proposal.title}” is {proposal.get_status_display().lower()}.{where}")
    if proposal.option is None:
        raise Conflict(
            f"“{proposal.title}” awaits the organisers' decision: you can choose it once it "
            "is accepted."
        )
    with scope(organisation=proposal.organisation_id):
        membership = Membership.objects.select_related("user", "organisation").get(user=user)
        # Read afresh: the rules engine's copy is kept by revision, and a schedule
        # published since this event was loaded has changed it.
        offering = Offering.objects.select_related("organisation").get(pk=event.offering_id)
    return offerings.choice_set(
        offering=offering, membership=membership, option=proposal.option, weight=weight
    )


def unavailability_set(*, event: Event, user: User, slot_ids: Collection[int]) -> None:
    """The slots in which this person cannot give a session. Refused when it would leave
    one of their accepted sessions no run of slots to take place in."""
    with transaction.atomic(), scope(organisation=event.organisation_id):
        slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
        known = {s.pk for s in slots}
        unknown = sorted(set(slot_ids) - known)
        if unknown:
            raise InvalidInput(f"Not slots of {event.name}: {', '.join(map(str, unknown))}.")
        free = [s for s in slots if s.pk not in slot_ids]
        hosting = Speaker.objects.filter(
            user=user, proposal__event=event, proposal__status=ProposalStatus.ACCEPTED
        ).select_related("proposal")
        for speaker in hosting:
            if not _has_run(free, speaker.proposal.length):
                raise Conflict(
                    f"“{speaker.proposal.title}” needs {speaker.proposal.length} slot(s) in a "
                    "row, and these times leave you none: keep at least one run free."
                )
        Unavailability.objects.filter(slot__event=event, user=user).delete()
        Unavailability.objects.bulk_create(
            Unavailability(organisation_id=event.organisation_id, slot_id=pk, user=user)
            for pk in sorted(slot_ids)
        )


def _has_run(free: list[Slot], length: int) -> bool:
    run = 0
    for before, slot in zip([None, *free], free, strict=False):
        run = run + 1 if follows(before, slot) else 1
        if run >= length:
            return True
    return False
