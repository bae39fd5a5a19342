"""Moving an offering through its lifecycle: draft, open, locked, delivered."""

from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.core.links import site_link
from cocreate.messaging.services import emit, notify
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import Design, Dimension, Offering, Status
from cocreate.offerings.services.structure import problems_of
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Role


def offering_transition(*, offering: Offering, actor: User, to: str) -> Offering:
    """Move the offering to `to`; opening it tells its customers they can design now."""
    if to not in Status.values:
        raise InvalidInput(f"'{to}' is not a state; use one of: {', '.join(Status.values)}.")
    target = Status(to)
    if target not in state(offering.status).next:
        raise Conflict(
            f"'{offering.name}' is {offering.get_status_display().lower()}: it cannot become "
            f"{target.label.lower()} from there."
        )
    with transaction.atomic(), scope(organisation=offering.organisation_id):
        if target == Status.OPEN:
            _require_ready(offering)
        if (
            target == Status.DRAFT
            and Design.objects.filter(offering=offering, version__gt=0).exists()
        ):
            raise Conflict("Customers have submitted designs: lock the offering instead.")
        was_draft = offering.status == Status.DRAFT
        offering.status = target
        offering.save(update_fields=["status", "updated_at"])
        audit.record(
            organisation=offering.organisation,
            actor=actor,
            action="offering.status_changed",
            target=offering.name,
            status=target.value,
        )
        emit(
            organisation=offering.organisation,
            event="offering.status_changed",
            data={"offering": offering.slug, "status": target.value},
        )
        if target == Status.OPEN and was_draft:
            _announce(offering)
    return offering


def _require_ready(offering: Offering) -> None:
    if not Dimension.objects.filter(offering=offering).exists():
        raise Conflict("Add at least one step before opening the offering.")
    problems = problems_of(offering)
    if problems:
        raise Conflict("Fix these before opening: " + " ".join(problems), code="not_ready")


def _announce(offering: Offering) -> None:
    link = site_link("designer", offering.organisation.slug, offering.slug)
    customers = Membership.objects.filter(role=Role.CUSTOMER).select_related("user")
    for membership in customers:
        notify(
            recipient=membership.user,
            organisation=offering.organisation,
            kind="offering_opened",
            context={"offering": offering.name},
            link=link,
        )
