"""The hard constraints as one CP-SAT model, each organiser-facing constraint guarded by
its own assumption literal. Used to find any valid schedule when the greedy one gets
stuck, and, when there is none, to name the smallest set of constraints that conflict:
CP-SAT returns a set of assumptions sufficient for infeasibility, which is then shrunk
by dropping one constraint at a time while the rest still conflict.

Always enforced (not guards): every session runs exactly once in whole consecutive
slots, one session per room and slot, the past stays as it was during a re-plan.
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .errors import InfeasibleSchedule, ScheduleNotFound
from .layout import Layout
from .model import Instance
from .problem import Problem, compile_instance

Start = tuple[int, int, int]  # session, room, first slot


@dataclass
class HardModel:
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    starts: dict[Start, cp_model.IntVar] = field(default_factory=dict)
    guards: dict[str, cp_model.IntVar] = field(default_factory=dict)

    def guard(self, label: str) -> cp_model.IntVar:
        if label not in self.guards:
            self.guards[label] = self.model.new_bool_var(label)
        return self.guards[label]

    def forbid(self, label: str, start: Start) -> None:
        self.model.add(self.starts[start] == 0).only_enforce_if(self.guard(label))


def build(problem: Problem) -> HardModel:
    hard = HardModel()
    instance = problem.instance
    real_rooms = len(instance.rooms)
    for s in range(problem.n_sessions):
        length = int(problem.lengths[s])
        if s in problem.fixed:
            candidates = [problem.fixed[s]]
        else:
            candidates = [
                (r, t)
                for r in range(real_rooms)
                for t in range(problem.not_before, problem.n_slots)
                if t + length - 1 <= problem.run_end[t]
            ]
        for r, t in candidates:
            hard.starts[s, r, t] = hard.model.new_bool_var(f"x{s}_{r}_{t}")
    by_session: dict[int, list[Start]] = defaultdict(list)
    covering: dict[tuple[int, int], list[Start]] = defaultdict(list)  # (session, slot)
    in_cell: dict[tuple[int, int], list[Start]] = defaultdict(list)  # (room, slot)
    for start in hard.starts:
        s, r, t = start
        by_session[s].append(start)
        for u in problem.span(s, t):
            covering[s, u].append(start)
            in_cell[r, u].append(start)
    for s in range(problem.n_sessions):
        hard.model.add_exactly_one(hard.starts[x] for x in by_session[s])
    for cell in in_cell.values():
        hard.model.add_at_most_one(hard.starts[x] for x in cell)

    _session_rules(hard, problem, by_session, in_cell)
    _between_sessions(hard, problem, by_session, covering)
    return hard


def _session_rules(
    hard: HardModel,
    problem: Problem,
    by_session: dict[int, list[Start]],
    in_cell: dict[tuple[int, int], list[Start]],
) -> None:
    """Room needs, strict capacities, reserved cells, speaker availability and pins."""
    instance = problem.instance
    fixed = problem.fixed
    for s, session in enumerate(instance.sessions):
        if s in fixed:
            continue
        for start in by_session[s]:
            room = instance.rooms[start[1]]
            if not session.needs <= room.features:
                hard.forbid(f"{session.id} needs {', '.join(sorted(session.needs))}", start)
            if room.strict_capacity and problem.audience[s] > room.capacity:
                hard.forbid(f"room {room.id} seats at most {room.capacity}", start)
        for speaker in session.speakers:
            away = {problem.slot_at[t] for t in instance.unavailable.get(speaker, ())}
            for start in by_session[s]:
                if away & set(problem.span(s, start[2])):
                    hard.forbid(f"speaker {speaker}'s unavailability", start)
    for cell in instance.reserved:
        r, u = problem.room_at[cell.room], problem.slot_at[cell.slot]
        for start in in_cell.get((r, u), ()):
            if start[0] not in fixed:
                hard.forbid(cell.label, start)
    for pin in instance.pins:
        s = problem.session_at[pin.session]
        if s in fixed:
            continue
        in_room = problem.room_at[pin.room] if pin.room is not None else None
        at_slot = problem.slot_at[pin.slot] if pin.slot is not None else None
        for start in by_session[s]:
            if (in_room is not None and start[1] != in_room) or (
                at_slot is not None and start[2] != at_slot
            ):
                hard.forbid(pin.label, start)


def _between_sessions(
    hard: HardModel,
    problem: Problem,
    by_session: dict[int, list[Start]],
    covering: dict[tuple[int, int], list[Start]],
) -> None:
    """Speakers in one place at a time, sessions kept apart, sequences."""
    instance = problem.instance
    model, x = hard.model, hard.starts

    def never_together(label: str, sessions: list[int]) -> None:
        guard = hard.guard(label)
        for u in range(problem.n_slots):
            present = [x[c] for s in sessions for c in covering.get((s, u), ())]
            if len(present) > 1:
                model.add(sum(present) <= 1).only_enforce_if(guard)

    by_speaker: dict[str, list[int]] = defaultdict(list)
    for s, session in enumerate(instance.sessions):
        for speaker in session.speakers:
            by_speaker[speaker].append(s)
    for speaker, sessions in by_speaker.items():
        if len(sessions) > 1:
            names = ", ".join(instance.sessions[s].id for s in sessions)
            never_together(f"{speaker} gives {names}", sessions)
    for pair in instance.apart:
        never_together(
            pair.label, [problem.session_at[pair.first], problem.session_at[pair.second]]
        )

    def first_slot(s: int) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.weighted_sum(
            [x[c] for c in by_session[s]], [c[2] for c in by_session[s]]
        )

    for order in instance.sequences:
        a, b = problem.session_at[order.first], problem.session_at[order.second]
        guard = hard.guard(order.label)
        end_of_a = first_slot(a) + int(problem.lengths[a])
        if not order.immediately:
            model.add(first_slot(b) >= end_of_a).only_enforce_if(guard)
            continue
        model.add(first_slot(b) == end_of_a).only_enforce_if(guard)
        for start in by_session[a]:
            last = start[2] + int(problem.lengths[a]) - 1
            if last == problem.run_end[start[2]]:
                model.add(x[start] == 0).only_enforce_if(guard)


def _solver(time_limit: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    return solver


def _smallest_core(hard: HardModel, core: list[str], deadline: float) -> tuple[str, ...]:
    """Drop constraints one at a time while the rest still conflict."""
    kept = list(core)
    for label in list(core):
        if label not in kept or time.perf_counter() > deadline:
            continue
        trial = [g for g in kept if g != label]
        hard.model.clear_assumptions()
        hard.model.add_assumptions([hard.guards[g] for g in trial])
        solver = _solver(deadline - time.perf_counter())
        if solver.solve(hard.model) == cp_model.INFEASIBLE:
            kept = [g for g in _core(hard, solver) if g in trial] or trial
    return tuple(sorted(kept))


def _solve_all(
    hard: HardModel, time_limit: float
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    hard.model.clear_assumptions()
    hard.model.add_assumptions(list(hard.guards.values()))
    solver = _solver(time_limit)
    return solver, solver.solve(hard.model)


def _core(hard: HardModel, solver: cp_model.CpSolver) -> list[str]:
    """The guards CP-SAT found sufficient for infeasibility, by label."""
    found = set(solver.sufficient_assumptions_for_infeasibility())
    return [label for label, guard in hard.guards.items() if guard.index in found]


def find_feasible(problem: Problem, hint: Layout, time_limit: float) -> Layout:
    """Any valid layout, starting from the partial `hint`; raises InfeasibleSchedule
    with the smallest conflicting set of constraints found when there is none."""
    deadline = time.perf_counter() + time_limit
    hard = build(problem)
    for s in hint.placed():
        start = (s, int(hint.room[s]), int(hint.start[s]))
        if start in hard.starts:
            hard.model.add_hint(hard.starts[start], True)
    solver, status = _solve_all(hard, time_limit)
    if status == cp_model.INFEASIBLE:
        raise InfeasibleSchedule(_smallest_core(hard, _core(hard, solver), deadline))
    if status not in (cp_model.FEASIBLE, cp_model.OPTIMAL):
        raise ScheduleNotFound(
            f"No schedule was found within {time_limit:.0f} seconds, though none was shown "
            "to be impossible; allow more time or relax some constraints."
        )
    layout = Layout(problem)
    for (s, r, t), var in hard.starts.items():
        if solver.boolean_value(var):
            layout.place(s, r, t)
    return layout


def explain_infeasibility(instance: Instance, time_limit: float = 30.0) -> tuple[str, ...]:
    """The smallest set found of constraints (their labels) that admit no schedule
    together; empty if the instance can be scheduled."""
    deadline = time.perf_counter() + time_limit
    problem = compile_instance(instance)
    hard = build(problem)
    solver, status = _solve_all(hard, time_limit)
    if status != cp_model.INFEASIBLE:
        return ()
    return _smallest_core(hard, _core(hard, solver), deadline)
