"""An offering's indexes, built once: options by number, rules as numbers, which options
overlap in time, costs as integers for the solver. Every engine function works on these,
so a click costs set lookups rather than scans."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import combinations

from cocreate.engines.offerings.model import (
    Dimension,
    Eligibility,
    InvalidOffering,
    Offering,
    Option,
    Profile,
    ProfileValue,
    Rule,
)
from cocreate.engines.offerings.structure import structural_problems

# Costs become integers for CP-SAT; beyond this many decimals they are rounded up (and
# the budget down), so the solver never accepts what `validate` would refuse.
MAX_COST_DECIMALS = 6


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    members: tuple[int, ...]  # option numbers, in the rule's order

    @property
    def subject(self) -> int:
        return self.members[0]

    @property
    def targets(self) -> tuple[int, ...]:
        return self.members[1:]


@dataclass(frozen=True, eq=False)
class CompiledOffering:
    """Options are numbered in offering order; everything refers to them by number."""

    offering: Offering
    options: tuple[Option, ...]
    index: Mapping[str, int]
    dimensions: tuple[Dimension, ...]
    dimension_index: Mapping[str, int]
    option_dimension: tuple[int, ...]
    dimension_options: tuple[tuple[int, ...], ...]
    rules: tuple[CompiledRule, ...]
    # For each option, the rules that can only be broken when it is picked (requires and
    # excludes through their subject, at_most through any member); at_least rules can
    # be broken by any design, so they are always checked.
    rules_by_option: tuple[tuple[int, ...], ...]
    unconditional_rules: tuple[int, ...]
    at_most_rules: tuple[int, ...]
    at_most_by_option: tuple[tuple[int, ...], ...]
    # For each option, the options it cannot be picked with (excludes, either way round).
    excluded_with: tuple[frozenset[int], ...]
    # For each option, every option it requires, directly or through others.
    requires_closure: tuple[frozenset[int], ...]
    overlaps: tuple[frozenset[int], ...]
    # Maximal sets of options that all take place at one moment: at most one of each.
    simultaneous: tuple[tuple[int, ...], ...]
    restricted: tuple[int, ...]  # options with eligibility conditions
    costs: tuple[Decimal, ...]
    scaled_costs: tuple[int, ...]
    scaled_budget: int | None

    def names(self, numbers: Iterable[int]) -> list[str]:
        return [self.options[i].name for i in numbers]

    def ids(self, numbers: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.options[i].id for i in numbers)


def compile_offering(offering: Offering) -> CompiledOffering:
    """Index `offering`; raises `InvalidOffering` if its structure is broken."""
    problems = structural_problems(offering)
    if problems:
        raise InvalidOffering(problems)
    options = offering.options
    index = {option.id: i for i, option in enumerate(options)}
    dimension_index = {dimension.id: d for d, dimension in enumerate(offering.dimensions)}
    option_dimension = tuple(dimension_index[option.dimension] for option in options)
    rules = tuple(
        CompiledRule(rule, tuple(index[option] for option in rule.options))
        for rule in offering.rules
    )
    touching = _rules_by_option(len(options), rules)
    simultaneous = _simultaneous(options)
    costs = tuple(Decimal(option.cost) for option in options)
    scale = _cost_scale([*costs, *([offering.budget] if offering.budget is not None else [])])
    return CompiledOffering(
        offering=offering,
        options=options,
        index=index,
        dimensions=offering.dimensions,
        dimension_index=dimension_index,
        option_dimension=option_dimension,
        dimension_options=tuple(
            tuple(i for i, d in enumerate(option_dimension) if d == dimension)
            for dimension in range(len(offering.dimensions))
        ),
        rules=rules,
        rules_by_option=touching,
        unconditional_rules=_of_kind(rules, "at_least"),
        at_most_rules=_of_kind(rules, "at_most"),
        at_most_by_option=tuple(
            tuple(r for r in rs if rules[r].rule.kind == "at_most") for rs in touching
        ),
        excluded_with=_excluded_with(len(options), rules),
        requires_closure=_requires_closure(len(options), rules),
        overlaps=_overlaps(len(options), simultaneous),
        simultaneous=simultaneous,
        restricted=tuple(i for i, option in enumerate(options) if option.eligibility),
        costs=costs,
        scaled_costs=tuple(_scaled(cost, scale, ROUND_CEILING) for cost in costs),
        scaled_budget=(
            None if offering.budget is None else _scaled(offering.budget, scale, ROUND_FLOOR)
        ),
    )


def failed_conditions(option: Option, profile: Profile) -> list[Eligibility]:
    """The eligibility conditions of `option` that the customer's profile does not meet."""
    return [
        condition
        for condition in option.eligibility
        if not _answer_values(profile.get(condition.field)) & set(condition.allowed)
    ]


