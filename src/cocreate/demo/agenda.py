"""The demo's co-created agenda: two days, six rooms, eight slots a day, about eighty
sessions proposed by the community, the interest of the 300 attendees, a first plan
published, then five sessions proposed during the event and a re-plan published too.
Everything goes through the real services and the real optimiser, except the attendees'
two thousand wishes, which are written at once."""

import random
from datetime import date, time

from django.core.management.base import CommandError
from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda import services
from cocreate.agenda.models import Event, Format, Interest, Phase, Schedule, Weight
from cocreate.demo.people import DOMAIN, INTERESTS
from cocreate.organisations.models import Membership, Organisation, Role

DAYS = (date(2027, 3, 11), date(2027, 3, 12))
TIMES = [
    (time(9, 0), time(9, 50)),
    (time(10, 0), time(10, 50)),
    (time(11, 20), time(12, 10)),
    (time(12, 20), time(13, 10)),
    (time(14, 10), time(15, 0)),
    (time(15, 10), time(16, 0)),
    (time(16, 30), time(17, 20)),
    (time(17, 30), time(18, 20)),
]
ROOMS = [  # name, seats, features
    ("Harbour Hall", 160, ["streaming", "step-free"]),
    ("Lighthouse", 80, ["streaming", "step-free"]),
    ("Dock 1", 45, ["whiteboard", "step-free"]),
    ("Dock 2", 45, ["whiteboard"]),
    ("Loft", 30, ["whiteboard"]),
    ("Garden room", 20, ["step-free"]),
]
OPENINGS = {
    Format.TALK: ["How we", "What we learned when we", "Why you should"],
    Format.DISCUSSION: ["Let's talk: can we", "Open question: should we", "Round table: how to"],
    Format.WORKSHOP: ["Hands-on: learn to", "Workshop: practise how to", "Build it together:"],
    Format.PANEL: ["Panel: who should", "Panel: the future of"],
    Format.DEMO: ["Demo: a tool to", "Show and tell: how we"],
}
SUBJECTS = {
    "Journey mapping": ["map journeys people actually use", "find the moments that matter"],
    "Voice of the customer": ["close the loop with every customer", "turn complaints into fixes"],
    "Service design": ["prototype a service in a day", "design services with front-line staff"],
    "Measurement and NPS": ["measure effort, not just satisfaction", "make NPS honest"],
    "Employee experience": ["listen to front-line staff", "link staff and customer experience"],
    "AI in customer service": ["hand over from bot to human", "use AI without losing trust"],
    "Co-creation with customers": ["co-design with lead customers", "run a wiki survey"],
    "Accessibility": ["make every touchpoint accessible", "test with disabled customers"],
    "Loyalty and retention": ["keep customers without points", "win back those who left"],
    "Digital self-service": ["build self-service customers love", "cut contact by fixing causes"],
}
LATE = [  # proposed during the event
    ("Live: what we heard in today's sessions", "Co-creation with customers"),
    ("Unplanned: accessibility clinic", "Accessibility"),
    ("Spontaneous round table on chatbot failures", "AI in customer service"),
    ("Bring your journey map for feedback", "Journey mapping"),
    ("Night owls: measurement war stories", "Measurement and NPS"),
]
SEARCH_SECONDS = 3.0  # 8 s finds no better plan for the demo: 0.954 of wishes attendable, 3 s 0.953


def load_agenda(organisation: Organisation, *, seed: int) -> Event:
    rng = random.Random(seed)
    organiser = User.objects.get(email=f"olivia@{DOMAIN}")
    event = services.event_create(
        organisation=organisation,
        actor=organiser,
        name="CX Un-conference 2027: the agenda",
        slug="unconference-2027",
        description="Two days whose sessions the attendees propose and choose.",
        topics=INTERESTS,
    )
    for day in DAYS:
        services.slots_add_day(event=event, actor=organiser, day=day, times=TIMES)
    for name, seats, features in ROOMS:
        services.room_save(
            event=event, actor=organiser, name=name, capacity=seats, features=features
        )
    with scope(organisation=organisation):
        members = list(Membership.objects.select_related("user").order_by("pk"))
    people = [m for m in members if m.role in (Role.CUSTOMER, Role.STAFF, Role.PARTNER)]
    proposals = []
    for n in range(80):
        topic = INTERESTS[n % len(INTERESTS)]
        form = rng.choice(list(OPENINGS))
        title = f"{rng.choice(OPENINGS[form])} {rng.choice(SUBJECTS[topic])}"
        proposal = services.proposal_submit(
            event=event,
            proposer=rng.choice(people).user,
            title=f"{title} ({n + 1})",
            format=form,
            length=2 if form == Format.WORKSHOP and rng.random() < 0.3 else 1,
            needs=["whiteboard"] if form == Format.WORKSHOP else [],
            topics=[topic],
        )
        proposals.append(services.proposal_accept(proposal=proposal, actor=organiser))
    _interest(proposals, members, rng)
    _publish(event, organiser)
    services.event_move_to(event=event, actor=organiser, phase=Phase.LIVE)
    for title, topic in LATE:
        late = services.proposal_submit(
            event=event, proposer=rng.choice(people).user, title=title, topics=[topic]
        )
        services.proposal_accept(proposal=late, actor=organiser)
        _interest([late], members, rng, share=0.15)
    _publish(event, organiser, replan=True)
    return event


def _interest(
    proposals: list, members: list[Membership], rng: random.Random, share: float = 1.0
) -> None:
    """Each attendee wants sessions on their interests, some they must attend."""
    wishes = []
    for membership in members:
        if membership.role == Role.ORGANISER or rng.random() > share:
            continue
        liked = set(membership.profile.get("interests") or [])
        pool = [p for p in proposals if liked & set(p.topics)] or proposals
        for proposal in rng.sample(pool, min(len(pool), rng.randint(4, 12))):
            weight = Weight.MUST if rng.random() < 0.25 else Weight.LIKE
            wishes.append(
                Interest(
                    organisation_id=proposal.organisation_id,
                    proposal=proposal,
                    user=membership.user,
                    weight=weight,
                )
            )
    with transaction.atomic(), scope(organisation=members[0].organisation_id):
        Interest.objects.bulk_create(wishes)


def _publish(event: Event, organiser: User, *, replan: bool = False) -> None:
    """Plan and publish. A busy machine may find no schedule in the first few seconds (a
    small demo packs its rooms tightly), as an organiser might: then it runs again, longer."""
    for seconds in (SEARCH_SECONDS, 10 * SEARCH_SECONDS):
        run = services.run_start(event=event, actor=organiser, replan=replan, time_limit=seconds)
        services.run_execute(run.pk)
        with scope(organisation=event.organisation_id):
            draft = Schedule.objects.filter(run=run).first()
        if draft is not None:
            services.schedule_publish(schedule=draft, actor=organiser)
            return
    run.refresh_from_db()
    raise CommandError(f"The demo's agenda could not be planned: {run.error} Try --reset.")
