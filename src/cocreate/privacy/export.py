"""Everything Cocreate holds about one person, as one JSON document.

One function per kind of data; later capabilities add theirs to SECTIONS.
"""

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_scopes import scopes_disabled

from cocreate.accounts.models import ApiToken, User
from cocreate.accounts.selectors import contact_preferences
from cocreate.messaging.models import Message
from cocreate.organisations.models import AuditEntry, Invitation, Membership
from cocreate.privacy import contributions


def account(user: User) -> Any:
    return {
        "email": user.email,
        "name": user.name,
        "joined": user.date_joined,
        "last_login": user.last_login,
    }


def contact(user: User) -> Any:
    preferences = contact_preferences(user)
    return {
        "preferred_channel": preferences.preferred_channel,
        "phone": preferences.phone,
        "social_network": preferences.social_network,
        "social_handle": preferences.social_handle,
        "webhook_url": preferences.webhook_url,
        "quiet_hours": [preferences.quiet_start, preferences.quiet_end],
        "time_zone": preferences.time_zone,
        "muted_kinds": preferences.muted_kinds,
    }


def memberships(user: User) -> Any:
    return [
        {
            "organisation": m.organisation.name,
            "role": m.role,
            "joined": m.joined_at,
            "profile": m.profile,
        }
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]


def invitations(user: User) -> Any:
    return [
        {"organisation": i.organisation.name, "role": i.role, "accepted": i.accepted_at}
        for i in Invitation.objects.filter(accepted_by=user).select_related("organisation")
    ]


def messages(user: User) -> Any:
    return [
        {
            "organisation": m.organisation.name,
            "kind": m.kind,
            "channel": m.channel,
            "address": m.address,
            "status": m.status,
            "subject": m.subject,
            "body": m.body_text,
            "sent": m.created_at,
            "read": m.read_at,
        }
        for m in Message.objects.filter(recipient=user).select_related("organisation")
    ]


def api_tokens(user: User) -> Any:
    return [
        {
            "name": t.name,
            "starts_with": t.prefix,
            "created": t.created_at,
            "last_used": t.last_used_at,
        }
        for t in ApiToken.objects.filter(user=user)
    ]


def actions(user: User) -> Any:
    return [
        {
            "organisation": e.organisation.name,
            "action": e.action,
            "on": e.target,
            "when": e.created_at,
        }
        for e in AuditEntry.objects.filter(actor=user).select_related("organisation")
    ]


SECTIONS: dict[str, Callable[[User], Any]] = {
    "account": account,
    "contact_preferences": contact,
    "memberships": memberships,
    "invitations_accepted": invitations,
    "messages": messages,
    "api_tokens": api_tokens,
    "actions_as_organiser": actions,
    "designs": contributions.designs,
    "sessions": contributions.sessions,
    "ideas_and_votes": contributions.ideas,
    "feedback_and_opinions": contributions.feedback,
}


def personal_data(user: User) -> dict[str, Any]:
    """A person's own data across organisations (so unscoped, filtered to them)."""
    with scopes_disabled():
        data = {name: section(user) for name, section in SECTIONS.items()}
    return {"exported_at": timezone.now(), **data}
