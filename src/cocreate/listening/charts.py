"""The listening dashboards' charts (Vega-Altair), each drawn from one Polars frame: the
same frame its page offers for download. Made to be read on a phone: one column of
marks, short labels, every score drawn with its interval."""

from datetime import date, datetime
from typing import Any

import altair as alt
import polars as pl

from cocreate.listening.sentences import UNITS

DOMAINS = {"nps": [-100, 100], "csat": [0, 100], "ces": [1, 7], "ces_share": [0, 100]}
# Every other month on a time axis: readable at a phone's width, never a repeated label.
MONTHS = alt.Axis(format="%b %y", labelAngle=0, tickCount={"interval": "month", "step": 2})
INDIGO, AMBER, GREY, RED, GREEN = "#524ed2", "#e8a23b", "#9aa5b8", "#d1495b", "#2a9d8f"


def values(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows for a chart's inline data, with dates as ISO text."""

    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date | datetime) else value

    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dicts()]


def zoomed(frame: pl.DataFrame, measure: str) -> list[float]:
    """The axis of a score: its scale, narrowed to the intervals shown (with a margin)
    so small differences can be seen; NPS keeps 0 in view."""
    low, high = DOMAINS[measure]
    shown = [v for c in ("low", "high", "value") for v in frame[c].drop_nulls().to_list()]
    if not shown:
        return [low, high]
    margin = (high - low) / 20
    start, end = min(shown) - margin, max(shown) + margin
    if measure == "nps":
        start, end = min(start, 0), max(end, 0)
    return [max(low, float(start)), min(high, float(end))]


def row_height(count: int) -> int:
    return max(90, 30 * count)


def score_intervals(
    frame: pl.DataFrame, key: str, measure: str, order: list[str]
) -> alt.TopLevelMixin:
    """One row per group: the score as a dot, its 95% interval as a line."""
    data = frame.filter(pl.col("measure") == measure).with_columns(
        pl.col(key).fill_null("unknown").cast(pl.String)
    )
    base = alt.Chart(alt.Data(values=values(data))).encode(
        y=alt.Y(f"{key}:N", sort=order or None, title=None),
        tooltip=[
            alt.Tooltip(f"{key}:N", title=key.capitalize()),
            alt.Tooltip("value:Q", title="Score", format=".1f"),
            alt.Tooltip("low:Q", title="95% CI from", format=".1f"),
            alt.Tooltip("high:Q", title="95% CI to", format=".1f"),
            alt.Tooltip("n:Q", title="Answers"),
        ],
    )
    scale = alt.Scale(domain=zoomed(data, measure), nice=True)
    rule = base.mark_rule(strokeWidth=3, color=GREY).encode(
        x=alt.X("low:Q", scale=scale, title=UNITS[measure]), x2=alt.X2("high")
    )
    dot = base.mark_circle(size=110, color=INDIGO, opacity=1).encode(x=alt.X("value:Q"))
    layers = [rule, dot]
    if measure == "nps":
        layers.insert(
            0, alt.Chart().mark_rule(color="#c9ccd3", strokeDash=[3, 3]).encode(x=alt.XDatum(0))
        )
    return alt.layer(*layers).properties(height=row_height(data.height))


def volume_bars(frame: pl.DataFrame, key: str, order: list[str]) -> alt.TopLevelMixin:
    """How many feedback rows each group has (the first measure's rows carry `volume`)."""
    data = frame.filter(pl.col("measure") == "nps").with_columns(
        pl.col(key).fill_null("unknown").cast(pl.String)
    )
    return (
        alt.Chart(alt.Data(values=values(data)))
        .mark_bar(color=AMBER)
        .encode(
            y=alt.Y(f"{key}:N", sort=order or None, title=None),
            x=alt.X("volume:Q", title="Feedback received"),
            tooltip=[alt.Tooltip(f"{key}:N"), alt.Tooltip("volume:Q", title="Feedback")],
        )
        .properties(height=row_height(data.height))
    )


