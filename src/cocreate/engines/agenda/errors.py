"""What the agenda optimiser raises on bad input: a `ValueError` subclass whose message is
a sentence an organiser understands, naming the items at fault."""


class AgendaInputError(ValueError):
    """The instance cannot be scheduled as given."""


class UnknownReference(AgendaInputError):
    """A wish, constraint or placement names a session, room or slot that does not exist."""


class NotEnoughRoom(AgendaInputError):
    """The sessions need more room-slots than the free cells of the agenda hold."""


class SessionTooLong(AgendaInputError):
    """A session lasts longer than any run of consecutive free slots in a suitable room."""


class SpeakerNeverAvailable(AgendaInputError):
    """A speaker's unavailability leaves no slot in which one of their sessions can run."""


class ConflictingPins(AgendaInputError):
    """Two sessions are pinned to the same room at overlapping slots."""


class InfeasibleSchedule(AgendaInputError):
    """The hard constraints admit no schedule. `constraints` is the smallest set found of
    constraints that cannot hold together (their labels): dropping any one of them would
    remove this particular conflict."""

    def __init__(self, constraints: tuple[str, ...]) -> None:
        self.constraints = constraints
        listed = "; ".join(constraints) if constraints else "the sessions outnumber the rooms"
        super().__init__(f"No schedule satisfies these constraints together: {listed}.")


class ScheduleNotFound(AgendaInputError):
    """No schedule was found within the time limit, though none was proven impossible."""