def unavailable(
    compiled: CompiledOffering, profile: Profile, remaining: Mapping[str, int]
) -> dict[int, str]:
    """Options this customer cannot hold, each with its reason: "full" or "ineligible"."""
    reasons = {}
    for option_id, seats in remaining.items():
        i = compiled.index.get(option_id)
        if i is not None and seats <= 0 and compiled.options[i].capacity is not None:
            reasons[i] = "full"
    for i in compiled.restricted:
        if failed_conditions(compiled.options[i], profile):
            reasons.setdefault(i, "ineligible")
    return reasons


def _answer_values(value: ProfileValue) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, bool):
        return {"true" if value else "false"}
    if isinstance(value, list):
        return {str(item) for item in value}
    return {str(value)}


def _of_kind(rules: tuple[CompiledRule, ...], kind: str) -> tuple[int, ...]:
    return tuple(r for r, rule in enumerate(rules) if rule.rule.kind == kind)


def _rules_by_option(count: int, rules: tuple[CompiledRule, ...]) -> tuple[tuple[int, ...], ...]:
    touching: list[list[int]] = [[] for _ in range(count)]
    for r, rule in enumerate(rules):
        if rule.rule.kind in ("requires", "excludes"):
            touching[rule.subject].append(r)
        elif rule.rule.kind == "at_most":
            for member in rule.members:
                touching[member].append(r)
    return tuple(tuple(rs) for rs in touching)


def _excluded_with(count: int, rules: tuple[CompiledRule, ...]) -> tuple[frozenset[int], ...]:
    excluded: list[set[int]] = [set() for _ in range(count)]
    for rule in rules:
        if rule.rule.kind == "excludes":
            for target in rule.targets:
                excluded[rule.subject].add(target)
                excluded[target].add(rule.subject)
    return tuple(frozenset(e) for e in excluded)


def _requires_closure(count: int, rules: tuple[CompiledRule, ...]) -> tuple[frozenset[int], ...]:
    direct: list[set[int]] = [set() for _ in range(count)]
    for rule in rules:
        if rule.rule.kind == "requires":
            direct[rule.subject].update(rule.targets)
    closure = []
    for start in range(count):
        seen: set[int] = set()
        stack = list(direct[start])
        while stack:
            option = stack.pop()
            if option not in seen:
                seen.add(option)
                stack.extend(direct[option])
        seen.discard(start)
        closure.append(frozenset(seen))
    return tuple(closure)


def _simultaneous(options: tuple[Option, ...]) -> tuple[tuple[int, ...], ...]:
    """The maximal cliques of the interval graph, by a sweep over starts and ends: the
    options running just before each end that follows a start."""
    events = []
    for i, option in enumerate(options):
        if option.window is not None:
            # Ends sort before starts at the same moment: windows are half-open.
            events.append((option.window.start, 1, i))
            events.append((option.window.end, 0, i))
    events.sort()
    running: set[int] = set()
    cliques = []
    grew = False
    for _, is_start, i in events:
        if is_start:
            running.add(i)
            grew = True
            continue
        if grew and len(running) > 1:
            cliques.append(tuple(sorted(running)))
        grew = False
        running.discard(i)
    return tuple(cliques)


def _overlaps(count: int, cliques: tuple[tuple[int, ...], ...]) -> tuple[frozenset[int], ...]:
    overlapping: list[set[int]] = [set() for _ in range(count)]
    for clique in cliques:
        for a, b in combinations(clique, 2):
            overlapping[a].add(b)
            overlapping[b].add(a)
    return tuple(frozenset(o) for o in overlapping)


def _cost_scale(amounts: list[Decimal]) -> int:
    decimals = 0
    for value in amounts:
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int):
            decimals = max(decimals, -exponent)
    return int(10 ** min(decimals, MAX_COST_DECIMALS))


def _scaled(value: Decimal, scale: int, rounding: str) -> int:
    return int((Decimal(value) * scale).to_integral_value(rounding=rounding))
