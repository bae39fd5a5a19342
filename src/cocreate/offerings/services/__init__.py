"""Changes to offerings and designs.

Each function checks its input, writes in one transaction (audit entry, messages and
webhook events included), and raises a ServiceError (cocreate.core.errors) with a sentence
for people when it cannot; then nothing is written. `actor` is the person acting.
"""

from cocreate.offerings.services.designs import (
    Check,
    choice_set,
    design_check,
    design_submit,
    design_withdraw,
    draft_save,
)
from cocreate.offerings.services.exchange import offering_export, offering_import
from cocreate.offerings.services.feeds import feed_for_token, feed_token_renew
from cocreate.offerings.services.lifecycle import offering_transition
from cocreate.offerings.services.partners import choice_fulfil, partner_save
from cocreate.offerings.services.sessions import (
    SeatChange,
    SessionTime,
    option_retire,
    session_hosts_set,
    session_option_add,
    sessions_schedule,
    sessions_step,
)
from cocreate.offerings.services.structure import (
    dimension_create,
    dimension_delete,
    dimension_move,
    dimension_update,
    offering_create,
    offering_update,
    option_create,
    option_delete,
    option_move,
    option_update,
    problems_of,
    rule_create,
    rule_delete,
    rule_update,
)

__all__ = [
    "Check",
    "SeatChange",
    "SessionTime",
    "choice_fulfil",
    "choice_set",
    "design_check",
    "design_submit",
    "design_withdraw",
    "dimension_create",
    "dimension_delete",
    "dimension_move",
    "dimension_update",
    "draft_save",
    "feed_for_token",
    "feed_token_renew",
    "offering_create",
    "offering_export",
    "offering_import",
    "offering_transition",
    "offering_update",
    "option_create",
    "option_delete",
    "option_move",
    "option_retire",
    "option_update",
    "partner_save",
    "problems_of",
    "rule_create",
    "rule_delete",
    "rule_update",
    "session_hosts_set",
    "session_option_add",
    "sessions_schedule",
    "sessions_step",
]
