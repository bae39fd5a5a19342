"""The data the offerings engine works on: what an organisation offers, what a customer
chose, and what the engine answers. Plain frozen dataclasses; ids are strings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cocreate.engines.offerings.compiled import CompiledOffering

RuleKind = Literal["requires", "excludes", "at_most", "at_least"]
RULE_KINDS: tuple[RuleKind, ...] = ("requires", "excludes", "at_most", "at_least")

# A profile answer as the adapter passes it: text, several choices, a yes/no, a number.
ProfileValue = str | list[str] | bool | int | float | None
Profile = Mapping[str, ProfileValue]


@dataclass(frozen=True)
class TimeWindow:
    """When an option takes place: aware datetimes, half-open [start, end)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Eligibility:
    """Who may pick an option: the profile answer under `field` (or any of its values, for
    a multi-choice answer) must be one of `allowed`. A yes/no answer reads as "true" or
    "false", a number as Python writes it ("3", "2.5"). `label` says who in words ("members")."""

    field: str
    allowed: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class Option:
    """Something a customer can pick. `capacity` None is unlimited; every eligibility
    condition must hold for the customer to pick it."""

    id: str
    dimension: str
    name: str
    capacity: int | None = None
    cost: Decimal = Decimal(0)
    tags: tuple[str, ...] = ()
    window: TimeWindow | None = None
    eligibility: tuple[Eligibility, ...] = ()


@dataclass(frozen=True)
class Dimension:
    """A section of the offering ("Morning sessions") with how many of its options to pick.

    An `open_answer` dimension has no options but a free-text answer, required when
    `min_picks` >= 1. `noun` and `noun_plural` name one pick in sentences ("session",
    "sessions"; the plural defaults to the noun with an "s").
    """

    id: str
    name: str
    min_picks: int = 0
    max_picks: int | None = None
    open_answer: bool = False
    max_answer_length: int = 500
    noun: str = "option"
    noun_plural: str = ""


@dataclass(frozen=True)
class Rule:
    """A rule between options.

    requires: picking options[0] requires picking every other option.
    excludes: options[0] cannot be picked together with any other option (both ways).
    at_most / at_least: at most / at least `k` of the options (at_least holds always: the
    design must contain k of them). `label` is the organiser's own wording, shown instead
    of the engine's sentence.
    """

    id: str
    kind: RuleKind
    options: tuple[str, ...]
    k: int = 0
    label: str = ""


@dataclass(frozen=True)
class Offering:
    """What an organisation can deliver. Build it once and reuse it: its indexes are built
    on first use (`compiled`) and kept with it."""

    id: str
    name: str
    dimensions: tuple[Dimension, ...]
    options: tuple[Option, ...]
    rules: tuple[Rule, ...]
    budget: Decimal | None = None
    unit: str = ""

    @cached_property
    def compiled(self) -> CompiledOffering:
        """The indexes every engine function uses; raises `InvalidOffering` when the
        offering's structure is broken (see `check_rules` for the organiser's view)."""
        from cocreate.engines.offerings.compiled import compile_offering

        return compile_offering(self)


@dataclass(frozen=True)
class Selection:
    """A customer's design: the options they picked and their open answers
    (dimension id -> text)."""

    options: frozenset[str]
    answers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Violation:
    """One thing wrong with a design, in a sentence for the customer.

    `options` are the option ids involved, `rule` the rule broken (if any), `dimension`
    the dimension concerned (for pick counts and answers).
    """

    code: str
    message: str
    options: tuple[str, ...] = ()
    rule: str | None = None
    dimension: str | None = None


@dataclass(frozen=True)
class Repair:
    """A nearby valid design: `added` and `removed` in offering order, `summary` says so."""

    selection: Selection
    added: tuple[str, ...]
    removed: tuple[str, ...]
    summary: str

    @property
    def changes(self) -> int:
        return len(self.added) + len(self.removed)


@dataclass(frozen=True)
class RuleProblem:
    """Something wrong with an offering, in a sentence for the organiser."""

    code: str
    message: str
    rules: tuple[str, ...] = ()
    options: tuple[str, ...] = ()


class InvalidOffering(ValueError):
    """The offering's structure is broken (duplicate ids, unknown references, bad
    windows), so no design can be checked against it."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        super().__init__(" ".join(problem.message for problem in problems))


class NoFeasibleDesign(ValueError):
    """No design satisfies the offering for this customer. `proven` is False when the
    solver ran out of time before finding one; `rules` names the conflicting rules when
    they are known."""

    def __init__(self, message: str, *, proven: bool = True, rules: tuple[str, ...] = ()) -> None:
        self.proven = proven
        self.rules = rules
        super().__init__(message)
