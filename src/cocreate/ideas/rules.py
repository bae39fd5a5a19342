"""Who may take an idea or a challenge further than the ideas pages (permissions by role
are in organisations/rules.py; these add what the idea's own author may do)."""

from cocreate.ideas.models import Challenge, Idea, IdeaStatus
from cocreate.organisations.models import Membership
from cocreate.organisations.rules import Permission, allows

# What became of these is decided: they are not taken anywhere else.
SETTLED = frozenset({IdeaStatus.SHIPPED, IdeaStatus.DECLINED})


def may_propose_as_session(idea: Idea, membership: Membership) -> bool:
    """Its author, and those who answer ideas (staff and organisers)."""
    return idea.author_id == membership.user_id or allows(
        membership.role, Permission.RESPOND_TO_IDEAS
    )


def may_run_as_session(challenge: Challenge, membership: Membership) -> bool:
    """The organiser who opened it, and those who answer ideas."""
    return challenge.created_by_id == membership.user_id or allows(
        membership.role, Permission.RESPOND_TO_IDEAS
    )


def open_to_sessions(idea: Idea) -> bool:
    """Shown, not merged away, and not yet shipped or declined."""
    return idea.visible and idea.status not in SETTLED
