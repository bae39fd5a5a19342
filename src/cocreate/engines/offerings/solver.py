"""The offering as a CP-SAT model: one yes/no variable per option (variable i is option
i), and every rule, pick count, overlap and the budget as constraints.

For explaining conflicts, each group of constraints can be given a switch (an
enforcement literal); solving with every switch assumed on and asking CP-SAT which
assumptions made it infeasible names the groups in conflict.
"""

import time
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ortools.sat.python import cp_model

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.compiled import CompiledOffering

SEED = 20250101

SwitchKind = Literal["rule", "minimum", "maximum", "budget", "same_time", "unavailable"]


@dataclass(frozen=True, eq=False)  # compared by identity: its literal is a solver object
class Switch:
    """A group of constraints that can be switched off: a rule, a dimension's minimum or
    maximum, the budget, one set of simultaneous options, or one option this customer
    cannot have (`index` is the rule, dimension, set or option number)."""

    kind: SwitchKind
    index: int
    literal: cp_model.IntVar


@dataclass
class OfferingModel:
    model: cp_model.CpModel
    picks: list[cp_model.IntVar]
    switches: list[Switch]


_plain_models: weakref.WeakKeyDictionary[CompiledOffering, cp_model.CpModel] = (
    weakref.WeakKeyDictionary()
)


def plain_model(compiled: CompiledOffering) -> OfferingModel:
    """A fresh copy of the offering's model without switches (built once per offering)."""
    base = _plain_models.get(compiled)
    if base is None:
        base = build_model(compiled, switchable=False).model
        _plain_models[compiled] = base
    model = base.clone()
    picks = [model.get_bool_var_from_proto_index(i) for i in range(len(compiled.options))]
    return OfferingModel(model, picks, [])


def build_model(
    compiled: CompiledOffering, *, switchable: bool, unavailable: Iterable[int] = ()
) -> OfferingModel:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"pick_{i}") for i in range(len(compiled.options))]
    switches: list[Switch] = []

    def enforce(constraint: cp_model.Constraint, kind: SwitchKind, index: int) -> None:
        if switchable:
            switch = model.new_bool_var(f"{kind}_{index}")
            constraint.only_enforce_if(switch)
            switches.append(Switch(kind, index, switch))

    for r, compiled_rule in enumerate(compiled.rules):
        rule, members = compiled_rule.rule, compiled_rule.members
        subject, targets = x[members[0]], [x[t] for t in members[1:]]
        if rule.kind == "requires":
            constraint = model.add_bool_and(targets).only_enforce_if(subject)
        elif rule.kind == "excludes":
            constraint = model.add_bool_and([~t for t in targets]).only_enforce_if(subject)
        elif rule.kind == "at_most":
            constraint = model.add(sum(x[m] for m in members) <= rule.k)
        else:
            constraint = model.add(sum(x[m] for m in members) >= rule.k)
        enforce(constraint, "rule", r)
    for d, dimension in enumerate(compiled.dimensions):
        if dimension.open_answer:
            continue
        chosen = sum(x[i] for i in compiled.dimension_options[d])
        if dimension.min_picks > 0:
            enforce(model.add(chosen >= dimension.min_picks), "minimum", d)
        if dimension.max_picks is not None:
            enforce(model.add(chosen <= dimension.max_picks), "maximum", d)
    for s, simultaneous in enumerate(compiled.simultaneous):
        enforce(model.add(sum(x[i] for i in simultaneous) <= 1), "same_time", s)
    if compiled.scaled_budget is not None:
        spent = cp_model.LinearExpr.weighted_sum(x, list(compiled.scaled_costs))
        enforce(model.add(spent <= compiled.scaled_budget), "budget", 0)
    for i in unavailable:
        enforce(model.add(x[i] == 0), "unavailable", i)
    return OfferingModel(model, x, switches)


def solver(time_limit: float, *, presolve: bool = True) -> cp_model.CpSolver:
    """A reproducible solver: one worker, a fixed seed.

    Presolve pays off on hard models; on a customer's design, where a good answer lies
    near the start, it took more time than the search itself, so repairs, suggestions
    and short searches switch it off.
    """
    engine = cp_model.CpSolver()
    engine.parameters.num_workers = 1
    engine.parameters.random_seed = SEED
    engine.parameters.max_time_in_seconds = max(time_limit, 0.001)
    engine.parameters.cp_model_presolve = presolve
    return engine


class OutOfTime(Exception):
    """The solver stopped at its time limit without an answer."""


class Deadline:
    """A time budget shared by several solves."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.0, self.at - time.monotonic())


def conflict(
    offering_model: OfferingModel, deadline: Deadline, fixed: Sequence[cp_model.IntVar] = ()
) -> list[Switch] | None:
    """An irreducible set of switches that cannot all be on (with the `fixed` literals
    true), or None if they can; raises `OutOfTime` if the solver cannot tell in time.

    CP-SAT's sufficient assumptions are a start; dropping each switch in turn and keeping
    it only if the rest become feasible leaves a set in which every member matters.
    """
    core = _core(offering_model.model, offering_model.switches, fixed, deadline)
    if core is None:
        return None
    for candidate in list(core):
        if candidate not in core:
            continue
        rest = [kept for kept in core if kept is not candidate]
        try:
            smaller = _core(offering_model.model, rest, fixed, deadline)
        except OutOfTime:
            break  # a core that may hold a switch too many is still a true explanation
        if smaller is not None:
            core = smaller
    offering_model.model.clear_assumptions()
    return sorted(core, key=_switch_order)


def _core(
    model: cp_model.CpModel,
    switches: list[Switch],
    fixed: Sequence[cp_model.IntVar],
    deadline: Deadline,
) -> list[Switch] | None:
    """The switches CP-SAT blames for infeasibility, or None if the model is feasible."""
    model.clear_assumptions()
    model.add_assumptions([*fixed, *(switch.literal for switch in switches)])
    engine = solver(deadline.left())
    status = engine.solve(model)
    if status == cp_model.UNKNOWN:
        raise OutOfTime
    if status != cp_model.INFEASIBLE:
        return None
    blamed = set(engine.sufficient_assumptions_for_infeasibility())
    return [switch for switch in switches if switch.literal.index in blamed]


_KIND_ORDER: dict[str, int] = {
    "rule": 0,
    "minimum": 1,
    "maximum": 2,
    "same_time": 3,
    "budget": 4,
    "unavailable": 5,
}


def _switch_order(switch: Switch) -> tuple[int, int]:
    return _KIND_ORDER[switch.kind], switch.index


def describe(compiled: CompiledOffering, switch: Switch, unavailable: Mapping[int, str]) -> str:
    """The switch's constraints in words, as part of a sentence; `unavailable` says why
    each option the customer cannot have is unavailable ("'Track day' is full")."""
    if switch.kind == "rule":
        compiled_rule = compiled.rules[switch.index]
        return wording.rule_content(compiled_rule.rule, compiled.names(compiled_rule.members))
    if switch.kind == "minimum":
        return wording.minimum_content(compiled.dimensions[switch.index])
    if switch.kind == "maximum":
        return wording.maximum_content(compiled.dimensions[switch.index])
    if switch.kind == "same_time":
        return wording.same_time_content(compiled.names(compiled.simultaneous[switch.index]))
    if switch.kind == "budget":
        offering = compiled.offering
        assert offering.budget is not None
        return wording.budget_content(offering.budget, offering.unit)
    return unavailable[switch.index]
