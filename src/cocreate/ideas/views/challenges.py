"""The shortlist (ideas by the opportunities they serve and their ranking, with reasons)
and challenges: a shortlisted idea as a bounded problem, lead customers invited by
profile and past participation, a thread, and the recorded result."""

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.ideas import engine, rules, selectors, services
from cocreate.ideas.forms import ChallengeForm, CloseForm, PostForm
from cocreate.ideas.models import ChallengeStatus, Idea, IdeaStatus, Survey
from cocreate.ideas.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows

SHORTLIST_SIZE = 40


@org_page(Permission.RESPOND_TO_IDEAS)
def shortlist(request: OrgRequest) -> HttpResponse:
    with_answers = list(
        Survey.objects.annotate(answers=Count("responses"))
        .filter(answers__gt=0)
        .order_by("-created_at", "-pk")
    )
    chosen = request.GET.get("survey")
    survey = next((s for s in with_answers if str(s.pk) == chosen), None) or next(
        iter(with_answers), None
    )
    snapshot = services.ranking_current(request.organisation)
    scores = engine.opportunities(survey) if survey else []
    statements = {o.pk: o.statement for o in selectors.survey_outcomes(survey)} if survey else {}
    entries = engine.shortlist(
        request.organisation, services.as_ranking(snapshot), scores, statements
    )
    ideas = Idea.objects.in_bulk([e.idea for e in entries])
    done = (IdeaStatus.SHIPPED, IdeaStatus.DECLINED)
    context = {
        "entries": [
            (e, ideas[e.idea])
            for e in entries
            if e.idea in ideas and ideas[e.idea].status not in done
        ][:SHORTLIST_SIZE],
        "surveys": with_answers,
        "survey": survey,
        "snapshot": snapshot,
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
    }
    return render(request, "ideas/shortlist.html", context)


@org_page(Permission.SHARE_IDEAS)
def challenges(request: OrgRequest) -> HttpResponse:
    context = {
        "challenges": list(selectors.challenges_for(request.membership)),
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
    }
    return render(request, "ideas/challenges.html", context)


@org_page(Permission.MANAGE_IDEAS)
def challenge_new(request: OrgRequest, idea_id: int) -> HttpResponse:
    idea = lookup.idea(request, idea_id)
    if request.method != "POST":
        form = ChallengeForm(initial={"title": idea.title, "problem": idea.description})
        return render(request, "ideas/challenge_new.html", {"form": form, "idea": idea})
    form = ChallengeForm(request.POST)
    if form.is_valid():
        try:
            challenge = services.challenge_create(
                idea=idea, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "The challenge is open: invite lead customers to it.")
            return redirect("challenge_invite", request.organisation.slug, challenge.pk)
    return render(request, "ideas/challenge_new.html", {"form": form, "idea": idea}, status=422)


@org_page(Permission.SHARE_IDEAS)
def challenge(request: OrgRequest, challenge_id: int) -> HttpResponse:
    return _challenge_page(request, lookup.challenge(request, challenge_id))


def _challenge_page(
    request: OrgRequest, found: Any, status: int = 200, **forms: Any
) -> HttpResponse:
    context = {
        "challenge": found,
        "thread": selectors.challenge_thread(found),
        "invited": selectors.challenge_invited(found),
        "post_form": forms.get("post_form") or PostForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
        "open": found.status == ChallengeStatus.OPEN,
        "may_post": services.is_participant(found, request.membership),
        "may_run_session": found.status == ChallengeStatus.OPEN
        and rules.may_run_as_session(found, request.membership),
    }
    return render(request, "ideas/challenge.html", context, status=status)


@org_page(Permission.SHARE_IDEAS, methods=["POST"])
def challenge_post(request: OrgRequest, challenge_id: int) -> HttpResponse:
    found = lookup.challenge(request, challenge_id)
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            services.challenge_post(
                challenge=found, membership=request.membership, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            return redirect("challenge", request.organisation.slug, found.pk)
    return _challenge_page(request, found, status=422, post_form=form)


@org_page(Permission.MANAGE_IDEAS)
def challenge_invite(request: OrgRequest, challenge_id: int) -> HttpResponse:
    """Lead customers: filter by profile answers, ranked by past participation."""
    found = lookup.challenge(request, challenge_id)
    fields = selectors.profile_choices(request.organisation)
    if request.method == "POST":
        try:
            invited = services.challenge_invite(
                challenge=found,
                actor=request.user,
                member_ids=[int(i) for i in request.POST.getlist("members") if i.isdigit()],
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{len(invited)} invited; they hear it on their channel.")
            return redirect("challenge", request.organisation.slug, found.pk)
    chosen = {key: request.GET.getlist(key) for key, _, _ in fields if request.GET.getlist(key)}
    context = {
        "challenge": found,
        "fields": [(key, label, choices, chosen.get(key, [])) for key, label, choices in fields],
        "candidates": selectors.lead_candidates(found, profile=chosen),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "ideas/challenge_invite.html", context, status=status)


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def challenge_close(request: OrgRequest, challenge_id: int) -> HttpResponse:
    found = lookup.challenge(request, challenge_id)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.challenge_close(
                challenge=found, actor=request.user, result=form.cleaned_data["result"]
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "The result is recorded and sent to everyone invited.")
            return redirect("challenge", request.organisation.slug, found.pk)
    return _challenge_page(request, found, status=422, close_form=form)
