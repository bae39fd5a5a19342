"""The demo's messaging: a CRM webhook, and welcome messages through the real services."""

from django.conf import settings
from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.links import site_link
from cocreate.messaging.services import endpoint_create, notify
from cocreate.organisations.models import Membership, Organisation


def load_messaging(organisation: Organisation) -> None:
    organiser = User.objects.get(email="olivia@cx-unconference.example")
    chloe = User.objects.get(email="chloe@cx-unconference.example")
    with transaction.atomic(), scope(organisation=organisation):
        if settings.ALLOW_PRIVATE_WEBHOOKS:
            # Production settings refuse a host that does not resolve, as this one doesn't.
            endpoint_create(
                organisation=organisation,
                actor=organiser,
                url="https://crm.cx-unconference.example/cocreate",
                events_chosen=["member.joined", "member.role_changed", "profile.updated"],
                description="Our CRM (not reachable from the demo: watch the retries)",
            )
        for membership in Membership.objects.filter(user__in=[organiser, chloe]):
            notify(
                recipient=membership.user,
                organisation=organisation,
                kind="welcome",
                context={"role": membership.get_role_display().lower()},
                link=site_link("my_profile", organisation.slug),
            )
