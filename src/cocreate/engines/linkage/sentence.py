"""The linkage in one plain sentence that states the effect and its uncertainty, such as
"Customers served by staff who rate their experience one point higher give 0.8 points
(95% CI 0.5-1.1) higher satisfaction; staff members explain 12% of the differences between
customers." The sentence itself uses an en dash between the bounds, or "to" with a minus
sign when a bound is negative.
"""

PLURALS = {
    "day": "days",
    "week": "weeks",
    "month": "months",
    "quarter": "quarters",
    "year": "years",
}


def number(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace("-", "−")


def linkage_sentence(
    slope: float,
    low: float,
    high: float,
    icc1: float,
    *,
    confidence: float = 0.95,
    outcome: str = "satisfaction",
    lag: int | None = None,
    period: str = "month",
) -> str:
    """The sentence for a slope with its interval (customer points per staff point) and
    ICC(1). `outcome` names what customers rate; `lag` periods between staff and customers."""
    digits = 2 if high - low < 0.2 else 1
    direction = "higher" if slope >= 0 else "lower"
    joiner = "–" if low >= 0 or high < 0 else " to "
    interval = f"{confidence:.0%} CI {number(low, digits)}{joiner}{number(high, digits)}"
    if lag:
        span = f"one {period}" if lag == 1 else f"{lag} {PLURALS[period]}"
        who = f"staff who rated their experience one point higher {span} earlier"
    else:
        who = "staff who rate their experience one point higher"
    said = (
        f"Customers served by {who} give {number(abs(slope), digits)} points ({interval}) "
        f"{direction} {outcome}"
    )
    if low <= 0 <= high:
        said += ", but the interval includes no difference at all, so the data do not show a link"
    return f"{said}; staff members explain {max(icc1, 0):.0%} of the differences between customers."
