from typing import Any

from django import template

from cocreate.agenda import selectors
from cocreate.agenda.models import Proposal

register = template.Library()


@register.simple_tag
def sessions_from(source: Any, membership: Any) -> list[Proposal]:
    """The sessions an idea or a challenge became, for their pages: the ideas app shows
    them (agenda/_sessions_from.html) without knowing the agenda."""
    return selectors.sessions_from(source, membership)


@register.filter
def weight_of(mine: object, proposal: object) -> str:
    """The viewer's interest in a proposal: "must", "like" or "" (mine: {pk: weight}, or
    the weight itself on a proposal's own page)."""
    if isinstance(mine, dict):
        return str(mine.get(getattr(proposal, "pk", None), ""))
    return str(mine or "")


@register.filter
def sparkline(progress: list[list[float]], size: str = "240x48") -> str:
    """SVG polyline points for the objective over time ([seconds, objective, bound])."""
    width, height = (int(n) for n in size.split("x"))
    if len(progress) < 2:
        return ""
    xs = [p[0] for p in progress]
    ys = [p[1] for p in progress]
    x0, x1 = min(xs), max(xs) or 1.0
    y0, y1 = min(ys), max(ys)
    span_x, span_y = (x1 - x0) or 1.0, (y1 - y0) or 1.0
    return " ".join(
        f"{(x - x0) / span_x * width:.1f},{height - (y - y0) / span_y * height:.1f}"
        for x, y in zip(xs, ys, strict=True)
    )
