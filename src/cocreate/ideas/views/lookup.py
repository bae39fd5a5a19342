"""Finding the objects a URL names, within what the person may see (else 404)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from cocreate.ideas import selectors
from cocreate.ideas.models import Challenge, Comparison, Idea, Job, Outcome, Survey
from cocreate.organisations.access import OrgRequest


def idea(request: OrgRequest, idea_id: int) -> Idea:
    return selectors.idea_for(request.membership, idea_id)


def job(request: OrgRequest, job_id: int) -> Job:
    for found in selectors.jobs(request.membership):
        if found.pk == job_id:
            return found
    raise Http404("No such job.")


def outcome(request: OrgRequest, outcome_id: int) -> Outcome:
    return get_object_or_404(Outcome.objects.select_related("job"), pk=outcome_id)


def survey(request: OrgRequest, survey_id: int) -> Survey:
    return selectors.survey_for(request.membership, survey_id)


def comparison(request: OrgRequest, comparison_id: int) -> Comparison:
    return get_object_or_404(
        Comparison.objects.select_related("left", "right", "round").filter(voter=request.user),
        pk=comparison_id,
    )


def challenge(request: OrgRequest, challenge_id: int) -> Challenge:
    return selectors.challenge_for(request.membership, challenge_id)
