"""The wiki survey: each voter is shown two ideas at a time, chosen adaptively to learn
the ranking fastest, and says which matters more to them or that they cannot decide.

Within a round nobody is shown the same pair twice, and a pair is voted on once: a second
vote on it is refused. The ranking (Bradley-Terry with bootstrap intervals over voters,
blended with support votes) is kept as a snapshot, recomputed when votes, support or the
ideas changed, in the background after votes and on demand when a page finds it stale.
"""

import dataclasses

from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.core.errors import Conflict, InvalidInput, NotFound
from cocreate.engines import ranking as ranking_engine
from cocreate.ideas import engine
from cocreate.ideas.models import (
    Choice,
    Comparison,
    FollowReason,
    Idea,
    RankingSnapshot,
    Support,
    VotingRound,
)
from cocreate.ideas.services import checks
from cocreate.ideas.services.ideas import follow, limit_votes, open_for_votes
from cocreate.organisations import audit
from cocreate.organisations.models import Organisation


def current_round(organisation: Organisation | int) -> VotingRound:
    """The open round, started the first time anyone votes."""
    with scope(organisation=organisation):
        found = VotingRound.objects.filter(closed_at__isnull=True).first()
        if found is not None:
            return found
        organisation_id = organisation if isinstance(organisation, int) else organisation.pk
        try:
            with transaction.atomic():
                return VotingRound.objects.create(
                    organisation_id=organisation_id,
                    name=f"Round {VotingRound.objects.count() + 1}",
                )
        except IntegrityError:  # someone else opened it meanwhile
            return VotingRound.objects.get(closed_at__isnull=True)


def round_start(*, organisation: Organisation, actor: User, name: str) -> VotingRound:
    """Close the open round and start a new one: everyone may see every pair again."""
    name = checks.text(name, "name", label="The round's name", most=120)
    with transaction.atomic(), scope(organisation=organisation):
        VotingRound.objects.filter(closed_at__isnull=True).update(closed_at=timezone.now())
        started = VotingRound.objects.create(organisation=organisation, name=name)
        audit.record(
            organisation=organisation, actor=actor, action="voting_round.started", target=name
        )
    return started


def pair_next(*, organisation: Organisation, user: User) -> Comparison | None:
    """The pair to show `user` now: the one they have not answered yet, else a new one
    chosen adaptively among pairs they have not seen this round; None when there is none."""
    voting = current_round(organisation)
    with scope(organisation=organisation):
        pending = (
            Comparison.objects.filter(round=voting, voter=user, answered_at__isnull=True)
            .select_related("left", "right")
            .order_by("-pk")
        )
        for comparison in pending:
            if comparison.left.visible and comparison.right.visible:
                return comparison
            comparison.delete()  # an idea left the vote: that pair cannot be answered
        ids = engine.visible_idea_ids(organisation)
        if len(ids) < 2:
            return None
        index = {idea: n for n, idea in enumerate(ids)}
        seen = []
        shown = Comparison.objects.filter(round=voting, voter=user).values_list("pair", flat=True)
        for pair in shown:
            first, second = (int(x) for x in pair.split("-"))
            if first in index and second in index:
                seen.append((index[first], index[second]))
        chooser = engine.pair_chooser(organisation, ids)
        try:
            chosen = chooser.choose(count=1, seen=seen, seed=user.pk * 100_003 + len(seen))
        except ranking_engine.NoPairsLeft:
            return None
        if not chosen:
            return None
        left, right = ids[chosen[0][0]], ids[chosen[0][1]]
        try:
            with transaction.atomic():
                comparison = Comparison.objects.create(
                    organisation_id=voting.organisation_id,
                    round=voting,
                    voter=user,
                    left_id=left,
                    right_id=right,
                    pair=pair_key(left, right),
                )
        except IntegrityError:  # the same request twice at once: show what the other made
            return pending.first()
        return Comparison.objects.select_related("left", "right").get(pk=comparison.pk)