def trend(frame: pl.DataFrame, measure: str, by: str | None = None) -> alt.TopLevelMixin:
    """The score per period: a line, and its interval as a band."""
    data = frame.filter(pl.col("measure") == measure).filter(pl.col("n") > 0)
    base = alt.Chart(alt.Data(values=values(data))).encode(
        x=alt.X("period:T", title=None, axis=MONTHS)
    )
    scale = alt.Scale(domain=zoomed(data, measure), nice=True)
    color = alt.Color(f"{by}:N", title=None) if by else alt.ColorValue(INDIGO)
    band = base.mark_area(opacity=0.18, color=INDIGO).encode(
        y=alt.Y("low:Q", scale=scale, title=UNITS[measure]), y2=alt.Y2("high")
    )
    line = base.mark_line(point=True).encode(
        y=alt.Y("value:Q"),
        color=color,
        tooltip=[
            alt.Tooltip("period:T", title="From", format="%d %b %Y"),
            alt.Tooltip("value:Q", title="Score", format=".1f"),
            alt.Tooltip("low:Q", title="95% CI from", format=".1f"),
            alt.Tooltip("high:Q", title="95% CI to", format=".1f"),
            alt.Tooltip("n:Q", title="Answers"),
        ],
    )
    layers = [line] if by else [band, line]
    return alt.layer(*layers).properties(height=240)


def linkage(
    points: pl.DataFrame, line: pl.DataFrame, staff_label: str, customer_label: str
) -> alt.TopLevelMixin:
    """Each staff member as a dot (their usual score, their customers' mean), sized by
    customers served; the model's line with the 95% band of its mean."""
    x = alt.X("staff_score:Q", title=staff_label, scale=alt.Scale(zero=False))
    band = (
        alt.Chart(alt.Data(values=values(line)))
        .mark_area(opacity=0.18, color=INDIGO)
        .encode(
            x=x,
            y=alt.Y("low:Q", title=customer_label, scale=alt.Scale(zero=False)),
            y2=alt.Y2("high"),
        )
    )
    fitted = (
        alt.Chart(alt.Data(values=values(line)))
        .mark_line(color=INDIGO)
        .encode(x=x, y=alt.Y("fitted:Q"))
    )
    dots = (
        alt.Chart(alt.Data(values=values(points)))
        .mark_circle(color=AMBER, opacity=0.85, stroke="#7a5a1c", strokeWidth=0.5)
        .encode(
            x=x,
            y=alt.Y("customer_mean:Q"),
            size=alt.Size("customers:Q", title="Customer answers", legend=None),
            tooltip=[
                alt.Tooltip("staff_score:Q", title="Staff member's usual score", format=".2f"),
                alt.Tooltip("customer_mean:Q", title="Their customers' mean", format=".2f"),
                alt.Tooltip("customers:Q", title="Customer answers"),
            ],
        )
    )
    return alt.layer(band, fitted, dots).properties(height=280)


def themes(frame: pl.DataFrame) -> alt.TopLevelMixin:
    """Each theme's size, coloured by its mean sentiment (red negative, green positive)."""
    return (
        alt.Chart(alt.Data(values=values(frame)))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("size:Q", title="Texts"),
            color=alt.Color(
                "sentiment:Q",
                title="Sentiment",
                scale=alt.Scale(domain=[-0.6, 0, 0.6], range=[RED, "#e9e7ef", GREEN], clamp=True),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Theme"),
                alt.Tooltip("size:Q", title="Texts"),
                alt.Tooltip("sentiment:Q", title="Mean sentiment", format=".2f"),
            ],
        )
        .properties(height=row_height(frame.height))
    )


def themes_by_phase(frame: pl.DataFrame, phases: list[str]) -> alt.TopLevelMixin:
    """Texts per theme and phase as a grid; colour is the texts' mean sentiment."""
    return (
        alt.Chart(alt.Data(values=values(frame)))
        .mark_rect()
        .encode(
            x=alt.X("phase:N", sort=phases, title=None, axis=alt.Axis(labelAngle=-35)),
            y=alt.Y("label:N", sort=None, title=None),
            color=alt.Color(
                "sentiment:Q",
                title="Sentiment",
                scale=alt.Scale(domain=[-0.6, 0, 0.6], range=[RED, "#e9e7ef", GREEN], clamp=True),
            ),
            opacity=alt.Opacity("texts:Q", legend=None, scale=alt.Scale(range=[0.35, 1])),
            tooltip=[
                alt.Tooltip("label:N"),
                alt.Tooltip("phase:N"),
                alt.Tooltip("texts:Q"),
                alt.Tooltip("sentiment:Q", format=".2f"),
            ],
        )
        .properties(height=row_height(frame["theme"].n_unique() if frame.height else 1))
    )


