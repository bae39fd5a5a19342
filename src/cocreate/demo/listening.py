"""The demo's year of listening: a journey with touchpoints and feedback forms, a year of
feedback from the community, staff pulses, who served whom, imported reviews and
tickets, a conversation with votes, and the themes in what people wrote.

The staff-customer effect is planted: each member of staff has a usual satisfaction, and
the customers they serve rate their visit `EFFECT` CSAT points higher per point of it,
on top of noise; the linkage dashboard should find it, with an interval around it. The
opinions are planted too: three camps that agree and disagree in their own ways.
Everything comes from one seed.
"""

import random
from datetime import datetime, timedelta

from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.demo.people import DOMAIN
from cocreate.listening import services
from cocreate.listening.models import (
    Feedback,
    ImportKind,
    Interaction,
    Source,
    StaffPulse,
    Touchpoint,
    Vote,
)
from cocreate.organisations.models import Membership, Organisation, Role

EFFECT = 0.55  # CSAT points per point of a staff member's usual satisfaction
DAYS = 365
FEEDBACK_PER_CUSTOMER = (8, 22)
TOUCHPOINTS = {
    "discover": ["Website", "Social media"],
    "choose": ["Programme page", "Session designer"],
    "buy": ["Ticket checkout", "Registration desk"],
    "use": ["Sessions", "Venue and catering", "Event app"],
    "get help": ["Help desk", "Chat"],
    "stay or leave": ["Follow-up email", "Community meetups"],
}
STAFFED = {"Registration desk", "Sessions", "Help desk", "Chat", "Community meetups"}
# Where people are happier or less happy than usual, in CSAT points.
MOOD = {
    "discover": 0.1,
    "choose": -0.1,
    "buy": -0.25,
    "use": 0.35,
    "get help": -0.45,
    "stay or leave": 0.05,
}
GOOD = {
    "discover": ["The website made it clear what the day is about", "Loved the speaker line-up"],
    "choose": ["Designing my own day was easy and fun", "Great choice of sessions"],
    "buy": ["Checkout was quick", "Registration was smooth and friendly"],
    "use": [
        "Brilliant sessions, I learned a lot",
        "Great coffee and lunch",
        "The workshop was hands-on and useful",
        "Friendly staff everywhere",
    ],
    "get help": [
        "The help desk solved my problem quickly",
        "Friendly and helpful staff at the desk",
    ],
    "stay or leave": ["Great follow-up with the slides", "Looking forward to the next meetup"],
}
BAD = {
    "discover": ["Hard to find the dates on the website", "Too many emails before the day"],
    "choose": ["The session designer was confusing", "My favourite session was full"],
    "buy": [
        "The registration queue was far too long",
        "Checkout failed twice",
        "I was charged twice for my ticket",
    ],
    "use": [
        "The wifi kept dropping",
        "Rooms were too crowded",
        "The coffee ran out by ten",
        "The event app crashed during the keynote",
        "Hard to find the rooms",
    ],
    "get help": [
        "Waited ages for an answer in the chat",
        "Nobody at the help desk knew the answer",
        "My question about a refund was ignored",
    ],
    "stay or leave": ["No follow-up after the event", "The slides never arrived"],
}
EXTRA = ["", "", " really", " honestly", " again", " this time"]
IMPORTED_REVIEWS = [
    ("review", "use", "Great sessions and friendly people", 5),
    ("review", "use", "Too crowded, could not get into my workshop", 2),
    ("review", "get help", "Support answered my refund question in minutes", 5),
    ("review", "buy", "Ticket price is steep for one day", 3),
    ("ticket", "get help", "Cannot log in to the event app", None),
    ("ticket", "get help", "Invoice shows the wrong company name", None),
    ("ticket", "buy", "Charged twice for one ticket", None),
    ("mention", "discover", "Heading to the CX Un-conference, excited!", None),
    ("mention", "use", "Wifi at the venue is awful today", None),
    ("mention", "use", "Best CX event this year, brilliant workshops", None),
]
STATEMENTS = [
    # (text, camp that agrees most: 0 hands-on, 1 big-stage, 2 small and quiet; None: all)
    ("More hands-on workshops, fewer talks", 0),
    ("Workshops should have smaller groups", 0),
    ("I want templates and tools to take home", 0),
    ("Keynotes from well-known speakers draw me in", 1),
    ("The panel discussions were the highlight", 1),
    ("A bigger venue with more people would be better", 1),
    ("Live streaming every session matters to me", 1),
    ("The day is too long: end by four", 2),
    ("I prefer quiet spaces for one-to-one conversations", 2),
    ("Fewer people would make it easier to meet", 2),
    ("A smaller, invitation-only format would suit me", 2),
    ("Lunch and coffee should stay free", None),
    ("The programme should be online a month earlier", None),
    ("Sessions should start on time", None),
    ("Slides should be shared after every session", None),
    ("Wifi needs to be much better", None),
    ("The event app is worth keeping", None),
    ("Networking breaks should be longer", 2),
    ("A second day would be worth it", 1),
    ("Case studies from my own industry matter most", 0),
    ("Speakers should be chosen by the attendees", 0),
    ("Sponsors' talks should be left out", 2),
    ("I would pay more for a better venue", 1),
    ("The un-conference format works better than a classic conference", None),
]


