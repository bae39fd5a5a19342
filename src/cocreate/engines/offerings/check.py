"""What the organiser is told when saving an offering: broken references, impossible
numbers, requires-cycles, options the rules make impossible to pick, and offerings in
which no design is valid at all, each naming the rules responsible."""

import graphlib
import itertools
from collections.abc import Sequence

import numpy as np
from ortools.sat.python import cp_model
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.compiled import CompiledOffering
from cocreate.engines.offerings.model import Offering, Rule, RuleProblem
from cocreate.engines.offerings.solver import (
    Deadline,
    OfferingModel,
    OutOfTime,
    Switch,
    build_model,
    conflict,
    describe,
    solver,
)
from cocreate.engines.offerings.structure import finite, structural_problems

# Seconds for each round of looking for designs with options not yet seen in one
# (without presolve, which costs more than such a short search).
WITNESS_SLICE = 0.02


def check_rules(offering: Offering, *, time_limit: float = 10.0) -> list[RuleProblem]:
    """Every problem with `offering`, in a stable order; empty when it can be published.

    Structural problems (duplicate ids, unknown references, bad windows) come first; when
    there are any, the solver checks are skipped, since the rules cannot be read.
    `time_limit` bounds the solver checks; if it runs out, a "check_timed_out" problem
    says that some contradictions may be missing.
    """
    structural = structural_problems(offering)
    problems = [
        *structural,
        *_amount_problems(offering),
        *_pick_problems(offering),
        *_k_problems(offering),
        *_requires_cycles(offering),
    ]
    if not structural:
        deadline = Deadline(time_limit)
        try:
            problems += _contradictions(offering.compiled, deadline)
        except OutOfTime:
            problems.append(RuleProblem("check_timed_out", wording.check_timed_out(time_limit)))
    return problems


def _amount_problems(offering: Offering) -> list[RuleProblem]:
    problems = []
    for option in offering.options:
        if option.capacity is not None and option.capacity < 0:
            message = wording.negative_capacity(option.name)
            problems.append(RuleProblem("negative_capacity", message, options=(option.id,)))
        if finite(option.cost) and option.cost < 0:
            message = wording.negative_cost(option.name)
            problems.append(RuleProblem("negative_cost", message, options=(option.id,)))
    if offering.budget is not None and finite(offering.budget) and offering.budget < 0:
        problems.append(RuleProblem("negative_budget", wording.negative_budget()))
    return problems


def _pick_problems(offering: Offering) -> list[RuleProblem]:
    problems = []
    for dimension in offering.dimensions:
        high = dimension.max_picks
        available = sum(option.dimension == dimension.id for option in offering.options)
        if dimension.min_picks < 0 or (high is not None and high < 0):
            problems.append(RuleProblem("negative_picks", wording.negative_picks(dimension)))
        elif high is not None and dimension.min_picks > high:
            problems.append(RuleProblem("min_above_max", wording.min_above_max(dimension)))
        elif not dimension.open_answer and dimension.min_picks > available:
            message = wording.not_enough_options(dimension, available)
            problems.append(RuleProblem("not_enough_options", message))
    return problems


def _k_problems(offering: Offering) -> list[RuleProblem]:
    return [
        RuleProblem("k_out_of_range", wording.k_out_of_range(rule, len(rule.options)), (rule.id,))
        for rule in offering.rules
        if rule.kind in ("at_most", "at_least")
        and (rule.k < 0 or (rule.kind == "at_least" and rule.k > len(rule.options)))
    ]


def _requires_cycles(offering: Offering) -> list[RuleProblem]:
    """One problem per strongly connected group of options in the requires graph, naming
    one cycle through it and the rules that make it."""
    known = {option.id: option.name for option in offering.options}
    edges: dict[tuple[str, str], Rule] = {}
    for rule in offering.rules:
        if rule.kind == "requires" and rule.options and all(o in known for o in rule.options):
            for target in rule.options[1:]:
                if target != rule.options[0]:
                    edges.setdefault((rule.options[0], target), rule)
    if not edges:
        return []
    order = list(known)
    number = {option: i for i, option in enumerate(order)}
    rows, cols = zip(*((number[a], number[b]) for a, b in edges), strict=True)
    graph = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(order), len(order)))
    _, component = connected_components(graph, directed=True, connection="strong")
    problems = []
    for label in dict.fromkeys(component):
        members = {order[i] for i in np.flatnonzero(component == label)}
        if len(members) < 2:
            continue
        cycle = _a_cycle({(a, b) for a, b in edges if a in members and b in members})
        cycle = _from_first_rule(cycle, edges, list(offering.rules))
        rules = list(dict.fromkeys(edges[a, b] for a, b in itertools.pairwise(cycle)))
        message = wording.requires_cycle(rules, [known[o] for o in cycle])
        problems.append(
            RuleProblem(
                "requires_cycle",
                message,
                tuple(rule.id for rule in rules),
                tuple(sorted(set(cycle), key=number.__getitem__)),
            )
        )
    return problems


