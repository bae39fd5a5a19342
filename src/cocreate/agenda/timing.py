"""When one slot follows another: a session may run on across a short changeover
(people moving between rooms), never across a longer break or into the next day."""

from datetime import timedelta

from django.utils import timezone

from cocreate.agenda.models import Slot

CHANGEOVER = timedelta(minutes=15)


def follows(before: Slot | None, slot: Slot) -> bool:
    if before is None:
        return False
    same_day = (
        timezone.localtime(before.starts_at).date() == timezone.localtime(slot.starts_at).date()
    )
    return same_day and timedelta(0) <= slot.starts_at - before.ends_at <= CHANGEOVER


def longest_run(slots: list[Slot]) -> int:
    """The most slots in a row, each following the one before (slots in time order)."""
    best = run = 0
    for before, slot in zip([None, *slots], slots, strict=False):
        run = run + 1 if follows(before, slot) else 1
        best = max(best, run)
    return best
