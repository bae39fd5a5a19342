"""Changes to jobs, outcomes, surveys, ideas, votes and challenges.

Each function checks its input, writes in one transaction (audit entry, messages and
webhook events included), and raises a ServiceError (cocreate.core.errors) with a sentence
for people when it cannot; then nothing is written.
"""

from cocreate.ideas.services.challenges import (
    challenge_close,
    challenge_create,
    challenge_invite,
    challenge_post,
    is_participant,
)
from cocreate.ideas.services.ideas import (
    comment_add,
    idea_flag,
    idea_follow,
    idea_submit,
    idea_unfollow,
    open_for_votes,
    support_add,
    support_remove,
)
from cocreate.ideas.services.jobs import curate, job_propose, job_step_add, outcome_propose
from cocreate.ideas.services.loop import idea_respond
from cocreate.ideas.services.moderation import flags_resolve, idea_hide, idea_merge, idea_unhide
from cocreate.ideas.services.surveys import (
    may_answer,
    recipients,
    survey_answer,
    survey_close,
    survey_create,
    survey_send,
)
from cocreate.ideas.services.voting import (
    as_ranking,
    current_round,
    pair_next,
    ranking_current,
    round_start,
    vote,
)

__all__ = [
    "as_ranking",
    "challenge_close",
    "challenge_create",
    "challenge_invite",
    "challenge_post",
    "comment_add",
    "curate",
    "current_round",
    "flags_resolve",
    "idea_flag",
    "idea_follow",
    "idea_hide",
    "idea_merge",
    "idea_respond",
    "idea_submit",
    "idea_unfollow",
    "idea_unhide",
    "is_participant",
    "job_propose",
    "job_step_add",
    "may_answer",
    "open_for_votes",
    "outcome_propose",
    "pair_next",
    "ranking_current",
    "recipients",
    "round_start",
    "support_add",
    "support_remove",
    "survey_answer",
    "survey_close",
    "survey_create",
    "survey_send",
    "vote",
]
