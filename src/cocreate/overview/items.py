"""What the overview is made of: sections of items, each a sentence with a count, a link
to where to act, and a few lines naming what it is about. Nothing to do, no item."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import ngettext

MOST_LINES = 5


@dataclass(frozen=True)
class Line:
    """One thing an item is about: its name, where to act on it, and a short note."""

    text: str
    link: str = ""
    note: str = ""


@dataclass(frozen=True)
class Item:
    key: str  # names the item for tests and styles
    count: int
    sentence: str  # says the count
    link: str  # where to act
    action: str  # the link's words
    lines: tuple[Line, ...] = ()
    urgent: bool = False  # late or falling: shown as needing attention first


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: list[Item]


def url(name: str, *args: Any, **query: str) -> str:
    path = reverse(name, args=args)
    return f"{path}?{urlencode(query)}" if query else path


def shown(lines: Sequence[Line], *, more: str) -> tuple[Line, ...]:
    """At most MOST_LINES lines; the rest in one last line that links to `more`."""
    if len(lines) <= MOST_LINES:
        return tuple(lines)
    rest = len(lines) - MOST_LINES + 1
    text = ngettext("and %(count)d more", "and %(count)d more", rest) % {"count": rest}
    return (*lines[: MOST_LINES - 1], Line(text, more))


def when(moment: datetime) -> str:
    """A date and time as people read it here: “Thu 12 Mar, 10:00”."""
    return date_format(timezone.localtime(moment), "D j M, H:i")


def day(moment: date | datetime) -> str:
    """“12 Mar”."""
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment)
    return date_format(moment, "j M")


def hour(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "H:i")
