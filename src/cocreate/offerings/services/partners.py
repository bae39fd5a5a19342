"""Partners: organisations that deliver some options, acting through their members."""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.messaging.services import emit
from cocreate.offerings.models import Choice, ChoiceStatus, Partner
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Organisation, Role


def partner_save(
    *,
    organisation: Organisation,
    actor: User,
    name: str,
    member_ids: Sequence[int],
    partner: Partner | None = None,
) -> Partner:
    """Create a partner, or rename it and set who acts for it (members with the partner role)."""
    name = name.strip()
    if not name or len(name) > 120:
        raise InvalidInput(
            "Give the partner a name of up to 120 characters.",
            fields={"name": ["Use 1 to 120 characters."]},
        )
    with transaction.atomic(), scope(organisation=organisation):
        members = list(Membership.objects.filter(pk__in=member_ids, role=Role.PARTNER))
        if len(members) != len(set(member_ids)):
            message = "Choose members of this organisation who have the partner role."
            raise InvalidInput(message, fields={"members": [message]})
        taken = Partner.objects.filter(name__iexact=name)
        if partner is not None:
            taken = taken.exclude(pk=partner.pk)
        if taken.exists():
            raise Conflict("A partner with this name exists.", fields={"name": ["Taken."]})
        if partner is None:
            partner = Partner.objects.create(organisation=organisation, name=name)
        else:
            partner.name = name
            partner.save(update_fields=["name"])
        partner.members.set(members)
        audit.record(
            organisation=organisation,
            actor=actor,
            action="partner.saved",
            target=name,
            members=[m.user.email for m in members],
        )
    return partner


def choice_fulfil(*, choice: Choice, membership: Membership) -> Choice:
    """The option was delivered to this customer: its partner (or an organiser) says so."""
    option = choice.option
    partner = option.partner
    acts_for_partner = partner is not None and partner.members.filter(pk=membership.pk).exists()
    if membership.role != Role.ORGANISER and not acts_for_partner:
        raise NotAllowed(f"Only {partner or 'the organisers'} can fulfil '{option.name}'.")
    if choice.status != ChoiceStatus.CONFIRMED:
        raise Conflict("This customer is on the waitlist: there is nothing to fulfil yet.")
    if choice.fulfilled_at is not None:
        return choice
    with transaction.atomic():
        choice.fulfilled_at, choice.fulfilled_by = timezone.now(), membership.user
        choice.save(update_fields=["fulfilled_at", "fulfilled_by"])
        emit(
            organisation=membership.organisation,
            event="option.fulfilled",
            data={
                "offering": option.offering.slug,
                "option": option.key,
                "customer": choice.design.user.email,
                "by": membership.user.email,
            },
        )
    return choice
