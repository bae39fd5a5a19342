"""The outcomes engine: Ulwick opportunity scores with bootstrap intervals, segments by
unmet needs, and the shortlist of ideas by the opportunities they serve.

The adapter builds `Ratings` from a survey's answers (`Ratings.from_answers`), then calls
`opportunity_scores`, `segment_respondents` (with each respondent's profile answers) and
`shortlist` (with a `Ranking` from the ranking engine)."""

from cocreate.engines.outcomes.opportunity import (
    Interval,
    OpportunityScore,
    label,
    opportunity_scores,
)
from cocreate.engines.outcomes.ratings import Answer, InvalidRatings, Ratings
from cocreate.engines.outcomes.segments import (
    ProfileSkew,
    Segment,
    Segmentation,
    SegmentOpportunity,
    TooFewRespondents,
    segment_respondents,
)
from cocreate.engines.outcomes.shortlist import IdeaOutcomes, ShortlistEntry, shortlist

__all__ = [
    "Answer",
    "IdeaOutcomes",
    "Interval",
    "InvalidRatings",
    "OpportunityScore",
    "ProfileSkew",
    "Ratings",
    "Segment",
    "SegmentOpportunity",
    "Segmentation",
    "ShortlistEntry",
    "TooFewRespondents",
    "label",
    "opportunity_scores",
    "segment_respondents",
    "shortlist",
]
