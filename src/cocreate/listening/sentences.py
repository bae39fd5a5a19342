"""Figures in plain sentences that say how sure they are.

Every score comes with its 95% interval; a comparison says whether the intervals
overlap, and if they do, that the data cannot tell the two apart yet, so nobody acts on
a difference that may be chance.
"""

from datetime import date
from typing import Any

import polars as pl

LABELS = {
    "nps": "NPS",
    "csat": "CSAT",
    "ces": "CES",
    "ces_share": "the share finding it easy (CES 5–7)",
}
UNITS = {
    "nps": "NPS (−100 to +100)",
    "csat": "CSAT: % satisfied (4–5 of 5)",
    "ces": "CES: mean effort agreement (1–7)",
    "ces_share": "CES: % finding it easy (5–7 of 7)",
}
PERIOD_FORMATS = {
    "day": "%d %b %Y",
    "week": "the week of %d %b",
    "month": "%B %Y",
    "quarter": "the quarter from %B %Y",
    "year": "%Y",
}


def number(measure: str, value: float | None) -> str:
    if value is None:
        return "–"
    if measure == "nps":
        return f"{value:+.0f}".replace("-", "−")
    if measure == "ces":
        return f"{value:.1f}"
    return f"{value:.0f}%"


def interval(measure: str, low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return "no interval yet"
    return f"95% CI {number(measure, low)} to {number(measure, high)}"


def score_phrase(measure: str, row: dict[str, Any]) -> str:
    """ "+23 (95% CI +18 to +28, 412 answers)", or why there is no score."""
    n = row.get("n") or 0
    if not n:
        return "no answers yet"
    answers = f"{n:,} answer{'s' if n != 1 else ''}"
    if row.get("low") is None:
        return f"{number(measure, row.get('value'))} (only {answers}: too few for an interval)"
    shown = interval(measure, row.get("low"), row.get("high"))
    return f"{number(measure, row.get('value'))} ({shown}, {answers})"


def overall_sentence(measure: str, row: dict[str, Any] | None, window: str) -> str:
    if not row or not row.get("n"):
        return f"No {LABELS[measure]} answers {window} yet."
    label = LABELS[measure][0].upper() + LABELS[measure][1:]
    return f"{label} {window} is {score_phrase(measure, row)}."


def overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if None in (a.get("low"), a.get("high"), b.get("low"), b.get("high")):
        return True
    return not (a["high"] < b["low"] or b["high"] < a["low"])


def comparison_sentence(frame: pl.DataFrame, key: str, measure: str, what: str) -> str:
    """Which group scores highest and lowest, and whether the data can tell them apart."""
    rows = [r for r in frame.filter(pl.col("measure") == measure).to_dicts() if r["n"]]
    if len(rows) < 2:
        return f"Too few {what} with answers to compare them yet."
    best = max(rows, key=lambda r: r["value"])
    worst = min(rows, key=lambda r: r["value"])
    said = (
        f"“{worst[key] or 'unknown'}” scores lowest, {score_phrase(measure, worst)}, and "
        f"“{best[key] or 'unknown'}” highest, {score_phrase(measure, best)}"
    )
    if overlap(best, worst):
        return said + ": their intervals overlap, so the data cannot tell them apart yet."
    return said + ": their intervals do not overlap, so the gap is more than chance."


def period_name(period: str, day: date) -> str:
    return day.strftime(PERIOD_FORMATS.get(period, "%d %b %Y"))


def trend_sentence(frame: pl.DataFrame, measure: str, period: str) -> str:
    """The latest period against the one before it."""
    rows = [r for r in frame.filter(pl.col("measure") == measure).to_dicts() if r["n"]]
    if len(rows) < 2:
        return "Too few periods with answers to speak of a trend yet."
    last, before = rows[-1], rows[-2]
    said = (
        f"In {period_name(period, last['period'])} {LABELS[measure]} was "
        f"{score_phrase(measure, last)}, against {score_phrase(measure, before)} in "
        f"{period_name(period, before['period'])}"
    )
    if overlap(last, before):
        return said + ": the intervals overlap, so the change may be chance."
    direction = "rose" if last["value"] > before["value"] else "fell"
    return said + f": it {direction}, by more than chance would explain."


def share_phrase(share: float | None, low: float | None, high: float | None, n: int) -> str:
    if share is None or not n:
        return "no data yet"
    return f"{share:.0f}% (95% CI {low or 0:.0f}–{high or 0:.0f}%, of {n:,})"
