"""Ideas and challenges become sessions. An idea is proposed at an event that takes
proposals with its author as the proposer (asked to host it when someone else proposed
it); a challenge with the organiser who opened it, and its lead customers who took part
are asked to co-host. The people behind it hear of it (origins.py)."""

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda.models import Event, Format, Proposal, ProposalStatus, Speaker
from cocreate.agenda.services.origins import tell_proposed
from cocreate.agenda.services.proposals import create, field_errors, require_proposals
from cocreate.core.errors import Conflict, Gone, InvalidInput, NotAllowed, NotFound
from cocreate.ideas import rules, selectors
from cocreate.ideas.models import Challenge, ChallengeStatus, Idea
from cocreate.messaging.services import emit
from cocreate.organisations import audit
from cocreate.organisations.models import Membership

# A proposal in one of these keeps its idea or challenge from being proposed again there.
STANDING = (ProposalStatus.PROPOSED, ProposalStatus.ACCEPTED, ProposalStatus.MERGED)


def proposal_from_idea(
    *,
    event: Event,
    idea: Idea,
    membership: Membership,
    title: str,
    abstract: str = "",
    format: str = Format.DISCUSSION,
    length: int = 1,
    topics: Sequence[str] = (),
) -> Proposal:
    """Propose the idea as a session at `event`; its author stays the proposer."""
    idea_proposable(idea=idea, membership=membership)
    proposer, co_hosts = hosts_of(idea, membership.user)
    return _propose(
        event,
        membership,
        proposer,
        co_hosts,
        {"idea": idea},
        title=title,
        abstract=abstract,
        format=format,
        length=length,
        topics=topics,
    )


def proposal_from_challenge(
    *,
    event: Event,
    challenge: Challenge,
    membership: Membership,
    title: str,
    abstract: str = "",
    format: str = Format.WORKSHOP,
    length: int = 1,
    topics: Sequence[str] = (),
) -> Proposal:
    """Run the challenge as a session at `event`, with the lead customers who took part."""
    challenge_runnable(challenge=challenge, membership=membership)
    proposer, co_hosts = hosts_of(challenge, membership.user)
    return _propose(
        event,
        membership,
        proposer,
        co_hosts,
        {"challenge": challenge},
        title=title,
        abstract=abstract,
        format=format,
        length=length,
        topics=topics,
    )


def hosts_of(source: Idea | Challenge, actor: User) -> tuple[User, list[User]]:
    """Its proposer (the idea's author; the organiser who opened the challenge) and the
    co-hosts asked (the challenge's lead customers who took part)."""
    if isinstance(source, Idea):
        return source.author, []
    proposer = source.created_by or actor
    return proposer, [u for u in selectors.challenge_participants(source) if u.pk != proposer.pk]


def idea_proposable(*, idea: Idea, membership: Membership) -> None:
    """Refuse, saying why, an idea this person may not propose as a session."""
    if idea.organisation_id != membership.organisation_id:
        raise NotFound(_("There is no such idea here."))
    if not rules.may_propose_as_session(idea, membership):
        raise NotAllowed(_("Only the idea's author, staff and organisers propose it as a session."))
    if idea.merged_into_id is not None:
        with scope(organisation=idea.organisation_id):
            into = Idea.objects.filter(pk=idea.merged_into_id).first()
        raise Gone(
            _("“%(title)s” was merged into “%(into)s”: propose that one as a session.")
            % {"title": idea.title, "into": into},
            code="idea_merged",
        )
    if idea.hidden_at is not None:
        raise Conflict(
            _("“%(title)s” is hidden by the moderators.") % {"title": idea.title},
            code="idea_hidden",
        )
    if idea.status in rules.SETTLED:
        raise Conflict(
            _("“%(title)s” is %(status)s: what became of it is decided.")
            % {"title": idea.title, "status": idea.get_status_display().lower()},
            code="idea_closed",
        )


def challenge_runnable(*, challenge: Challenge, membership: Membership) -> None:
    """Refuse, saying why, a challenge this person may not run as a session."""
    if challenge.organisation_id != membership.organisation_id:
        raise NotFound(_("There is no such challenge here."))
    if not rules.may_run_as_session(challenge, membership):
        raise NotAllowed(_("Only staff and organisers run a challenge as a session."))
    if challenge.status != ChallengeStatus.OPEN:
        raise Conflict(
            _("“%(title)s” is closed: its result is recorded.") % {"title": challenge.title},
            code="challenge_closed",
        )


def _propose(
    event: Event,
    membership: Membership,
    proposer: User,
    co_hosts: list[User],
    source: dict[str, Any],  # {"idea": idea} or {"challenge": challenge}
    **fields: Any,
) -> Proposal:
    """Checked, then in one transaction: the proposal, its hosts asked, the people behind
    its idea or challenge told, an audit entry when made for someone else, the webhook."""
    actor = membership.user
    if event.organisation_id != membership.organisation_id:
        raise NotFound(_("There is no such event here."))
    require_proposals(event)
    errors = field_errors(event, **fields)
    if errors:
        raise InvalidInput(_("The proposal could not be saved."), fields=errors)
    try:
        with transaction.atomic(), scope(organisation=event.organisation_id):
            _not_yet_proposed(event, source)
            proposal = create(
                event, proposer=proposer, confirmed=proposer == actor, **fields, **source
            )
            for user in co_hosts:
                Speaker.objects.create(
                    organisation_id=event.organisation_id, proposal=proposal, user=user
                )
            tell_proposed(proposal, actor=actor)
            if actor != proposer:
                audit.record(
                    organisation=event.organisation,
                    actor=actor,
                    action="proposal.proposed_for",
                    target=proposal.title,
                    proposer=proposer.email,
                )
            emit(
                organisation=event.organisation,
                event="proposal.submitted",
                data={
                    "event": event.slug,
                    "proposal": proposal.pk,
                    "title": proposal.title,
                    **{name: grown_from.pk for name, grown_from in source.items()},
                },
            )
    except IntegrityError:  # proposed at the same moment by someone else
        _not_yet_proposed(event, source)
        raise
    return proposal


def _not_yet_proposed(event: Event, source: dict[str, Any]) -> None:
    with scope(organisation=event.organisation_id):
        standing = (
            Proposal.objects.filter(event=event, status__in=STANDING, **source)
            .order_by("pk")
            .first()
        )
    if standing is not None:
        (what,) = source.values()
        raise Conflict(
            _("“%(title)s” is already proposed at %(event)s: “%(session)s” (%(status)s).")
            % {
                "title": what,
                "event": event.name,
                "session": standing.title,
                "status": standing.get_status_display().lower(),
            },
            code="already_proposed",
            fields={"event": [_("Already proposed here.")]},
        )
