"""Attendees propose sessions (before and during the event); organisers accept, merge or
decline them, and the people concerned hear about it."""

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda import timing
from cocreate.agenda.models import (
    Event,
    Format,
    Phase,
    Proposal,
    ProposalStatus,
    Slot,
    Speaker,
)
from cocreate.agenda.phases import Action, allows
from cocreate.agenda.services.origins import tell_accepted
from cocreate.agenda.services.sessions import session_close, session_hosts_follow, session_open
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.core.links import site_link
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit
from cocreate.organisations.models import Membership

TITLE_MAX, ABSTRACT_MAX = 150, 3000


def proposal_submit(
    *,
    event: Event,
    proposer: User,
    title: str,
    abstract: str = "",
    format: str = Format.TALK,
    length: int = 1,
    needs: Sequence[str] = (),
    topics: Sequence[str] = (),
    co_hosts: Sequence[str] = (),
) -> Proposal:
    """Propose a session; co-hosts (emails of members) are asked to confirm."""
    require_proposals(event)
    errors = field_errors(
        event, title=title, abstract=abstract, format=format, length=length, topics=topics
    )
    with transaction.atomic(), scope(organisation=event.organisation_id):
        emails = sorted({e.strip().lower() for e in co_hosts if e.strip()})
        members = {
            m.user.email.lower(): m.user
            for m in Membership.objects.filter(user__email__in=emails).select_related("user")
        }
        strangers = [e for e in emails if e not in members]
        if strangers:
            errors["co_hosts"] = [
                _("Not members here: %(emails)s.") % {"emails": ", ".join(strangers)}
            ]
        if errors:
            raise InvalidInput(_("The proposal could not be saved."), fields=errors)
        proposal = create(
            event,
            proposer=proposer,
            confirmed=True,
            title=title,
            abstract=abstract,
            format=format,
            length=length,
            needs=needs,
            topics=topics,
        )
        for user in members.values():
            if user == proposer:
                continue
            Speaker.objects.create(
                organisation_id=event.organisation_id, proposal=proposal, user=user
            )
            notify(
                recipient=user,
                organisation=event.organisation,
                kind="cohost_invited",
                context={"proposer": proposer.name, "title": proposal.title, "event": event.name},
                link=proposal_link(proposal),
            )
        emit(
            organisation=event.organisation,
            event="proposal.submitted",
            data={"event": event.slug, "proposal": proposal.pk, "title": proposal.title},
        )
    return proposal


def require_proposals(event: Event) -> None:
    if not allows(event.phase, Action.PROPOSE):
        raise Conflict(
            _("%(event)s takes no proposals now (%(phase)s).")
            % {"event": event.name, "phase": event.get_phase_display()}
        )


def field_errors(
    event: Event, *, title: str, abstract: str, format: str, length: int, topics: Sequence[str]
) -> dict[str, list[str]]:
    """What is wrong with a proposal's fields, by field (empty when nothing is)."""
    errors: dict[str, list[str]] = {}
    title = title.strip()
    if not title or len(title) > TITLE_MAX:
        errors["title"] = [_("Give a title of up to %(most)d characters.") % {"most": TITLE_MAX}]
    if len(abstract) > ABSTRACT_MAX:
        errors["abstract"] = [_("Use at most %(most)d characters.") % {"most": ABSTRACT_MAX}]
    if format not in Format.values:
        errors["format"] = [
            _("Choose one of: %(formats)s.") % {"formats": ", ".join(Format.values)}
        ]
    longest = longest_run(event)
    if not isinstance(length, int) or length < 1:
        errors["length"] = [_("A session lasts at least one slot.")]
    elif longest and length > longest:
        errors["length"] = [
            ngettext(
                "No run of consecutive slots is that long: the longest has %(count)d slot.",
                "No run of consecutive slots is that long: the longest has %(count)d slots.",
                longest,
            )
            % {"count": longest}
        ]
    unknown_topics = [t for t in topics if t not in event.topics]
    if unknown_topics:
        errors["topics"] = [
            _("Not topics of %(event)s: %(topics)s.")
            % {"event": event.name, "topics": ", ".join(unknown_topics)}
        ]
    return errors


def create(
    event: Event,
    *,
    proposer: User,
    confirmed: bool,
    title: str,
    abstract: str,
    format: str,
    length: int,
    topics: Sequence[str],
    needs: Sequence[str] = (),
    **source: Any,
) -> Proposal:
    """The proposal (checked already) and its proposer as its first host, who counts once
    `confirmed`. `source`: the idea or challenge it grew from."""
    proposal = Proposal.objects.create(
        organisation_id=event.organisation_id,
        event=event,
        proposer=proposer,
        title=title.strip(),
        abstract=abstract.strip(),
        format=format,
        length=length,
        needs=[str(n).strip() for n in needs if str(n).strip()],
        topics=list(topics),
        during_event=event.phase == Phase.LIVE,
        **source,
    )
    Speaker.objects.create(
        organisation_id=event.organisation_id,
        proposal=proposal,
        user=proposer,
        confirmed_at=timezone.now() if confirmed else None,
    )
    return proposal


