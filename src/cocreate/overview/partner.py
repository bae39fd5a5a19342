"""What a partner is told to do next: deliver the options customers chose of theirs whose
time is today, and those whose time has passed without being marked fulfilled."""

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cocreate.offerings import selectors as offerings
from cocreate.organisations.models import Membership
from cocreate.overview.items import Item, Line, shown, url


def items(membership: Membership, *, now: datetime) -> list[Item]:
    due = offerings.fulfilment_due(membership, now=now)
    org = membership.organisation.slug
    found = []
    overdue = [each for each in due if each.overdue]
    if overdue:
        count = sum(each.overdue for each in overdue)
        lines = [
            Line(
                each.offering.name,
                url("offering_fulfilment", org, each.offering.slug),
                ngettext("%(count)d overdue", "%(count)d overdue", each.overdue)
                % {"count": each.overdue},
            )
            for each in overdue
        ]
        found.append(
            Item(
                key="fulfil_overdue",
                count=count,
                sentence=ngettext(
                    "%(count)d delivery is overdue: its time has passed and it is not "
                    "marked fulfilled.",
                    "%(count)d deliveries are overdue: their time has passed and they are "
                    "not marked fulfilled.",
                    count,
                )
                % {"count": count},
                link=lines[0].link if len(lines) == 1 else url("offerings", org),
                action=_("Catch up"),
                lines=shown(lines, more=url("offerings", org)),
                urgent=True,
            )
        )
    today = [each for each in due if each.today]
    if today:
        count = sum(each.today for each in today)
        lines = [
            Line(
                each.offering.name,
                url("offering_fulfilment", org, each.offering.slug),
                ngettext("%(count)d due today", "%(count)d due today", each.today)
                % {"count": each.today},
            )
            for each in today
        ]
        found.append(
            Item(
                key="fulfil_today",
                count=count,
                sentence=ngettext(
                    "%(count)d delivery is due today.", "%(count)d deliveries are due today.", count
                )
                % {"count": count},
                link=lines[0].link if len(lines) == 1 else url("offerings", org),
                action=_("Fulfil"),
                lines=shown(lines, more=url("offerings", org)),
            )
        )
    return found
