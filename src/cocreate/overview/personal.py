"""What everyone is told about their own part, whatever their role: what is next in their
plan, surveys meant for them, answers to their ideas, unread messages."""

from datetime import datetime, timedelta

from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocreate.ideas import selectors as ideas
from cocreate.listening import selectors as listening
from cocreate.messaging import selectors as messaging
from cocreate.offerings import selectors as offerings
from cocreate.offerings.models import Option
from cocreate.organisations.models import Membership
from cocreate.overview.items import Item, Line, hour, shown, url, when

NEXT_SESSIONS = 3  # shown of what is coming up
IDEA_NEWS_DAYS = 30


def items(membership: Membership, *, now: datetime) -> list[Item]:
    found = [
        next_sessions(membership, now),
        ratings_waiting(membership),
        surveys_waiting(membership, now),
        idea_answers(membership, now),
        unread_messages(membership),
    ]
    return [item for item in found if item is not None]


def next_sessions(membership: Membership, now: datetime) -> Item | None:
    """What is coming up in the person's plans: sessions with a seat, and those they host."""
    coming = offerings.upcoming_in_plan(membership, now=now)
    if not coming:
        return None
    org = membership.organisation.slug
    plans = {option.offering_id: option.offering for option in coming}
    first = next(iter(plans.values()))
    count = len(coming)
    return Item(
        key="next_sessions",
        count=count,
        sentence=ngettext(
            "You have %(count)d session coming up.", "You have %(count)d sessions coming up.", count
        )
        % {"count": count},
        link=url("my_plan", org, first.slug) if len(plans) == 1 else url("offerings", org),
        action=_("Open my plan"),
        lines=tuple(
            Line(option.name, url("my_plan", org, option.offering.slug), _session_note(option, now))
            for option in coming[:NEXT_SESSIONS]
        ),
    )


def _session_note(option: Option, now: datetime) -> str:
    # Only timed options are coming up.
    assert option.starts_at is not None
    assert option.ends_at is not None
    if option.starts_at <= now:
        if option.location:
            return _("now, until %(end)s, in %(room)s") % {
                "end": hour(option.ends_at),
                "room": option.location,
            }
        return _("now, until %(end)s") % {"end": hour(option.ends_at)}
    times = {"start": when(option.starts_at), "end": hour(option.ends_at)}
    if option.location:
        return _("%(start)s–%(end)s, in %(room)s") % {**times, "room": option.location}
    return _("%(start)s–%(end)s") % times


def ratings_waiting(membership: Membership) -> Item | None:
    """Sessions (and delivered options) the person was asked about and has not rated."""
    found = listening.ratings_waiting(membership)
    if not found:
        return None
    org = membership.organisation.slug
    count = len(found)
    return Item(
        key="ratings_waiting",
        count=count,
        sentence=ngettext(
            "%(count)d session is waiting for your rating.",
            "%(count)d sessions are waiting for your rating.",
            count,
        )
        % {"count": count},
        link=url("my_rating", org, found[0].pk),
        action=_("Rate it"),
        lines=shown(
            [
                Line(
                    r.touchpoint.option.name if r.touchpoint.option else r.touchpoint.name,
                    url("my_rating", org, r.pk),
                    _("one tap"),
                )
                for r in found
            ],
            more=url("inbox"),
        ),
    )


def surveys_waiting(membership: Membership, now: datetime) -> Item | None:
    found = ideas.surveys_waiting(membership)
    if not found:
        return None
    org = membership.organisation.slug
    count = len(found)
    more = url("surveys", org)
    return Item(
        key="surveys_waiting",
        count=count,
        sentence=ngettext(
            "%(count)d survey is waiting for your answers.",
            "%(count)d surveys are waiting for your answers.",
            count,
        )
        % {"count": count},
        link=url("survey_answer", org, found[0].pk) if count == 1 else more,
        action=_("Answer"),
        lines=shown(
            [
                Line(
                    survey.title,
                    url("survey_answer", org, survey.pk),
                    _("sent %(ago)s ago") % {"ago": timesince(survey.opened_at, now, depth=1)}
                    if survey.opened_at
                    else "",
                )
                for survey in found
            ],
            more=more,
        ),
    )


def idea_answers(membership: Membership, now: datetime) -> Item | None:
    """The latest public update on each of the person's ideas, from the last 30 days."""
    found = ideas.updates_on_ideas_of(membership, since=now - timedelta(days=IDEA_NEWS_DAYS))
    if not found:
        return None
    org = membership.organisation.slug
    count = len(found)
    lines = []
    for update in found:
        ago = timesince(update.created_at, now, depth=1)
        if update.new_status != update.old_status:
            note = _("now %(status)s, %(ago)s ago") % {
                "status": update.get_new_status_display().lower(),
                "ago": ago,
            }
        else:
            note = _("a new update, %(ago)s ago") % {"ago": ago}
        lines.append(Line(update.idea.title, url("idea", org, update.idea_id), note))
    return Item(
        key="idea_answers",
        count=count,
        sentence=ngettext(
            "%(count)d of your ideas got an answer in the last 30 days.",
            "%(count)d of your ideas got answers in the last 30 days.",
            count,
        )
        % {"count": count},
        link=url("idea", org, found[0].idea_id) if count == 1 else url("ideas", org),
        action=_("Read the answer") if count == 1 else _("See your ideas"),
        lines=shown(lines, more=url("ideas", org)),
    )


def unread_messages(membership: Membership) -> Item | None:
    count = messaging.unread_count_in(membership.user, membership.organisation)
    if not count:
        return None
    return Item(
        key="unread_messages",
        count=count,
        sentence=ngettext(
            "%(count)d message from %(organisation)s is unread in your inbox.",
            "%(count)d messages from %(organisation)s are unread in your inbox.",
            count,
        )
        % {"count": count, "organisation": membership.organisation.name},
        link=url("inbox"),
        action=_("Open the inbox"),
    )
