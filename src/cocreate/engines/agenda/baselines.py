"""The simple schedules the optimiser is compared with, built from the same parts: a random
feasible schedule, the greedy start, and the greedy start improved by exact local search
to a local optimum. For benchmarks; the product uses `schedule`."""

import random
import time

from .construct import fresh, greedy, random_feasible
from .costs import costs_for
from .descent import Descent
from .explain import find_feasible
from .interest import table_of
from .layout import Layout
from .model import Instance, Placement
from .pairs import pair_losses
from .problem import Problem, compile_instance


def random_schedule(instance: Instance, *, seed: int = 0) -> dict[str, Placement]:
    """Sessions in random order, each in a uniformly random open cell."""
    problem = compile_instance(instance)
    layout, _table = fresh(problem)
    if random_feasible(layout, random.Random(seed)):
        layout = find_feasible(problem, layout, 10.0)
    return layout.placements()


def greedy_schedule(instance: Instance) -> dict[str, Placement]:
    """The optimiser's constructive start (construct.greedy)."""
    return _greedy(compile_instance(instance)).placements()


def greedy_local_search(instance: Instance, *, time_limit: float = 10.0) -> dict[str, Placement]:
    """The greedy start, then exact moves and swaps until none helps (or time is up)."""
    deadline = time.perf_counter() + time_limit
    problem = compile_instance(instance)
    layout = _greedy(problem)
    Descent(layout, table_of(layout), pair_losses(problem), costs_for(problem)).run(deadline)
    return layout.placements()


def _greedy(problem: Problem) -> Layout:
    layout, table = fresh(problem)
    if greedy(layout, table, costs_for(problem)):
        layout = find_feasible(problem, layout, 10.0)
    return layout
