"""The ranking engine: Bradley-Terry on pairwise votes (a wiki survey), bootstrap intervals
over voters, the All Our Ideas score, support votes, and adaptive choice of the next pair.

The adapter numbers the ideas (their order in a list of ids), builds `PairwiseVotes` from
the decisive votes, calls `rank_ideas` for the results page and `PairChooser` for the
voting page."""

from cocreate.engines.ranking.bradley_terry import (
    SPARSE_PRIOR,
    BradleyTerryFit,
    FitDidNotConverge,
    fit,
)
from cocreate.engines.ranking.pairs import NoPairsLeft, PairChooser
from cocreate.engines.ranking.rank import RankedIdea, Ranking, rank_ideas
from cocreate.engines.ranking.votes import InvalidVotes, PairTotals, PairwiseVotes

__all__ = [
    "SPARSE_PRIOR",
    "BradleyTerryFit",
    "FitDidNotConverge",
    "InvalidVotes",
    "NoPairsLeft",
    "PairChooser",
    "PairTotals",
    "PairwiseVotes",
    "RankedIdea",
    "Ranking",
    "fit",
    "rank_ideas",
]
