"""The nearest valid designs to an invalid one, found with CP-SAT.

Nearest means fewest changes (options added plus options removed). Among designs with as
many changes, the one that removes fewer of the customer's picks comes first: we keep
what they chose and add what it needs rather than take it away. Any further tie is
broken by the solver, which runs with one worker and a fixed seed, so the same input
gives the same answer.
"""

from collections.abc import Mapping

from ortools.sat.python import cp_model

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.compiled import CompiledOffering, unavailable
from cocreate.engines.offerings.explain import no_feasible_design
from cocreate.engines.offerings.model import NoFeasibleDesign, Offering, Profile, Repair, Selection
from cocreate.engines.offerings.solver import Deadline, plain_model, solver
from cocreate.engines.offerings.validate import ANSWER_CODES, validate


def repair(
    offering: Offering,
    selection: Selection,
    profile: Profile,
    remaining: Mapping[str, int],
    *,
    alternatives: int = 3,
    time_limit: float = 0.2,
) -> list[Repair]:
    """Up to `alternatives` valid designs near `selection`, best first.

    Each respects every rule, pick count, overlap and the budget, and never holds an
    option that is full or that the customer is not eligible for; unknown options are
    always removed. Alternatives differ in what they change: none makes all the changes
    of an earlier one (so "drop A" is never followed by "drop A and B").

    Returns [] when `selection` needs no repair: only its written answers are checked by
    `validate`, and those are the customer's to fix (repairs keep the answers as they
    are). Raises `NoFeasibleDesign` when no valid design exists for this customer (the
    message names the conflicting constraints), or, with `proven` False, when none was
    found within `time_limit` seconds. If time runs out after a first design was found,
    fewer alternatives are returned, the last of which may not be the nearest.
    """
    if alternatives < 1:
        raise ValueError(f"Ask for at least one alternative, not {alternatives}.")
    violations = validate(offering, selection, profile, remaining)
    if all(violation.code in ANSWER_CODES for violation in violations):
        return []
    compiled = offering.compiled
    picked = {compiled.index[o] for o in selection.options if o in compiled.index}
    unknown = tuple(sorted(o for o in selection.options if o not in compiled.index))
    closed = unavailable(compiled, profile, remaining)
    offering_model = plain_model(compiled)
    model, x = offering_model.model, offering_model.picks
    for i in closed:
        model.add(x[i] == 0)
    # One change outweighs any number of removals, so this orders by (changes, removals).
    change = len(x) + 1
    weights = [-(change + 1) if i in picked else change for i in range(len(x))]
    model.minimize(cp_model.LinearExpr.weighted_sum(x, weights))

    deadline = Deadline(time_limit)
    repairs: list[Repair] = []
    while len(repairs) < alternatives:
        engine = solver(deadline.left(), presolve=False)
        status = engine.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if repairs:
                break
            if status == cp_model.INFEASIBLE:
                raise no_feasible_design(compiled, closed, profile)
            message = wording.no_design_in_time(time_limit)
            raise NoFeasibleDesign(message, proven=False)
        chosen = {i for i in range(len(x)) if engine.boolean_value(x[i])}
        repairs.append(_repair(compiled, selection, picked, chosen, unknown))
        changed = sorted(chosen ^ picked)
        if status == cp_model.FEASIBLE or not changed:
            break
        # The next design must leave at least one of these changes out.
        model.add_bool_or([x[i] if i in picked else ~x[i] for i in changed])
    return repairs


def _repair(
    compiled: CompiledOffering,
    selection: Selection,
    picked: set[int],
    chosen: set[int],
    unknown: tuple[str, ...],
) -> Repair:
    added, removed = sorted(chosen - picked), sorted(picked - chosen)
    summary = wording.repair_summary([*compiled.names(removed), *unknown], compiled.names(added))
    return Repair(
        selection=Selection(frozenset(compiled.ids(sorted(chosen))), selection.answers),
        added=compiled.ids(added),
        removed=(*compiled.ids(removed), *unknown),
        summary=summary,
    )
