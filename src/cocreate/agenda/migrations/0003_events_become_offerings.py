"""Each agenda becomes the agenda of an offering of kind event.

An event whose address an event offering of the same organisation already uses is tied to
it; any other gets a new open offering with its name, address and description. Accepted
sessions become options of the offering's sessions step (with their time, room and seats
from the latest published schedule), each person's interest in them becomes a choice in
their design (confirmed in order of arrival up to the room's seats, then waitlisted), and
calendar feeds keep their secret addresses. Interest in proposals not accepted yet is not
kept: a session is chosen once it is accepted. Personal agendas were derived, and go.
"""

from typing import Any

from django.db import migrations
from django.db.models import Max


def forward(apps, schema_editor):
    Event = apps.get_model("agenda", "Event")
    Offering = apps.get_model("offerings", "Offering")
    for event in Event.objects.all().order_by("pk"):
        offering = (
            Offering.objects.filter(
                organisation_id=event.organisation_id, slug=event.slug, kind="event"
            )
            .exclude(pk__in=Event.objects.exclude(offering=None).values("offering_id"))
            .first()
        ) or _new_offering(Offering, event)
        event.offering = offering
        event.save(update_fields=["offering"])
        options = _sessions(apps, event, offering)
        _choices(apps, event, offering, options)
        _feeds(apps, event, offering)


def _new_offering(Offering, event):
    taken = set(
        Offering.objects.filter(organisation_id=event.organisation_id).values_list("slug", flat=True)
    )
    slug, n = event.slug, 1
    while slug in taken:
        suffix = "-agenda" if n == 1 else f"-agenda-{n}"
        slug, n = f"{event.slug[: 60 - len(suffix)]}{suffix}", n + 1
    return Offering.objects.create(
        organisation_id=event.organisation_id,
        slug=slug,
        name=event.name,
        description=event.description,
        kind="event",
        status="open",
    )


def _sessions(apps, event, offering):
    """The sessions step and an option per accepted proposal: {proposal pk: option}."""
    Dimension = apps.get_model("offerings", "Dimension")
    Option = apps.get_model("offerings", "Option")
    Proposal = apps.get_model("agenda", "Proposal")
    Speaker = apps.get_model("agenda", "Speaker")
    Schedule = apps.get_model("agenda", "Schedule")
    Slot = apps.get_model("agenda", "Slot")
    Room = apps.get_model("agenda", "Room")
    last = Dimension.objects.filter(offering=offering).aggregate(p=Max("position"))["p"] or 0
    step = Dimension.objects.create(
        organisation_id=offering.organisation_id,
        offering=offering,
        name="Sessions",
        source="sessions",
        position=last + 1,
    )
    published = (
        Schedule.objects.filter(event=event, version__isnull=False).order_by("-version").first()
    )
    placements = published.placements if published else {}
    slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
    index = {s.pk: n for n, s in enumerate(slots)}
    rooms = {r.pk: r for r in Room.objects.filter(event=event)}
    keys = set(Option.objects.filter(offering=offering).values_list("key", flat=True))
    options = {}
    accepted = Proposal.objects.filter(event=event, status="accepted").order_by("created_at", "pk")
    for position, proposal in enumerate(accepted, start=1):
        key = f"session-{proposal.pk}"
        while key in keys:
            key += "-agenda"
        keys.add(key)
        values = {}
        room_pk, slot_pk = placements.get(str(proposal.pk), (None, None))
        if slot_pk in index and room_pk in rooms:
            last_slot = slots[min(len(slots) - 1, index[slot_pk] + proposal.length - 1)]
            values = {
                "starts_at": slots[index[slot_pk]].starts_at,
                "ends_at": last_slot.ends_at,
                "capacity": rooms[room_pk].capacity,
                "location": rooms[room_pk].name,
            }
        option = Option.objects.create(
            organisation_id=offering.organisation_id,
            offering=offering,
            dimension=step,
            key=key,
            name=proposal.title[:120],
            description=proposal.abstract,
            tags=[str(t).lower()[:40] for t in proposal.topics][:20],
            position=position,
            **values,
        )
        hosts = Speaker.objects.filter(proposal=proposal, confirmed_at__isnull=False)
        option.hosts.set(hosts.values_list("user_id", flat=True))
        proposal.option = option
        proposal.save(update_fields=["option"])
        options[proposal.pk] = option
    return options


def _choices(apps, event, offering, options):
    """Interest becomes choices: seats in order of arrival, then the waitlist."""
    Interest = apps.get_model("agenda", "Interest")
    Design = apps.get_model("offerings", "Design")
    DesignVersion = apps.get_model("offerings", "DesignVersion")
    Choice = apps.get_model("offerings", "Choice")
    taken: dict[int, int] = {}
    designs: dict[int, Any] = {}
    wishes = Interest.objects.filter(proposal_id__in=options).order_by("updated_at", "pk")
    for interest in wishes:
        option = options[interest.proposal_id]
        design = designs.get(interest.user_id)
        if design is None:
            design, _ = Design.objects.get_or_create(
                offering=offering,
                user_id=interest.user_id,
                defaults={"organisation_id": offering.organisation_id},
            )
            designs[interest.user_id] = design
        seated = option.capacity is None or taken.get(option.pk, 0) < option.capacity
        if seated and option.capacity is not None:
            taken[option.pk] = taken.get(option.pk, 0) + 1
        Choice.objects.get_or_create(
            design=design,
            option=option,
            defaults={
                "organisation_id": offering.organisation_id,
                "status": "confirmed" if seated else "waitlisted",
                "weight": interest.weight,
            },
        )
    Option = apps.get_model("offerings", "Option")
    for option_pk, seats in taken.items():
        Option.objects.filter(pk=option_pk).update(seats_taken=seats)
    for design in designs.values():
        chosen = sorted(design.choices.values_list("option_id", flat=True))
        design.version += 1
        design.draft_options = chosen
        design.save(update_fields=["version", "draft_options"])
        DesignVersion.objects.create(
            organisation_id=offering.organisation_id,
            design=design,
            number=design.version,
            options=chosen,
            answers=design.answers,
            cost=0,
        )


def _feeds(apps, event, offering):
    OldFeed = apps.get_model("agenda", "CalendarFeed")
    NewFeed = apps.get_model("offerings", "CalendarFeed")
    for feed in OldFeed.objects.filter(event=event):
        NewFeed.objects.get_or_create(
            offering=offering,
            user_id=feed.user_id,
            defaults={"organisation_id": offering.organisation_id, "digest": feed.digest},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0002_event_offering_and_session_option"),
        ("offerings", "0002_sessions_contact_profile_steps"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