def load_listening(organisation: Organisation, *, seed: int) -> None:
    rng = random.Random(seed + 7)
    organiser = User.objects.get(email=f"olivia@{DOMAIN}")
    now = timezone.now().replace(microsecond=0)
    touchpoints = _journey(organisation, organiser)
    services.segment_field_set(organisation=organisation, actor=organiser, key="industry")
    _forms(organisation, organiser, touchpoints)
    with scope(organisation=organisation):
        staff = list(
            Membership.objects.filter(role=Role.STAFF)
            .order_by("pk")
            .values_list("user_id", flat=True)
        )
        customers = list(
            Membership.objects.filter(role=Role.CUSTOMER)
            .order_by("pk")
            .values_list("user_id", "profile")
        )
    usual = {
        s: 2.3 + 2.3 * i / max(len(staff) - 1, 1)
        for i, s in enumerate(rng.sample(staff, len(staff)))
    }
    _pulses(organisation, usual, rng, now)
    _feedback(organisation, touchpoints, customers, usual, rng, now)
    _imports(organisation, organiser, rng, now)
    _opinions(organisation, organiser, [c for c, _ in customers], rng, now)
    run = services.theme_run_start(organisation=organisation, actor=organiser)
    services.theme_run_execute(run.pk, seed=seed)


def _journey(organisation: Organisation, organiser: User) -> dict[str, Touchpoint]:
    found = {}
    for name, places in TOUCHPOINTS.items():
        phase = services.phase_create(organisation=organisation, actor=organiser, name=name)
        for place in places:
            found[place] = services.touchpoint_create(
                organisation=organisation, actor=organiser, phase=phase, name=place
            )
    return found


def _forms(organisation: Organisation, organiser: User, touchpoints: dict[str, Touchpoint]) -> None:
    for place, title, ces in (
        ("Help desk", "How did the help desk do?", True),
        ("Sessions", "How were today's sessions?", False),
        ("Registration desk", "How was registration?", True),
        ("Follow-up email", "Would you recommend the un-conference?", False),
    ):
        services.survey_save(
            organisation=organisation,
            actor=organiser,
            touchpoint=touchpoints[place],
            title=title,
            asks_ces=ces,
        )


def _pulses(
    organisation: Organisation, usual: dict[int, float], rng: random.Random, now: datetime
) -> None:
    pulses = []
    for staff_id, level in usual.items():
        for week in range(52):
            if rng.random() < 0.15:  # a missed week
                continue
            at = now - timedelta(days=7 * week + rng.randint(0, 4), hours=rng.randint(0, 8))
            satisfaction = min(5, max(1, round(rng.gauss(level, 0.6))))
            enps = min(10, max(0, round(rng.gauss(2 * level - 0.5, 1.4))))
            pulses.append(
                StaffPulse(
                    organisation=organisation,
                    staff_id=staff_id,
                    satisfaction=satisfaction,
                    enps=enps,
                    submitted_at=at,
                    source=Source.FORM,
                )
            )
    with scope(organisation=organisation):
        StaffPulse.objects.bulk_create(pulses, batch_size=1000)


