"""What staff and organisers answer: the inbox of unanswered ideas, oldest first, the
response-time metrics, and groups of near-duplicates to merge."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cocreate.ideas import engine, selectors
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.RESPOND_TO_IDEAS)
def inbox(request: OrgRequest) -> HttpResponse:
    now = timezone.now()
    waiting = [(idea, now - idea.created_at) for idea in selectors.inbox(request.organisation)]
    return render(request, "ideas/inbox.html", {"waiting": waiting})


@org_page(Permission.RESPOND_TO_IDEAS)
def metrics(request: OrgRequest) -> HttpResponse:
    figures = selectors.response_metrics(request.organisation)
    return render(request, "ideas/metrics.html", {"metrics": figures})


@org_page(Permission.RESPOND_TO_IDEAS)
def duplicates(request: OrgRequest) -> HttpResponse:
    groups = engine.duplicate_groups(request.organisation)
    return render(request, "ideas/duplicates.html", {"groups": groups})
