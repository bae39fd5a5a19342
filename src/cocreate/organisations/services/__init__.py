"""Changes to organisations, memberships, invitations, profile fields and profiles.

Each function checks its input, writes in one transaction (audit entry, messages and
webhook events included), and raises a ServiceError (cocreate.core.errors) with a sentence
for people when it cannot; then nothing is written. `actor` is the person acting.
"""

from cocreate.organisations.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_resend,
    invitation_revoke,
)
from cocreate.organisations.services.memberships import (
    membership_change_role,
    membership_remove,
    organisation_join,
)
from cocreate.organisations.services.organisations import (
    organisation_create,
    organisation_update,
)
from cocreate.organisations.services.profiles import (
    field_specs,
    profile_answers_update,
    profile_field_create,
    profile_field_delete,
    profile_field_move,
    profile_field_update,
    profile_update,
)

__all__ = [
    "field_specs",
    "invitation_accept",
    "invitation_create",
    "invitation_for_token",
    "invitation_resend",
    "invitation_revoke",
    "membership_change_role",
    "membership_remove",
    "organisation_create",
    "organisation_join",
    "organisation_update",
    "profile_answers_update",
    "profile_field_create",
    "profile_field_delete",
    "profile_field_move",
    "profile_field_update",
    "profile_update",
]
