"""Moderation: hide an idea (and show it again), merge near-duplicates keeping their
support, votes and followers, and resolve flags."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.ideas.models import Flag, Follower, Idea, Support
from cocreate.ideas.services import checks
from cocreate.ideas.services.ideas import idea_link, open_for_votes
from cocreate.messaging.services import emit, notify
from cocreate.organisations import audit


def idea_hide(*, idea: Idea, actor: User, reason: str) -> Idea:
    """Take an idea out of lists, votes and the ranking; its flags are resolved."""
    reason = checks.text(reason, "reason", label="The reason", least=3, most=300)
    if idea.hidden_at is not None:
        raise Conflict(f"“{idea.title}” is already hidden.")
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        idea.hidden_at, idea.hidden_reason = timezone.now(), reason
        idea.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
        Flag.objects.filter(idea=idea, resolved_at__isnull=True).update(resolved_at=timezone.now())
        audit.record(
            organisation=idea.organisation,
            actor=actor,
            action="idea.hidden",
            target=idea.title,
            reason=reason,
        )
    return idea


def idea_unhide(*, idea: Idea, actor: User) -> Idea:
    if idea.hidden_at is None:
        raise Conflict(f"“{idea.title}” is not hidden.")
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        idea.hidden_at, idea.hidden_reason = None, ""
        idea.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
        audit.record(
            organisation=idea.organisation, actor=actor, action="idea.shown", target=idea.title
        )
    return idea


def flags_resolve(*, idea: Idea, actor: User) -> int:
    """The moderators looked and keep the idea as it is."""
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        resolved = Flag.objects.filter(idea=idea, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
        if resolved:
            audit.record(
                organisation=idea.organisation,
                actor=actor,
                action="idea.flags_resolved",
                target=idea.title,
                flags=resolved,
            )
    return resolved


def idea_merge(*, idea: Idea, into: Idea, actor: User) -> Idea:
    """Merge `idea` into `into`: its supporters support `into` (once each), its followers
    follow it, its pairwise votes count for it (engine.canonical), its outcomes and jobs
    join it, and ideas merged into `idea` before now point at `into`. Everyone who
    followed `idea` is told."""
    if idea.pk == into.pk:
        text = "Choose another idea to merge this one into."
        raise InvalidInput(text, fields={"into": [text]})
    if idea.organisation_id != into.organisation_id:
        raise InvalidInput("Choose an idea of this organisation.", fields={"into": ["Unknown."]})
    open_for_votes(idea)
    open_for_votes(into)
    with transaction.atomic(), scope(organisation=idea.organisation_id):
        supporters = set(Support.objects.filter(idea=into).values_list("user_id", flat=True))
        Support.objects.filter(idea=idea, user_id__in=supporters).delete()
        Support.objects.filter(idea=idea).update(idea=into)
        followers = list(Follower.objects.filter(idea=idea).select_related("user"))
        already = set(Follower.objects.filter(idea=into).values_list("user_id", flat=True))
        Follower.objects.filter(idea=idea, user_id__in=already).delete()
        Follower.objects.filter(idea=idea).update(idea=into)
        Idea.objects.filter(merged_into=idea).update(merged_into=into)
        into.outcomes.add(*idea.outcomes.all())
        into.jobs.add(*idea.jobs.all())
        idea.merged_into, idea.merged_at = into, timezone.now()
        idea.save(update_fields=["merged_into", "merged_at", "updated_at"])
        Idea.objects.filter(Q(pk=into.pk)).update(updated_at=timezone.now())
        link = idea_link(into)
        for follower in followers:
            if follower.user_id == actor.pk:
                continue
            notify(
                recipient=follower.user,
                organisation=idea.organisation,
                kind="idea_merged",
                context={"title": idea.title, "into": into.title},
                link=link,
            )
        audit.record(
            organisation=idea.organisation,
            actor=actor,
            action="idea.merged",
            target=idea.title,
            into=into.title,
        )
        emit(
            organisation=idea.organisation,
            event="idea.merged",
            data={"idea": idea.pk, "into": into.pk, "title": idea.title, "into_title": into.title},
        )
    return idea
