"""Which statements characterise each opinion group, and which unite everyone: Polis's
representative and consensus statements, as red-dwarf implements them
(`reddwarf.utils.stats`, `reddwarf.utils.consensus`).

Per group and statement, with n the group's votes on it (passes included):
- smoothed shares: agree pa = (1 + agrees) / (2 + n), disagree pd likewise;
- pat, pdt: one-proportion tests that the share exceeds a half,
  2 sqrt(n + 1) ((votes_for + 1) / (n + 1) - 1/2);
- ra, rd: representativeness, the group's share over everyone else's share;
- rat, rdt: two-proportion tests of the group against the rest (add-one smoothed).
A test is significant when its z exceeds the one-tailed normal quantile of `confidence`
(90% in Polis).

Representative statements of a group: its best-agreed statement first (Polis's "best
agree"), then the statements whose share and representativeness are both significant,
in either direction, by ra * rat * pa * pat (or the disagree equivalents), at most
`pick_max`, agreements before disagreements. With nothing significant, the statement
with the strongest representativeness test stands alone. One deviation from red-dwarf:
when a group has significant statements but no best-agreed one, red-dwarf returns none;
Polis and this module return the significant ones.

Consensus statements: over all participants as one group, those with pa > 1/2 and pat
significant, by pa * pat (at most `pick_max`), and likewise for disagreement.
"""

from dataclasses import dataclass, fields
from statistics import NormalDist
from typing import Any

import numpy as np
from scipy import sparse

from cocreate.engines.opinions.votes import VoteMatrix

AGREE, DISAGREE = "agree", "disagree"


@dataclass(frozen=True)
class StatementFinding:
    """A representative or consensus statement and the evidence for it."""

    statement_id: Any
    direction: str  # "agree" or "disagree"
    votes_for: int  # participants (of the group) voting that way
    votes: int  # participants (of the group) who voted on it, passes included
    share: float  # smoothed share voting that way, (1 + votes_for) / (2 + votes)
    share_test: float  # z of the test that the share exceeds a half
    repness: float | None = None  # the group's share over the others' (None: consensus)
    repness_test: float | None = None  # z of the group-versus-others test
    best_agree: bool = False  # the group's best-agreed statement, shown first


@dataclass(frozen=True, eq=False)
class GroupCounts:
    """Per group (rows) and statement (columns): the counts and Polis's statistics."""

    agree: np.ndarray
    disagree: np.ndarray
    votes: np.ndarray
    pa: np.ndarray
    pd: np.ndarray
    pat: np.ndarray
    pdt: np.ndarray
    ra: np.ndarray
    rd: np.ndarray
    rat: np.ndarray
    rdt: np.ndarray


def share(count: np.ndarray, n: np.ndarray) -> np.ndarray:
    return (1 + count) / (2 + n)


def one_proportion_test(count: np.ndarray, n: np.ndarray) -> np.ndarray:
    return 2 * np.sqrt(n + 1) * ((count + 1) / (n + 1) - 0.5)


def two_proportion_test(
    count_in: np.ndarray, count_out: np.ndarray, n_in: np.ndarray, n_out: np.ndarray
) -> np.ndarray:
    p_in, p_out = (count_in + 1) / (n_in + 1), (count_out + 1) / (n_out + 1)
    pooled = (count_in + count_out + 2) / (n_in + n_out + 2)
    spread = np.sqrt(pooled * (1 - pooled) * (1 / (n_in + 1) + 1 / (n_out + 1)))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(pooled == 1, 0.0, (p_in - p_out) / spread)


def group_counts(matrix: VoteMatrix, rows: np.ndarray, labels: np.ndarray) -> GroupCounts:
    """Counts and statistics of each group among the participants `rows` (labels 0..k-1)."""
    groups = labels.max() + 1 if labels.size else 0
    membership = sparse.csr_matrix(
        (np.ones(rows.size), (labels, np.arange(rows.size))), shape=(groups, rows.size)
    )
    values, voted = matrix.values[rows], matrix.voted[rows]
    agree = np.asarray((membership @ (values > 0)).todense(), dtype=float)
    disagree = np.asarray((membership @ (values < 0)).todense(), dtype=float)
    votes = np.asarray((membership @ voted).todense(), dtype=float)
    agree_out, disagree_out = agree.sum(axis=0) - agree, disagree.sum(axis=0) - disagree
    votes_out = votes.sum(axis=0) - votes
    pa, pd = share(agree, votes), share(disagree, votes)
    return GroupCounts(
        agree=agree,
        disagree=disagree,
        votes=votes,
        pa=pa,
        pd=pd,
        pat=one_proportion_test(agree, votes),
        pdt=one_proportion_test(disagree, votes),
        ra=pa / share(agree_out, votes_out),
        rd=pd / share(disagree_out, votes_out),
        rat=two_proportion_test(agree, agree_out, votes, votes_out),
        rdt=two_proportion_test(disagree, disagree_out, votes, votes_out),
    )