def proposal_link(proposal: Proposal) -> str:
    event = proposal.event
    return site_link("proposal", event.organisation.slug, event.slug, proposal.pk)


def longest_run(event: Event) -> int:
    """The most consecutive slots a session can take (0 when there are no slots yet)."""
    with scope(organisation=event.organisation_id):
        return timing.longest_run(list(Slot.objects.filter(event=event).order_by("starts_at")))


def speaker_confirm(*, proposal: Proposal, user: User) -> Speaker:
    with transaction.atomic(), scope(organisation=proposal.organisation_id):
        speaker = Speaker.objects.filter(proposal=proposal, user=user).first()
        if speaker is None:
            raise NotAllowed("You were not asked to host this session.")
        if speaker.confirmed_at is None:
            speaker.confirmed_at = timezone.now()
            speaker.save(update_fields=["confirmed_at"])
            session_hosts_follow(proposal)
    return speaker


def proposal_accept(*, proposal: Proposal, actor: User) -> Proposal:
    """An accepted session is one people choose, in the designer and on the agenda."""
    _require_open(proposal)
    newly = proposal.status != ProposalStatus.ACCEPTED
    with transaction.atomic(), scope(organisation=proposal.organisation_id):
        _decide(proposal, actor, ProposalStatus.ACCEPTED, kind="proposal_accepted")
        session_open(proposal)
        if newly:
            tell_accepted(proposal, actor=actor)
    return proposal


def proposal_decline(*, proposal: Proposal, actor: User, reason: str) -> Proposal:
    reason = reason.strip()
    if not reason or len(reason) > 500:
        raise InvalidInput(
            "Say why, in up to 500 characters: the proposer is told.",
            fields={"reason": ["Give a reason (up to 500 characters)."]},
        )
    _require_open(proposal)
    with transaction.atomic(), scope(organisation=proposal.organisation_id):
        _decide(proposal, actor, ProposalStatus.DECLINED, kind="proposal_declined", reason=reason)
        session_close(proposal)
    return proposal


def proposal_merge(*, proposal: Proposal, into: Proposal, actor: User) -> Proposal:
    """Fold a proposal into a similar one: its speakers and the people who chose it move
    over."""
    if into.pk == proposal.pk or into.event_id != proposal.event_id:
        raise InvalidInput("Merge into another proposal of the same event.")
    if into.status in (ProposalStatus.DECLINED, ProposalStatus.MERGED, ProposalStatus.WITHDRAWN):
        raise Conflict(f"“{into.title}” is {into.get_status_display().lower()}.")
    if proposal.status == ProposalStatus.ACCEPTED and into.status != ProposalStatus.ACCEPTED:
        raise Conflict(
            f"People chose “{proposal.title}”: accept “{into.title}” first, so their "
            "choice has a session to move to."
        )
    _require_open(proposal)
    with transaction.atomic(), scope(organisation=proposal.organisation_id):
        for speaker in Speaker.objects.filter(proposal=proposal):
            Speaker.objects.get_or_create(
                organisation_id=proposal.organisation_id,
                proposal=into,
                user_id=speaker.user_id,
                defaults={"confirmed_at": speaker.confirmed_at},
            )
        proposal.merged_into = into
        _decide(proposal, actor, ProposalStatus.MERGED, kind="proposal_merged", into=into.title)
        session_close(proposal, into=into)
        session_hosts_follow(into)
    return proposal


def _require_open(proposal: Proposal) -> None:
    if proposal.status in (ProposalStatus.MERGED, ProposalStatus.WITHDRAWN):
        raise Conflict(f"“{proposal.title}” is {proposal.get_status_display().lower()}.")


def _decide(
    proposal: Proposal, actor: User, status: str, *, kind: str, reason: str = "", into: str = ""
) -> Proposal:
    event = proposal.event
    with transaction.atomic(), scope(organisation=proposal.organisation_id):
        proposal.status, proposal.reason = status, reason
        proposal.save(update_fields=["status", "reason", "merged_into"])
        audit.record(
            organisation=event.organisation,
            actor=actor,
            action=f"proposal.{status}",
            target=proposal.title,
            reason=reason,
        )
        if proposal.proposer is not None:
            notify(
                recipient=proposal.proposer,
                organisation=event.organisation,
                kind=kind,
                context={
                    "title": proposal.title,
                    "event": event.name,
                    "reason": reason,
                    "into": into,
                },
                link=proposal_link(proposal),
            )
    return proposal
