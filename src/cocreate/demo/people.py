"""The demo's organisation and people: the CX Un-conference and its community.

Reproducible from a seed: the same seed gives the same people, profiles and preferences.
Everyone shares one password, hashed once (Argon2 is deliberately slow).
"""

import random
from collections import Counter

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_scopes import scope, scopes_disabled
from faker import Faker

from cocreate.accounts.models import Channel, ContactPreferences, User
from cocreate.organisations import services
from cocreate.organisations.models import FieldKind, Membership, Organisation, Role

SLUG = "cx-unconference"
DOMAIN = "cx-unconference.example"
DEMO_PASSWORD = "cocreate-demo"

# Fixed people, so the printed logins never change.
ORGANISERS = [("Olivia Bennett", "olivia"), ("Marcus Lee", "marcus")]
PARTNERS = [
    ("Priya Raman", "priya", "Green Fork Catering"),
    ("Tom Becker", "tom", "Brightline AV"),
    ("Sofia Alves", "sofia", "Harbour Hall venue"),
]
LOGINS = [
    ("organiser", f"olivia@{DOMAIN}"),
    ("staff", f"staff1@{DOMAIN}"),
    ("partner", f"priya@{DOMAIN}"),
    ("customer", f"chloe@{DOMAIN}"),
]
STAFF_JOBS = ["Registration desk", "Room host", "Session facilitator", "Community manager"]

INDUSTRIES = [
    "Retail",
    "Banking and insurance",
    "Telecoms",
    "Public sector",
    "Healthcare",
    "Travel and hospitality",
    "Software",
    "Automotive",
    "Utilities",
    "Education",
]
SIZES = ["1–49", "50–249", "250–999", "1,000–9,999", "10,000 or more"]
INTERESTS = [
    "Journey mapping",
    "Voice of the customer",
    "Service design",
    "Measurement and NPS",
    "Employee experience",
    "AI in customer service",
    "Co-creation with customers",
    "Accessibility",
    "Loyalty and retention",
    "Digital self-service",
]
GOALS = [
    "Take home methods I can use on Monday",
    "Meet peers from my industry",
    "Learn how others measure CX",
    "Present my own case",
    "Find partners or suppliers",
    "Get inspired",
]
LANGUAGES = ["English", "French", "German", "Spanish", "Dutch"]
# A job title, and the interests people in that job lean towards.
JOBS = [
    ("Head of Customer Experience", ["Measurement and NPS", "Employee experience"]),
    ("CX Manager", ["Journey mapping", "Voice of the customer"]),
    ("Service Designer", ["Service design", "Co-creation with customers", "Journey mapping"]),
    ("UX Researcher", ["Voice of the customer", "Accessibility", "Co-creation with customers"]),
    ("Product Manager", ["Co-creation with customers", "Digital self-service"]),
    ("Customer Insights Analyst", ["Measurement and NPS", "Voice of the customer"]),
    ("Contact Centre Manager", ["AI in customer service", "Employee experience"]),
    ("Marketing Director", ["Loyalty and retention", "Measurement and NPS"]),
    ("Chief Digital Officer", ["Digital self-service", "AI in customer service"]),
    ("Consultant", ["Service design", "Journey mapping", "Measurement and NPS"]),
]
TOPICS = [
    "How we cut our support backlog in half",
    "Closing the loop on NPS detractors",
    "Journey maps that people actually use",
    "What our front-line staff taught us",
    "Co-designing a service with our customers",
    "Measuring effort, not just satisfaction",
    "Chatbots that hand over gracefully",
    "Accessible by default",
]
CHANNEL_WEIGHTS = [
    (Channel.EMAIL, 50),
    (Channel.IN_APP, 15),
    (Channel.SMS, 15),
    (Channel.SOCIAL, 15),
    (Channel.WEBHOOK, 5),
]
SOCIAL_NETWORKS = ["Mastodon", "LinkedIn", "Bluesky", "WhatsApp"]

# key, label, kind, choices, required, help text, asked of everyone (else only in the
# offerings that ask it: what someone wants out of the un-conference is asked there).
PROFILE_FIELDS = [
    ("job_title", "Job title", FieldKind.TEXT, [], True, "", True),
    ("industry", "Industry", FieldKind.SINGLE_CHOICE, INDUSTRIES, True, "", True),
    (
        "company_size",
        "Size of your organisation",
        FieldKind.SINGLE_CHOICE,
        SIZES,
        False,
        "",
        True,
    ),
    (
        "years_in_cx",
        "Years working in customer experience",
        FieldKind.NUMBER,
        [],
        False,
        "",
        True,
    ),
    (
        "interests",
        "Topics you are interested in",
        FieldKind.MULTI_CHOICE,
        INTERESTS,
        True,
        "Pick as many as you like: we use them to suggest sessions.",
        True,
    ),
    (
        "goals",
        "What you want to get out of the un-conference",
        FieldKind.MULTI_CHOICE,
        GOALS,
        False,
        "",
        False,
    ),
    ("language", "Preferred language", FieldKind.SINGLE_CHOICE, LANGUAGES, False, "", True),
]


def demo_exists() -> bool:
    return Organisation.objects.filter(slug=SLUG).exists()


def remove_demo() -> None:
    with transaction.atomic(), scopes_disabled():
        Organisation.objects.filter(slug=SLUG).delete()
        User.objects.filter(email__endswith=f"@{DOMAIN}").delete()


