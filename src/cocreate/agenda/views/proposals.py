"""Proposals: everyone proposes and says what they want to attend; organisers decide."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cocreate.agenda import selectors, services
from cocreate.agenda.forms import DeclineForm, ProposalForm, TalkForm
from cocreate.agenda.models import ProposalStatus
from cocreate.agenda.phases import Action, allows
from cocreate.agenda.views import lookup
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission
from cocreate.organisations.rules import allows as role_allows

SHOWN = (ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED)


@org_page(Permission.TAKE_PART_IN_AGENDA)
def proposals(request: OrgRequest, event: str) -> HttpResponse:
    """The sessions on offer, newest last; "for me" keeps those on the person's topics."""
    found = lookup.event(request, event)
    everything = list(selectors.proposals(found).filter(status__in=SHOWN))
    interests = {str(v).lower() for v in _profile_values(request)}
    which = request.GET.get("for", "")
    if which == "mine":  # what they proposed, whatever became of it
        shown = list(selectors.proposals(found).filter(proposer=request.user))
    else:
        shown = [
            p for p in everything if which != "me" or interests & {t.lower() for t in p.topics}
        ]
    context = {
        "event": found,
        "proposals": shown,
        "total": len(everything),
        "for_me": which == "me",
        "mine_only": which == "mine",
        "mine": selectors.my_interest(found, request.user.pk),
        "can_propose": allows(found.phase, Action.PROPOSE),
        "can_choose": allows(found.phase, Action.SHOW_INTEREST),
    }
    return render(request, "agenda/proposals.html", context)


def _profile_values(request: OrgRequest) -> list[object]:
    values: list[object] = []
    for answer in request.membership.profile.values():
        values.extend(answer if isinstance(answer, list) else [answer])
    return values


@org_page(Permission.TAKE_PART_IN_AGENDA)
def proposal_new(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    form = ProposalForm(request.POST or None, topics=found.topics)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_submit(
                event=found, proposer=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "Thank you: your session is proposed.")
            return redirect("proposal", request.organisation.slug, found.slug, proposal.pk)
    context = {"event": found, "form": form, "longest": services.longest_run(found)}
    return render(request, "agenda/proposal_new.html", context, status=422 if form.errors else 200)


@org_page(Permission.TAKE_PART_IN_AGENDA, methods=["GET", "POST"])
def designer_talk(request: OrgRequest, event: str) -> HttpResponse:
    """The designer's talk step, as the agenda sees it: what the person wants to talk
    about becomes a session proposal in one go, and their proposals are listed (htmx)."""
    found = lookup.event(request, event)
    status = 200
    if request.method == "POST":
        form = TalkForm(request.POST, topics=found.topics)
        if form.is_valid():
            try:
                proposal = services.proposal_submit(
                    event=found, proposer=request.user, **form.cleaned_data
                )
            except ServiceError as error:
                show_service_error(form, error)
            else:
                form = TalkForm(topics=found.topics)
                messages.success(
                    request,
                    _("“%(title)s” is proposed: the organisers decide, and we tell you.")
                    % {"title": proposal.title},
                )
        status = 422 if form.errors else 200
    else:
        said = next((str(v) for k, v in request.GET.items() if k.startswith("answer-") and v), "")
        form = TalkForm(initial={"title": said.strip()[:150]}, topics=found.topics)
    context = {
        "event": found,
        "form": form,
        "can_propose": allows(found.phase, Action.PROPOSE),
        "mine": selectors.proposals_by(found, request.user.pk),
    }
    return render(request, "agenda/_designer_talk.html", context, status=status)


@org_page(Permission.TAKE_PART_IN_AGENDA)
def proposal(request: OrgRequest, event: str, proposal_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    item = lookup.proposal(found, proposal_id)
    speakers = list(item.speakers.select_related("user"))
    context = {
        "event": found,
        "proposal": item,
        "speakers": speakers,
        "asked": any(s.user_id == request.user.pk and not s.confirmed_at for s in speakers),
        "mine": selectors.my_interest(found, request.user.pk).get(item.pk),
        "can_choose": allows(found.phase, Action.SHOW_INTEREST),
        "can_decide": role_allows(request.membership.role, Permission.RUN_AGENDA),
        "decline_form": DeclineForm(),
        "others": selectors.proposals(found)
        .filter(status__in=SHOWN)
        .exclude(pk=item.pk)
        .order_by("title"),
    }
    return render(request, "agenda/proposal.html", context)


@org_page(Permission.TAKE_PART_IN_AGENDA, methods=["POST"])
def interest(request: OrgRequest, event: str, proposal_id: int) -> HttpResponse:
    """Must attend, would like or not: answers the buttons again, in place (htmx)."""
    found = lookup.event(request, event)
    item = lookup.proposal(found, proposal_id)
    weight = request.POST.get("weight") or None
    status = 200
    try:
        services.interest_set(proposal=item, user=request.user, weight=weight)
    except ServiceError as error:
        messages.error(request, error.message)
        status = error.status
    if not request.htmx:
        return redirect(
            request.POST.get("next") or "proposals", request.organisation.slug, found.slug
        )
    context = {
        "event": found,
        "proposal": item,
        "mine": selectors.my_interest(found, request.user.pk).get(item.pk),
        "can_choose": True,
        "error": status != 200,
    }
    return render(request, "agenda/interest_buttons.html", context, status=status)


@org_page(Permission.TAKE_PART_IN_AGENDA, methods=["POST"])
def cohost_confirm(request: OrgRequest, event: str, proposal_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    item = lookup.proposal(found, proposal_id)
    try:
        services.speaker_confirm(proposal=item, user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"You host “{item.title}”.")
    return redirect("proposal", request.organisation.slug, found.slug, item.pk)


@org_page(Permission.RUN_AGENDA, methods=["POST"])
def proposal_decide(request: OrgRequest, event: str, proposal_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    item = lookup.proposal(found, proposal_id)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            services.proposal_accept(proposal=item, actor=request.user)
        elif decision == "decline":
            form = DeclineForm(request.POST)
            reason = form.data.get("reason", "")
            services.proposal_decline(proposal=item, actor=request.user, reason=str(reason))
        elif decision == "merge" and str(request.POST.get("into", "")).isdigit():
            into = lookup.proposal(found, int(request.POST["into"]))
            services.proposal_merge(proposal=item, into=into, actor=request.user)
        else:
            messages.error(request, "Accept, decline or merge.")
            return redirect("proposal", request.organisation.slug, found.slug, item.pk)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"“{item.title}” is {item.get_status_display().lower()}.")
    return redirect("proposal", request.organisation.slug, found.slug, item.pk)
