"""A plan's timed options as an iCalendar file (RFC 5545), built with `icalendar`."""

from datetime import UTC, datetime

from django.conf import settings
from icalendar import Calendar, Event

from cocreate.offerings.models import Choice, ChoiceStatus, Offering


def plan_calendar(offering: Offering, choices: list[Choice], plan_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Cocreate//Personal plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", offering.name)
    stamp = datetime.now(UTC)
    host = settings.SITE_URL.split("://")[-1].split("/")[0] or "cocreate"
    for choice in choices:
        option = choice.option
        if option.starts_at is None or option.ends_at is None:
            continue
        event = Event()
        # Stable per choice, so a calendar that imports the file again updates, not duplicates.
        event.add("uid", f"choice-{choice.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", option.starts_at.astimezone(UTC))
        event.add("dtend", option.ends_at.astimezone(UTC))
        waiting = choice.status == ChoiceStatus.WAITLISTED
        event.add("summary", f"{option.name} (waitlist)" if waiting else option.name)
        event.add("status", "TENTATIVE" if waiting else "CONFIRMED")
        if option.description:
            event.add("description", option.description)
        event.add("url", plan_url)
        event.add("categories", [option.dimension.name])
        calendar.add_component(event)
    return calendar.to_ical()
