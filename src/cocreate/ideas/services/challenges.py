"""Challenges: an organiser turns a shortlisted idea into a bounded problem (constraints,
what is out of scope, a deadline), invites lead customers, works on it with them in a
thread, and records what came of it."""

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.core.links import site_link
from cocreate.ideas.models import (
    Challenge,
    ChallengeInvitation,
    ChallengeMessage,
    ChallengeStatus,
    Idea,
)
from cocreate.ideas.services import checks
from cocreate.ideas.services.ideas import open_for_votes
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit
from cocreate.organisations.models import Membership, Role

TEXT_MOST = 4000
MOST_INVITED = 200


def challenge_create(
    *,
    idea: Idea,
    actor: User,
    title: str,
    problem: str,
    deadline: date,
    constraints: str = "",
    out_of_scope: str = "",
) -> Challenge:
    open_for_votes(idea)
    title = checks.text(title, "title", label="The title", least=5, most=140)
    problem = checks.text(problem, "problem", label="The problem", least=10, most=TEXT_MOST)
    constraints = checks.text(
        constraints, "constraints", label="The constraints", least=0, most=TEXT_MOST
    )
    out_of_scope = checks.text(
        out_of_scope, "out_of_scope", label="What is out of scope", least=0, most=TEXT_MOST
    )
    if not isinstance(deadline, date) or deadline <= timezone.localdate():
        text = "Give a deadline after today: a challenge is bounded in time."
        raise InvalidInput(text, fields={"deadline": [text]})
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        challenge = Challenge.objects.create(
            organisation_id=idea.organisation_id,
            idea=idea,
            title=title,
            problem=problem,
            constraints=constraints,
            out_of_scope=out_of_scope,
            deadline=deadline,
            created_by=actor,
        )
        audit.record(
            organisation=idea.organisation,
            actor=actor,
            action="challenge.opened",
            target=title,
            idea=idea.title,
        )
        emit(
            organisation=idea.organisation,
            event="challenge.opened",
            data={
                "challenge": challenge.pk,
                "title": title,
                "idea": idea.pk,
                "deadline": deadline.isoformat(),
            },
        )
    return challenge


def _still_open(challenge: Challenge) -> None:
    if challenge.status != ChallengeStatus.OPEN:
        raise Conflict(f"“{challenge}” is closed: its result is recorded.")


def challenge_invite(
    *, challenge: Challenge, actor: User, member_ids: Sequence[int]
) -> list[ChallengeInvitation]:
    """Invite customers of the organisation; those already invited are left as they are."""
    _still_open(challenge)
    wanted = {int(i) for i in member_ids}
    if not wanted or len(wanted) > MOST_INVITED:
        text = f"Choose 1 to {MOST_INVITED} customers to invite."
        raise InvalidInput(text, fields={"members": [text]})
    organisation = challenge.organisation
    link = site_link("challenge", organisation.slug, challenge.pk)
    with transaction.atomic(), scope(organisation=organisation):
        members = list(
            Membership.objects.filter(pk__in=wanted, role=Role.CUSTOMER).select_related("user")
        )
        if len(members) != len(wanted):
            text = "Choose customers of this organisation."
            raise InvalidInput(text, fields={"members": [text]})
        already = set(
            ChallengeInvitation.objects.filter(challenge=challenge).values_list(
                "user_id", flat=True
            )
        )
        invited = []
        for membership in members:
            if membership.user_id in already:
                continue
            invited.append(
                ChallengeInvitation.objects.create(
                    organisation=organisation,
                    challenge=challenge,
                    user=membership.user,
                    invited_by=actor,
                )
            )
            notify(
                recipient=membership.user,
                organisation=organisation,
                kind="challenge_invitation",
                context={
                    "challenge": challenge.title,
                    "deadline": challenge.deadline.strftime("%-d %B %Y"),
                    "problem": challenge.problem,
                },
                link=link,
            )
        if invited:
            audit.record(
                organisation=organisation,
                actor=actor,
                action="challenge.invited",
                target=challenge.title,
                people=[i.user.email for i in invited],
            )
    return invited


def is_participant(challenge: Challenge, membership: Membership) -> bool:
    """Organisers and staff take part in every challenge; customers when invited."""
    if membership.role in (Role.ORGANISER, Role.STAFF):
        return True
    with scope(organisation=challenge.organisation_id):
        return ChallengeInvitation.objects.filter(
            challenge=challenge, user_id=membership.user_id
        ).exists()


def challenge_post(*, challenge: Challenge, membership: Membership, body: str) -> ChallengeMessage:
    """Write in the thread; everyone else taking part hears of it."""
    _still_open(challenge)
    if not is_participant(challenge, membership):
        raise NotAllowed("Only the people invited to this challenge write in its thread.")
    body = checks.text(body, "body", label="The message", most=TEXT_MOST)
    with transaction.atomic(), scope(organisation=challenge.organisation_id):
        message = ChallengeMessage.objects.create(
            organisation_id=challenge.organisation_id,
            challenge=challenge,
            author=membership.user,
            role=membership.role,
            body=body,
        )
        for user in _others(challenge, membership.user):
            notify(
                recipient=user,
                organisation=membership.organisation,
                kind="challenge_update",
                context={
                    "challenge": challenge.title,
                    "author": str(membership.user),
                    "message": body,
                },
                link=site_link("challenge", membership.organisation.slug, challenge.pk),
            )
    return message


def _others(challenge: Challenge, author: User) -> list[User]:
    """Who hears of a new message: the invited, the organiser who opened it and everyone
    who wrote in it, except its author."""
    people = {i.user for i in ChallengeInvitation.objects.filter(challenge=challenge)}
    people |= {m.author for m in ChallengeMessage.objects.filter(challenge=challenge)}
    if challenge.created_by is not None:
        people.add(challenge.created_by)
    people.discard(author)
    return sorted(people, key=lambda u: u.pk)


def challenge_close(*, challenge: Challenge, actor: User, result: str) -> Challenge:
    """Record what came of the challenge; everyone invited hears it."""
    _still_open(challenge)
    result = checks.text(result, "result", label="The result", least=10, most=TEXT_MOST)
    organisation = challenge.organisation
    with transaction.atomic(), scope(organisation=organisation):
        challenge.status, challenge.result = ChallengeStatus.CLOSED, result
        challenge.closed_at = timezone.now()
        challenge.save(update_fields=["status", "result", "closed_at"])
        for invitation in ChallengeInvitation.objects.filter(challenge=challenge).select_related(
            "user"
        ):
            notify(
                recipient=invitation.user,
                organisation=organisation,
                kind="challenge_update",
                context={"challenge": challenge.title, "result": result},
                link=site_link("challenge", organisation.slug, challenge.pk),
            )
        audit.record(
            organisation=organisation,
            actor=actor,
            action="challenge.closed",
            target=challenge.title,
        )
        emit(
            organisation=organisation,
            event="challenge.closed",
            data={"challenge": challenge.pk, "title": challenge.title, "result": result},
        )
    return challenge
