"""Outcome survey answers as two respondents-by-outcomes matrices of 1-5 ratings."""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

SCALE = (1, 5)
NOT_ANSWERED = 0
TOP_TWO_BOXES = 4  # ratings of 4 or 5 count as "important" / "satisfied"


class InvalidRatings(ValueError):
    """Ratings outside the 1-5 scale, answered twice, or about unknown outcomes."""


@dataclass(frozen=True)
class Answer:
    respondent: Hashable
    outcome: Hashable
    importance: int | None  # 1-5, None when skipped
    satisfaction: int | None


@dataclass(frozen=True, eq=False)
class Ratings:
    """importance[r, o] and satisfaction[r, o]: respondent r's 1-5 rating of outcome o, or 0
    where they did not answer. Rows follow `respondents`, columns `outcomes`."""

    outcomes: tuple[Hashable, ...]
    respondents: tuple[Hashable, ...]
    importance: np.ndarray
    satisfaction: np.ndarray

    def __post_init__(self) -> None:
        shape = (len(self.respondents), len(self.outcomes))
        for name, matrix in (("importance", self.importance), ("satisfaction", self.satisfaction)):
            if matrix.shape != shape:
                raise InvalidRatings(
                    f"The {name} ratings have shape {matrix.shape}; "
                    f"{shape[0]} respondents * {shape[1]} outcomes need {shape}."
                )
            off_scale = (matrix < SCALE[0]) | (matrix > SCALE[1])
            rows, columns = np.nonzero((matrix != NOT_ANSWERED) & off_scale)
            if len(rows):
                found = [
                    f"{self.respondents[r]!r} on {self.outcomes[c]!r}: {matrix[r, c]}"
                    for r, c in zip(rows[:5], columns[:5], strict=True)
                ]
                raise InvalidRatings(
                    f"{name.capitalize()} ratings are 1 to 5; got {'; '.join(found)}."
                )

    @classmethod
    def from_answers(cls, outcomes: Sequence[Hashable], answers: Iterable[Answer]) -> "Ratings":
        """Collect answers, refusing a second answer by the same respondent on the same
        outcome (nothing is counted twice)."""
        column = {outcome: n for n, outcome in enumerate(outcomes)}
        row: dict[Hashable, int] = {}
        cells: dict[tuple[int, int], tuple[int, int]] = {}
        for answer in answers:
            if answer.outcome not in column:
                raise InvalidRatings(
                    f"{answer.respondent!r} rated {answer.outcome!r}, which is not in the survey."
                )
            cell = (row.setdefault(answer.respondent, len(row)), column[answer.outcome])
            if cell in cells:
                raise InvalidRatings(
                    f"{answer.respondent!r} answered {answer.outcome!r} twice; "
                    "each outcome is rated once per respondent."
                )
            for name, rating in (
                ("importance", answer.importance),
                ("satisfaction", answer.satisfaction),
            ):
                if rating is not None and not SCALE[0] <= rating <= SCALE[1]:
                    raise InvalidRatings(
                        f"{answer.respondent!r} rated the {name} of {answer.outcome!r} {rating}; "
                        "ratings are 1 to 5."
                    )
            cells[cell] = (answer.importance or NOT_ANSWERED, answer.satisfaction or NOT_ANSWERED)
        importance = np.zeros((len(row), len(outcomes)), dtype=np.int8)
        satisfaction = np.zeros_like(importance)
        for (r, c), (imp, sat) in cells.items():
            importance[r, c], satisfaction[r, c] = imp, sat
        return cls(tuple(outcomes), tuple(row), importance, satisfaction)
