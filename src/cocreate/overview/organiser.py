"""What an organiser is told to do next: decide on session proposals, publish a draft
schedule, look into dead letters, watch offerings filling up, follow up invitations."""

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocreate.agenda import selectors as agenda
from cocreate.messaging import selectors as messaging
from cocreate.messaging.models import Status
from cocreate.offerings import selectors as offerings
from cocreate.organisations import selectors as organisations
from cocreate.organisations.models import Membership
from cocreate.overview.items import Item, Line, shown, url, when

NEARLY_FULL = 90  # percent of an option's seats taken


def items(membership: Membership, *, now: datetime) -> list[Item]:
    found = [
        proposals(membership),
        drafts(membership),
        dead_messages(membership),
        dead_webhooks(membership),
        nearly_full(membership),
        invitations(membership, now),
    ]
    return [item for item in found if item is not None]


def proposals(membership: Membership) -> Item | None:
    waiting = agenda.proposals_awaiting(membership.organisation)
    if not waiting:
        return None
    org = membership.organisation.slug
    lines = [
        Line(
            event.name,
            url("proposals", org, event.slug),
            ngettext("%(count)d to decide", "%(count)d to decide", count) % {"count": count},
        )
        for event, count in waiting
    ]
    count = sum(n for _, n in waiting)
    return Item(
        key="proposals",
        count=count,
        sentence=ngettext(
            "%(count)d session proposal is waiting for your decision.",
            "%(count)d session proposals are waiting for your decision.",
            count,
        )
        % {"count": count},
        link=lines[0].link if len(lines) == 1 else url("events", org),
        action=_("Decide"),
        lines=shown(lines, more=url("events", org)),
    )


def drafts(membership: Membership) -> Item | None:
    found = agenda.unpublished_drafts(membership.organisation)
    if not found:
        return None
    org = membership.organisation.slug
    lines = [
        Line(
            event.name,
            url("event_planning", org, event.slug),
            _("draft of %(when)s") % {"when": when(made)},
        )
        for event, made in found
    ]
    count = len(found)
    return Item(
        key="drafts",
        count=count,
        sentence=ngettext(
            "%(count)d event has a draft schedule that is not published.",
            "%(count)d events have a draft schedule that is not published.",
            count,
        )
        % {"count": count},
        link=lines[0].link if count == 1 else url("events", org),
        action=_("Review and publish"),
        lines=shown(lines, more=url("events", org)),
    )


def dead_messages(membership: Membership) -> Item | None:
    count = messaging.messages(membership.organisation, status=Status.DEAD).count()
    if not count:
        return None
    return Item(
        key="dead_messages",
        count=count,
        sentence=ngettext(
            "%(count)d message could not be delivered after every retry.",
            "%(count)d messages could not be delivered after every retry.",
            count,
        )
        % {"count": count},
        link=url("deliveries", membership.organisation.slug, status=Status.DEAD.value),
        action=_("See the dead letters"),
        urgent=True,
    )


def dead_webhooks(membership: Membership) -> Item | None:
    count = messaging.webhook_deliveries(membership.organisation, status=Status.DEAD).count()
    if not count:
        return None
    return Item(
        key="dead_webhooks",
        count=count,
        sentence=ngettext(
            "%(count)d webhook delivery failed after every retry.",
            "%(count)d webhook deliveries failed after every retry.",
            count,
        )
        % {"count": count},
        link=url("webhooks", membership.organisation.slug),
        action=_("See the webhooks"),
        urgent=True,
    )


def nearly_full(membership: Membership) -> Item | None:
    found = offerings.options_near_capacity(membership.organisation, percent=NEARLY_FULL)
    if not found:
        return None
    org = membership.organisation.slug
    single = len({option.offering_id for option in found}) == 1
    lines = []
    for option in found:
        waiting = option.waitlisted  # type: ignore[attr-defined]
        seats = {"taken": option.seats_taken, "capacity": option.capacity, "count": waiting}
        note = (
            ngettext(
                "%(taken)d of %(capacity)d seats taken, %(count)d person waiting",
                "%(taken)d of %(capacity)d seats taken, %(count)d people waiting",
                waiting,
            )
            if waiting
            else _("%(taken)d of %(capacity)d seats taken")
        ) % seats
        text = (
            option.name
            if single
            else _("%(option)s in %(offering)s")
            % {"option": option.name, "offering": option.offering.name}
        )
        lines.append(Line(text, url("offering_demand", org, option.offering.slug), note))
    count = len(found)
    return Item(
        key="nearly_full",
        count=count,
        sentence=ngettext(
            "%(count)d option is nearly full (%(percent)d%% of its seats or more).",
            "%(count)d options are nearly full (%(percent)d%% of their seats or more).",
            count,
        )
        % {"count": count, "percent": NEARLY_FULL},
        link=lines[0].link if single else url("offerings", org),
        action=_("See the demand"),
        lines=shown(lines, more=url("offerings", org)),
    )


def invitations(membership: Membership, now: datetime) -> Item | None:
    waiting = organisations.invitations_waiting(membership.organisation, now=now)
    count = waiting.pending + waiting.expired
    if not count:
        return None
    lines: tuple[Line, ...] = ()
    if waiting.expired:
        expired = ngettext(
            "%(count)d has expired: send it again or revoke it",
            "%(count)d have expired: send them again or revoke them",
            waiting.expired,
        )
        lines = (Line(expired % {"count": waiting.expired}),)
    return Item(
        key="invitations",
        count=count,
        sentence=ngettext(
            "%(count)d invitation has not been accepted yet.",
            "%(count)d invitations have not been accepted yet.",
            count,
        )
        % {"count": count},
        link=url("invitations", membership.organisation.slug),
        action=_("See the invitations"),
        lines=lines,
    )
