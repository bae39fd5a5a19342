"""Opinion groups the way pol.is finds them, from agree / disagree / pass votes on
statements:

1. the vote matrix: agree +1, disagree -1, pass 0 (`votes`);
2. positions on a two-dimensional map: missing votes filled with the statement's mean,
   2-component PCA, each participant scaled by sqrt(statements / their votes)
   (`projection`);
3. groups: participants with fewer than `MIN_VOTES` votes are left out (they still inform
   the map's axes, as in Polis and red-dwarf), k-means for k = 2 to 5 chosen by
   silhouette (`clustering`);
4. what each group stands for and what unites everyone: representative and consensus
   statements by Polis's smoothed shares and one-tailed tests (`repness`).

Checked against red-dwarf, the Python implementation of Polis, in the tests.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

from cocreate.engines.opinions.clustering import choose_groups
from cocreate.engines.opinions.projection import project
from cocreate.engines.opinions.repness import (
    StatementFinding,
    consensus,
    group_counts,
    representative,
)
from cocreate.engines.opinions.votes import vote_matrix

MIN_VOTES = 7
NOT_GROUPED = -1


class NotEnoughVotes(ValueError):
    """Too few participants or statements with votes to draw a map."""


@dataclass(frozen=True)
class OpinionGroup:
    group: int  # 0 is the largest group
    size: int  # participants in it
    centre: tuple[float, float]  # its mean position on the map
    representative: tuple[StatementFinding, ...]  # what sets it apart, in showing order


@dataclass(frozen=True, eq=False)
class OpinionGroups:
    """The map, the groups and the statements that explain them."""

    participant_ids: np.ndarray  # (P,) every voter, sorted
    coordinates: np.ndarray  # (P, 2) positions on the map
    votes_cast: np.ndarray  # (P,) statements each voted on, passes included
    group_of: np.ndarray  # (P,) group number, NOT_GROUPED (-1) below MIN_VOTES votes
    groups: tuple[OpinionGroup, ...]  # none when too few people voted enough to group
    consensus: tuple[StatementFinding, ...]  # agreed by most, then disagreed by most
    silhouettes: Mapping[int, float]  # silhouette of each group count tried
    explained: tuple[float, float]  # share of the vote variance each map axis explains

    def participants(self) -> pl.DataFrame:
        """One row per participant for the map chart: participant_id, x, y, votes, group."""
        return pl.DataFrame(
            {
                "participant_id": self.participant_ids,
                "x": self.coordinates[:, 0],
                "y": self.coordinates[:, 1],
                "votes": self.votes_cast,
                "group": self.group_of,
            }
        )


def find_opinion_groups(
    votes: pl.DataFrame,
    *,
    seed: int = 0,
    pick_max: int = 5,
    confidence: float = 0.9,
) -> OpinionGroups:
    """Groups, map and statements from a frame of votes (participant_id, statement_id,
    vote in -1, 0, 1; see `votes`). Seeded: the same votes give the same groups.

    `pick_max` limits the statements listed per group and per consensus direction;
    `confidence` is the one-tailed level of Polis's tests (90% in Polis).
    """
    matrix = vote_matrix(votes)
    participants, statements = matrix.values.shape
    if participants < 2 or statements < 2:
        raise NotEnoughVotes(
            "Opinion groups need votes from at least two participants on at least two "
            f"statements; there are {participants} participants and {statements} statements."
        )
    projection = project(matrix)
    votes_cast = matrix.votes_cast
    rows = np.flatnonzero(votes_cast >= MIN_VOTES)
    labels, silhouettes = choose_groups(projection.coordinates[rows], seed=seed)
    group_of = np.full(participants, NOT_GROUPED)
    groups: tuple[OpinionGroup, ...] = ()
    if silhouettes:  # k-means ran: there are groups to describe
        group_of[rows] = labels
        counts = group_counts(matrix, rows, labels)
        groups = tuple(
            OpinionGroup(
                group=g,
                size=int((labels == g).sum()),
                centre=tuple(projection.coordinates[rows][labels == g].mean(axis=0).tolist()),
                representative=tuple(
                    representative(
                        counts, g, matrix.statement_ids, pick_max=pick_max, confidence=confidence
                    )
                ),
            )
            for g in range(labels.max() + 1)
        )
    return OpinionGroups(
        participant_ids=matrix.participant_ids,
        coordinates=projection.coordinates,
        votes_cast=votes_cast,
        group_of=group_of,
        groups=groups,
        consensus=tuple(consensus(matrix, pick_max=pick_max, confidence=confidence)),
        silhouettes=silhouettes,
        explained=(float(projection.explained[0]), float(projection.explained[1])),
    )
