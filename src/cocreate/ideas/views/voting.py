"""The wiki survey: two ideas at a time ("which matters more to you?"), the voter's own
idea added in place, and the ranking with its uncertainty."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from cocreate.core.charts import chart
from cocreate.core.errors import ServiceError
from cocreate.ideas import charts, services
from cocreate.ideas.forms import RoundForm
from cocreate.ideas.models import Comparison, Idea
from cocreate.ideas.services.ideas import TITLE_MOST
from cocreate.ideas.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows

CHART_TOP = 15


@org_page(Permission.SHARE_IDEAS)
def vote(request: OrgRequest) -> HttpResponse:
    return _pair(request, page=True)


def _pair(
    request: OrgRequest, *, page: bool, error: str = "", added: str = "", status: int = 200
) -> HttpResponse:
    comparison = services.pair_next(organisation=request.organisation, user=request.user)
    voting = services.current_round(request.organisation)
    answered = Comparison.objects.filter(
        round=voting, voter=request.user, answered_at__isnull=False
    ).count()
    context = {
        "comparison": comparison,
        "round": voting,
        "answered": answered,
        "error": error,
        "added": added,
        "title_most": TITLE_MOST,
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
        "round_form": RoundForm(),
    }
    template = "ideas/vote.html" if page else "ideas/_pair.html"
    return render(request, template, context, status=status)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def vote_cast(request: OrgRequest, comparison_id: int) -> HttpResponse:
    """A vote; a refused one (a pair already answered, an idea merged meanwhile) shows
    why above the next pair: with its 4xx status on a full page, in place with htmx."""
    comparison = lookup.comparison(request, comparison_id)
    try:
        services.vote(
            comparison=comparison, user=request.user, choice=request.POST.get("choice", "")
        )
    except ServiceError as refused:
        status = 200 if request.htmx else refused.status
        return _pair(request, page=not request.htmx, error=refused.message, status=status)
    if not request.htmx:
        return redirect("vote", request.organisation.slug)
    return _pair(request, page=False)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def vote_add_idea(request: OrgRequest) -> HttpResponse:
    """The voter's own idea joins the vote at once (near-duplicates are the list page's
    concern: here the wording is short and the vote sorts it out)."""
    title = request.POST.get("title", "")
    try:
        idea = services.idea_submit(
            organisation=request.organisation, author=request.user, title=title
        )
    except ServiceError as refused:
        status = 200 if request.htmx else refused.status
        return _pair(request, page=not request.htmx, error=refused.message, status=status)
    if not request.htmx:
        messages.success(request, f"“{idea.title}” joins the vote.")
        return redirect("vote", request.organisation.slug)
    return _pair(request, page=False, added=idea.title)


@org_page(Permission.SHARE_IDEAS)
def ranking(request: OrgRequest) -> HttpResponse:
    snapshot = services.ranking_current(request.organisation)
    titles = dict(
        Idea.objects.filter(pk__in=[row["idea"] for row in snapshot.ideas]).values_list(
            "pk", "title"
        )
    )
    rows = [{**row, "title": titles.get(row["idea"], "")} for row in snapshot.ideas]
    context = {
        "snapshot": snapshot,
        "rows": rows,
        "chart": chart(
            charts.ranking_chart(rows[:CHART_TOP]),
            title=f"The top {min(CHART_TOP, len(rows))}: chance to beat another idea",
            summary=f"{snapshot.votes:,} decisive vote{'' if snapshot.votes == 1 else 's'} by "
            f"{snapshot.voters:,} voter{'' if snapshot.voters == 1 else 's'} on {len(rows):,} "
            "ideas; the lines show 95% intervals from resampling voters.",
        )
        if rows
        else None,
        "vote_url": reverse("vote", args=[request.organisation.slug]),
    }
    return render(request, "ideas/ranking.html", context)


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def round_new(request: OrgRequest) -> HttpResponse:
    form = RoundForm(request.POST)
    if form.is_valid():
        try:
            started = services.round_start(
                organisation=request.organisation,
                actor=request.user,
                name=form.cleaned_data["name"],
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"“{started.name}” has started: every pair can come back.")
    else:
        messages.error(request, "Give the new round a name.")
    return redirect("vote", request.organisation.slug)
