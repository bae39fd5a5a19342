"""The offerings rules engine: an offering is the space of what an organisation can
deliver (dimensions, options, capacities, costs, rules); a customer designs their
experience inside it.

- `validate`: every problem with a design, in sentences a customer understands.
- `repair`: the nearest valid designs (CP-SAT).
- `suggest`: complete a design with options matching the customer's interests (CP-SAT).
- `feasible_options`: which options can still be added, for greying out the rest.
- `check_rules`: what is wrong with an offering, for the organiser (CP-SAT).

Plain data in and out; no Django. Build an `Offering` once and reuse it: its indexes
are built on first use and kept with it.
"""

from cocreate.engines.offerings.check import check_rules
from cocreate.engines.offerings.compiled import CompiledOffering, compile_offering
from cocreate.engines.offerings.feasible import feasible_options
from cocreate.engines.offerings.model import (
    RULE_KINDS,
    Dimension,
    Eligibility,
    InvalidOffering,
    NoFeasibleDesign,
    Offering,
    Option,
    Profile,
    Repair,
    Rule,
    RuleKind,
    RuleProblem,
    Selection,
    TimeWindow,
    Violation,
)
from cocreate.engines.offerings.repair import repair
from cocreate.engines.offerings.suggest import suggest
from cocreate.engines.offerings.validate import validate

__all__ = [
    "RULE_KINDS",
    "CompiledOffering",
    "Dimension",
    "Eligibility",
    "InvalidOffering",
    "NoFeasibleDesign",
    "Offering",
    "Option",
    "Profile",
    "Repair",
    "Rule",
    "RuleKind",
    "RuleProblem",
    "Selection",
    "TimeWindow",
    "Violation",
    "check_rules",
    "compile_offering",
    "feasible_options",
    "repair",
    "suggest",
    "validate",
]