def load_demo(*, seed: int, customers: int) -> dict[str, int]:
    rng = random.Random(seed)
    fake = Faker(["en_GB", "fr_FR", "de_DE", "es_ES", "nl_NL"])
    fake.seed_instance(seed)
    password = make_password(DEMO_PASSWORD)
    with transaction.atomic():
        first = _user("Olivia Bennett", f"olivia@{DOMAIN}", password)
        organisation = services.organisation_create(
            creator=first,
            name="CX Un-conference",
            slug=SLUG,
            description=(
                "A day made by its attendees: practitioners of customer experience propose "
                "the sessions, choose what to attend and shape the agenda together."
            ),
            allow_self_join=True,
        )
        for key, label, kind, choices, required, help_text, everyone in PROFILE_FIELDS:
            services.profile_field_create(
                organisation=organisation,
                actor=first,
                key=key,
                label=label,
                kind=kind,
                choices=choices,
                required=required,
                help_text=help_text,
                asked_of_everyone=everyone,
            )
        cast = _cast(fake, customers)
        users = User.objects.bulk_create(
            [User(email=email, name=name, password=password) for name, email, _, _ in cast]
        )
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in [first, *users]
            ]
        )
        ContactPreferences.objects.bulk_create(
            [_contact(rng, fake, u) for u in users] + [ContactPreferences(user=first)]
        )
        with scope(organisation=organisation):
            Membership.objects.filter(user=first).update(profile=_organiser_profile())
            Membership.objects.bulk_create(
                [
                    Membership(
                        organisation=organisation,
                        user=user,
                        role=role,
                        profile=_profile(rng, role, extra),
                    )
                    for user, (_, _, role, extra) in zip(users, cast, strict=True)
                ]
            )
            roles = Counter(Membership.objects.values_list("role", flat=True))
    return {role.value: roles[role.value] for role in Role}


def _user(name: str, email: str, password: str) -> User:
    return User.objects.create(email=email, name=name, password=password)


def _cast(fake: Faker, customers: int) -> list[tuple[str, str, str, str]]:
    """(name, email, role, extra) for everyone but the first organiser."""
    cast: list[tuple[str, str, str, str]] = [
        (name, f"{local}@{DOMAIN}", Role.ORGANISER, "") for name, local in ORGANISERS[1:]
    ]
    for n in range(1, 11):
        cast.append((fake.name(), f"staff{n}@{DOMAIN}", Role.STAFF, STAFF_JOBS[n % 4]))
    cast += [
        (name, f"{local}@{DOMAIN}", Role.PARTNER, company) for name, local, company in PARTNERS
    ]
    cast.append(("Chloe Martin", f"chloe@{DOMAIN}", Role.CUSTOMER, ""))
    for n in range(2, customers + 1):
        cast.append((fake.name(), f"customer{n}@{DOMAIN}", Role.CUSTOMER, ""))
    return cast


def _contact(rng: random.Random, fake: Faker, user: User) -> ContactPreferences:
    channels, weights = zip(*CHANNEL_WEIGHTS, strict=True)
    channel = rng.choices(channels, weights=weights)[0]
    handle = user.email.split("@")[0].replace(".", "_")
    return ContactPreferences(
        user=user,
        preferred_channel=channel,
        phone=f"+447400{rng.randrange(10**6):06d}" if channel == Channel.SMS else "",
        social_network=rng.choice(SOCIAL_NETWORKS) if channel == Channel.SOCIAL else "",
        social_handle=handle if channel == Channel.SOCIAL else "",
        webhook_url=f"https://hooks.example.org/{handle}" if channel == Channel.WEBHOOK else "",
    )


def _organiser_profile() -> dict[str, object]:
    return {
        "job_title": "Community organiser",
        "industry": "Software",
        "interests": ["Co-creation with customers", "Service design"],
        "language": "English",
    }


def _profile(rng: random.Random, role: str, extra: str) -> dict[str, object]:
    if role == Role.STAFF:
        return {
            "job_title": extra,
            "industry": "Travel and hospitality",
            "interests": [INTERESTS[6]],
        }
    if role == Role.PARTNER:
        return {
            "job_title": f"Account manager, {extra}",
            "industry": "Travel and hospitality",
            "interests": [INTERESTS[6]],
        }
    if role == Role.ORGANISER:
        return _organiser_profile()
    job, leanings = rng.choice(JOBS)
    interests = set(rng.sample(leanings, k=min(len(leanings), rng.randint(1, 2))))
    interests |= set(rng.sample(INTERESTS, k=rng.randint(0, 3)))
    profile: dict[str, object] = {
        "job_title": job,
        "industry": rng.choice(INDUSTRIES),
        "interests": [i for i in INTERESTS if i in interests],
    }
    if rng.random() < 0.85:
        profile["company_size"] = rng.choices(SIZES, weights=[15, 25, 25, 25, 10])[0]
        profile["years_in_cx"] = max(0, round(rng.lognormvariate(1.6, 0.6)))
        profile["goals"] = [g for g in GOALS if rng.random() < 0.35] or [rng.choice(GOALS)]
        profile["language"] = rng.choices(LANGUAGES, weights=[60, 10, 12, 10, 8])[0]
    return profile
