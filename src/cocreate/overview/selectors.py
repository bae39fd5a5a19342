"""The overview of an organisation for one person: what to do next, by their role.

Each role's items come from its own module, and each item from the selectors of the app
that owns what it counts: this app reads the others and none of them reads it. An item
costs one to three queries whatever it counts, so the page costs the same with one thing
to do as with many (tests/test_queries.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cocreate.organisations.models import Membership, Role
from cocreate.overview import customer, organiser, partner, personal, staff
from cocreate.overview.items import Item, Section

Items = Callable[..., list[Item]]


@dataclass(frozen=True)
class Overview:
    sections: list[Section]

    @property
    def all_done(self) -> bool:
        return not self.sections


def _yours(membership: Membership, *, now: datetime) -> list[Item]:
    if membership.role == Role.CUSTOMER:
        return customer.items(membership, now=now) + personal.items(membership, now=now)
    return personal.items(membership, now=now)


# Per role, its sections in the order shown: its own work first, then the person's own.
SECTIONS: dict[str, list[tuple[str, Promise, Items]]] = {
    Role.ORGANISER: [
        ("organising", _("Organising"), organiser.items),
        ("answering", _("Listening and answering"), staff.items),
        ("yours", _("For you"), _yours),
    ],
    Role.STAFF: [
        ("answering", _("Listening and answering"), staff.items),
        ("yours", _("For you"), _yours),
    ],
    Role.PARTNER: [
        ("delivering", _("Delivering"), partner.items),
        ("yours", _("For you"), _yours),
    ],
    Role.CUSTOMER: [("yours", _("For you"), _yours)],
}


def overview_of(membership: Membership, *, now: datetime) -> Overview:
    sections = []
    for key, title, items in SECTIONS[membership.role]:
        found = items(membership, now=now)
        if found:
            # What is late or falling first; otherwise in the order the role's module says.
            found.sort(key=lambda item: not item.urgent)
            sections.append(Section(key, str(title), found))
    return Overview(sections)
