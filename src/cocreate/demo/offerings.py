"""The demo's two offerings, and the designs the demo community made of the car service.

The un-conference is an event: what each attendee wants out of it (from their profile),
the sessions of its co-created agenda, how they take part, what they want to talk about
(which can become a session), their meals, and how to reach them during the days. Its
sessions and the attendees' designs come with the agenda (demo/agenda.py). The
car-ownership experience is a service under a yearly budget, with its own profile
question. Both are imported through the same service organisers use and opened; the car
service is designed by the customers through the real design service, so every figure on
its demand page is real.
"""

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.demo.people import DOMAIN
from cocreate.engines import offerings as rules
from cocreate.offerings import engine, services
from cocreate.offerings.models import Offering, Partner
from cocreate.organisations import services as organisation_services
from cocreate.organisations.models import Membership, Organisation, Role


def event_days() -> tuple[date, date]:
    """Yesterday and today: the un-conference is on, and its first day is over."""
    today = timezone.localdate()
    return today - timedelta(days=1), today


def _at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute), timezone.get_current_timezone()).isoformat()


def _option(key: str, name: str, **fields: Any) -> dict[str, Any]:
    return {"key": key, "name": name, **fields}


def unconference_document() -> dict[str, Any]:
    first, second = event_days()
    meals = [
        ("lunch-1", f"Lunch, {first:%A}", first, (13, 10), (14, 10), 200),
        ("dinner-1", f"Dinner and drinks, {first:%A} evening", first, (19, 0), (21, 30), 120),
        ("lunch-2", f"Lunch, {second:%A}", second, (13, 10), (14, 10), 200),
    ]
    return {
        "format": "cocreate.offering/1",
        "slug": "unconference",
        "name": "The un-conference days",
        "description": (
            "Two days made by the people who come: design yours. Choose the sessions you "
            "want to attend (the schedule is planned from everyone's choices), propose "
            "your own, and say how you take part, what you eat and how we reach you. "
            "Rooms have limited seats: a full one puts you on its waitlist."
        ),
        "kind": "event",
        "unit": "",
        "budget": None,
        "steps": [
            {
                "name": "About you",
                "help_text": "From your profile: we suggest sessions from your interests.",
                "source": "profile",
                "questions": ["interests", "goals"],
            },
            {
                "name": "Sessions",
                "help_text": "Everything you would like to attend; mark what you must not miss.",
                "source": "sessions",
            },
            {
                "name": "How I take part",
                "min_picks": 1,
                "max_picks": 2,
                "options": [
                    _option("in-person", "In person", partner="Harbour Hall venue"),
                    _option("live-stream", "Live stream", partner="Brightline AV"),
                    _option("recordings", "Recordings afterwards", partner="Brightline AV"),
                    _option(
                        "hands-on",
                        "Hands-on workshop track",
                        capacity=60,
                        description="Priority seats in every workshop.",
                    ),
                ],
            },
            {
                "name": "What I want to talk about",
                "help_text": "A session you could host, or a question you want discussed.",
                "source": "talk",
                "min_picks": 0,
                "max_answer_length": 400,
            },
            {
                "name": "Meals",
                "min_picks": 0,
                "options": [
                    _option(
                        key,
                        name,
                        capacity=seats,
                        partner="Green Fork Catering",
                        starts_at=_at(day, *start),
                        ends_at=_at(day, *end),
                    )
                    for key, name, day, start, end, seats in meals
                ],
            },
            {
                "name": "Food and dietary needs",
                "min_picks": 0,
                "max_picks": 3,
                "options": [
                    _option(f"diet-{key}", name, partner="Green Fork Catering")
                    for key, name in [
                        ("none", "No special needs"),
                        ("vegetarian", "Vegetarian"),
                        ("vegan", "Vegan"),
                        ("gluten-free", "Gluten-free"),
                        ("halal", "Halal"),
                    ]
                ],
            },
            {
                "name": "How to reach me during the days",
                "help_text": "For room changes, your plan and asking how a session went.",
                "source": "contact",
            },
        ],
        "rules": [
            {
                "kind": "requires",
                "options": ["hands-on", "in-person"],
                "label": "The hands-on track is in the room: take part in person",
            },
            {
                "kind": "excludes",
                "options": ["in-person", "live-stream"],
                "label": "Choose the room or the stream",
            },
            {
                "kind": "excludes",
                "options": [
                    "diet-none",
                    "diet-vegetarian",
                    "diet-vegan",
                    "diet-gluten-free",
                    "diet-halal",
                ],
                "label": "“No special needs” goes alone",
            },
        ],
    }


