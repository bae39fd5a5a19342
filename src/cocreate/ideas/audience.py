"""Who a survey or a challenge is for: members with some roles and profile answers."""

from collections.abc import Mapping, Sequence
from typing import Any

from django_scopes import scope

from cocreate.organisations.models import Membership, Organisation


def answers_of(profile: Mapping[str, Any], key: str) -> set[str]:
    """A profile answer as a set of texts: one for a single choice, several for many."""
    answer = profile.get(key)
    values = answer if isinstance(answer, list) else [answer]
    return {str(v) for v in values if v not in (None, "")}


def matches(profile: Mapping[str, Any], segment: Mapping[str, Sequence[str]]) -> bool:
    """Every field of the segment has at least one of its allowed answers in the profile."""
    return all(answers_of(profile, key) & set(allowed) for key, allowed in segment.items())


def members_in(
    organisation: Organisation | int, roles: Sequence[str], segment: Mapping[str, Sequence[str]]
) -> list[Membership]:
    with scope(organisation=organisation):
        found = Membership.objects.filter(role__in=list(roles)).select_related("user")
        return [m for m in found.order_by("pk") if matches(m.profile, segment)]
