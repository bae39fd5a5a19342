"""The demo's ideas load through the services on a small community, fully and the same
every time."""

from django_scopes import scope

from cocreate.demo import people
from cocreate.demo.ideas import load_ideas
from cocreate.ideas import selectors, services
from cocreate.ideas.models import (
    Challenge,
    Comparison,
    Curation,
    Idea,
    Outcome,
    Response,
    Survey,
)
from cocreate.organisations.models import Organisation


def test_the_demo_has_jobs_outcomes_answers_ideas_votes_statuses_and_a_challenge(db):
    people.load_demo(seed=3, customers=40)
    organisation = Organisation.objects.get(slug=people.SLUG)

    load_ideas(organisation, seed=3)

    with scope(organisation=organisation):
        assert Outcome.objects.filter(status=Curation.ACCEPTED).count() == 30
        survey = Survey.objects.get()
        assert survey.status == "open"
        assert 30 <= Response.objects.count() < 40  # Chloe has not answered: she can try it
        assert Idea.objects.count() == 200
        assert Idea.objects.filter(merged_into__isnull=False).count() > 5
        assert Idea.objects.filter(hidden_at__isnull=False).count() == 2
        assert Comparison.objects.filter(choice__in=["left", "right"]).count() > 200
        assert Idea.objects.exclude(status="new").count() > 50
        assert Challenge.objects.get().status == "open"
    assert selectors.response_metrics(organisation).organisation.median_hours is not None
    assert len(services.ranking_current(organisation).ideas) == 184
