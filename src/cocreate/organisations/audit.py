"""The audit log: who changed what in an organisation, and when.

Services that carry out an organiser's action call `record` in the same transaction,
so the log holds exactly the changes that were saved.
"""

from typing import Any

from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.organisations.models import AuditEntry, Organisation


def record(
    *, organisation: Organisation, actor: User | None, action: str, target: str, **details: Any
) -> AuditEntry:
    with scope(organisation=organisation):
        return AuditEntry.objects.create(
            organisation=organisation,
            actor=actor,
            action=action,
            target=str(target)[:200],
            details=details,
        )