def _a_cycle(edges: set[tuple[str, str]]) -> list[str]:
    """A cycle in the requires direction, first node repeated at the end."""
    # graphlib treats the mapped-to nodes as predecessors, so each node of the cycle it
    # reports is required by the node after it: reversing gives the requires direction.
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for a, b in sorted(edges):
        sorter.add(a, b)
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        return list(reversed(error.args[1]))
    raise AssertionError("a strongly connected group of two or more has a cycle")


def _from_first_rule(
    cycle: list[str], edges: dict[tuple[str, str], Rule], rules: list[Rule]
) -> list[str]:
    """The same cycle, starting where the organiser's first rule in it starts."""
    steps = cycle[:-1]
    order = {rule.id: n for n, rule in enumerate(rules)}
    start = min(range(len(steps)), key=lambda k: order[edges[cycle[k], cycle[k + 1]].id])
    rotated = steps[start:] + steps[:start]
    return [*rotated, rotated[0]]


def _contradictions(compiled: CompiledOffering, deadline: Deadline) -> list[RuleProblem]:
    offering_model = build_model(compiled, switchable=True)
    core = conflict(offering_model, deadline)
    if core is not None:
        message = wording.no_valid_design(_reasons(compiled, core))
        return [RuleProblem("no_valid_design", message, _rule_ids(compiled, core))]
    problems = []
    for i in _never_pickable(offering_model, deadline):
        core = conflict(offering_model, deadline, fixed=[offering_model.picks[i]])
        if core is None:
            continue
        option = compiled.options[i]
        message = wording.never_pickable(option.name, _reasons(compiled, core))
        problems.append(
            RuleProblem("never_pickable", message, _rule_ids(compiled, core), (option.id,))
        )
    return problems


def _never_pickable(offering_model: OfferingModel, deadline: Deadline) -> list[int]:
    """Options in no valid design. Each round asks for a design with at least one option
    not yet seen in a design, and for as many of them as it finds within a short
    slice of time (proving the most is slow, and not needed); when no such design
    exists, the options still unseen are the answer."""
    model, x = offering_model.model, offering_model.picks
    switches = [switch.literal for switch in offering_model.switches]
    unseen = set(range(len(x)))
    while unseen:
        new = [x[i] for i in sorted(unseen)]
        wanted = model.new_bool_var(f"witness_{len(x) - len(unseen)}")
        model.add(sum(new) >= 1).only_enforce_if(wanted)
        model.clear_assumptions()
        model.add_assumptions([*switches, wanted])
        model.maximize(sum(new))
        engine = solver(min(WITNESS_SLICE, deadline.left()), presolve=False)
        status = engine.solve(model)
        if status == cp_model.UNKNOWN:
            model.clear_objective()
            engine = solver(deadline.left())
            status = engine.solve(model)
        if status == cp_model.INFEASIBLE:
            break
        if status == cp_model.UNKNOWN:
            raise OutOfTime
        unseen -= {i for i in unseen if engine.boolean_value(x[i])}
    model.clear_objective()
    model.clear_assumptions()
    return sorted(unseen)


def _reasons(compiled: CompiledOffering, core: Sequence[Switch]) -> list[str]:
    reasons = []
    for switch in core:
        said = describe(compiled, switch, {})
        if switch.kind == "rule" and not compiled.rules[switch.index].rule.label:
            said += f" (rule {wording.rule_name(compiled.rules[switch.index].rule)})"
        reasons.append(said)
    return reasons


def _rule_ids(compiled: CompiledOffering, core: Sequence[Switch]) -> tuple[str, ...]:
    return tuple(compiled.rules[s.index].rule.id for s in core if s.kind == "rule")
