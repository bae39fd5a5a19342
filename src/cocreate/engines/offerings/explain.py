"""Why no design fits a customer: the smallest set of rules, pick counts, overlaps,
budget and unavailable options that cannot all hold, as one sentence."""

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.compiled import CompiledOffering, failed_conditions
from cocreate.engines.offerings.model import NoFeasibleDesign, Profile
from cocreate.engines.offerings.solver import Deadline, OutOfTime, build_model, conflict, describe

# Explaining runs only when no design exists, so it may take longer than a repair.
EXPLAIN_SECONDS = 2.0


def no_feasible_design(
    compiled: CompiledOffering, closed: dict[int, str], profile: Profile
) -> NoFeasibleDesign:
    """The exception to raise when the solver proved that no design fits; `closed` maps
    each option the customer cannot have to "full" or "ineligible"."""
    reasons = {i: _why_closed(compiled, i, code, profile) for i, code in closed.items()}
    offering_model = build_model(compiled, switchable=True, unavailable=sorted(closed))
    try:
        core = conflict(offering_model, Deadline(EXPLAIN_SECONDS)) or []
    except OutOfTime:
        core = []
    rules = tuple(compiled.rules[s.index].rule.id for s in core if s.kind == "rule")
    message = wording.no_design([describe(compiled, switch, reasons) for switch in core])
    return NoFeasibleDesign(message, rules=rules)


def _why_closed(compiled: CompiledOffering, i: int, code: str, profile: Profile) -> str:
    option = compiled.options[i]
    if code == "full":
        return wording.unavailable_content(option.name, None)
    return wording.unavailable_content(option.name, failed_conditions(option, profile)[0])
