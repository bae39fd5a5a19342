"""Complete a customer's partial design with the options that best match their interests,
found with CP-SAT."""

from collections.abc import Mapping

from ortools.sat.python import cp_model

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.compiled import CompiledOffering, unavailable
from cocreate.engines.offerings.explain import no_feasible_design
from cocreate.engines.offerings.model import NoFeasibleDesign, Offering, Profile, Selection
from cocreate.engines.offerings.solver import plain_model, solver

# Interest weights are floats; the solver needs integers, so a weight of 1.0 counts 100.
SCORE_SCALE = 100


def suggest(
    offering: Offering,
    selection: Selection,
    profile: Profile,
    remaining: Mapping[str, int],
    interests: Mapping[str, float],
    *,
    optional_picks: int = 1,
    min_match: float = 0.0,
    time_limit: float = 0.5,
) -> Selection:
    """A valid design that keeps as much of `selection` as it can, fills each dimension
    up to its minimum, and adds options that match the customer's interests well.

    An option's match is the sum of `interests` (tag -> weight, compared case-blind) over
    its tags. In order of importance, the design: (1) removes as few of the customer's
    picks as possible (none when their selection can be completed as it is); (2) adds at
    most `optional_picks` options per dimension beyond what its minimum needs (more only
    where a rule forces them); (3) maximises the total match of the design (so when some
    picks must go, the ones matching best stay); (4) adds as few options as possible.
    Beyond the minimums, only options whose match is above `min_match` are added.
    Everything `repair` respects is respected here too.

    Raises `NoFeasibleDesign` as `repair` does.
    """
    compiled = offering.compiled
    picked = {compiled.index[o] for o in selection.options if o in compiled.index}
    closed = unavailable(compiled, profile, remaining)
    offering_model = plain_model(compiled)
    model, x = offering_model.model, offering_model.picks
    for i in closed:
        model.add(x[i] == 0)
    model.minimize(
        _objective(
            compiled, model, x, picked, _scores(compiled, interests, min_match), optional_picks
        )
    )
    engine = solver(time_limit, presolve=False)
    status = engine.solve(model)
    if status == cp_model.INFEASIBLE:
        raise no_feasible_design(compiled, closed, profile)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise NoFeasibleDesign(wording.no_design_in_time(time_limit), proven=False)
    chosen = [i for i in range(len(x)) if engine.boolean_value(x[i])]
    return Selection(frozenset(compiled.ids(chosen)), selection.answers)


def _scores(
    compiled: CompiledOffering, interests: Mapping[str, float], min_match: float
) -> list[int]:
    weights = {tag.casefold(): weight for tag, weight in interests.items()}
    return [
        round(
            (sum(weights.get(tag, 0.0) for tag in {t.casefold() for t in option.tags}) - min_match)
            * SCORE_SCALE
        )
        for option in compiled.options
    ]


def _objective(
    compiled: CompiledOffering,
    model: cp_model.CpModel,
    x: list[cp_model.IntVar],
    picked: set[int],
    scores: list[int],
    optional_picks: int,
) -> cp_model.LinearExprT:
    """One weighted sum ordering the four aims lexicographically: each tier's weight
    exceeds the largest swing of all the tiers below it."""
    n = len(x)
    new = [i for i in range(n) if i not in picked]
    additions = sum(x[i] for i in new)
    match = cp_model.LinearExpr.weighted_sum(x, scores)
    removals = sum(1 - x[i] for i in picked)
    beyond = []
    for d, dimension in enumerate(compiled.dimensions):
        members = compiled.dimension_options[d]
        if dimension.open_answer or not members:
            continue
        kept = [i for i in members if i in picked]
        allowance = max(0, dimension.min_picks - len(kept)) + optional_picks
        added = sum(x[i] for i in members if i not in picked)
        dropped = sum(1 - x[i] for i in kept)
        excess = model.new_int_var(0, len(members), f"beyond_{d}")
        model.add(excess >= added - dropped - allowance)
        beyond.append(excess)
    match_weight = n + 1
    beyond_weight = 2 * match_weight * sum(abs(s) for s in scores) + n + 1
    removal_weight = beyond_weight * (n + 1)
    return (
        removal_weight * removals + beyond_weight * sum(beyond) - match_weight * match + additions
    )
