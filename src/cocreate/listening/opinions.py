"""Opinion groups of a conversation, from its votes (`engines.opinions`), kept per process
until a vote changes them."""

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.db.models import Count, Max
from django_scopes import scope

from cocreate.engines.opinions import (
    NotEnoughVotes,
    OpinionGroups,
    StatementFinding,
    find_opinion_groups,
)
from cocreate.listening import selectors
from cocreate.listening.models import Conversation, Statement, Vote

KEEP = 32
_cache: "OrderedDict[tuple[Any, ...], Groups | str]" = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class Finding:
    text: str
    direction: str
    percent: int  # of the group (or of everyone) voting that way, smoothed as Polis does
    votes: int


@dataclass(frozen=True)
class Group:
    number: int
    size: int
    statements: list[Finding]


@dataclass(frozen=True)
class Groups:
    found: OpinionGroups
    groups: list[Group]
    consensus: list[Finding]
    participants: int
    grouped: int


def votes_frame(conversation: Conversation) -> pl.DataFrame:
    return pl.DataFrame(
        selectors.votes_frame_rows(conversation),
        schema={"participant_id": pl.Int64, "statement_id": pl.Int64, "vote": pl.Int64},
        orient="row",
    )


def opinion_groups(conversation: Conversation) -> Groups | str:
    """The groups, or a sentence saying why there are none yet."""
    with scope(organisation=conversation.organisation_id):
        state = Vote.objects.filter(conversation=conversation).aggregate(
            n=Count("id"), last=Max("voted_at")
        )
    key = (conversation.pk, state["n"], state["last"])
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    result = _compute(conversation)
    with _lock:
        _cache[key] = result
        while len(_cache) > KEEP:
            _cache.popitem(last=False)
    return result


def _compute(conversation: Conversation) -> Groups | str:
    try:
        found = find_opinion_groups(votes_frame(conversation), seed=0)
    except NotEnoughVotes as reason:
        return str(reason)
    with scope(organisation=conversation.organisation_id):
        texts = dict(Statement.objects.filter(conversation=conversation).values_list("id", "text"))

    def finding(f: StatementFinding) -> Finding:
        return Finding(texts.get(f.statement_id, "?"), f.direction, round(100 * f.share), f.votes)

    return Groups(
        found=found,
        groups=[
            Group(g.group + 1, g.size, [finding(f) for f in g.representative]) for g in found.groups
        ],
        consensus=[finding(f) for f in found.consensus],
        participants=len(found.participant_ids),
        grouped=int((found.group_of >= 0).sum()),
    )


def table(conversation: Conversation, name: str) -> pl.DataFrame | None:
    """The tables behind the results page, for download."""
    result = opinion_groups(conversation)
    if name == "votes":
        return votes_frame(conversation)
    if isinstance(result, str):
        return None
    if name == "map":
        return result.found.participants()
    if name == "statements":
        rows = []
        for group in result.groups:
            rows += [
                {
                    "group": group.number,
                    "text": f.text,
                    "direction": f.direction,
                    "percent": f.percent,
                    "votes": f.votes,
                }
                for f in group.statements
            ]
        rows += [
            {
                "group": None,
                "text": f.text,
                "direction": f.direction,
                "percent": f.percent,
                "votes": f.votes,
            }
            for f in result.consensus
        ]
        return pl.DataFrame(
            rows,
            schema={
                "group": pl.Int64,
                "text": pl.String,
                "direction": pl.String,
                "percent": pl.Int64,
                "votes": pl.Int64,
            },
        )
    return None
