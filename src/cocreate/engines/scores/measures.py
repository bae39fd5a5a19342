"""The four listening scores of one set of answers, each with its interval and a note
that says, in words, when there is no score or no interval and why.

| measure     | answers | value                                        |
|-------------|---------|----------------------------------------------|
| `nps`       | 0-10    | % promoters (9-10) - % detractors (0-6), -100 to 100 |
| `csat`      | 1-5     | % of answers that are 4 or 5                 |
| `ces`       | 1-7     | the mean answer                              |
| `ces_share` | 1-7     | % of answers that are 5, 6 or 7              |
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from cocreate.engines.scores.intervals import mean_interval, nps_interval, share_interval

NPS, CSAT, CES, CES_SHARE = "nps", "csat", "ces", "ces_share"
MEASURES = (NPS, CSAT, CES, CES_SHARE)
# The answer scale of each question (CES and its share come from the same question).
SCALES = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
PROMOTER_FROM, DETRACTOR_UP_TO, SATISFIED_FROM, EASY_FROM = 9, 6, 4, 5

NO_ANSWERS = "No answers yet, so no score."
TOO_FEW_FOR_INTERVAL = "Only one answer: too few for an interval."
NO_SPREAD = "Every answer falls in the same category, so the interval has no width yet."


class ScoreOutOfRange(ValueError):
    """Answers outside their question's scale (say, an NPS of 11)."""


@dataclass(frozen=True)
class Score:
    """One score of one set of answers.

    `value`, `low` and `high` are None when there is no score or no interval; `note` then
    says why (empty when all is well). `low`-`high` is the interval at the confidence
    level asked for (95% by default).
    """

    measure: str
    n: int
    value: float | None
    low: float | None
    high: float | None
    note: str = ""


def check_answers(question: str, answers: ArrayLike) -> np.ndarray:
    """The answers as an integer array, or ScoreOutOfRange naming the offending ones."""
    low, high = SCALES[question]
    values = np.asarray(answers, dtype=float)
    bad = ~np.isfinite(values) | (values < low) | (values > high) | (values != np.round(values))
    if bad.any():
        positions = np.flatnonzero(bad)[:5].tolist()
        shown = ", ".join(f"{values[p]:g} (answer {p + 1})" for p in positions)
        raise ScoreOutOfRange(
            f"{int(bad.sum())} {question.upper()} answers are not whole numbers "
            f"from {low} to {high}: {shown}."
        )
    return values.astype(int)


def note_for(n: int, value: float, low: float, high: float) -> str:
    """The sentence a chart shows beside a score: empty when the score and interval stand."""
    if n == 0:
        return NO_ANSWERS
    if np.isnan(low):
        return TOO_FEW_FOR_INTERVAL
    if low == high:
        return NO_SPREAD
    return ""


def as_score(measure: str, n: int, value: float, low: float, high: float) -> Score:
    def plain(x: float) -> float | None:
        return None if np.isnan(x) else float(x)

    return Score(measure, n, plain(value), plain(low), plain(high), note_for(n, value, low, high))


def nps(answers: Sequence[int] | ArrayLike, *, confidence: float = 0.95) -> Score:
    """Net Promoter Score of 0-10 answers, with the interval from its standard error."""
    values = check_answers(NPS, answers)
    found = nps_interval(
        (values >= PROMOTER_FROM).sum(), (values <= DETRACTOR_UP_TO).sum(), values.size, confidence
    )
    return as_score(NPS, values.size, *(float(x) for x in found))


def csat(answers: Sequence[int] | ArrayLike, *, confidence: float = 0.95) -> Score:
    """Share of satisfied customers (4 or 5 on 1-5), in percent, with a Wilson interval."""
    values = check_answers(CSAT, answers)
    found = share_interval((values >= SATISFIED_FROM).sum(), values.size, confidence)
    return as_score(CSAT, values.size, *(float(x) for x in found))


def ces(answers: Sequence[int] | ArrayLike, *, confidence: float = 0.95) -> Score:
    """Customer Effort Score: the mean of the 1-7 agreement item, with a t interval."""
    values = check_answers(CES, answers)
    found = mean_interval(
        values.sum(), (values.astype(float) ** 2).sum(), values.size, confidence, SCALES[CES]
    )
    return as_score(CES, values.size, *(float(x) for x in found))


def ces_share(answers: Sequence[int] | ArrayLike, *, confidence: float = 0.95) -> Score:
    """Share of 5-7 answers to the CES item, in percent, with a Wilson interval."""
    values = check_answers(CES, answers)
    found = share_interval((values >= EASY_FROM).sum(), values.size, confidence)
    return as_score(CES_SHARE, values.size, *(float(x) for x in found))