def _feedback(
    organisation: Organisation,
    touchpoints: dict[str, Touchpoint],
    customers: list[tuple[int, dict[str, object]]],
    usual: dict[int, float],
    rng: random.Random,
    now: datetime,
) -> None:
    staff_ids = list(usual)
    centre = sum(usual.values()) / len(usual)
    places = list(touchpoints.values())
    surveys = {}
    with scope(organisation=organisation):
        for touchpoint in places:
            survey = touchpoint.surveys.first()
            if survey:
                surveys[touchpoint.pk] = survey.pk
    feedback, interactions = [], []
    for customer_id, profile in customers:
        warmth = rng.gauss(0, 0.45)  # some customers are simply happier
        segment = str(profile.get("industry", ""))
        for _ in range(rng.randint(*FEEDBACK_PER_CUSTOMER)):
            touchpoint = rng.choice(places)
            phase = touchpoint.phase.name
            days_ago = rng.random() * DAYS
            at = now - timedelta(days=days_ago, minutes=rng.randint(0, 600))
            improving = 0.25 * (1 - days_ago / DAYS)  # the year got better
            latent = 3.55 + MOOD[phase] + warmth + improving + rng.gauss(0, 0.75)
            if touchpoint.name in STAFFED:
                served_by = rng.choice(staff_ids)
                latent += EFFECT * (usual[served_by] - centre)
                interactions.append(
                    Interaction(
                        organisation=organisation,
                        staff_id=served_by,
                        customer_id=customer_id,
                        touchpoint=touchpoint,
                        occurred_at=at - timedelta(hours=rng.uniform(0.2, 60)),
                        source=Source.API,
                    )
                )
            csat = min(5, max(1, round(latent)))
            nps = min(10, max(0, round(2.2 * latent - 0.6 + rng.gauss(0, 1.1))))
            ces = min(7, max(1, round(1.45 * latent - 0.6 + rng.gauss(0, 0.8))))
            text = ""
            if rng.random() < 0.4:
                pool = GOOD[phase] if latent >= 3.4 else BAD[phase]
                text = rng.choice(pool) + rng.choice(EXTRA) + "."
            asks_ces = touchpoint.name in (
                "Help desk",
                "Registration desk",
                "Chat",
                "Ticket checkout",
            )
            feedback.append(
                Feedback(
                    organisation=organisation,
                    touchpoint=touchpoint,
                    survey_id=surveys.get(touchpoint.pk),
                    customer_id=customer_id,
                    source=Source.FORM,
                    nps=nps if rng.random() < 0.8 else None,
                    csat=csat,
                    ces=ces if asks_ces else None,
                    text=text,
                    segment=segment,
                    submitted_at=at,
                )
            )
    # Staff also serve customers who give no feedback afterwards.
    staffed = [t for t in places if t.name in STAFFED]
    for _ in range(len(interactions) // 2):
        customer_id, _profile = rng.choice(customers)
        interactions.append(
            Interaction(
                organisation=organisation,
                staff_id=rng.choice(staff_ids),
                customer_id=customer_id,
                touchpoint=rng.choice(staffed),
                occurred_at=now - timedelta(days=rng.random() * DAYS),
                source=Source.API,
            )
        )
    with scope(organisation=organisation):
        Interaction.objects.bulk_create(interactions, batch_size=2000)
        Feedback.objects.bulk_create(
            sorted(feedback, key=lambda f: f.submitted_at), batch_size=2000
        )


def _imports(
    organisation: Organisation, organiser: User, rng: random.Random, now: datetime
) -> None:
    """Reviews, tickets and mentions from elsewhere, through the real CSV import; a few
    rows are wrong on purpose, so the import page shows how problems are reported."""
    lines = ["date,channel,touchpoint,text,stars,id"]
    for n in range(600):
        kind, phase, text, stars = rng.choice(IMPORTED_REVIEWS)
        place = rng.choice(TOUCHPOINTS[phase])
        at = now - timedelta(days=rng.random() * DAYS)
        lines.append(f'{at:%Y-%m-%d %H:%M},{kind},{place},"{text}",{stars or ""},ext-{n}')
    lines.append(f"{now + timedelta(days=30):%Y-%m-%d},review,Sessions,From the future,5,ext-bad-1")
    lines.append("2026-02-30,review,Sessions,Not a real day,4,ext-bad-2")
    lines.append(f"{now:%Y-%m-%d},review,Sessions,Seven stars,7,ext-bad-3")
    lines.append(f"{now:%Y-%m-%d},review,Backstage,Unknown touchpoint,4,ext-bad-4")
    found = services.import_upload(
        organisation=organisation,
        actor=organiser,
        kind=ImportKind.SIGNALS,
        file_name="reviews-tickets-mentions.csv",
        content="\n".join(lines).encode(),
    )
    services.import_start(
        signal_import=found,
        actor=organiser,
        mapping={
            "columns": {
                "submitted_at": 0,
                "kind": 1,
                "touchpoint": 2,
                "text": 3,
                "csat": 4,
                "external_id": 5,
            },
            "fixed": {},
            "dates": "iso",
        },
    )
    services.import_execute(found.pk)


def _opinions(
    organisation: Organisation,
    organiser: User,
    customers: list[int],
    rng: random.Random,
    now: datetime,
) -> None:
    conversation = services.conversation_save(
        organisation=organisation,
        actor=organiser,
        title="What would make next year's un-conference better?",
        description="Agree, disagree or pass on each statement: the opinion groups show "
        "what different kinds of attendees want, and what everyone agrees on.",
    )
    statements = services.statements_add(
        conversation=conversation, actor=organiser, texts=[text for text, _ in STATEMENTS]
    )
    camps = {c: rng.choices([0, 1, 2], weights=[0.4, 0.35, 0.25])[0] for c in customers}
    votes = []
    for customer_id in rng.sample(customers, int(len(customers) * 0.85)):
        camp = camps[customer_id]
        answered = rng.sample(range(len(statements)), rng.randint(5, len(statements)))
        for index in answered:
            _, leaning = STATEMENTS[index]
            agree = 0.8 if leaning is None else (0.85 if leaning == camp else 0.2)
            draw = rng.random()
            value = 1 if draw < agree * 0.9 else (0 if draw < agree * 0.9 + 0.1 else -1)
            votes.append(
                Vote(
                    organisation=organisation,
                    conversation=conversation,
                    statement=statements[index],
                    participant_id=customer_id,
                    value=value,
                    voted_at=now - timedelta(days=DAYS * rng.random() ** 2, minutes=index),
                )
            )
    with scope(organisation=organisation):
        Vote.objects.bulk_create(votes, batch_size=2000)
