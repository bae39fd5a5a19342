"""Opinion groups as pol.is finds them: a map of participants from their agree, disagree
and pass votes, k-means groups chosen by silhouette, and the representative and
consensus statements that explain them. See `groups` for the steps."""

from cocreate.engines.opinions.groups import (
    MIN_VOTES,
    NOT_GROUPED,
    NotEnoughVotes,
    OpinionGroup,
    OpinionGroups,
    find_opinion_groups,
)
from cocreate.engines.opinions.repness import StatementFinding
from cocreate.engines.opinions.votes import InvalidVotes

__all__ = [
    "MIN_VOTES",
    "NOT_GROUPED",
    "InvalidVotes",
    "NotEnoughVotes",
    "OpinionGroup",
    "OpinionGroups",
    "StatementFinding",
    "find_opinion_groups",
]
