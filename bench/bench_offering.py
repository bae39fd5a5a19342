"""The offering bench/design.py and bench/design_http.py design: fixed, so that their
figures compare across runs."""

from datetime import UTC, datetime, timedelta
from typing import Any

GOALS = [
    "Take home methods I can use on Monday",
    "Meet peers from my industry",
    "Learn how others measure CX",
    "Present my own case",
    "Find partners or suppliers",
    "Get inspired",
]
DAY = datetime(2030, 3, 11, tzinfo=UTC)
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


def bench_document() -> dict[str, Any]:
    """The offering every run designs: a day of 16 timed sessions with seats, as the
    demo's un-conference was before its sessions came from an agenda (kept, so that the
    figures stay comparable from run to run)."""
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
        "slug": "bench-day",
        "name": "CX Un-conference 2027",
        "description": (
            "Design your day: what you want out of it, which sessions you attend, how you "
            "take part and how we reach you on the day. Sessions have limited seats: a full "
            "one puts you on its waitlist."
        ),
        "kind": "service",
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
