"""Pairwise votes ("which matters more to you?") as parallel arrays, and their totals.

Only decisive votes are here: an "I can't decide" is recorded by the app but says nothing
about which idea is stronger, so it carries no win and is not passed in.
"""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np


class InvalidVotes(ValueError):
    """Votes that name unknown ideas, compare an idea with itself, or do not line up."""


@dataclass(frozen=True, eq=False)
class PairwiseVotes:
    """Vote k says voter `voters[k]` preferred idea `winners[k]` to idea `losers[k]`.

    Ideas are numbered 0 .. ideas-1 (the caller keeps the order of its idea ids), voters
    0 .. any (only equality matters: the bootstrap resamples voters, not votes).
    """

    ideas: int
    voters: np.ndarray
    winners: np.ndarray
    losers: np.ndarray

    def __post_init__(self) -> None:
        if not (len(self.voters) == len(self.winners) == len(self.losers)):
            raise InvalidVotes(
                f"{len(self.voters)} voters, {len(self.winners)} winners and "
                f"{len(self.losers)} losers: each vote needs one of each."
            )
        for name, column in (("winner", self.winners), ("loser", self.losers)):
            outside = np.flatnonzero((column < 0) | (column >= self.ideas))
            if len(outside):
                raise InvalidVotes(
                    f"Votes {outside[:5].tolist()} name a {name} outside the "
                    f"{self.ideas} ideas ranked."
                )
        same = np.flatnonzero(self.winners == self.losers)
        if len(same):
            raise InvalidVotes(f"Votes {same[:5].tolist()} compare an idea with itself.")

    @classmethod
    def from_records(
        cls, ideas: Sequence[Hashable], records: Iterable[tuple[Hashable, Hashable, Hashable]]
    ) -> "PairwiseVotes":
        """Votes from (voter, winner idea, loser idea) records, ideas named by their ids."""
        index = {idea: n for n, idea in enumerate(ideas)}
        voter_codes: dict[Hashable, int] = {}
        voters, winners, losers = [], [], []
        for voter, winner, loser in records:
            unknown = [idea for idea in (winner, loser) if idea not in index]
            if unknown:
                raise InvalidVotes(f"A vote by {voter!r} names ideas not ranked: {unknown}.")
            voters.append(voter_codes.setdefault(voter, len(voter_codes)))
            winners.append(index[winner])
            losers.append(index[loser])
        return cls(
            ideas=len(ideas),
            voters=np.array(voters, dtype=np.int64),
            winners=np.array(winners, dtype=np.int64),
            losers=np.array(losers, dtype=np.int64),
        )

    def wins(self) -> np.ndarray:
        return np.bincount(self.winners, minlength=self.ideas)

    def losses(self) -> np.ndarray:
        return np.bincount(self.losers, minlength=self.ideas)

    def voter_count(self) -> int:
        return len(np.unique(self.voters))


@dataclass(frozen=True, eq=False)
class PairTotals:
    """The sufficient statistics of the votes: for each pair of ideas that met, first < second,
    how often they met and how often the first won. `vote_pair[k]` is vote k's pair, so
    re-weighting votes (the bootstrap) only needs two bincounts."""

    ideas: int
    first: np.ndarray
    second: np.ndarray
    first_wins: np.ndarray
    meetings: np.ndarray
    vote_pair: np.ndarray
    vote_first_won: np.ndarray

    @classmethod
    def of(cls, votes: PairwiseVotes) -> "PairTotals":
        first = np.minimum(votes.winners, votes.losers)
        second = np.maximum(votes.winners, votes.losers)
        keys, vote_pair = np.unique(first * votes.ideas + second, return_inverse=True)
        first_won = (votes.winners == first).astype(np.float64)
        return cls(
            ideas=votes.ideas,
            first=keys // votes.ideas,
            second=keys % votes.ideas,
            first_wins=np.bincount(vote_pair, weights=first_won, minlength=len(keys)),
            meetings=np.bincount(vote_pair, minlength=len(keys)).astype(np.float64),
            vote_pair=vote_pair,
            vote_first_won=first_won,
        )

    def reweighted(self, weights: np.ndarray) -> "PairTotals":
        """The same pairs with vote k counted weights[k] times."""
        size = len(self.first)
        return PairTotals(
            ideas=self.ideas,
            first=self.first,
            second=self.second,
            first_wins=np.bincount(
                self.vote_pair, weights=weights * self.vote_first_won, minlength=size
            ),
            meetings=np.bincount(self.vote_pair, weights=weights, minlength=size),
            vote_pair=self.vote_pair,
            vote_first_won=self.vote_first_won,
        )
