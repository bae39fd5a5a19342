"""The ideas pages' charts (Vega-Altair): the ranking with its intervals, and the
opportunity landscape (importance against satisfaction, with Ulwick's zones)."""

from collections.abc import Sequence
from typing import Any, cast

import altair as alt

from cocreate.engines.outcomes import OpportunityScore

LABELS = ["extreme", "high", "worth considering", "appropriately served", "over-served"]
LABEL_COLOURS = ["#d1495b", "#e8a23b", "#524ed2", "#9aa5b8", "#2a9d8f"]


def ranking_chart(rows: Sequence[dict[str, Any]]) -> alt.LayerChart:
    """One bar per idea: its chance to beat a randomly chosen other idea, with the 95%
    interval over voters as a line, best first."""
    data = [
        {
            "idea": _short(row["title"]),
            "chance": round(row["chance_to_win"], 1),
            "low": round(row["chance_low"], 1),
            "high": round(row["chance_high"], 1),
            "score": round(row["all_our_ideas_score"], 1),
        }
        for row in rows
    ]
    order = [d["idea"] for d in data]
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("idea:N", sort=order, title=None, axis=alt.Axis(labelLimit=180))
    )
    bars = base.mark_bar(opacity=0.75).encode(
        x=alt.X("chance:Q", title="Chance to win (%)", scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("idea:N", title="Idea"),
            alt.Tooltip("chance:Q", title="Chance to win"),
            alt.Tooltip("low:Q", title="95% from"),
            alt.Tooltip("high:Q", title="95% to"),
            alt.Tooltip("score:Q", title="All Our Ideas score"),
        ],
    )
    interval = base.mark_rule(strokeWidth=2, color="#1d1d1d").encode(
        x=alt.X("low:Q"), x2=alt.X2("high")
    )
    return (bars + interval).properties(height=max(120, 24 * len(data)))


def landscape_chart(
    scores: Sequence[OpportunityScore], statements: dict[Any, str]
) -> alt.LayerChart:
    """Each outcome at (satisfaction, importance), both 0-10. Below the diagonal,
    satisfaction exceeds importance: over-served. The dashed lines, labelled at the left,
    are where the opportunity score is 10, 12 and 15: above them, worth considering,
    high, extreme."""
    points = [
        {
            "outcome": _short(statements.get(s.outcome, str(s.outcome)), 70),
            "importance": round(s.importance, 2),
            "satisfaction": round(s.satisfaction, 2),
            "opportunity": round(s.opportunity, 1),
            "label": s.label,
        }
        for s in scores
    ]
    axis_scale = alt.Scale(domain=[0, 10])
    over_served = (
        alt.Chart(alt.Data(values=[{"s": 0, "i": 0}, {"s": 10, "i": 10}]))
        .mark_area(opacity=0.12, color="#2a9d8f")
        .encode(
            x=alt.X("s:Q", scale=axis_scale), y=alt.Y("i:Q", scale=axis_scale), y2=alt.Y2Datum(0)
        )
    )
    lines = []
    for level in (10, 12, 15):
        # importance + (importance - satisfaction) = level, while satisfaction < importance
        end = min(10, 20 - level)
        ends = [{"s": 0, "i": level / 2}, {"s": end, "i": (level + end) / 2}]
        lines.append(
            alt.Chart(alt.Data(values=ends))
            .mark_line(strokeDash=[4, 4], color="#6c757d")
            .encode(x=alt.X("s:Q", scale=axis_scale), y=alt.Y("i:Q", scale=axis_scale))
        )
    notes = (
        alt.Chart(
            alt.Data(
                values=[
                    {"s": 7.4, "i": 0.3, "text": "over-served"},
                    {"s": 0.2, "i": 5.25, "text": "10"},
                    {"s": 0.2, "i": 6.25, "text": "12"},
                    {"s": 0.2, "i": 7.75, "text": "15"},
                ]
            )
        )
        .mark_text(fontSize=11, color="#6c757d", align="left", baseline="bottom")
        .encode(
            x=alt.X("s:Q", scale=axis_scale),
            y=alt.Y("i:Q", scale=axis_scale),
            text=alt.Text("text:N"),
        )
    )
    dots = (
        alt.Chart(alt.Data(values=points))
        .mark_circle(size=90, opacity=0.9)
        .encode(
            x=alt.X("satisfaction:Q", title="Satisfaction (0-10)", scale=axis_scale),
            y=alt.Y("importance:Q", title="Importance (0-10)", scale=axis_scale),
            color=alt.Color(
                "label:N",
                title="Opportunity",
                scale=alt.Scale(domain=LABELS, range=LABEL_COLOURS),
            ),
            tooltip=[
                alt.Tooltip("outcome:N", title="Outcome"),
                alt.Tooltip("importance:Q", title="Importance"),
                alt.Tooltip("satisfaction:Q", title="Satisfaction"),
                alt.Tooltip("opportunity:Q", title="Opportunity"),
                alt.Tooltip("label:N", title="Band"),
            ],
        )
    )
    layered = alt.layer(over_served, *lines, notes, dots).properties(height=360)
    return cast(alt.LayerChart, layered)


def _short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