def representative(
    counts: GroupCounts,
    group: int,
    statement_ids: np.ndarray,
    *,
    pick_max: int = 5,
    confidence: float = 0.9,
) -> list[StatementFinding]:
    """The group's representative statements, in the order to show them."""
    z = NormalDist().inv_cdf(confidence)
    c = {field.name: getattr(counts, field.name)[group] for field in fields(counts)}
    best = best_agree(c, z)
    sufficient = np.flatnonzero(
        ((c["pat"] > z) & (c["rat"] > z)) | ((c["pdt"] > z) & (c["rdt"] > z))
    )
    agrees = c["rat"] > c["rdt"]
    metric = np.where(
        agrees,
        c["ra"] * c["rat"] * c["pa"] * c["pat"],
        c["rd"] * c["rdt"] * c["pd"] * c["pdt"],
    )
    sufficient = sufficient[np.argsort(-metric[sufficient], kind="stable")]
    if best is not None:
        head = [best]
    elif sufficient.size == 0 and statement_ids.size:
        head = [int(np.argmax(np.maximum(c["rat"], c["rdt"])))]
    else:
        head = []
    chosen = [*head, *(int(s) for s in sufficient if s not in head)][:pick_max]
    found = [finding(c, s, statement_ids, bool(agrees[s]), best_agree=s == best) for s in chosen]
    return sorted(found, key=lambda f: f.direction != AGREE)


def best_agree(c: dict[str, np.ndarray], z: float) -> int | None:
    """Polis's best-agreed statement of a group: a scan in statement order, as red-dwarf's
    `beats_best_of_agrees`."""
    best: int | None = None
    for s in range(c["votes"].size):
        if c["agree"][s] == 0 and c["disagree"][s] == 0:
            continue
        if best is None:
            if c["pat"][s] > z or (c["ra"][s] > 1 and c["pa"][s] > 0.5):
                best = s
        elif c["ra"][best] > 1:
            strength = c["ra"] * c["rat"] * c["pa"] * c["pat"]
            best = s if strength[s] > strength[best] else best
        elif c["pa"][s] * c["pat"][s] > c["pa"][best] * c["pat"][best]:
            best = s
    return best


def finding(
    c: dict[str, np.ndarray], s: int, ids: np.ndarray, agrees: bool, *, best_agree: bool
) -> StatementFinding:
    a = ("agree", "pa", "pat", "ra", "rat") if agrees else ("disagree", "pd", "pdt", "rd", "rdt")
    return StatementFinding(
        statement_id=ids[s].item(),
        direction=AGREE if agrees else DISAGREE,
        votes_for=int(c[a[0]][s]),
        votes=int(c["votes"][s]),
        share=float(c[a[1]][s]),
        share_test=float(c[a[2]][s]),
        repness=float(c[a[3]][s]),
        repness_test=float(c[a[4]][s]),
        best_agree=best_agree,
    )


def consensus(
    matrix: VoteMatrix, *, pick_max: int = 5, confidence: float = 0.9
) -> list[StatementFinding]:
    """Statements most participants agree on, then those most disagree with (all voters)."""
    z = NormalDist().inv_cdf(confidence)
    agree, disagree, votes = (np.asarray(a, dtype=float) for a in matrix.counts())
    found = []
    for direction, count in ((AGREE, agree), (DISAGREE, disagree)):
        p, test = share(count, votes), one_proportion_test(count, votes)
        candidates = np.flatnonzero((p > 0.5) & (test > z))
        ranked = candidates[np.argsort(-(p * test)[candidates], kind="stable")][:pick_max]
        found += [
            StatementFinding(
                statement_id=matrix.statement_ids[s].item(),
                direction=direction,
                votes_for=int(count[s]),
                votes=int(votes[s]),
                share=float(p[s]),
                share_test=float(test[s]),
            )
            for s in ranked
        ]
    return found
