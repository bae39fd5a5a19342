"""The demo's first day as the attendees lived it: they chose their sessions the week
before; the caterer marked the meals it served as delivered; when each session ended
they were asked how it went, about half answered in one tap (some with a comment), and
the hosts heard how their sessions were rated. Through the real services, as the partner
and the worker would have."""

import random
from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from cocreate.demo.offerings import event_days
from cocreate.listening import services
from cocreate.listening.models import RatingRequest
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, ChoiceStatus, Design
from cocreate.organisations.models import Membership, Organisation

PRAISE = [
    "Practical: I will try the template on Monday.",
    "Great speaker, and the discussion afterwards was the best part.",
    "Exactly what I hoped for.",
    "Real examples, not slides of theory.",
]
CRITICISM = [
    "The room was far too small for the people who came.",
    "Interesting topic, but it ran out of time before the questions.",
    "Too much of a sales pitch.",
    "Hard to hear at the back.",
]


def load_ratings(organisation: Organisation, *, seed: int) -> None:
    rng = random.Random(seed)
    first_day, _ = event_days()
    week_before = timezone.now().replace(microsecond=0) - timedelta(days=8)
    with scope(organisation=organisation):
        # What people chose before the event they chose before it: their seats were there.
        lived = Choice.objects.filter(option__ends_at__lte=timezone.now())
        Choice.objects.filter(pk__in=lived.values("pk")).update(created_at=week_before)
        Design.objects.filter(submitted_at__isnull=False, offering__slug="unconference").update(
            submitted_at=week_before
        )
    _serve_meals(organisation)
    services.ratings_ask()
    with scope(organisation=organisation):
        asked = list(
            RatingRequest.objects.select_related("touchpoint__option", "organisation", "user")
            .filter(touchpoint__option__starts_at__date__gte=first_day)
            .order_by("pk")
        )
    quality: dict[int | None, float] = {}
    for request in asked:
        option_id = request.touchpoint.option_id
        quality.setdefault(option_id, rng.choice([2.8, 3.4, 3.8, 4.1, 4.4, 4.7]))
        if rng.random() > 0.5:
            continue
        score = max(1, min(5, round(rng.gauss(quality[option_id], 0.8))))
        comment = ""
        if rng.random() < 0.2:
            comment = rng.choice(PRAISE if score >= 4 else CRITICISM)
        services.rating_give(request=request, score=score, comment=comment)
    services.hosts_tell()


def _serve_meals(organisation: Organisation) -> None:
    """Green Fork Catering served yesterday's meals to everyone who had a seat at them."""
    with scope(organisation=organisation):
        served = list(
            Choice.objects.filter(
                option__ends_at__lte=timezone.now(),
                option__partner__isnull=False,
                status=ChoiceStatus.CONFIRMED,
                fulfilled_at__isnull=True,
            ).select_related("option__partner", "option__offering", "design__user")
        )
        acting = {
            partner: Membership.objects.filter(partners__name=partner).first()
            for partner in {c.option.partner.name for c in served if c.option.partner}
        }
        for choice in served:
            assert choice.option.partner is not None
            membership = acting[choice.option.partner.name]
            if membership is not None:
                offerings.choice_fulfil(choice=choice, membership=membership)
