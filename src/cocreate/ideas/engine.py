"""The thin adapter between the ideas' models and the engines: text (near-duplicates),
ranking (pairwise votes) and outcomes (opportunity scores, segments, the shortlist).

It loads plain data inside the organisation's scope, calls the engine and returns plain
results; the services and selectors decide what to save and show.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.cache import cache
from django.db.models import Count
from django_scopes import scope

from cocreate.engines import outcomes as opportunity_engine
from cocreate.engines import ranking as ranking_engine
from cocreate.engines import text
from cocreate.ideas.models import Choice, Comparison, Idea, Rating, Support, Survey
from cocreate.organisations.models import Membership, Organisation

# Bootstrap resamples of voters for the ranking's intervals, and of respondents for the
# opportunity scores': enough for stable 95% intervals at page speed.
RANKING_ROUNDS = 200
OPPORTUNITY_ROUNDS = 1000
SEED = 0
CHOOSER_SECONDS = 10


# Near-duplicates


def title_vector(title: str) -> tuple[np.ndarray, str]:
    """The vector near-duplicates compare: what the title asks for (see engines/text)."""
    return text.embed([text.what_is_asked(title)])[0], text.model_name()


def vectors_of(ideas: Sequence[Idea]) -> np.ndarray:
    """Each idea's stored vector, or a fresh one where it is missing or from another model
    (the stored ones are refreshed by the `embed_ideas` task)."""
    model = text.model_name()
    stale = [n for n, idea in enumerate(ideas) if idea.vector_model != model or not idea.vector]
    fresh = text.embed([text.what_is_asked(ideas[n].title) for n in stale])
    rows: list[np.ndarray] = []
    refreshed = dict(zip(stale, fresh, strict=True))
    for n, idea in enumerate(ideas):
        if n in refreshed:
            rows.append(refreshed[n])
        else:
            rows.append(np.frombuffer(bytes(idea.vector or b""), dtype=np.float32))
    dimension = fresh.shape[1] if len(stale) else (len(rows[0]) if rows else 0)
    return np.vstack(rows) if rows else np.zeros((0, dimension), dtype=np.float32)


@dataclass(frozen=True)
class Similar:
    idea: Idea
    similarity: float  # cosine, 0-1


def similar_ideas(
    organisation: Organisation | int, title: str, *, exclude: Iterable[int] = (), limit: int = 5
) -> list[Similar]:
    """Visible ideas that likely say the same as `title`, most alike first."""
    if not title.strip():
        return []
    vector, model = title_vector(title)
    with scope(organisation=organisation):
        ideas = list(
            Idea.objects.filter(hidden_at__isnull=True, merged_into__isnull=True)
            .exclude(pk__in=list(exclude))
            .only("pk", "title", "vector", "vector_model", "status", "created_at")
            .order_by("pk")
        )
    if not ideas:
        return []
    found = text.find_duplicates(vector, vectors_of(ideas), ideas, model=model, limit=limit)
    return [Similar(d.item, d.similarity) for d in found]


def duplicate_groups(organisation: Organisation | int) -> list[list[Idea]]:
    """Groups of visible ideas that say the same, for the moderators' merge tool."""
    with scope(organisation=organisation):
        ideas = list(
            Idea.objects.filter(hidden_at__isnull=True, merged_into__isnull=True).order_by("pk")
        )
    if len(ideas) < 2:
        return []
    groups = text.duplicate_groups(vectors_of(ideas), model=text.model_name())
    return [[ideas[n] for n in group] for group in groups]


# Ranking


def visible_idea_ids(organisation: Organisation | int) -> list[int]:
    """The ideas in the vote, oldest first (ties in the ranking keep this order)."""
    with scope(organisation=organisation):
        return list(
            Idea.objects.filter(hidden_at__isnull=True, merged_into__isnull=True)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
        )


def canonical(organisation: Organisation | int) -> dict[int, int]:
    """Where each merged idea's votes go: the idea it was merged into."""
    with scope(organisation=organisation):
        return dict(
            Idea.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id")
        )


def decisive_votes(
    organisation: Organisation | int, ideas: Sequence[int]
) -> ranking_engine.PairwiseVotes:
    """Every decisive pairwise vote, a merged idea's counted for the idea it joined; votes
    between an idea and its own merged copy, or about hidden ideas, are left out."""
    into = canonical(organisation)
    known = set(ideas)
    with scope(organisation=organisation):
        rows = Comparison.objects.filter(choice__in=[Choice.LEFT, Choice.RIGHT]).values_list(
            "voter_id", "left_id", "right_id", "choice"
        )
        records = []
        for voter, left, right, choice in rows.iterator(chunk_size=5000):
            left, right = into.get(left, left), into.get(right, right)
            if left == right or left not in known or right not in known:
                continue
            winner, loser = (left, right) if choice == Choice.LEFT else (right, left)
            records.append((voter, winner, loser))
    return ranking_engine.PairwiseVotes.from_records(ideas, records)


