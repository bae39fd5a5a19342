"""The demo's two offerings, and the designs the demo community made of them.

The un-conference is an event: sessions in time slots with room capacities, how each
attendee takes part, what they want to talk about, how to reach them during the day and
what they eat. The car-ownership experience is a service under a yearly budget. Both
are imported through the same service organisers use, opened, and designed by the
customers through the real design service, so every figure on the demand page is real.
"""

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.demo.people import DOMAIN, GOALS
from cocreate.engines import offerings as rules
from cocreate.offerings import engine, services
from cocreate.offerings.models import Offering, Partner
from cocreate.organisations import services as organisation_services
from cocreate.organisations.models import Membership, Organisation, Role

DAY = datetime(2027, 3, 11, tzinfo=UTC)
SLOTS = [(9, 30, 60), (11, 0, 75), (14, 0, 60), (15, 30, 75)]  # hour, minute, minutes

# (title, slot, seats, tags): the rooms hold 30 to 120; workshops need people in the room.
SESSIONS = [
    ("Journey maps that people actually use", 0, 120, ["Journey mapping"]),
    ("Closing the loop on NPS detractors", 0, 60, ["Measurement and NPS", "Voice of the customer"]),
    ("Workshop: co-design a service in 60 minutes", 0, 30, ["Service design", "workshop"]),
    ("Chatbots that hand over gracefully", 0, 45, ["AI in customer service"]),
    ("Panel: the future of CX", 1, 120, ["Loyalty and retention", "Employee experience"]),
    ("What our front-line staff taught us", 1, 45, ["Employee experience"]),
    ("Workshop: design thinking for service teams", 1, 30, ["Service design", "workshop"]),
    ("Accessible by default", 1, 45, ["Accessibility", "Digital self-service"]),
    ("Measuring effort, not just satisfaction", 2, 90, ["Measurement and NPS"]),
    ("Co-creation with customers: three cases", 2, 60, ["Co-creation with customers"]),
    ("Workshop: voice-of-the-customer programmes", 2, 30, ["Voice of the customer", "workshop"]),
    ("Self-service that customers love", 2, 45, ["Digital self-service"]),
    ("How we cut our support backlog in half", 3, 90, ["AI in customer service"]),
    ("Loyalty without points", 3, 45, ["Loyalty and retention"]),
    ("Workshop: build your journey metrics", 3, 30, ["Measurement and NPS", "workshop"]),
    ("Open space: bring your own question", 3, 60, ["Co-creation with customers"]),
]


def _window(slot: int) -> dict[str, str]:
    hour, minute, minutes = SLOTS[slot]
    start = DAY.replace(hour=hour, minute=minute)
    return {
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(minutes=minutes)).isoformat(),
    }


def _option(key: str, name: str, **fields: Any) -> dict[str, Any]:
    return {"key": key, "name": name, **fields}


def unconference_document() -> dict[str, Any]:
    sessions = [
        _option(
            f"s{n}",
            title,
            capacity=seats,
            tags=[t.lower() for t in tags],
            description=f"Room for {seats}.",
            **_window(slot),
        )
        for n, (title, slot, seats, tags) in enumerate(SESSIONS, start=1)
    ]
    workshops = [o["key"] for o in sessions if "workshop" in o["tags"]]
    return {
        "format": "cocreate.offering/1",
        "slug": "unconference-2027",
        "name": "CX Un-conference 2027",
        "description": (
            "Design your day: what you want out of it, which sessions you attend, how you "
            "take part and how we reach you on the day. Sessions have limited seats: a full "
            "one puts you on its waitlist."
        ),
        "kind": "event",
        "unit": "",
        "budget": None,
        "steps": [
            {
                "name": "What I want out of the day",
                "help_text": "Helps hosts prepare, and us to suggest sessions.",
                "min_picks": 1,
                "max_picks": 3,
                "options": [
                    _option(f"goal-{n}", goal, tags=[goal.lower()])
                    for n, goal in enumerate(GOALS, start=1)
                ],
            },
            {
                "name": "Sessions",
                "help_text": "One per time slot; workshops are hands-on, in the room.",
                "min_picks": 2,
                "max_picks": 4,
                "options": sessions,
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
                "open_answer": True,
                "min_picks": 0,
                "max_answer_length": 400,
            },
            {
                "name": "How to reach me during the day",
                "help_text": "For room changes and the live agenda.",
                "min_picks": 1,
                "max_picks": 1,
                "options": [
                    _option("reach-sms", "Text message"),
                    _option("reach-whatsapp", "WhatsApp"),
                    _option("reach-linkedin", "LinkedIn message"),
                    _option("reach-email", "Email"),
                    _option("reach-app", "Only in the app"),
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
        ],
        "rules": [
            *(
                {
                    "kind": "requires",
                    "options": [key, "in-person"],
                    "label": "Workshops are hands-on: take part in person",
                }
                for key in [*workshops, "hands-on"]
            ),
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
    organiser = User.objects.get(email=f"olivia@{DOMAIN}")
    organisation_services.profile_field_create(
        organisation=organisation,
        actor=organiser,
        key="owners_club",
        label="Member of the owners' club",
        kind="single_choice",
        choices=["Yes", "No"],
    )
    _partners(organisation, organiser)
    rng = random.Random(seed)
    with scope(organisation=organisation):
        customers = list(Membership.objects.filter(role=Role.CUSTOMER).order_by("pk"))
        for membership in customers:
            membership.profile["owners_club"] = rng.choice(["Yes", "No", "No"])
        Membership.objects.bulk_update(customers, ["profile"])
    for document, share in ((unconference_document(), 0.85), (car_document(), 0.4)):
        offering = services.offering_import(
            organisation=organisation, actor=organiser, document=document
        )
        services.offering_transition(offering=offering, actor=organiser, to="open")
        _design(organisation, offering, rng, share)


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
            if profile.get("talk_about"):
                answers[dimension.id] = str(profile["talk_about"])
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
