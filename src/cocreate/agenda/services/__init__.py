"""Changes to events, proposals (some grown from ideas and challenges), interest,
constraints, runs and schedules.

Each function checks its input, writes in one transaction (audit entry, messages and
webhook events included), and raises a ServiceError (cocreate.core.errors) with a
sentence for people when it cannot; then nothing is written.
"""

from cocreate.agenda.services.constraints import constraint_add, constraint_delete
from cocreate.agenda.services.events import (
    event_create,
    event_move_to,
    event_update,
    room_delete,
    room_save,
    slots_add_day,
)
from cocreate.agenda.services.from_ideas import (
    challenge_runnable,
    idea_proposable,
    proposal_from_challenge,
    proposal_from_idea,
)
from cocreate.agenda.services.interest import interest_set, unavailability_set
from cocreate.agenda.services.proposals import (
    longest_run,
    proposal_accept,
    proposal_decline,
    proposal_merge,
    proposal_submit,
    speaker_confirm,
)
from cocreate.agenda.services.publishing import schedule_move, schedule_publish
from cocreate.agenda.services.runs import run_execute, run_start

__all__ = [
    "challenge_runnable",
    "constraint_add",
    "constraint_delete",
    "event_create",
    "event_move_to",
    "event_update",
    "idea_proposable",
    "interest_set",
    "longest_run",
    "proposal_accept",
    "proposal_decline",
    "proposal_from_challenge",
    "proposal_from_idea",
    "proposal_merge",
    "proposal_submit",
    "room_delete",
    "room_save",
    "run_execute",
    "run_start",
    "schedule_move",
    "schedule_publish",
    "slots_add_day",
    "speaker_confirm",
    "unavailability_set",
]
