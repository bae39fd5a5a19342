"""Every sentence the offerings engine says, to customers and to organisers, in one place
so the wording stays consistent and can be reviewed (and later translated) together."""

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from cocreate.engines.offerings.model import Dimension, Eligibility, Rule


def quoted(name: str) -> str:
    return f"'{name}'"


def join(items: Sequence[str], word: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def names(items: Sequence[str], word: str = "and") -> str:
    return join([quoted(item) for item in items], word)


def sentence(text: str) -> str:
    """The organiser's label as a sentence: capitalised, ending with a full stop."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else f"{text}."


def amount(value: Decimal, unit: str) -> str:
    return f"{value} {unit}".strip()


def picks(dimension: Dimension, count: int) -> str:
    """'1 session', '2 sessions'."""
    plural = dimension.noun_plural or f"{dimension.noun}s"
    return f"{count} {dimension.noun if count == 1 else plural}"


def period(start: datetime, end: datetime) -> str:
    """'10:00-11:00' within a day (with an en dash), '3 Mar 22:00 - 4 Mar 01:00' across
    midnight, in the time zone of `start`."""
    end = end.astimezone(start.tzinfo)
    if start.date() == end.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start.day} {start:%b %H:%M} – {end.day} {end:%b %H:%M}"


# Customer-facing: what is wrong with a design.


def unknown_option(option_id: str, offering_name: str) -> str:
    return f"There is no option {quoted(option_id)} in {quoted(offering_name)}."


def ineligible(option_name: str, condition: Eligibility) -> str:
    if condition.label:
        return f"{quoted(option_name)} is for {condition.label} only."
    return f"{quoted(option_name)} is only for {condition.field} {join(condition.allowed, 'or')}."


def full(option_name: str) -> str:
    return f"{quoted(option_name)} is full."


def pick_count(dimension: Dimension, *, too_many: bool) -> str:
    low, high = dimension.min_picks, dimension.max_picks
    if low == high:
        return f"Pick exactly {picks(dimension, low)} in {quoted(dimension.name)}."
    if too_many and high is not None:
        return f"Pick at most {picks(dimension, high)} in {quoted(dimension.name)}."
    return f"Pick at least {picks(dimension, low)} in {quoted(dimension.name)}."


def answer_missing(dimension: Dimension) -> str:
    return f"Please answer {quoted(dimension.name)}."


def answer_too_long(dimension: Dimension, length: int) -> str:
    return (
        f"Your answer to {quoted(dimension.name)} is {length} characters long; "
        f"keep it to {dimension.max_answer_length}."
    )


def unknown_answer(dimension_id: str) -> str:
    return f"There is no question {quoted(dimension_id)} to answer."


def requires(subject: str, missing: Sequence[str]) -> str:
    return f"{quoted(subject)} requires {names(missing)}."


def excludes(subject: str, clashing: Sequence[str]) -> str:
    return f"{quoted(subject)} cannot be combined with {names(clashing, 'or')}."


def at_most(k: int, members: Sequence[str]) -> str:
    return f"Pick at most {k} of {names(members)}."


def at_least(k: int, members: Sequence[str]) -> str:
    return f"Pick at least {k} of {names(members)}."


def overlap(first: str, second: str, start: datetime, end: datetime) -> str:
    return f"{quoted(first)} overlaps {quoted(second)} ({period(start, end)})."


def over_budget(total: Decimal, budget: Decimal, unit: str) -> str:
    return f"Your design costs {amount(total, unit)}; the budget is {amount(budget, unit)}."


def repair_summary(removed: Sequence[str], added: Sequence[str]) -> str:
    if removed and added:
        comma = "," if len(removed) > 1 else ""
        return f"Drop {names(removed)}{comma} and add {names(added)}."
    if removed:
        return f"Drop {names(removed)}."
    return f"Add {names(added)}."


def no_design(reasons: Sequence[str]) -> str:
    if not reasons:
        return "No design fits this offering."
    return f"No design fits all of these: {'; '.join(reasons)}."


def no_design_in_time(seconds: float) -> str:
    return f"No valid design was found within {seconds:g} seconds."


# Parts of sentences naming what conflicts, for both audiences.


def rule_content(rule: Rule, option_names: Sequence[str]) -> str:
    """What a rule says, without a full stop: "'A' requires 'B'"; the label if it has one."""
    if rule.label:
        return sentence(rule.label).rstrip(".")
    if rule.kind == "requires":
        return f"{quoted(option_names[0])} requires {names(option_names[1:])}"
    if rule.kind == "excludes":
        return f"{quoted(option_names[0])} cannot be combined with {names(option_names[1:], 'or')}"
    word = "at most" if rule.kind == "at_most" else "at least"
    return f"{word} {rule.k} of {names(option_names)}"


def minimum_content(dimension: Dimension) -> str:
    return f"at least {picks(dimension, dimension.min_picks)} in {quoted(dimension.name)}"


def maximum_content(dimension: Dimension) -> str:
    return f"at most {picks(dimension, dimension.max_picks or 0)} in {quoted(dimension.name)}"


def budget_content(budget: Decimal, unit: str) -> str:
    return f"the budget of {amount(budget, unit)}"


def same_time_content(option_names: Sequence[str]) -> str:
    return f"{names(option_names)} take place at the same time"


def unavailable_content(option_name: str, condition: Eligibility | None) -> str:
    """Why the customer cannot have an option: full (no condition) or not eligible."""
    said = full(option_name) if condition is None else ineligible(option_name, condition)
    return said.rstrip(".")


# Organiser-facing: what is wrong with an offering.


def rule_name(rule: Rule) -> str:
    """How the organiser knows a rule: by its label, or else by its id."""
    return quoted(rule.label or rule.id)


def duplicate_id(what: str, item_id: str) -> str:
    return f"Two {what} have the id {quoted(item_id)}."


def unknown_dimension(option_name: str, dimension_id: str) -> str:
    return f"Option {quoted(option_name)} belongs to an unknown dimension {quoted(dimension_id)}."


def options_in_open_answer(option_name: str, dimension_name: str) -> str:
    return (
        f"Option {quoted(option_name)} is in {quoted(dimension_name)}, "
        "which takes a written answer rather than options."
    )


def unknown_rule_kind(rule: Rule) -> str:
    return f"Rule {rule_name(rule)} has an unknown kind {quoted(str(rule.kind))}."


def rule_unknown_options(rule: Rule, unknown: Sequence[str]) -> str:
    word = "option" if len(unknown) == 1 else "options"
    return f"Rule {rule_name(rule)} refers to unknown {word} {names(unknown)}."


def rule_too_short(rule: Rule) -> str:
    if rule.kind in ("requires", "excludes"):
        return f"Rule {rule_name(rule)} needs an option and at least one other option."
    return f"Rule {rule_name(rule)} names no options."


def rule_repeats(rule: Rule, option_name: str) -> str:
    return f"Rule {rule_name(rule)} names {quoted(option_name)} more than once."


def window_without_zone(option_name: str) -> str:
    return f"The time of {quoted(option_name)} needs a time zone."


def window_backwards(option_name: str) -> str:
    return f"The time of {quoted(option_name)} must end after it starts."


def bad_cost(option_name: str) -> str:
    return f"The cost of {quoted(option_name)} must be a number."


def bad_budget() -> str:
    return "The budget must be a number."


def negative_capacity(option_name: str) -> str:
    return f"The capacity of {quoted(option_name)} cannot be negative."


def negative_cost(option_name: str) -> str:
    return f"The cost of {quoted(option_name)} cannot be negative."


def negative_budget() -> str:
    return "The budget cannot be negative."


def negative_picks(dimension: Dimension) -> str:
    return f"The number of picks in {quoted(dimension.name)} cannot be negative."


def min_above_max(dimension: Dimension) -> str:
    return (
        f"{quoted(dimension.name)} asks for at least {dimension.min_picks} "
        f"but at most {dimension.max_picks} picks."
    )


def not_enough_options(dimension: Dimension, available: int) -> str:
    return (
        f"{quoted(dimension.name)} asks for at least {dimension.min_picks} picks "
        f"but has {available} {'option' if available == 1 else 'options'}."
    )


def k_out_of_range(rule: Rule, size: int) -> str:
    if rule.k < 0:
        return f"Rule {rule_name(rule)} cannot ask for a negative number of options."
    return f"Rule {rule_name(rule)} asks for at least {rule.k} of only {size} options."


def requires_cycle(rules: Sequence[Rule], cycle: Sequence[str]) -> str:
    chain = ", which requires ".join(quoted(name) for name in cycle[1:])
    return (
        f"Rules {join([rule_name(rule) for rule in rules])} form a cycle: "
        f"{quoted(cycle[0])} requires {chain}."
    )


def never_pickable(option_name: str, reasons: Sequence[str]) -> str:
    return f"{quoted(option_name)} can never be picked because of: {'; '.join(reasons)}."


def no_valid_design(reasons: Sequence[str]) -> str:
    return f"No design can satisfy all of these at once: {'; '.join(reasons)}."


def check_timed_out(seconds: float) -> str:
    return (
        f"Checking which options can be picked took longer than {seconds:g} seconds; "
        "some contradictions may not be reported."
    )
