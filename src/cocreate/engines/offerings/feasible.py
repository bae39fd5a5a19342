"""Which options a customer could still add, for greying out the rest in the designer."""

from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

from cocreate.engines.offerings.compiled import CompiledOffering, unavailable
from cocreate.engines.offerings.model import Offering, Profile, Selection


def feasible_options(
    offering: Offering, selection: Selection, profile: Profile, remaining: Mapping[str, int]
) -> set[str]:
    """The options not yet picked that the customer can add, together with every option
    they require (directly or through others), without a new violation: each is
    available to them (eligible, not full), none overlaps or excludes a picked option or
    another of them, and no dimension maximum, at_most rule or budget is exceeded.

    Minimums and at_least rules never block an addition. Swapping (dropping one option
    to take another) is not an addition: in a dimension at its maximum, the rest are
    not feasible.
    """
    compiled = offering.compiled
    picked = {compiled.index[o] for o in selection.options if o in compiled.index}
    state = _State(compiled, picked, profile, remaining)
    return {
        option.id
        for i, option in enumerate(compiled.options)
        if i not in picked and state.can_add(i)
    }


class _State:
    """What the current selection leaves room for: closed options, free places per
    dimension and per at_most rule, and budget left."""

    def __init__(
        self,
        compiled: CompiledOffering,
        picked: set[int],
        profile: Profile,
        remaining: Mapping[str, int],
    ) -> None:
        self.compiled = compiled
        self.picked = picked
        self.closed = set(unavailable(compiled, profile, remaining))
        for i in picked:
            self.closed |= compiled.excluded_with[i] | compiled.overlaps[i]
        counts = Counter(compiled.option_dimension[i] for i in picked)
        self.dimension_room = [
            None if d.max_picks is None else d.max_picks - counts[n]
            for n, d in enumerate(compiled.dimensions)
        ]
        self.rule_room = {
            r: compiled.rules[r].rule.k - sum(m in picked for m in compiled.rules[r].members)
            for r in compiled.at_most_rules
        }
        budget = compiled.offering.budget
        spent = sum((compiled.costs[i] for i in picked), Decimal(0))
        self.budget_left = None if budget is None else budget - spent

    def can_add(self, option: int) -> bool:
        adding = {option, *self.compiled.requires_closure[option]} - self.picked
        if len(adding) == 1:  # most options require nothing: the quick way
            return self._can_add_one(option)
        return self._can_add_together(adding)

    def _can_add_one(self, i: int) -> bool:
        compiled = self.compiled
        if i in self.closed:
            return False
        room = self.dimension_room[compiled.option_dimension[i]]
        if room is not None and room < 1:
            return False
        if any(self.rule_room[r] < 1 for r in compiled.at_most_by_option[i]):
            return False
        return self._affordable(compiled.costs[i])

    def _can_add_together(self, adding: set[int]) -> bool:
        compiled = self.compiled
        if not adding.isdisjoint(self.closed):
            return False
        for i in adding:
            if not adding.isdisjoint(compiled.excluded_with[i] | compiled.overlaps[i]):
                return False
        per_dimension = Counter(compiled.option_dimension[i] for i in adding)
        for d, count in per_dimension.items():
            room = self.dimension_room[d]
            if room is not None and count > room:
                return False
        per_rule = Counter(r for i in adding for r in compiled.at_most_by_option[i])
        if any(count > self.rule_room[r] for r, count in per_rule.items()):
            return False
        return self._affordable(sum((compiled.costs[i] for i in adding), Decimal(0)))

    def _affordable(self, cost: Decimal) -> bool:
        return self.budget_left is None or cost <= 0 or cost <= self.budget_left
