"""A small un-conference, built through the services as an organiser would build it."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from django_scopes import scope

from cocreate.conftest import Org
from cocreate.offerings import services
from cocreate.offerings.models import Dimension, Offering, Option
from cocreate.organisations import services as organisation_services


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2030, 3, 12, hour, minute, tzinfo=UTC)


@dataclass
class Unconference:
    offering: Offering
    sessions: Dimension
    delivery: Dimension
    topics: Dimension
    workshop: Option  # 10:00-11:00, 2 seats
    panel: Option  # 10:30-11:30, unlimited
    members_lunch: Option  # 12:00-13:00, members only, costs 15
    keynote: Option  # 14:00-15:00, 1 seat
    in_person: Option
    live_stream: Option

    def refresh(self) -> None:
        with scope(organisation=self.offering.organisation_id):
            for name in ("offering", "workshop", "panel", "members_lunch", "keynote"):
                getattr(self, name).refresh_from_db()


def build_unconference(org: Org, *, status: str = "open") -> Unconference:
    actor = org.organiser
    organisation_services.profile_field_create(
        organisation=org.organisation,
        actor=actor,
        key="membership",
        label="Membership",
        kind="single_choice",
        choices=["member", "guest"],
    )
    offering = services.offering_create(
        organisation=org.organisation,
        actor=actor,
        name="CX Un-conference",
        unit="EUR",
        budget="40.00",
    )
    sessions = services.dimension_create(
        offering=offering, actor=actor, name="Sessions", min_picks=1, max_picks=3
    )
    delivery = services.dimension_create(
        offering=offering, actor=actor, name="How sessions reach me", min_picks=1, max_picks=1
    )
    topics = services.dimension_create(
        offering=offering, actor=actor, name="What I want to talk about", open_answer=True
    )

    def option(dimension: Dimension, name: str, **fields: object) -> Option:
        return services.option_create(dimension=dimension, actor=actor, name=name, **fields)

    workshop = option(
        sessions,
        "Design thinking workshop",
        capacity=2,
        starts_at=at(10),
        ends_at=at(11),
        tags=["design"],
    )
    panel = option(
        sessions,
        "Panel: the future of CX",
        starts_at=at(10, 30),
        ends_at=at(11, 30),
        tags=["strategy"],
    )
    members_lunch = option(
        sessions,
        "Members' lunch",
        starts_at=at(12),
        ends_at=at(13),
        cost="15.00",
        eligibility=[{"field": "membership", "allowed": ["member"], "label": "members"}],
    )
    keynote = option(sessions, "Keynote", capacity=1, starts_at=at(14), ends_at=at(15))
    in_person = option(delivery, "In person")
    live_stream = option(delivery, "Live stream", cost="10.00")
    services.rule_create(
        offering=offering,
        actor=actor,
        kind="requires",
        options=[workshop.pk, in_person.pk],
        label="The workshop is hands-on: come in person",
    )
    if status != "draft":
        services.offering_transition(offering=offering, actor=actor, to="open")
    if status == "locked":
        services.offering_transition(offering=offering, actor=actor, to="locked")
    offering.refresh_from_db()
    return Unconference(
        offering,
        sessions,
        delivery,
        topics,
        workshop,
        panel,
        members_lunch,
        keynote,
        in_person,
        live_stream,
    )


@pytest.fixture
def unconference(acme) -> Unconference:
    return build_unconference(acme)


@pytest.fixture
def acme_live(transactional_db) -> Org:
    """The acme cast in a database that other connections (threads, processes) can see."""
    from cocreate.conftest import make_org

    return make_org("acme", "Acme Events", allow_self_join=True)
