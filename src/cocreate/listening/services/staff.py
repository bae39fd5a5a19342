"""Staff experience (pulses) and who served whom (interactions)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import InvalidInput, NotAllowed
from cocreate.listening import rows
from cocreate.listening.models import Interaction, Source, StaffPulse, Touchpoint
from cocreate.listening.services.feedback import Ingested, _ingest
from cocreate.organisations.models import Membership, Role


def pulse_record(
    *, membership: Membership, satisfaction: int | None, enps: int | None
) -> StaffPulse:
    """A staff member says how their work feels: satisfaction 1-5 and/or eNPS 0-10."""
    if membership.role not in rows.SERVING_ROLES:
        raise NotAllowed("Only staff answer the staff pulse.")
    errors = {
        name: [problem[0].upper() + problem[1:] + "."]
        for name, value in (("satisfaction", satisfaction), ("enps", enps))
        if (problem := rows.score_problem(name, value))
    }
    if not errors and satisfaction is None and enps is None:
        raise InvalidInput("Answer at least one of the two questions.")
    if errors:
        raise InvalidInput("Your pulse was not saved.", fields=errors)
    with transaction.atomic(), scope(organisation=membership.organisation_id):
        return StaffPulse.objects.create(
            organisation_id=membership.organisation_id,
            staff_id=membership.user_id,
            satisfaction=satisfaction,
            enps=enps,
            submitted_at=timezone.now(),
            source=Source.FORM,
        )


def interaction_record(
    *,
    membership: Membership,
    customer: Membership,
    touchpoint: Touchpoint,
    occurred_at: datetime | None = None,
) -> Interaction:
    """A member of staff records that they served a customer (now, or at a time past)."""
    if membership.role not in (Role.ORGANISER, Role.STAFF):
        raise NotAllowed("Only staff record whom they served.")
    at = occurred_at or timezone.now()
    lookup = rows.Lookup(membership.organisation, {}, {}, {})
    if problem := rows.time_problem(at, lookup, "time"):
        raise InvalidInput(
            problem[0].upper() + problem[1:] + ".", fields={"occurred_at": [problem]}
        )
    with transaction.atomic(), scope(organisation=membership.organisation_id):
        return Interaction.objects.create(
            organisation_id=membership.organisation_id,
            staff_id=membership.user_id,
            customer_id=customer.user_id,
            touchpoint=touchpoint,
            occurred_at=at,
            source=Source.FORM,
        )


def pulses_ingest(*, organisation: Any, actor: User, items: Sequence[dict[str, Any]]) -> Ingested:
    """Staff pulses from another system (an HR survey tool), all or none."""
    return _ingest(organisation, actor, items, rows.pulse_row, StaffPulse, "staff pulses")


def interactions_ingest(
    *, organisation: Any, actor: User, items: Sequence[dict[str, Any]]
) -> Ingested:
    """Interactions from another system (a ticket desk, a till), all or none."""
    return _ingest(organisation, actor, items, rows.interaction_row, Interaction, "interactions")
