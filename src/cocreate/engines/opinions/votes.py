"""The vote matrix: participants by statements, agree +1, disagree -1, pass 0, and which
cells hold a vote at all (a pass is a vote; a statement never shown is not).

`votes` is a Polars frame with one row per vote: participant_id, statement_id, vote. Ids
may be integers or strings. Statements enter the matrix once someone has voted on them.
"""

from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy import sparse


class InvalidVotes(ValueError):
    """Votes other than -1, 0 and 1, missing ids, or a participant voting twice on one
    statement; the message names examples."""


@dataclass(frozen=True, eq=False)
class VoteMatrix:
    participant_ids: np.ndarray  # (P,) sorted
    statement_ids: np.ndarray  # (S,) sorted
    values: sparse.csr_matrix  # (P, S): +1, -1, and 0 for both a pass and no vote
    voted: sparse.csr_matrix  # (P, S): 1 where the participant voted (a pass included)

    @property
    def votes_cast(self) -> np.ndarray:
        """How many statements each participant voted on (passes included)."""
        return np.asarray(self.voted.sum(axis=1)).ravel()

    def counts(self, rows: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        """Agrees, disagrees and votes per statement, over all participants or `rows`."""
        values, voted = (
            (self.values, self.voted) if rows is None else (self.values[rows], self.voted[rows])
        )
        agree = np.asarray((values > 0).sum(axis=0)).ravel()
        disagree = np.asarray((values < 0).sum(axis=0)).ravel()
        return agree, disagree, np.asarray(voted.sum(axis=0)).ravel()


def vote_matrix(votes: pl.DataFrame) -> VoteMatrix:
    """The matrix of a frame of votes, or InvalidVotes saying what is wrong with them."""
    missing = {"participant_id", "statement_id", "vote"} - set(votes.columns)
    if missing:
        raise InvalidVotes(f"The votes lack the column(s) {', '.join(sorted(missing))}.")
    if votes["participant_id"].null_count() or votes["statement_id"].null_count():
        raise InvalidVotes("Some votes have no participant or no statement.")
    bad = votes.filter(~pl.col("vote").is_in([-1, 0, 1]) | pl.col("vote").is_null())
    if bad.height:
        shown = ", ".join(
            f"{row['vote']} by {row['participant_id']} on {row['statement_id']}"
            for row in bad.head(3).iter_rows(named=True)
        )
        raise InvalidVotes(
            f"{bad.height} votes are not -1 (disagree), 0 (pass) or 1 (agree): {shown}."
        )
    participant_ids, rows = np.unique(votes["participant_id"].to_numpy(), return_inverse=True)
    statement_ids, columns = np.unique(votes["statement_id"].to_numpy(), return_inverse=True)
    shape = (participant_ids.size, statement_ids.size)
    _, first, repeats = np.unique(rows * shape[1] + columns, return_index=True, return_counts=True)
    if (repeats > 1).any():
        shown = ", ".join(
            f"{participant_ids[rows[i]]} on {statement_ids[columns[i]]}"
            for i in first[repeats > 1][:3]
        )
        raise InvalidVotes(
            f"Some participants voted more than once on a statement ({shown}); "
            "pass only each participant's latest vote."
        )
    values = sparse.csr_matrix(
        (votes["vote"].to_numpy().astype(float), (rows, columns)), shape=shape
    )
    values.eliminate_zeros()  # passes are in `voted`
    voted = sparse.csr_matrix((np.ones(rows.size), (rows, columns)), shape=shape)
    return VoteMatrix(participant_ids, statement_ids, values, voted)
