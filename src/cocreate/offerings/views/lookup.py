"""Finding the objects a URL names, within what the person may see (else 404)."""

from django.shortcuts import get_object_or_404

from cocreate.offerings import selectors
from cocreate.offerings.models import Choice, Dimension, Offering, Option, Partner, Rule
from cocreate.organisations.access import OrgRequest


def offering(request: OrgRequest, slug: str) -> Offering:
    found = get_object_or_404(selectors.offerings_for(request.membership), slug=slug)
    found.organisation = request.organisation  # already loaded: no query when read
    return found


def dimension(offering: Offering, dimension_id: int) -> Dimension:
    return get_object_or_404(Dimension.objects.filter(offering=offering), pk=dimension_id)


def option(offering: Offering, option_id: int) -> Option:
    return get_object_or_404(
        Option.objects.filter(offering=offering).select_related("dimension", "partner"),
        pk=option_id,
    )


def rule(offering: Offering, rule_id: int) -> Rule:
    return get_object_or_404(Rule.objects.filter(offering=offering), pk=rule_id)


def partner(request: OrgRequest, partner_id: int) -> Partner:
    return get_object_or_404(selectors.partners(request.membership), pk=partner_id)


def choice(offering: Offering, choice_id: int) -> Choice:
    return get_object_or_404(selectors.offering_choices(offering), pk=choice_id)
