"""A journey, a feedback form and a few helpers, built through the services."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_scopes import scope

from cocreate.conftest import Org
from cocreate.listening import engine, opinions, services
from cocreate.listening.models import Question, RatingRequest, Survey, Touchpoint
from cocreate.organisations import services as organisation_services


@dataclass
class Journey:
    org: Org
    touchpoints: dict[str, Touchpoint]
    survey: Survey

    def touchpoint(self, name: str) -> Touchpoint:
        return self.touchpoints[name]


def build_journey(org: Org) -> Journey:
    services.journey_start_default(organisation=org.organisation, actor=org.organiser)
    with scope(organisation=org.organisation):
        touchpoints = {t.name: t for t in Touchpoint.objects.select_related("phase")}
    survey = services.survey_save(
        organisation=org.organisation,
        actor=org.organiser,
        touchpoint=touchpoints["get help"],
        title="How did we help?",
        asks_ces=True,
    )
    return Journey(org, touchpoints, survey)


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    """Dashboards and opinion groups are kept per process: not from one test to the next."""
    engine._cache.clear()
    opinions._cache.clear()


@pytest.fixture
def journey(acme: Org) -> Journey:
    return build_journey(acme)


def with_segments(org: Org, answers: dict[Any, str]) -> None:
    """An "industry" question, these people's answers, and segments taken from it."""
    organisation_services.profile_field_create(
        organisation=org.organisation,
        actor=org.organiser,
        key="industry",
        label="Industry",
        kind="single_choice",
        choices=sorted(set(answers.values()) | {"Other"}),
    )
    for user, answer in answers.items():
        membership = org.member(user)
        membership.profile = {"industry": answer}
        with scope(organisation=org.organisation):
            membership.save(update_fields=["profile"])
    services.segment_field_set(organisation=org.organisation, actor=org.organiser, key="industry")


def add_question(journey: Journey, **definition: Any) -> Question:
    """One of the form's own questions, added by its organiser."""
    return services.question_save(
        survey=journey.survey, actor=journey.org.organiser, **{"kind": "text", **definition}
    )


def follow_up(journey: Journey, **definition: Any) -> Question:
    """“What should we change?”, asked only when NPS is 6 or less."""
    return add_question(
        journey,
        label="What should we change?",
        condition_on="nps",
        condition_operator="at_most",
        condition_number=6,
        **definition,
    )


def ago(**delta: float) -> datetime:
    return timezone.now() - timedelta(**delta)


def isolation_values(org: Org) -> dict[str, Any]:
    """One listening object of each kind in `org`, by the URL parameter that names it
    (for the tenant-isolation walk in cocreate/tests/test_tenant_isolation.py)."""
    built = build_journey(org)
    question = follow_up(built)
    services.feedback_submit(survey=built.survey, answers={"csat": 4, "text": "Fine"})
    found = services.import_upload(
        organisation=org.organisation,
        actor=org.organiser,
        kind="signals",
        file_name="reviews.csv",
        content=b"date,touchpoint,review\n2026-01-02,use,Nice\n",
    )
    run = services.theme_run_start(organisation=org.organisation, actor=org.organiser)
    conversation = services.conversation_save(
        organisation=org.organisation, actor=org.organiser, title="Next year"
    )
    with scope(organisation=org.organisation):  # as ratings_ask leaves one after a session
        asked = RatingRequest.objects.create(
            organisation=org.organisation,
            touchpoint=built.touchpoint("use"),
            user=org.customer,
            digest=f"digest-of-{org.slug}",
        )
    return {
        "phase_id": built.touchpoint("use").phase_id,
        "touchpoint_id": built.touchpoint("use").pk,
        "form_id": built.survey.pk,
        "question_id": question.pk,
        "import_id": found.pk,
        "theme_run_id": run.pk,
        "conversation_id": conversation.pk,
        "request_id": asked.pk,
    }
