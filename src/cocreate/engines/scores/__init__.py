"""Listening scores: NPS, CSAT and CES with honest intervals, overall and broken down by
phase, touchpoint, segment and period (`measures`, `intervals`, `breakdown`)."""

from cocreate.engines.scores.breakdown import (
    PERIODS,
    STATISTICS,
    UnknownPeriod,
    journey_summary,
    journey_table,
    period_interval,
    score_table,
    score_trend,
    scores_by,
    sufficient_statistics,
    trend_table,
)
from cocreate.engines.scores.measures import (
    CES,
    CES_SHARE,
    CSAT,
    MEASURES,
    NPS,
    Score,
    ScoreOutOfRange,
    ces,
    ces_share,
    csat,
    nps,
)

__all__ = [
    "CES",
    "CES_SHARE",
    "CSAT",
    "MEASURES",
    "NPS",
    "PERIODS",
    "STATISTICS",
    "Score",
    "ScoreOutOfRange",
    "UnknownPeriod",
    "ces",
    "ces_share",
    "csat",
    "journey_summary",
    "journey_table",
    "nps",
    "period_interval",
    "score_table",
    "score_trend",
    "scores_by",
    "sufficient_statistics",
    "trend_table",
]
