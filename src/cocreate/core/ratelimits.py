"""Rate limits on what one person can do in a while (invitations, ideas, votes).

Counters live in the shared cache (the database), so every web process sees the same
count. A fixed window: at most `limit` actions per `seconds`, then a 429 that says when.
"""

import time

from django.core.cache import cache

from cocreate.core.errors import ServiceError


class RateLimited(ServiceError):
    status = 429
    code = "rate_limited"


def limit(action: str, who: object, *, limit: int, seconds: int, doing: str) -> None:
    """Count one `action` by `who`; refuse when it is the (limit + 1)th in the window."""
    window = int(time.time() // seconds)
    key = f"ratelimit:{action}:{who}:{window}"
    if cache.add(key, 1, timeout=seconds + 5):
        return
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=seconds + 5)
        return
    if count > limit:
        wait = seconds - int(time.time()) % seconds
        raise RateLimited(f"Too many {doing} in a short time: try again in {wait} seconds.")
