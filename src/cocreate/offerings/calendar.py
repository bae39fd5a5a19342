"""A plan's timed options, and the sessions the person hosts, as an iCalendar file
(RFC 5545), built with `icalendar`. Each entry keeps its UID however often the schedule
changes, and carries the offering's revision as its sequence, so a calendar app that
reads the feed again moves the entry instead of adding another."""

from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from cocreate.offerings import selectors
from cocreate.offerings.models import Choice, ChoiceStatus, Offering, Option
from cocreate.organisations.models import Membership


def person_calendar(offering: Offering, membership: Membership) -> bytes:
    """This person's plan of the offering, as their calendar app reads it."""
    design = selectors.design_of(offering, membership)
    url = settings.SITE_URL + reverse("my_plan", args=[offering.organisation.slug, offering.slug])
    choices = selectors.plan_choices(design) if design else []
    hosted = selectors.hosted_options(offering, membership.user_id)
    return plan_calendar(offering, choices, hosted, url)


def plan_calendar(
    offering: Offering, choices: list[Choice], hosted: list[Option], plan_url: str
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Cocreate//Personal plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", offering.name)
    calendar.add("refresh-interval;value=duration", "PT15M")
    stamp = datetime.now(UTC)
    host = settings.SITE_URL.split("://")[-1].split("/")[0] or "cocreate"
    hosts = {o.pk for o in hosted}
    entries = [
        (c.option, c.status == ChoiceStatus.WAITLISTED, c.option_id in hosts) for c in choices
    ]
    chosen = {c.option_id for c in choices}
    entries += [(o, False, True) for o in hosted if o.pk not in chosen]
    for option, waiting, hosting in entries:
        if option.starts_at is None or option.ends_at is None:
            continue
        event = Event()
        event.add("uid", f"option-{option.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("sequence", offering.revision)
        event.add("dtstart", option.starts_at.astimezone(UTC))
        event.add("dtend", option.ends_at.astimezone(UTC))
        summary = option.name
        if waiting:
            summary = f"{option.name} (waitlist)"
        elif hosting:
            summary = f"{option.name} (you host)"
        event.add("summary", summary)
        event.add("status", "TENTATIVE" if waiting else "CONFIRMED")
        if option.location:
            event.add("location", option.location)
        if option.description:
            event.add("description", option.description)
        event.add("url", plan_url)
        event.add("categories", [option.dimension.name])
        calendar.add_component(event)
    return calendar.to_ical()
