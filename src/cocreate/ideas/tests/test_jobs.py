"""Jobs and desired outcomes: proposed by anyone in the standard form, curated by organisers."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.ideas import selectors, services
from cocreate.ideas.models import Outcome


def test_an_outcome_reads_as_one_statement_in_the_standard_form(ideas):
    assert ideas.find.statement == "Minimise the time it takes to find a session worth attending"
    assert ideas.find.status == "accepted"  # proposed by an organiser


def test_a_customers_proposal_waits_for_the_organisers_and_only_they_see_it(acme, ideas):
    proposed = services.outcome_propose(
        membership=acme.member(acme.customer),
        job=ideas.job,
        direction="increase",
        metric="the likelihood",
        object_of_control="of meeting a speaker",
        clarifier="after their talk",
    )

    def statements(user):
        return [
            o.statement for job in selectors.jobs(acme.member(user)) for o in job.outcomes.all()
        ]

    assert proposed.status == "proposed"
    assert proposed.statement in statements(acme.customer)  # their own
    assert proposed.statement not in statements(acme.partner)
    assert proposed.statement in statements(acme.organiser)

    services.curate(item=proposed, actor=acme.organiser, status="accepted")

    assert proposed.statement in statements(acme.partner)


def test_an_outcome_needs_a_direction_metric_and_object_and_is_not_repeated(acme, ideas):
    organiser = acme.member(acme.organiser)
    with pytest.raises(InvalidInput, match="Start with one of: Minimise, Increase"):
        services.outcome_propose(
            membership=organiser,
            job=ideas.job,
            direction="reduce",
            metric="the time",
            object_of_control="to queue",
        )
    with pytest.raises(InvalidInput, match="The object of control is empty"):
        services.outcome_propose(
            membership=organiser,
            job=ideas.job,
            direction="minimise",
            metric="the time it takes",
            object_of_control=" ",
        )
    with pytest.raises(Conflict, match="is already here"):
        services.outcome_propose(
            membership=organiser,
            job=ideas.job,
            direction="minimise",
            metric="The time it takes",
            object_of_control="to find a session",
            clarifier="worth attending",
        )
    with scope(organisation=acme.organisation):
        assert Outcome.objects.count() == 3


def test_a_job_gets_steps_and_the_same_job_twice_is_refused(acme, ideas):
    services.job_step_add(job=ideas.job, actor=acme.organiser, name="Choose sessions")

    with pytest.raises(Conflict, match="already here"):
        services.job_propose(
            membership=acme.member(acme.customer), title="get the most out of a conference day"
        )
    with scope(organisation=acme.organisation):
        assert [s.name for s in ideas.job.steps.all()] == ["Choose sessions"]


def test_a_customer_proposes_on_the_page_and_may_not_curate(acme, ideas):
    client = client_for(acme.customer)

    proposed = client.post("/o/acme/jobs/new/", {"title": "Convince my manager to send me"})
    curated = client.post(f"/o/acme/jobs/{ideas.job.pk}/curate/", {"status": "rejected"})

    assert proposed.status_code == 302
    assert curated.status_code == 403
    page = client.get("/o/acme/jobs/").content.decode()
    assert "Convince my manager to send me" in page
    assert "Minimise the time it takes to find a session worth attending" in page


def test_a_bad_outcome_on_the_page_keeps_the_form_with_its_error(acme, ideas):
    answer = client_for(acme.partner).post(
        f"/o/acme/jobs/{ideas.job.pk}/outcomes/",
        {"direction": "minimise", "metric": "x", "object_of_control": "to find a seat"},
    )

    assert answer.status_code == 422
    assert "The metric is too short: write at least 3 characters." in answer.content.decode()
