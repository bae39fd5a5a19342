"""How much customers' answers cluster by the staff member who served them: ICC(1) and
ICC(2) from a one-way analysis of variance (Bliese, 2000).

- ICC(1): the share of the differences between customers' answers that lies between staff
  members, (MSB - MSW) / (MSB + (k - 1) MSW); "staff members explain 12% of the
  differences between customers".
- ICC(2): how reliably a staff member's mean customer answer tells staff apart,
  (MSB - MSW) / MSB.

k is the average group size, corrected for unequal groups: (N - sum n_j^2 / N) / (J - 1).
Both can come out below zero when staff differ less than chance would make them; they are
reported as computed, and the sentence for people reads them as 0%. Where they are
undefined (every answer alike), they are 0: nothing tells staff apart.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike


@dataclass(frozen=True)
class Reliability:
    icc1: float
    icc2: float
    groups: int
    mean_group_size: float


def reliability(scores: ArrayLike, groups: ArrayLike) -> Reliability:
    """ICC(1) and ICC(2) of `scores` grouped by `groups` (at least two groups, one of
    them with two or more scores)."""
    values = np.asarray(scores, dtype=float)
    _, group_of = np.unique(np.asarray(groups), return_inverse=True)
    sizes = np.bincount(group_of)
    means = np.bincount(group_of, weights=values) / sizes
    n, j = values.size, sizes.size
    between = float((sizes * (means - values.mean()) ** 2).sum()) / (j - 1)
    within = float(((values - means[group_of]) ** 2).sum()) / (n - j)
    k = (n - float((sizes**2).sum()) / n) / (j - 1)
    spread = between + (k - 1) * within
    return Reliability(
        icc1=(between - within) / spread if spread > 0 else 0.0,
        icc2=(between - within) / between if between > 0 else 0.0,
        groups=j,
        mean_group_size=k,
    )