def car_document() -> dict[str, Any]:
    events = [  # key, name, seats, cost, start, hours
        ("track-day", "Track day at Brands Hatch", 20, "350.00", datetime(2027, 5, 15, 9), 8),
        ("ev-weekend", "Electric road-trip weekend", 30, "280.00", datetime(2027, 6, 12, 8), 34),
        ("winter-course", "Winter driving course", 16, "190.00", datetime(2027, 1, 23, 10), 6),
        ("factory-tour", "Factory tour", 40, "0.00", datetime(2027, 4, 8, 13), 3),
        ("club-dinner", "Owners' club dinner", 60, "75.00", datetime(2027, 5, 15, 19), 4),
    ]
    return {
        "format": "cocreate.offering/1",
        "slug": "car-ownership",
        "name": "Your car, your way",
        "description": (
            "Design the year of owning your car: how you pay, how you are covered, who helps "
            "on the road and which owners' events you join, within your yearly budget."
        ),
        "kind": "service",
        "unit": "EUR",
        "budget": "1500.00",
        "steps": [
            {
                "name": "About you",
                "help_text": "Owners' club members have events of their own.",
                "source": "profile",
                "questions": ["owners_club"],
            },
            {
                "name": "Financing",
                "min_picks": 1,
                "max_picks": 1,
                "options": [
                    _option("cash", "Paid in full", tags=["simple"]),
                    _option("pcp", "Personal contract purchase", cost="0.00", tags=["flexible"]),
                    _option(
                        "lease",
                        "Lease with maintenance",
                        cost="420.00",
                        tags=["peace of mind"],
                        description="Servicing included.",
                    ),
                ],
            },
            {
                "name": "Insurance",
                "min_picks": 1,
                "max_picks": 1,
                "options": [
                    _option("third-party", "Third party", cost="180.00"),
                    _option("comprehensive", "Comprehensive", cost="540.00", tags=["safety"]),
                    _option(
                        "comprehensive-plus",
                        "Comprehensive with courtesy car",
                        cost="690.00",
                        tags=["safety", "peace of mind"],
                    ),
                ],
            },
            {
                "name": "Roadside help",
                "min_picks": 0,
                "max_picks": 1,
                "options": [
                    _option(
                        "road-national", "National cover", cost="90.00", partner="RoadAssist Europe"
                    ),
                    _option(
                        "road-europe",
                        "Europe-wide cover",
                        cost="160.00",
                        partner="RoadAssist Europe",
                        tags=["travel"],
                    ),
                ],
            },
            {
                "name": "Maintenance",
                "min_picks": 0,
                "max_picks": 1,
                "options": [
                    _option("service-plan", "Service plan", cost="240.00"),
                    _option(
                        "service-tyres",
                        "Service plan with tyres",
                        cost="380.00",
                        tags=["peace of mind"],
                    ),
                ],
            },
            {
                "name": "Owners' events",
                "help_text": "Limited places; two at most.",
                "min_picks": 0,
                "max_picks": 2,
                "options": [
                    _option(
                        key,
                        name,
                        capacity=seats,
                        cost=cost,
                        tags=["events"],
                        starts_at=start.replace(tzinfo=UTC).isoformat(),
                        ends_at=(start.replace(tzinfo=UTC) + timedelta(hours=hours)).isoformat(),
                        **(
                            {
                                "eligibility": [
                                    {
                                        "field": "owners_club",
                                        "allowed": ["Yes"],
                                        "label": "owners' club members",
                                    }
                                ]
                            }
                            if key == "club-dinner"
                            else {}
                        ),
                    )
                    for key, name, seats, cost, start, hours in events
                ],
            },
        ],
        "rules": [
            {
                "kind": "excludes",
                "options": ["lease", "service-plan", "service-tyres"],
                "label": "The lease already includes servicing",
            },
            {
                "kind": "excludes",
                "options": ["track-day", "third-party"],
                "label": "Track days need comprehensive insurance",
            },
        ],
    }


