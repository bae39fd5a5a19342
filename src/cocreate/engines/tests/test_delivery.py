"""Delivery decisions on their own: no database, no Django."""

import random
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from cocreate.engines.delivery import channel_order, goes_to_digest, quiet_until, retry_delay

LONDON = ZoneInfo("Europe/London")


def test_retry_delays_grow_exponentially_with_jitter_and_stop_at_the_cap():
    rng = random.Random(7)
    delays = [retry_delay(n, base=30, cap=3600, rng=rng) for n in range(1, 11)]

    for attempt, delay in enumerate(delays, start=1):
        full = min(3600, 30 * 2 ** (attempt - 1))
        assert full / 2 <= delay <= full
    assert max(delays) <= 3600


def test_jitter_spreads_retries_that_failed_together():
    rng = random.Random(1)
    delays = {round(retry_delay(3, base=30, cap=3600, rng=rng), 3) for _ in range(50)}

    assert len(delays) == 50


def test_channels_come_in_the_persons_order_then_email_then_the_inbox():
    addresses = {"email": "a@b.c", "sms": "+44", "social": "", "webhook": "", "in_app": "inbox"}

    assert channel_order("sms", addresses) == [
        ("sms", "+44"),
        ("email", "a@b.c"),
        ("in_app", "inbox"),
    ]
    assert channel_order("social", addresses) == [("email", "a@b.c"), ("in_app", "inbox")]
    assert channel_order("in_app", addresses) == [("in_app", "inbox"), ("email", "a@b.c")]


@pytest.mark.parametrize(
    ("now", "start", "end", "until"),
    [
        (datetime(2026, 3, 2, 23, 30), time(22), time(7), datetime(2026, 3, 3, 7, 0)),
        (datetime(2026, 3, 2, 2, 15), time(22), time(7), datetime(2026, 3, 2, 7, 0)),
        (datetime(2026, 3, 2, 12, 0), time(22), time(7), None),
        (datetime(2026, 3, 2, 13, 0), time(12), time(14), datetime(2026, 3, 2, 14, 0)),
        (datetime(2026, 3, 2, 14, 0), time(12), time(14), None),
        (datetime(2026, 3, 2, 13, 0), None, None, None),
    ],
)
def test_quiet_hours_end_when_they_say_even_across_midnight(now, start, end, until):
    now = now.replace(tzinfo=LONDON)
    expected = until.replace(tzinfo=LONDON) if until else None

    assert quiet_until(now, start, end) == expected


def test_a_digest_starts_at_the_threshold_and_never_when_it_is_off():
    assert [goes_to_digest(n, 5) for n in (0, 4, 5, 9)] == [False, False, True, True]
    assert goes_to_digest(100, 0) is False
