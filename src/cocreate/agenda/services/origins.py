"""The people behind a session grown from an idea or a challenge hear what becomes of it,
on their own channel: the idea's followers, or the challenge's lead customers, when it is
proposed and again when it is accepted (a session people choose). Hosts who have not
confirmed yet are asked to."""

from cocreate.accounts.models import User
from cocreate.agenda.models import Proposal, Speaker
from cocreate.core.links import site_link
from cocreate.ideas.models import Follower, FollowReason
from cocreate.messaging.services import notify


def tell_proposed(proposal: Proposal, *, actor: User) -> None:
    """Everyone concerned but the person who proposed it."""
    _tell(proposal, stage="proposed", actor=actor, skip={actor.pk})


def tell_accepted(proposal: Proposal, *, actor: User) -> None:
    """The proposer hears it as every proposer does (proposal_accepted); the others here."""
    if proposal.idea_id is None and proposal.challenge_id is None:
        return
    _tell(proposal, stage="accepted", actor=actor, skip={actor.pk, proposal.proposer_id})


def _tell(proposal: Proposal, *, stage: str, actor: User, skip: set[int | None]) -> None:
    event = proposal.event
    context = {"session": proposal.title, "event": event.name, "actor": str(actor)}
    if proposal.idea is not None:
        kind, context["idea"] = "idea_session", proposal.idea.title
    elif proposal.challenge is not None:
        kind, context["challenge"] = "challenge_session", proposal.challenge.title
    else:
        return
    speakers = list(Speaker.objects.filter(proposal=proposal).select_related("user"))
    asked = {s.user_id for s in speakers if s.confirmed_at is None}
    link = site_link("proposal", event.organisation.slug, event.slug, proposal.pk)
    for user, reason in _audience(proposal, speakers):
        if user.pk in skip:
            continue
        notify(
            recipient=user,
            organisation=event.organisation,
            kind=kind,
            context={**context, "stage": stage, "asked": user.pk in asked, "reason": reason},
            link=link,
        )


def _audience(proposal: Proposal, speakers: list[Speaker]) -> list[tuple[User, str]]:
    """Who hears, and why: the idea's followers and the session's hosts (for a challenge,
    its lead customers), each once."""
    people: dict[int, tuple[User, str]] = {}
    if proposal.idea is not None:
        for follower in Follower.objects.filter(idea=proposal.idea).select_related("user"):
            reason = FollowReason(follower.reason).label.lower()
            people[follower.user_id] = (follower.user, reason)
    for speaker in speakers:
        people.setdefault(speaker.user_id, (speaker.user, ""))
    return [people[user_id] for user_id in sorted(people)]
