"""The shortlist: ideas ranked by the opportunity of the outcomes they serve and by the
pairwise ranking, each with the reasons in words.

value = OPPORTUNITY_WEIGHT * (best opportunity served / 20) + (1 - OPPORTUNITY_WEIGHT) *
(place in the ranking, 1 for the top idea, 0 for the last), * 100. The best outcome counts,
not the sum: serving one extreme need beats touching many appropriately served ones.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cocreate.engines.outcomes.opportunity import OpportunityScore
from cocreate.engines.ranking.rank import Ranking

OPPORTUNITY_WEIGHT = 0.5
MAX_OPPORTUNITY = 20.0
# Reasons name at most this many outcomes per idea, the highest opportunities first.
OUTCOMES_NAMED = 3


@dataclass(frozen=True)
class IdeaOutcomes:
    idea: Hashable
    outcomes: tuple[Hashable, ...]  # the outcomes the idea says it serves


@dataclass(frozen=True)
class ShortlistEntry:
    idea: Hashable
    value: float  # 0-100, see the module's docstring
    best_opportunity: float  # 0-20; 0 when it serves no surveyed outcome
    rank: int | None  # in the pairwise ranking; None when not in it
    reasons: tuple[str, ...]


def shortlist(
    ideas: Sequence[IdeaOutcomes],
    ranking: Ranking,
    scores: Sequence[OpportunityScore],
    statements: Mapping[Any, str],
) -> list[ShortlistEntry]:
    """Every idea, best value first (ties keep the order of `ideas`). `statements` gives each
    outcome's wording for the reasons."""
    by_outcome = {score.outcome: score for score in scores}
    ranked = {entry.idea: entry.rank for entry in ranking.ideas}
    entries = []
    for idea in ideas:
        served = sorted(
            (by_outcome[o] for o in idea.outcomes if o in by_outcome),
            key=lambda s: -s.opportunity,
        )
        best = served[0].opportunity if served else 0.0
        rank = ranked.get(idea.idea)
        place = _place(rank, len(ranking.ideas))
        value = 100 * (
            OPPORTUNITY_WEIGHT * best / MAX_OPPORTUNITY + (1 - OPPORTUNITY_WEIGHT) * place
        )
        reasons = [
            f"serves '{statements.get(s.outcome, s.outcome)}' "
            f"(opportunity {s.opportunity:.1f}, {s.label})"
            for s in served[:OUTCOMES_NAMED]
        ] or ["serves no surveyed outcome"]
        reasons.append(
            f"ranked {_ordinal(rank)} of {len(ranking.ideas):,} by {ranking.voters:,} "
            f"voter{'' if ranking.voters == 1 else 's'}"
            if rank is not None
            else "not yet in the pairwise vote"
        )
        entries.append(ShortlistEntry(idea.idea, value, best, rank, tuple(reasons)))
    entries.sort(key=lambda e: -e.value)
    return entries


def _place(rank: int | None, count: int) -> float:
    if rank is None:
        return 0.0
    return 1.0 if count == 1 else (count - rank) / (count - 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
