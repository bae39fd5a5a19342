"""Every write of the listening app.

Each function checks its input, writes in one transaction (audit entry, messages and
webhook events included), and raises a ServiceError (cocreate.core.errors) with a sentence
for people when it cannot; then nothing is written. `actor` is the person acting.
"""

from cocreate.listening.services.feedback import (
    Ingested,
    feedback_ingest,
    feedback_submit,
    survey_save,
)
from cocreate.listening.services.imports import (
    import_execute,
    import_reread,
    import_resume,
    import_start,
    import_upload,
    is_stalled,
)
from cocreate.listening.services.journey import (
    journey_start_default,
    phase_create,
    phase_delete,
    phase_move,
    phase_rename,
    segment_field_set,
    touchpoint_create,
    touchpoint_delete,
    touchpoint_update,
)
from cocreate.listening.services.opinions import conversation_save, statements_add, vote_cast
from cocreate.listening.services.questions import (
    question_delete,
    question_move,
    question_save,
)
from cocreate.listening.services.ratings import (
    hosts_tell,
    rating_comment,
    rating_give,
    ratings_ask,
    request_for_token,
)
from cocreate.listening.services.staff import (
    interaction_record,
    interactions_ingest,
    pulse_record,
    pulses_ingest,
)
from cocreate.listening.services.themes import theme_run_execute, theme_run_start

__all__ = [
    "Ingested",
    "conversation_save",
    "feedback_ingest",
    "feedback_submit",
    "hosts_tell",
    "import_execute",
    "import_reread",
    "import_resume",
    "import_start",
    "import_upload",
    "interaction_record",
    "interactions_ingest",
    "is_stalled",
    "journey_start_default",
    "phase_create",
    "phase_delete",
    "phase_move",
    "phase_rename",
    "pulse_record",
    "pulses_ingest",
    "question_delete",
    "question_move",
    "question_save",
    "rating_comment",
    "rating_give",
    "ratings_ask",
    "request_for_token",
    "segment_field_set",
    "statements_add",
    "survey_save",
    "theme_run_execute",
    "theme_run_start",
    "touchpoint_create",
    "touchpoint_delete",
    "touchpoint_update",
    "vote_cast",
]
