"""What a session grown from an idea or a challenge starts as, for the person to edit:
its title and words, a format that suits it, one slot, and the event's topics the idea
seems to be about."""

import re
from collections.abc import Sequence
from typing import Any

from django.utils.text import Truncator
from django_scopes import scope

from cocreate.agenda.models import Event, Format
from cocreate.agenda.services.proposals import ABSTRACT_MAX
from cocreate.ideas.models import Challenge, Idea

# Words too common in customer-experience topics to say what one is about.
COMMON = {"customer", "customers", "service", "services", "experience", "with", "and", "the"}
STEM = 6  # letters compared: "accessible" is about "Accessibility"


def from_idea(event: Event, idea: Idea) -> dict[str, Any]:
    with scope(organisation=idea.organisation_id):
        serves = [o.statement for o in idea.outcomes.all()] + [j.title for j in idea.jobs.all()]
    return {
        "title": idea.title,
        "abstract": _abstract(idea.description),
        "format": Format.DISCUSSION,  # an idea is talked through with the people who want it
        "length": 1,
        "topics": suggested_topics(event.topics, [idea.title, idea.description, *serves]),
    }


def from_challenge(event: Event, challenge: Challenge) -> dict[str, Any]:
    return {
        "title": challenge.title,
        "abstract": _abstract(challenge.problem),
        "format": Format.WORKSHOP,  # lead customers work on the problem with the room
        "length": 1,
        "topics": suggested_topics(
            event.topics, [challenge.title, challenge.problem, challenge.idea.title]
        ),
    }


def suggested_topics(topics: Sequence[str], texts: Sequence[str]) -> list[str]:
    """The topics one of whose telling words (or an acronym, as "NPS") is in the texts."""
    said = {word[:STEM] for word in _words(" ".join(texts))}
    return [
        topic
        for topic in topics
        if any(
            word[:STEM] in said
            for word in _words(topic)
            if word not in COMMON and (len(word) >= 4 or word.upper() in topic)
        )
    ]


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text) if len(w) >= 2]


def _abstract(text: str) -> str:
    return Truncator(text.strip()).chars(ABSTRACT_MAX)