def load_offerings(organisation: Organisation, *, seed: int) -> None:
    """Both offerings, open; the car service designed by four customers in ten."""
    organiser = User.objects.get(email=f"olivia@{DOMAIN}")
    organisation_services.profile_field_create(
        organisation=organisation,
        actor=organiser,
        key="owners_club",
        label="Member of the owners' club",
        kind="single_choice",
        choices=["Yes", "No"],
        asked_of_everyone=False,  # only the car service asks it
    )
    _partners(organisation, organiser)
    rng = random.Random(seed)
    with scope(organisation=organisation):
        customers = list(Membership.objects.filter(role=Role.CUSTOMER).order_by("pk"))
        for membership in customers:
            membership.profile["owners_club"] = rng.choice(["Yes", "No", "No"])
        Membership.objects.bulk_update(customers, ["profile"])
    for document in (unconference_document(), car_document()):
        offering = services.offering_import(
            organisation=organisation, actor=organiser, document=document
        )
        services.offering_transition(offering=offering, actor=organiser, to="open")
    with scope(organisation=organisation):
        car = Offering.objects.get(slug="car-ownership")
    _design(organisation, car, rng, share=0.4)


def _partners(organisation: Organisation, organiser: User) -> None:
    """Each demo partner acts for its company."""
    with scope(organisation=organisation):
        partners = Membership.objects.filter(role=Role.PARTNER).select_related("user")
        for membership in partners:
            company = str(membership.profile["job_title"]).split(", ", 1)[1]
            services.partner_save(
                organisation=organisation,
                actor=organiser,
                name=company,
                member_ids=[membership.pk],
            )
        Partner.objects.get_or_create(organisation=organisation, name="RoadAssist Europe")


def _design(
    organisation: Organisation, offering: Offering, rng: random.Random, share: float
) -> None:
    """Most customers design it: from their interests, as the designer's suggestion would,
    some after running into a rule first (the demand page shows what they wanted)."""
    compiled = engine.engine_offering(offering)
    with scope(organisation=organisation):
        customers = list(
            Membership.objects.filter(role=Role.CUSTOMER).select_related("user").order_by("pk")
        )
    for membership in customers:
        if rng.random() > share:
            continue
        wanted = _wishes(compiled, membership.profile, rng)
        remaining = engine.remaining_seats(offering, None)
        found = rules.validate(compiled, wanted, membership.profile, remaining)
        if [v for v in found if v.code != "full"]:
            services.draft_save(
                offering=offering,
                membership=membership,
                options=wanted.options,
                answers=wanted.answers,
            )
            repairs = rules.repair(compiled, wanted, membership.profile, remaining)
            if not repairs:
                continue
            wanted = repairs[0].selection
        services.design_submit(
            offering=offering,
            membership=membership,
            options=wanted.options,
            answers=wanted.answers,
        )


def _wishes(
    compiled: rules.Offering, profile: dict[str, Any], rng: random.Random
) -> rules.Selection:
    """What a person would pick: options whose tags match their interests and goals, the
    best one per time slot, a few at random; sometimes more than the rules allow."""
    interests = {str(v).lower() for v in [*profile.get("interests", []), *profile.get("goals", [])]}
    chosen: set[str] = set()
    answers: dict[str, str] = {}
    for dimension in compiled.dimensions:
        if dimension.open_answer:
            continue
        options = [o for o in compiled.options if o.dimension == dimension.id]
        scored = sorted(
            options,
            key=lambda o: (-len(interests & set(o.tags)) - rng.random(), o.id),
        )
        slots_taken: set[datetime] = set()
        picks = []
        for option in scored:
            if option.window and option.window.start in slots_taken and rng.random() > 0.1:
                continue
            picks.append(option.id)
            if option.window:
                slots_taken.add(option.window.start)
            if len(picks) >= rng.randint(max(1, dimension.min_picks), dimension.max_picks or 2):
                break
        chosen.update(picks[: max(dimension.min_picks, 1)] if rng.random() < 0.3 else picks)
    return rules.Selection(options=frozenset(chosen), answers=answers)
