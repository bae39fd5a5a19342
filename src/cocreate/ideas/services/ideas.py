"""What anyone in the organisation does with ideas: share one, support, comment, flag,
follow. Refusals are ServiceErrors with a sentence; then nothing is written."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core import ratelimits
from cocreate.core.errors import Conflict, Gone, InvalidInput
from cocreate.core.links import site_link
from cocreate.ideas import engine
from cocreate.ideas.models import (
    Comment,
    Curation,
    Flag,
    Follower,
    FollowReason,
    Idea,
    Job,
    Outcome,
    Support,
)
from cocreate.ideas.services import checks
from cocreate.messaging.services import emit, notify
from cocreate.organisations.models import Membership, Organisation, Role

TITLE_LEAST, TITLE_MOST = 5, 140
DESCRIPTION_MOST = 5000
COMMENT_MOST = 2000
RESPONDERS = (Role.ORGANISER, Role.STAFF)
Curated = TypeVar("Curated", Job, Outcome)


def idea_submit(
    *,
    organisation: Organisation,
    author: User,
    title: str,
    description: str = "",
    outcome_ids: Sequence[int] = (),
    job_ids: Sequence[int] = (),
    created_at: datetime | None = None,
) -> Idea:
    """Share an idea. Near-duplicates are the page's to show first (`engine.similar_ideas`);
    the service accepts the idea either way, because a person may mean something else."""
    title = checks.text(title, "title", label="The idea", least=TITLE_LEAST, most=TITLE_MOST)
    description = checks.text(
        description, "description", label="The details", least=0, most=DESCRIPTION_MOST
    )
    ratelimits.limit("idea", author.pk, limit=settings.IDEAS_PER_HOUR, seconds=3600, doing="ideas")
    vector, model = engine.title_vector(title)  # outside the transaction: it takes a moment
    with transaction.atomic(), scope(organisation=organisation):
        outcomes = _usable(Outcome, outcome_ids, "outcomes", "outcomes")
        jobs = _usable(Job, job_ids, "jobs", "jobs")
        idea = Idea.objects.create(
            organisation=organisation,
            title=title,
            description=description,
            author=author,
            created_at=created_at or timezone.now(),
            vector=vector.tobytes(),
            vector_model=model,
        )
        idea.outcomes.set(outcomes)
        idea.jobs.set(jobs)
        follow(idea, author, FollowReason.AUTHOR)
        emit(
            organisation=organisation,
            event="idea.submitted",
            data={"idea": idea.pk, "title": idea.title, "author": author.email},
        )
    return idea


def _usable(model: type[Curated], ids: Iterable[int], field: str, noun: str) -> list[Curated]:
    """The organisation's jobs or outcomes with these ids, refusing unknown or rejected ones."""
    wanted = {int(i) for i in ids}
    found = list(model.objects.filter(pk__in=wanted).exclude(status=Curation.REJECTED))
    if len(found) != len(wanted):
        missing = sorted(wanted - {o.pk for o in found})
        message = (
            f"Choose among this organisation's {noun}; unknown: {', '.join(map(str, missing))}."
        )
        raise InvalidInput(message, fields={field: [message]})
    return found


def open_for_votes(idea: Idea) -> None:
    """Refuse votes, support and comments on an idea that is merged away or hidden."""
    if idea.merged_into_id is not None:
        with scope(organisation=idea.organisation_id):
            into = Idea.objects.filter(pk=idea.merged_into_id).first()
        raise Gone(
            f"“{idea.title}” was merged into “{into}”: support and vote for that one.",
            code="idea_merged",
        )
    if idea.hidden_at is not None:
        raise Conflict(f"“{idea.title}” is hidden by the moderators.", code="idea_hidden")


def follow(idea: Idea, user: User, reason: str) -> None:
    """Make `user` hear what becomes of the idea (once, whatever the reason)."""
    with scope(organisation=idea.organisation_id):
        Follower.objects.bulk_create(
            [Follower(organisation_id=idea.organisation_id, idea=idea, user=user, reason=reason)],
            ignore_conflicts=True,
        )


def idea_follow(*, idea: Idea, user: User) -> None:
    open_for_votes(idea)
    follow(idea, user, FollowReason.FOLLOWER)


def idea_unfollow(*, idea: Idea, user: User) -> None:
    with scope(organisation=idea.organisation_id):
        Follower.objects.filter(idea=idea, user=user).delete()


def support_add(*, idea: Idea, user: User) -> Support:
    open_for_votes(idea)
    limit_votes(user)
    try:
        with transaction.atomic(), scope(organisation=idea.organisation_id):
            support = Support.objects.create(
                organisation_id=idea.organisation_id, idea=idea, user=user
            )
            follow(idea, user, FollowReason.SUPPORTER)
    except IntegrityError:
        raise Conflict(f"You already support “{idea.title}”.", code="already_supported") from None
    return support


def limit_votes(user: User) -> None:
    """Pairwise and support votes share one budget per person (a person clicks about once a
    second at most; a script is stopped)."""
    ratelimits.limit("vote", user.pk, limit=settings.VOTES_PER_MINUTE, seconds=60, doing="votes")


def support_remove(*, idea: Idea, user: User) -> None:
    with scope(organisation=idea.organisation_id):
        removed, _ = Support.objects.filter(idea=idea, user=user).delete()
    if not removed:
        raise Conflict(f"You do not support “{idea.title}”.", code="not_supported")


def comment_add(*, idea: Idea, membership: Membership, body: str) -> Comment:
    """Comment; a comment by staff or an organiser is an answer the author hears about."""
    open_for_votes(idea)
    body = checks.text(body, "body", label="The comment", most=COMMENT_MOST)
    ratelimits.limit(
        "comment",
        membership.user_id,
        limit=settings.COMMENTS_PER_HOUR,
        seconds=3600,
        doing="comments",
    )
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        comment = Comment.objects.create(
            organisation_id=idea.organisation_id,
            idea=idea,
            author=membership.user,
            role=membership.role,
            body=body,
        )
        follow(idea, membership.user, FollowReason.COMMENTER)
        if membership.role in RESPONDERS and membership.user_id != idea.author_id:
            mark_answered(idea, membership.user)
            notify(
                recipient=idea.author,
                organisation=membership.organisation,
                kind="idea_update",
                context={
                    "title": idea.title,
                    "reason": FollowReason.AUTHOR.label.lower(),
                    "author": str(membership.user),
                    "message": body,
                },
                link=idea_link(idea),
            )
    return comment


def mark_answered(idea: Idea, by: User) -> None:
    """The idea's first answer from staff or an organiser, for the response-time metrics."""
    if idea.first_response_at is None:
        idea.first_response_at, idea.first_response_by = timezone.now(), by
        idea.save(update_fields=["first_response_at", "first_response_by", "updated_at"])


def idea_flag(*, idea: Idea, user: User, reason: str) -> Flag:
    reason = checks.text(reason, "reason", label="The reason", least=3, most=300)
    try:
        with transaction.atomic(), scope(organisation=idea.organisation_id):
            return Flag.objects.create(
                organisation_id=idea.organisation_id, idea=idea, user=user, reason=reason
            )
    except IntegrityError:
        raise Conflict("You already flagged this idea; the moderators will look.") from None


def idea_link(idea: Idea) -> str:
    return site_link("idea", idea.organisation.slug, idea.pk)
