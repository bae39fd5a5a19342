"""Rank ideas from pairwise votes and support votes, with an uncertainty for each."""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cocreate.engines.ranking.bootstrap import bootstrap_chances, percentile_interval
from cocreate.engines.ranking.bradley_terry import SPARSE_PRIOR, fit
from cocreate.engines.ranking.scores import (
    SUPPORT_WEIGHT,
    all_our_ideas_score,
    chance_to_win,
    combined_score,
)
from cocreate.engines.ranking.votes import InvalidVotes, PairTotals, PairwiseVotes


@dataclass(frozen=True)
class RankedIdea:
    idea: Hashable
    rank: int  # 1 for the best combined score
    strength: float  # Bradley-Terry log-strength; 0 is the average idea
    chance_to_win: float  # 0-100: chance to beat a randomly chosen other idea
    chance_low: float  # bootstrap percentile interval of chance_to_win over voters
    chance_high: float
    wins: int
    losses: int
    all_our_ideas_score: float  # (wins + 1) / (wins + losses + 2) * 100
    support: int  # support votes
    combined: float  # 0-100: chance_to_win blended with support (scores.combined_score)


@dataclass(frozen=True)
class Ranking:
    ideas: tuple[RankedIdea, ...]  # best first
    voters: int  # people who cast at least one decisive pairwise vote
    votes: int  # decisive pairwise votes
    level: float  # the confidence level of the intervals


def rank_ideas(
    ideas: Sequence[Hashable],
    votes: PairwiseVotes,
    *,
    support: Mapping[Any, int] | None = None,
    rounds: int = 200,
    level: float = 0.95,
    seed: int = 0,
    support_weight: float = SUPPORT_WEIGHT,
    prior: float = SPARSE_PRIOR,
) -> Ranking:
    """Fit Bradley-Terry to the votes (ideas numbered in the order of `ideas`), bootstrap
    the voters `rounds` times for intervals, and blend in support votes. Ties in the
    combined score keep the order of `ideas`. `prior`: virtual wins and losses per idea
    (bradley_terry.py says why one each way suits a vote in progress)."""
    if votes.ideas != len(ideas):
        raise InvalidVotes(f"The votes are about {votes.ideas} ideas, but {len(ideas)} are ranked.")
    supported = support or {}
    known = set(ideas)
    unknown = [idea for idea in supported if idea not in known]
    if unknown:
        raise InvalidVotes(f"Support votes name ideas not ranked: {unknown[:5]}.")
    totals = PairTotals.of(votes)
    full = fit(totals, prior=prior)
    chances = chance_to_win(full.strengths)
    low, high = percentile_interval(
        bootstrap_chances(votes, totals, full, rounds=rounds, seed=seed, prior=prior), level
    )
    support_counts = np.array([supported.get(idea, 0) for idea in ideas])
    combined = combined_score(chances, support_counts, support_weight=support_weight)
    wins, losses = votes.wins(), votes.losses()
    aoi = all_our_ideas_score(wins, losses)
    order = np.argsort(-combined, kind="stable")
    ranked = tuple(
        RankedIdea(
            idea=ideas[i],
            rank=place,
            strength=float(full.strengths[i]),
            chance_to_win=float(chances[i]),
            chance_low=float(low[i]),
            chance_high=float(high[i]),
            wins=int(wins[i]),
            losses=int(losses[i]),
            all_our_ideas_score=float(aoi[i]),
            support=int(support_counts[i]),
            combined=float(combined[i]),
        )
        for place, i in enumerate(order, start=1)
    )
    return Ranking(ideas=ranked, voters=votes.voter_count(), votes=len(votes.winners), level=level)