def support_counts(organisation: Organisation | int) -> dict[int, int]:
    with scope(organisation=organisation):
        return dict(
            Support.objects.values_list("idea_id")
            .annotate(n=Count("id"))
            .order_by()
            .values_list("idea_id", "n")
        )


def rank(organisation: Organisation | int) -> ranking_engine.Ranking:
    ids = visible_idea_ids(organisation)
    votes = decisive_votes(organisation, ids)
    support = {k: v for k, v in support_counts(organisation).items() if k in set(ids)}
    return ranking_engine.rank_ideas(ids, votes, support=support, rounds=RANKING_ROUNDS, seed=SEED)


def pair_chooser(organisation: Organisation | int, ids: list[int]) -> ranking_engine.PairChooser:
    """The adaptive chooser over a recent fit of every decisive vote about `ids`.

    One vote barely moves the fit, and refitting would cost every "next pair" a fit over
    all votes, so the fit is shared through the cache for CHOOSER_SECONDS (or until the
    ideas in the vote change).
    """
    key = f"pair-chooser:{organisation if isinstance(organisation, int) else organisation.pk}"
    cached = cache.get(key)
    if cached is not None and cached[0] == ids:
        return cached[1]
    fitted = ranking_engine.fit(
        ranking_engine.PairTotals.of(decisive_votes(organisation, ids)),
        prior=ranking_engine.SPARSE_PRIOR,
    )
    chooser = ranking_engine.PairChooser.from_fit(fitted)
    cache.set(key, (ids, chooser), CHOOSER_SECONDS)
    return chooser


# Outcomes


def ratings_of(survey: Survey) -> opportunity_engine.Ratings:
    with scope(organisation=survey.organisation_id):
        outcomes = list(survey.outcomes.order_by("pk").values_list("pk", flat=True))
        rows = Rating.objects.filter(response__survey=survey, outcome_id__in=outcomes)
        answers = [
            opportunity_engine.Answer(user, outcome, importance, satisfaction)
            for user, outcome, importance, satisfaction in rows.order_by(
                "response_id", "outcome_id"
            ).values_list("response__user_id", "outcome_id", "importance", "satisfaction")
        ]
    return opportunity_engine.Ratings.from_answers(outcomes, answers)


def opportunities(survey: Survey) -> list[opportunity_engine.OpportunityScore]:
    ratings = ratings_of(survey)
    if not ratings.respondents:
        return []
    return opportunity_engine.opportunity_scores(ratings, rounds=OPPORTUNITY_ROUNDS, seed=SEED)


def segmentation(survey: Survey, fields: Sequence[str]) -> opportunity_engine.Segmentation | None:
    """Segments of the respondents by unmet needs, described by the profile `fields`
    (choice questions); None when there are too few respondents."""
    ratings = ratings_of(survey)
    with scope(organisation=survey.organisation_id):
        profiles: dict[Any, Any] = dict(
            Membership.objects.filter(user_id__in=ratings.respondents).values_list(
                "user_id", "profile"
            )
        )
    described = [
        {key: (profiles.get(r) or {}).get(key) for key in fields} for r in ratings.respondents
    ]
    try:
        return opportunity_engine.segment_respondents(ratings, described, seed=SEED)
    except opportunity_engine.TooFewRespondents:
        return None


def shortlist(
    organisation: Organisation | int,
    ranking: ranking_engine.Ranking,
    scores: Sequence[opportunity_engine.OpportunityScore],
    statements: dict[Any, str],
) -> list[opportunity_engine.ShortlistEntry]:
    served: dict[Any, list[int]] = {}
    with scope(organisation=organisation):
        pairs = Idea.objects.filter(
            hidden_at__isnull=True, merged_into__isnull=True, outcomes__isnull=False
        ).values_list("pk", "outcomes")
        for idea_id, outcome_id in pairs:
            served.setdefault(idea_id, []).append(outcome_id)
    ideas = [
        opportunity_engine.IdeaOutcomes(entry.idea, tuple(served.get(entry.idea, ())))
        for entry in ranking.ideas
    ]
    return opportunity_engine.shortlist(ideas, ranking, scores, statements)
