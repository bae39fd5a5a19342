"""The demand page's charts (Vega-Altair)."""

from collections import Counter
from typing import Any

import altair as alt

from cocreate.offerings.demand import OptionDemand

STATES = ["Confirmed", "Waitlisted", "Refused by a rule"]


def demand_chart(rows: list[OptionDemand]) -> alt.Chart:
    """One bar per option: who got it, who waits for it, who wanted it and could not."""
    data = [
        {"option": _label(r), "state": state, "people": n}
        for r in rows
        for state, n in zip(STATES, (r.confirmed, r.waitlisted, r.tried), strict=True)
        if n
    ]
    order = [_label(r) for r in sorted(rows, key=lambda r: -r.wanted)]
    return (
        alt.Chart(alt.Data(values=data))
        .mark_bar()
        .encode(
            y=alt.Y("option:N", sort=order, title=None),
            x=alt.X("people:Q", title="People"),
            color=alt.Color("state:N", scale=alt.Scale(domain=STATES), title=None),
            order=alt.Order("state_order:Q"),
            tooltip=[alt.Tooltip("option:N"), alt.Tooltip("state:N"), alt.Tooltip("people:Q")],
        )
        .transform_calculate(state_order=f"indexof({STATES!r}, datum.state)")
        .properties(height=max(120, 22 * len(order)))
    )


def breakdown_chart(
    rows: list[OptionDemand], counts: dict[int, Counter[str]], field: str
) -> alt.Chart:
    """Who chose each option, by their answer to one profile question (shares of each bar)."""
    data: list[dict[str, Any]] = [
        {"option": _label(r), "answer": answer, "people": n}
        for r in rows
        for answer, n in counts.get(r.option.pk, Counter()).items()
    ]
    return (
        alt.Chart(alt.Data(values=data))
        .mark_bar()
        .encode(
            y=alt.Y("option:N", title=None, sort=[_label(r) for r in rows]),
            x=alt.X(
                "people:Q",
                stack="normalize",
                title=f"Share by “{field}”",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("answer:N", title=field),
            tooltip=[alt.Tooltip("option:N"), alt.Tooltip("answer:N"), alt.Tooltip("people:Q")],
        )
        .properties(height=max(120, 22 * len({d["option"] for d in data})))
    )


def _label(row: OptionDemand) -> str:
    return f"{row.option.name} · {row.option.dimension.name}"[:80]
