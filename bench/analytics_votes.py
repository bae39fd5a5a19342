"""Opinion votes for bench/analytics.py: participants in planted groups, each group leaning
for or against each statement; people vote on about half the statements and pass one time
in ten. Seeded."""

import numpy as np
import polars as pl


def generate_votes(
    participants: int, statements: int, *, groups: int = 3, seed: int = 5
) -> tuple[pl.DataFrame, np.ndarray]:
    """The votes (participant_id, statement_id, vote) and each participant's planted group."""
    rng = np.random.default_rng(seed)
    member = rng.integers(0, groups, participants)
    lean = rng.choice([-1, 1], (groups, statements)) * rng.uniform(0.3, 0.9, (groups, statements))
    who, what = np.nonzero(rng.random((participants, statements)) < 0.5)
    agree = rng.random(who.size) < 0.5 + 0.45 * lean[member[who], what]
    vote = np.where(rng.random(who.size) < 0.1, 0, np.where(agree, 1, -1))
    return pl.DataFrame({"participant_id": who, "statement_id": what, "vote": vote}), member
