"""Taking an idea or a challenge to an event: the events that take proposals now, and the
session prefilled from it, to edit and propose."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cocreate.agenda import selectors, services, sources
from cocreate.agenda.forms import FromSourceForm
from cocreate.agenda.models import Event, Proposal
from cocreate.agenda.services.from_ideas import STANDING, hosts_of
from cocreate.agenda.views import lookup
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.ideas import selectors as ideas
from cocreate.ideas.models import Challenge, Idea
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.TAKE_PART_IN_AGENDA)
def from_idea(request: OrgRequest, idea_id: int) -> HttpResponse:
    idea = ideas.idea_for(request.membership, idea_id)
    services.idea_proposable(idea=idea, membership=request.membership)

    def propose(**fields: Any) -> Proposal:
        return services.proposal_from_idea(idea=idea, membership=request.membership, **fields)

    return _page(request, idea, sources.from_idea, propose)


@org_page(Permission.TAKE_PART_IN_AGENDA)
def from_challenge(request: OrgRequest, challenge_id: int) -> HttpResponse:
    challenge = ideas.challenge_for(request.membership, challenge_id)
    services.challenge_runnable(challenge=challenge, membership=request.membership)

    def propose(**fields: Any) -> Proposal:
        return services.proposal_from_challenge(
            challenge=challenge, membership=request.membership, **fields
        )

    return _page(request, challenge, sources.from_challenge, propose)


def _page(
    request: OrgRequest,
    source: Idea | Challenge,
    prefill: Callable[[Event, Any], dict[str, Any]],
    propose: Callable[..., Proposal],
) -> HttpResponse:
    open_now = selectors.events_taking_proposals(request.membership)
    event = _chosen(request, open_now)
    standing = {
        p.event_id: p
        for p in selectors.sessions_from(source, request.membership)
        if p.status in STANDING
    }
    form = None
    if event is not None:
        form = FromSourceForm(
            request.POST or None, initial=prefill(event, source), topics=event.topics
        )
        if request.method == "POST" and form.is_valid():
            try:
                proposal = propose(event=event, **form.cleaned_data)
            except ServiceError as error:
                show_service_error(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "“%(title)s” is proposed at %(event)s: the organisers decide, and "
                        "everyone concerned hears of it."
                    )
                    % {"title": proposal.title, "event": event.name},
                )
                return redirect("proposal", request.organisation.slug, event.slug, proposal.pk)
    proposer, co_hosts = hosts_of(source, request.user)
    context = {
        "source": source,
        "proposer": proposer,
        "asked": [u for u in [proposer, *co_hosts] if u.pk != request.user.pk],
        "is_idea": isinstance(source, Idea),
        "events": open_now,
        "event": event,
        "standing": standing.get(event.pk) if event is not None else None,
        "standing_at": set(standing),
        "form": form,
        "longest": services.longest_run(event) if event is not None else 0,
    }
    status = 422 if form is not None and form.errors else 200
    return render(request, "agenda/from_source.html", context, status=status)


def _chosen(request: OrgRequest, open_now: list[Event]) -> Event | None:
    """The event named in the address (even one taking no proposals: the service says so),
    else the first that takes them."""
    slug = request.GET.get("event")
    if not slug:
        return open_now[0] if open_now else None
    return lookup.event(request, slug)
