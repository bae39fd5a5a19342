"""Deleting an account: personal data is erased, contributions stay, anonymous.

The User row stays (as "erased-<id>@invalid", no name, no password, inactive) so that
what the person contributed keeps counting in every aggregate; everything that says who
they are, or how to reach them, goes: memberships and profiles, contact details, inbox,
tokens, email addresses. Organisations' webhooks hear `member.left` first, so their own
systems can forget the person too.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from cocreate.accounts.models import ApiToken, ContactPreferences, User
from cocreate.core.errors import Conflict, NotAllowed
from cocreate.messaging.models import Message
from cocreate.messaging.services import emit
from cocreate.organisations import audit
from cocreate.organisations.models import Invitation, Membership, Role


def account_erase(*, user: User, confirmation: str) -> None:
    if confirmation.strip().lower() != user.email.lower():
        raise NotAllowed("Type your email address exactly to confirm.", code="not_confirmed")
    with transaction.atomic(), scopes_disabled():
        memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
        sole = [
            m.organisation.name
            for m in memberships
            if m.role == Role.ORGANISER
            and not Membership.objects.filter(organisation=m.organisation, role=Role.ORGANISER)
            .exclude(pk=m.pk)
            .exists()
        ]
        if sole:
            raise Conflict(
                f"You are the only organiser of {', '.join(sole)}: appoint another organiser "
                "first, so the organisation is not left without one."
            )
        for membership in memberships:
            organisation = membership.organisation
            with scope(organisation=organisation):
                audit.record(
                    organisation=organisation,
                    actor=user,
                    action="member.erased",
                    target=f"person #{user.pk}",
                )
                emit(
                    organisation=organisation,
                    event="member.left",
                    data={"member": {"id": membership.pk, "email": user.email}, "erased": True},
                )
        Membership.objects.filter(user=user).delete()
        Message.objects.filter(recipient=user).delete()
        Invitation.objects.filter(email=user.email).update(email="")
        ContactPreferences.objects.filter(user=user).delete()
        ApiToken.objects.filter(user=user).delete()
        EmailAddress.objects.filter(user=user).delete()
        user.email = f"erased-{user.pk}@invalid"
        user.name = ""
        user.is_active = False
        user.erased_at = timezone.now()
        user.set_unusable_password()  # also ends every session
        user.save()