def pair_key(first: int, second: int) -> str:
    return f"{min(first, second)}-{max(first, second)}"


def vote(*, comparison: Comparison, user: User, choice: str) -> Comparison:
    """Answer a pair shown to `user`: "left", "right" or "cant_decide", once."""
    if comparison.voter_id != user.pk:
        raise NotFound("No such pair was shown to you.")
    if choice not in Choice.values:
        text = f"Choose one of: {', '.join(Choice.values)}."
        raise InvalidInput(text, fields={"choice": [text]})
    with scope(organisation=comparison.organisation_id):
        if comparison.answered_at is None and comparison.round.closed_at is not None:
            raise Conflict("This round of voting is closed: vote on a new pair.")
        for idea in (comparison.left, comparison.right):
            open_for_votes(idea)
        limit_votes(user)
        with transaction.atomic():
            answered = Comparison.objects.filter(pk=comparison.pk, answered_at__isnull=True).update(
                choice=choice, answered_at=timezone.now()
            )
            if not answered:
                raise Conflict(
                    "You already voted on this pair in this round: it counts once.",
                    code="already_voted",
                )
            if choice != Choice.CANT_DECIDE:
                winner = comparison.left if choice == Choice.LEFT else comparison.right
                follow(winner, user, FollowReason.VOTER)
            organisation_id = comparison.organisation_id
            transaction.on_commit(lambda: _refresh_later(organisation_id))
        comparison.refresh_from_db()
    return comparison


def _refresh_later(organisation_id: int) -> None:
    from cocreate.ideas.tasks import schedule_ranking

    schedule_ranking(organisation_id)


# The ranking snapshot


def fingerprint(organisation: Organisation | int) -> str:
    """What the ranking depends on, in a few aggregates: it changes whenever a vote is
    cast, support given or taken back, or an idea shared, hidden, merged or edited."""
    with scope(organisation=organisation):
        votes = Comparison.objects.filter(choice__in=[Choice.LEFT, Choice.RIGHT]).aggregate(
            n=Count("pk"), last=Max("answered_at")
        )
        support = Support.objects.aggregate(n=Count("pk"), last=Max("pk"))
        ideas = Idea.objects.filter(hidden_at__isnull=True, merged_into__isnull=True).aggregate(
            n=Count("pk"), last=Max("updated_at")
        )
    return ":".join(
        str(x)
        for x in (
            votes["n"],
            votes["last"] and votes["last"].timestamp(),
            support["n"],
            support["last"],
            ideas["n"],
            ideas["last"] and ideas["last"].timestamp(),
        )
    )


def ranking_current(organisation: Organisation | int) -> RankingSnapshot:
    """The ranking as of now: the snapshot, recomputed first if anything changed."""
    key = fingerprint(organisation)
    with scope(organisation=organisation):
        snapshot = RankingSnapshot.objects.filter().first()
    if snapshot is not None and snapshot.fingerprint == key:
        return snapshot
    ranking = engine.rank(organisation)
    rows = [dataclasses.asdict(entry) for entry in ranking.ideas]
    organisation_id = organisation if isinstance(organisation, int) else organisation.pk
    with transaction.atomic(), scope(organisation=organisation):
        snapshot, _ = RankingSnapshot.objects.update_or_create(
            organisation_id=organisation_id,
            defaults={
                "fingerprint": key,
                "voters": ranking.voters,
                "votes": ranking.votes,
                "ideas": rows,
            },
        )
    return snapshot


def as_ranking(snapshot: RankingSnapshot) -> ranking_engine.Ranking:
    """The engine's Ranking from a snapshot, for the shortlist."""
    return ranking_engine.Ranking(
        ideas=tuple(ranking_engine.RankedIdea(**row) for row in snapshot.ideas),
        voters=snapshot.voters,
        votes=snapshot.votes,
        level=0.95,
    )
