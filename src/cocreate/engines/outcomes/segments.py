"""Segments by unmet needs: groups of respondents whose needs differ, each described by
its size, its own top opportunities and the profile answers over-represented in it.

Each respondent's need for an outcome is their own opportunity, importance + max(importance
- satisfaction, 0) on their 1-5 ratings (1 to 9); an unanswered outcome takes the average
need of those who answered it. k-means (seeded) clusters these needs for every k in a
range, and the k with the highest silhouette (how much closer respondents are to their own
segment than to the next) is kept.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import hypergeom
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from cocreate.engines.outcomes.opportunity import label, point_scores
from cocreate.engines.outcomes.ratings import NOT_ANSWERED, Ratings

# Silhouettes are computed on a seeded sample of at most this many respondents: exact enough
# to compare k, and linear rather than quadratic in the number of respondents.
SILHOUETTE_SAMPLE = 2000
# A profile answer is over-represented when its share in the segment is at least LIFT times
# its share overall and a one-sided hypergeometric test finds that unlikely by chance.
LIFT = 1.2
SIGNIFICANCE = 0.05

ProfileAnswer = str | Sequence[str] | None


class TooFewRespondents(ValueError):
    """Segmentation needs at least three respondents and the profiles of each."""


@dataclass(frozen=True)
class SegmentOpportunity:
    outcome: Hashable
    opportunity: float  # 0-20, among the segment's respondents
    label: str
    overall: float  # the same outcome's opportunity among all respondents


@dataclass(frozen=True)
class ProfileSkew:
    field: str
    value: str
    share_in_segment: float  # 0-1
    share_overall: float  # 0-1
    lift: float  # share_in_segment / share_overall


@dataclass(frozen=True)
class Segment:
    number: int  # 1 for the largest segment
    respondents: tuple[Hashable, ...]
    share: float  # of all respondents, 0-1
    top_opportunities: tuple[SegmentOpportunity, ...]  # highest first
    over_represented: tuple[ProfileSkew, ...]  # highest lift first


@dataclass(frozen=True)
class Segmentation:
    segments: tuple[Segment, ...]  # largest first
    silhouettes: Mapping[int, float]  # the criterion for each k tried
    k: int  # the k with the highest silhouette


def segment_respondents(
    ratings: Ratings,
    profiles: Sequence[Mapping[str, ProfileAnswer]],
    *,
    k_range: range = range(2, 7),
    top: int = 3,
    seed: int = 0,
) -> Segmentation:
    """Cluster the respondents (profiles[r] is respondent r's profile answers, a list for a
    multiple-choice field) and describe each segment."""
    count = len(ratings.respondents)
    if count < 3:
        raise TooFewRespondents(f"Segmentation needs at least 3 respondents; there are {count}.")
    if len(profiles) != count:
        raise TooFewRespondents(f"{len(profiles)} profiles were given for {count} respondents.")
    needs = _needs(ratings)
    ks = [k for k in k_range if 2 <= k < count]
    if not ks:
        raise TooFewRespondents(f"No k in {k_range} can split {count} respondents.")
    labels_by_k = {k: KMeans(k, n_init=4, random_state=seed).fit_predict(needs) for k in ks}
    silhouettes = {k: _silhouette(needs, labels, seed) for k, labels in labels_by_k.items()}
    best = max(ks, key=lambda k: (silhouettes[k], -k))
    labels = labels_by_k[best]
    overall = point_scores(ratings)[2]
    sizes = np.bincount(labels, minlength=best)
    order = np.argsort(-sizes, kind="stable")
    segments = tuple(
        _describe(ratings, profiles, labels == cluster, number, overall, top)
        for number, cluster in enumerate(order, start=1)
    )
    return Segmentation(segments, silhouettes, best)


def _needs(ratings: Ratings) -> np.ndarray:
    importance = ratings.importance.astype(np.float64)
    need = importance + np.maximum(importance - ratings.satisfaction, 0)
    answered = (ratings.importance != NOT_ANSWERED) & (ratings.satisfaction != NOT_ANSWERED)
    need[~answered] = np.nan
    with np.errstate(invalid="ignore"):
        average = np.nan_to_num(np.nanmean(need, axis=0), nan=0.0)
    return np.where(answered, need, average)


def _silhouette(needs: np.ndarray, labels: np.ndarray, seed: int) -> float:
    if len(np.unique(labels)) < 2:
        return -1.0  # identical respondents: no split is better than another
    sample = min(SILHOUETTE_SAMPLE, len(needs))
    return float(silhouette_score(needs, labels, sample_size=sample, random_state=seed))


def _describe(
    ratings: Ratings,
    profiles: Sequence[Mapping[str, ProfileAnswer]],
    members: np.ndarray,
    number: int,
    overall: np.ndarray,
    top: int,
) -> Segment:
    inside = Ratings(
        ratings.outcomes,
        tuple(r for r, m in zip(ratings.respondents, members, strict=True) if m),
        ratings.importance[members],
        ratings.satisfaction[members],
    )
    importance, satisfaction, opportunity = point_scores(inside)
    ranked = np.argsort(-np.nan_to_num(opportunity, nan=-1), kind="stable")
    tops = tuple(
        SegmentOpportunity(
            outcome=ratings.outcomes[o],
            opportunity=float(opportunity[o]),
            label=label(importance[o], satisfaction[o], opportunity[o]),
            overall=float(overall[o]),
        )
        for o in ranked[:top]
        if not np.isnan(opportunity[o])
    )
    return Segment(
        number=number,
        respondents=inside.respondents,
        share=float(members.mean()),
        top_opportunities=tops,
        over_represented=_over_represented(profiles, members),
    )


def _over_represented(
    profiles: Sequence[Mapping[str, ProfileAnswer]], members: np.ndarray
) -> tuple[ProfileSkew, ...]:
    total, size = len(members), int(members.sum())
    holders: dict[tuple[str, str], np.ndarray] = {}
    for r, profile in enumerate(profiles):
        for field, answer in profile.items():
            values = [answer] if isinstance(answer, str) else list(answer or ())
            for value in values:
                if value:
                    holders.setdefault((field, value), np.zeros(total, dtype=bool))[r] = True
    skews = []
    for (field, value), has in holders.items():
        everywhere, here = int(has.sum()), int((has & members).sum())
        lift = (here / size) / (everywhere / total)
        # P(at least `here` holders in a random group of `size` respondents)
        chance = hypergeom.sf(here - 1, total, everywhere, size)
        if lift >= LIFT and chance < SIGNIFICANCE:
            skews.append(ProfileSkew(field, value, here / size, everywhere / total, lift))
    skews.sort(key=lambda s: (-s.lift, s.field, s.value))
    return tuple(skews)
