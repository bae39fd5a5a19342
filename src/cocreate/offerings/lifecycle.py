"""An offering's lifecycle, as data: where it may go next and what each state allows."""

from dataclasses import dataclass

from cocreate.offerings.models import Status


@dataclass(frozen=True)
class State:
    next: tuple[Status, ...]  # the states an organiser may move it to
    visible_to_customers: bool
    accepts_designs: bool
    structure_editable: bool  # dimensions, options and rules may change


LIFECYCLE: dict[Status, State] = {
    Status.DRAFT: State((Status.OPEN,), False, False, True),
    # Open: organisers may still add and adjust; taking away what people chose is refused.
    Status.OPEN: State((Status.LOCKED, Status.DRAFT), True, True, True),
    Status.LOCKED: State((Status.OPEN, Status.DELIVERED), True, False, False),
    Status.DELIVERED: State((), True, False, False),
}

TRANSITION_VERBS = {
    Status.DRAFT: "Back to draft",
    Status.OPEN: "Open for designs",
    Status.LOCKED: "Lock designs",
    Status.DELIVERED: "Mark delivered",
}


def state(status: str) -> State:
    return LIFECYCLE[Status(status)]
