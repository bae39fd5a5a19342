"""What a customer is told to do next: design their day in the offerings open to them, and
choose among an event's sessions."""

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocreate.agenda import selectors as agenda
from cocreate.offerings import selectors as offerings
from cocreate.offerings.models import Kind
from cocreate.organisations.models import Membership
from cocreate.overview.items import Item, Line, shown, url


def items(membership: Membership, *, now: datetime) -> list[Item]:
    todo = offerings.designs_to_do(membership)
    # An event not designed at all is said once, as a design to do, not as sessions too.
    untouched = {each.offering.pk for each in todo if not each.chosen}
    found = [design(membership, todo), sessions(membership, untouched)]
    return [item for item in found if item is not None]


def design(membership: Membership, todo: list[offerings.DesignToDo]) -> Item | None:
    if not todo:
        return None
    org = membership.organisation.slug
    lines = []
    for each in todo:
        if each.steps:
            note = ngettext(
                "%(count)d step still to do: %(steps)s",
                "%(count)d steps still to do: %(steps)s",
                len(each.steps),
            ) % {"count": len(each.steps), "steps": ", ".join(each.steps)}
        elif each.drafted:
            note = _("started, not submitted yet")
        else:
            note = _("not designed yet")
        lines.append(Line(each.offering.name, url("designer", org, each.offering.slug), note))
    count = len(todo)
    events = all(each.offering.kind == Kind.EVENT for each in todo)
    return Item(
        key="design",
        count=count,
        sentence=ngettext(
            "%(count)d offering is waiting for your design.",
            "%(count)d offerings are waiting for your design.",
            count,
        )
        % {"count": count},
        link=lines[0].link if count == 1 else url("offerings", org),
        action=_("Design your day") if events else _("Design your experience"),
        lines=shown(lines, more=url("offerings", org)),
    )


def sessions(membership: Membership, untouched: set[int]) -> Item | None:
    """Events whose sessions the person has chosen none of, or that have new ones."""
    found = agenda.sessions_to_choose(membership)
    rows = [row for row in found if row.event.offering_id not in untouched]
    if not rows:
        return None
    org = membership.organisation.slug
    lines, count = [], 0
    for row in rows:
        if row.chosen:
            count += row.new
            note = ngettext(
                "%(count)d new session since you last chose",
                "%(count)d new sessions since you last chose",
                row.new,
            ) % {"count": row.new}
        else:
            count += row.sessions
            note = ngettext(
                "%(count)d session to choose from, none chosen yet",
                "%(count)d sessions to choose from, none chosen yet",
                row.sessions,
            ) % {"count": row.sessions}
        lines.append(Line(row.event.name, url("proposals", org, row.event.slug), note))
    return Item(
        key="sessions",
        count=count,
        sentence=ngettext(
            "%(count)d session is waiting for your choice.",
            "%(count)d sessions are waiting for your choice.",
            count,
        )
        % {"count": count},
        link=lines[0].link if len(rows) == 1 else url("events", org),
        action=_("Choose sessions"),
        lines=shown(lines, more=url("events", org)),
    )
