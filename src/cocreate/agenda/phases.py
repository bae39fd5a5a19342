"""Which actions each phase of an event allows (phases as data)."""

from enum import StrEnum

from cocreate.agenda.models import Phase


class Action(StrEnum):
    PROPOSE = "propose"
    SHOW_INTEREST = "show_interest"
    SCHEDULE = "schedule"  # run the optimiser, move sessions, publish
    SEE_SCHEDULE = "see_schedule"


ALLOWED: dict[Phase, frozenset[Action]] = {
    Phase.PROPOSALS: frozenset({Action.PROPOSE, Action.SHOW_INTEREST, Action.SCHEDULE}),
    Phase.INTEREST: frozenset({Action.PROPOSE, Action.SHOW_INTEREST, Action.SCHEDULE}),
    Phase.SCHEDULED: frozenset({Action.SHOW_INTEREST, Action.SCHEDULE, Action.SEE_SCHEDULE}),
    # During the event people still propose and change their minds; organisers re-plan.
    Phase.LIVE: frozenset(
        {Action.PROPOSE, Action.SHOW_INTEREST, Action.SCHEDULE, Action.SEE_SCHEDULE}
    ),
    Phase.CLOSED: frozenset({Action.SEE_SCHEDULE}),
}


def allows(phase: str, action: Action) -> bool:
    return action in ALLOWED[Phase(phase)]
