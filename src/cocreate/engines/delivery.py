"""Delivery decisions, as plain functions: when to retry, which channel to try, when a
person's quiet hours end, whether a message goes into a digest."""

import random
from collections.abc import Mapping
from datetime import datetime, time, timedelta

# After the preferred channel: email (everyone has an address), then the in-app inbox,
# which always works.
FALLBACK_ORDER = ("email", "in_app")


def retry_delay(attempt: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...).

    Exponential, capped, with "equal jitter": half the delay is fixed, half random, so
    retries of many messages that failed together spread out instead of stampeding.
    """
    delay = min(cap, base * 2 ** (attempt - 1))
    return delay / 2 + rng.uniform(0, delay / 2)


def channel_order(preferred: str, addresses: Mapping[str, str | None]) -> list[tuple[str, str]]:
    """The channels to try, in order, each with its address; channels without one are left out.

    `addresses` maps each channel to its address, None or "" when the person has none
    (the in-app channel's address is "inbox").
    """
    order = [preferred, *(c for c in FALLBACK_ORDER if c != preferred)]
    return [(channel, addresses[channel] or "") for channel in order if addresses.get(channel)]


def quiet_until(now: datetime, start: time | None, end: time | None) -> datetime | None:
    """When the quiet hours around `now` end, or None if `now` is not in quiet hours.

    `now` is in the person's time zone; the window may cross midnight (22:00-07:00).
    """
    if start is None or end is None or start == end:
        return None
    clock = now.time().replace(tzinfo=None)
    inside = start <= clock < end if start < end else clock >= start or clock < end
    if not inside:
        return None
    ending = now.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    return ending if ending > now else ending + timedelta(days=1)


def goes_to_digest(sent_in_last_hour: int, threshold: int) -> bool:
    """More than `threshold` messages within an hour become one digest."""
    return threshold > 0 and sent_in_last_hour >= threshold