def opinion_map(frame: pl.DataFrame) -> alt.TopLevelMixin:
    """Participants placed by how they voted; groups in colour, the ungrouped in grey."""
    data = frame.with_columns(
        pl.when(pl.col("group") < 0)
        .then(pl.lit("not grouped (too few votes)"))
        .otherwise(pl.lit("Group ") + (pl.col("group") + 1).cast(pl.String))
        .alias("group_name")
    )
    return (
        alt.Chart(alt.Data(values=values(data.drop("participant_id"))))
        .mark_circle(size=45, opacity=0.75)
        .encode(
            x=alt.X("x:Q", title=None, axis=None),
            y=alt.Y("y:Q", title=None, axis=None),
            color=alt.Color(
                "group_name:N", title=None, legend=alt.Legend(columns=2, labelLimit=220)
            ),
            tooltip=[alt.Tooltip("group_name:N", title="Group"), alt.Tooltip("votes:Q")],
        )
        .properties(height=300)
    )


def demand(frame: pl.DataFrame) -> alt.TopLevelMixin:
    """Each option's share of the designs of its offering, with the Wilson interval."""
    data = frame.head(20).with_columns(
        (pl.col("option_name").cast(pl.String).str.slice(0, 40)).alias("option")
    )
    base = alt.Chart(alt.Data(values=values(data))).encode(
        y=alt.Y("option:N", sort=None, title=None),
        tooltip=[
            alt.Tooltip("option_name:N", title="Option"),
            alt.Tooltip("chosen:Q"),
            alt.Tooltip("waitlisted:Q"),
            alt.Tooltip("share:Q", title="% of designs", format=".0f"),
            alt.Tooltip("share_low:Q", title="95% CI from", format=".0f"),
            alt.Tooltip("share_high:Q", title="95% CI to", format=".0f"),
        ],
    )
    bars = base.mark_bar(color=INDIGO, opacity=0.8).encode(
        x=alt.X("share:Q", title="% of designs that chose it", scale=alt.Scale(domain=[0, 100]))
    )
    rule = base.mark_rule(color="#1d1d1d", strokeWidth=1.5).encode(
        x=alt.X("share_low:Q"), x2=alt.X2("share_high")
    )
    return alt.layer(bars, rule).properties(height=row_height(data.height))


def cocreation_segments(frame: pl.DataFrame) -> alt.TopLevelMixin:
    """Per segment: active contributions against passive signals, as shares of a bar."""
    long = (
        frame.select("segment", "active", "passive")
        .with_columns(pl.col("segment").fill_null("unknown"))
        .unpivot(index="segment", variable_name="kind", value_name="count")
    )
    long = long.with_columns(
        pl.col("kind").replace(
            {"active": "Active: designs, ideas, votes", "passive": "Passive: feedback, imports"}
        )
    )
    return (
        alt.Chart(alt.Data(values=values(long)))
        .mark_bar()
        .encode(
            y=alt.Y("segment:N", title=None, sort=None),
            x=alt.X("count:Q", stack="normalize", title="Share", axis=alt.Axis(format="%")),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(range=[INDIGO, AMBER]),
                legend=alt.Legend(columns=1, labelLimit=300),
            ),
            tooltip=[alt.Tooltip("segment:N"), alt.Tooltip("kind:N"), alt.Tooltip("count:Q")],
        )
        .properties(height=row_height(frame.height))
    )


def cocreation_trend(frame: pl.DataFrame) -> alt.TopLevelMixin:
    """The share of contributions that were active, per period."""
    return (
        alt.Chart(alt.Data(values=values(frame)))
        .mark_line(point=True, color=INDIGO)
        .encode(
            x=alt.X("period:T", title=None, axis=MONTHS),
            y=alt.Y(
                "active_share:Q",
                title="Active share of contributions",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=[
                alt.Tooltip("period:T", format="%B %Y"),
                alt.Tooltip("active:Q"),
                alt.Tooltip("passive:Q"),
                alt.Tooltip("active_share:Q", format=".0%"),
            ],
        )
        .properties(height=220)
    )
