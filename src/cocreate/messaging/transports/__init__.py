"""How a message leaves Cocreate: one module per channel, each with `send(...) -> Outcome`.

A transport says whether the message was delivered and, if not, whether trying again
could help (`permanent`): a refused address falls back to the next channel at once, a
provider that is down is retried later.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    permanent: bool = False
    detail: str = ""  # the provider's answer or the error, for the delivery log


def http_outcome(status: int, text: str) -> Outcome:
    """2xx delivered; 408, 425, 429 and 5xx worth retrying; any other 4xx refused for good."""
    detail = f"HTTP {status}: {text[:300]}"
    if 200 <= status < 300:
        return Outcome(delivered=True, detail=detail)
    transient = status >= 500 or status in (408, 425, 429)
    return Outcome(delivered=False, permanent=not transient, detail=detail)
