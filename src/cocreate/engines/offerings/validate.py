"""What is wrong with a customer's design, every problem at once, each in a sentence.

Called on every click, so it only looks at what the customer picked: rules are found
through the picked options (plus the at_least rules, which always apply), overlaps
through the precomputed overlapping sets.
"""

from collections.abc import Mapping
from decimal import Decimal

from cocreate.engines.offerings import wording
from cocreate.engines.offerings.compiled import CompiledOffering, CompiledRule, failed_conditions
from cocreate.engines.offerings.model import (
    Offering,
    Option,
    Profile,
    Selection,
    TimeWindow,
    Violation,
)

# Violations about the written answers: the customer fixes those by writing, so
# `repair` and `suggest` leave them alone.
ANSWER_CODES = frozenset({"answer_missing", "answer_too_long", "unknown_answer"})


def validate(
    offering: Offering, selection: Selection, profile: Profile, remaining: Mapping[str, int]
) -> list[Violation]:
    """Every violation of `selection`, in a stable order: unknown options; per picked
    option (offering order) ineligible, full; per dimension (offering order) too_few,
    too_many, answer_missing, answer_too_long; unknown answers; rules (offering order);
    overlaps; budget.

    `remaining` is the seats left per option as this customer sees them (their own seats
    added back); an option missing from it, or without a capacity, is unlimited.
    """
    compiled = offering.compiled
    picked = sorted(compiled.index[o] for o in selection.options if o in compiled.index)
    unknown = sorted(o for o in selection.options if o not in compiled.index)
    return [
        *(
            Violation("unknown_option", wording.unknown_option(o, offering.name), (o,))
            for o in unknown
        ),
        *_option_violations(compiled, picked, profile, remaining),
        *_dimension_violations(compiled, picked, selection.answers),
        *_rule_violations(compiled, picked),
        *_overlap_violations(compiled, picked),
        *_budget_violations(compiled, picked),
    ]


def _option_violations(
    compiled: CompiledOffering, picked: list[int], profile: Profile, remaining: Mapping[str, int]
) -> list[Violation]:
    violations = []
    for i in picked:
        option = compiled.options[i]
        for condition in failed_conditions(option, profile):
            message = wording.ineligible(option.name, condition)
            violations.append(Violation("ineligible", message, (option.id,)))
        seats = remaining.get(option.id)
        if option.capacity is not None and seats is not None and seats <= 0:
            violations.append(Violation("full", wording.full(option.name), (option.id,)))
    return violations


def _dimension_violations(
    compiled: CompiledOffering, picked: list[int], answers: Mapping[str, str]
) -> list[Violation]:
    counts = [0] * len(compiled.dimensions)
    for i in picked:
        counts[compiled.option_dimension[i]] += 1
    violations = []
    for d, dimension in enumerate(compiled.dimensions):
        if dimension.open_answer:
            answer = answers.get(dimension.id, "").strip()
            if not answer and dimension.min_picks >= 1:
                message = wording.answer_missing(dimension)
                violations.append(Violation("answer_missing", message, dimension=dimension.id))
            elif len(answer) > dimension.max_answer_length:
                message = wording.answer_too_long(dimension, len(answer))
                violations.append(Violation("answer_too_long", message, dimension=dimension.id))
            continue
        members = compiled.dimension_options[d]
        if counts[d] < dimension.min_picks:
            message = wording.pick_count(dimension, too_many=False)
            ids = compiled.ids(members)
            violations.append(Violation("too_few", message, ids, dimension=dimension.id))
        elif dimension.max_picks is not None and counts[d] > dimension.max_picks:
            message = wording.pick_count(dimension, too_many=True)
            ids = compiled.ids(i for i in picked if compiled.option_dimension[i] == d)
            violations.append(Violation("too_many", message, ids, dimension=dimension.id))
    for key in sorted(answers):
        answered = compiled.dimension_index.get(key)
        if answered is None or not compiled.dimensions[answered].open_answer:
            violations.append(Violation("unknown_answer", wording.unknown_answer(key)))
    return violations


def _rule_violations(compiled: CompiledOffering, picked: list[int]) -> list[Violation]:
    chosen = set(picked)
    candidates = set(compiled.unconditional_rules)
    for i in picked:
        candidates.update(compiled.rules_by_option[i])
    violations = []
    for r in sorted(candidates):
        violation = _broken(compiled, compiled.rules[r], chosen)
        if violation is not None:
            violations.append(violation)
    return violations


def _broken(
    compiled: CompiledOffering, compiled_rule: CompiledRule, chosen: set[int]
) -> Violation | None:
    rule, subject = compiled_rule.rule, compiled_rule.subject
    names, subject_name = compiled.names, compiled.options[subject].name
    if rule.kind == "requires":
        missing = [t for t in compiled_rule.targets if t not in chosen]
        if subject not in chosen or not missing:
            return None
        involved = [subject, *missing]
        message = wording.requires(subject_name, names(missing))
    elif rule.kind == "excludes":
        clashing = [t for t in compiled_rule.targets if t in chosen]
        if subject not in chosen or not clashing:
            return None
        involved = [subject, *clashing]
        message = wording.excludes(subject_name, names(clashing))
    elif rule.kind == "at_most":
        involved = [m for m in compiled_rule.members if m in chosen]
        if len(involved) <= rule.k:
            return None
        message = wording.at_most(rule.k, names(compiled_rule.members))
    else:
        involved = list(compiled_rule.members)
        if sum(m in chosen for m in involved) >= rule.k:
            return None
        message = wording.at_least(rule.k, names(involved))
    if rule.label:
        message = wording.sentence(rule.label)
    return Violation(rule.kind, message, compiled.ids(involved), rule=rule.id)


def _overlap_violations(compiled: CompiledOffering, picked: list[int]) -> list[Violation]:
    chosen = set(picked)
    violations = []
    for i in picked:
        for j in sorted(compiled.overlaps[i] & chosen):
            if j < i:
                continue
            first, second = compiled.options[i], compiled.options[j]
            start = max(_window(first).start, _window(second).start)
            end = min(_window(first).end, _window(second).end)
            message = wording.overlap(first.name, second.name, start, end)
            violations.append(Violation("overlap", message, (first.id, second.id)))
    return violations


def _window(option: Option) -> TimeWindow:
    if option.window is None:
        raise AssertionError("only options with a time window overlap")
    return option.window


def _budget_violations(compiled: CompiledOffering, picked: list[int]) -> list[Violation]:
    budget = compiled.offering.budget
    if budget is None:
        return []
    total = sum((compiled.costs[i] for i in picked), Decimal(0))
    if total <= budget:
        return []
    message = wording.over_budget(total, budget, compiled.offering.unit)
    return [Violation("budget", message, compiled.ids(i for i in picked if compiled.costs[i]))]
