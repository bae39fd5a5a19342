"""Synthetic listening data for bench/analytics.py, in the shapes of
`cocreate.engines.analytics.schema`: a year of feedback, interactions with a planted
staff-customer effect, staff pulses, contributions and design choices. Seeded."""

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import polars as pl

PHASES = ("discover", "choose", "buy", "use", "get help", "stay or leave")
TOUCHPOINTS = {
    "discover": ("website", "social media", "word of mouth"),
    "choose": ("comparison page", "showroom", "sales chat"),
    "buy": ("checkout", "payment", "contract"),
    "use": ("app", "delivery", "installation", "first week"),
    "get help": ("phone support", "live chat", "help centre", "repair"),
    "stay or leave": ("renewal", "cancellation", "loyalty offer"),
}
SEGMENTS = ("students", "families", "small business", "seniors", "newcomers")
YEAR_START = datetime(2025, 1, 1, tzinfo=UTC)
SECONDS_IN_YEAR = 365 * 24 * 3600
# The planted effect: one point of staff satisfaction (1-5) moves the customer's
# underlying satisfaction by this much, before rounding to the 1-5 scale.
PLANTED_SLOPE = 0.5


@dataclass(frozen=True)
class Listening:
    feedback: pl.DataFrame
    interactions: pl.DataFrame
    staff_pulses: pl.DataFrame
    contributions: pl.DataFrame
    design_choices: pl.DataFrame

    def tables(self) -> dict[str, pl.DataFrame]:
        return {
            "feedback": self.feedback,
            "interactions": self.interactions,
            "staff_pulses": self.staff_pulses,
            "contributions": self.contributions,
            "design_choices": self.design_choices,
        }


def times(rng: np.random.Generator, n: int) -> pl.Series:
    seconds = rng.integers(0, SECONDS_IN_YEAR, n)
    start = int(YEAR_START.timestamp() * 1_000_000)
    return pl.Series(start + seconds * 1_000_000).cast(pl.Datetime("us", "UTC"))


def maybe(rng: np.random.Generator, values: np.ndarray, answered: float) -> pl.Series:
    """Values as nullable int8, each answered with probability `answered`."""
    return pl.Series(values.astype(np.int8)).set(
        pl.Series(rng.random(values.size) > answered), None
    )


def generate(
    feedback_rows: int = 1_000_000,
    interactions: int = 100_000,
    *,
    staff: int = 500,
    customers: int = 200_000,
    seed: int = 7,
) -> Listening:
    rng = np.random.default_rng(seed)
    touchpoints = [(p, t) for p in PHASES for t in TOUCHPOINTS[p]]
    segment_of = rng.integers(0, len(SEGMENTS), customers)
    segment_names = np.array(SEGMENTS)

    # Staff: each works at one touchpoint; a true satisfaction level, monthly pulses.
    staff_touchpoint = rng.integers(0, len(touchpoints), staff)
    staff_level = np.clip(3.4 + 0.7 * rng.standard_normal(staff), 1, 5)
    staff_extra = 0.25 * rng.standard_normal(staff)  # what else makes a server good
    pulse_staff = np.repeat(np.arange(staff), 12)
    pulse_month = np.tile(np.arange(12), staff)
    satisfaction = np.clip(
        np.rint(staff_level[pulse_staff] + 0.5 * rng.standard_normal(pulse_staff.size)), 1, 5
    )
    pulse_time = (
        pl.Series([datetime(2025, m + 1, 5, 9, tzinfo=UTC) for m in range(12)])
        .cast(pl.Datetime("us", "UTC"))
        .gather(pulse_month)
    )
    staff_pulses = pl.DataFrame(
        {
            "staff_id": pulse_staff.astype(np.int64),
            "submitted_at": pulse_time,
            "satisfaction": satisfaction.astype(np.int8),
            "enps": np.clip(
                np.rint(2 * satisfaction + rng.normal(0, 1.5, pulse_staff.size)), 0, 10
            ).astype(np.int8),
        }
    )

    # Interactions, and the feedback of the customers served (within a week, same touchpoint).
    served_by = rng.integers(0, staff, interactions)
    served_customer = rng.integers(0, customers, interactions)
    interaction_time = times(rng, interactions)
    tp = staff_touchpoint[served_by]
    interactions_frame = pl.DataFrame(
        {
            "interaction_id": np.arange(interactions, dtype=np.int64),
            "staff_id": served_by.astype(np.int64),
            "customer_id": served_customer.astype(np.int64),
            "touchpoint": np.array([t for _, t in touchpoints])[tp],
            "occurred_at": interaction_time,
        }
    )
    linked = rng.random(interactions) < 0.6
    linked_count = int(linked.sum())
    latent = (
        3.8
        + PLANTED_SLOPE * (staff_level[served_by[linked]] - 3.4)
        + staff_extra[served_by[linked]]
        + 0.8 * rng.standard_normal(linked_count)
    )
    delay = pl.Series(rng.integers(60, 7 * 24 * 3600, linked_count) * 1_000_000).cast(
        pl.Duration("us")
    )

    # Everyone else's feedback: random customers, touchpoints and times.
    other = feedback_rows - linked_count
    other_tp = rng.integers(0, len(touchpoints), other)
    all_tp = np.concatenate([tp[linked], other_tp])
    customer = np.concatenate([served_customer[linked], rng.integers(0, customers, other)])
    touchpoint_quality = rng.normal(0, 0.4, len(touchpoints))
    csat_latent = np.concatenate(
        [latent, 3.8 + touchpoint_quality[other_tp] + 0.9 * rng.standard_normal(other)]
    )
    csat = np.clip(np.rint(csat_latent), 1, 5)
    nps = np.clip(np.rint(2.2 * csat_latent - 1 + rng.normal(0, 1.2, feedback_rows)), 0, 10)
    ces = np.clip(np.rint(1.2 * csat_latent + rng.normal(0, 1, feedback_rows)), 1, 7)
    submitted = pl.concat([interaction_time.filter(pl.Series(linked)) + delay, times(rng, other)])
    source = rng.choice(np.array(["form", "api", "import"]), feedback_rows, p=[0.7, 0.1, 0.2])
    imported = source == "import"
    feedback = pl.DataFrame(
        {
            "feedback_id": np.arange(feedback_rows, dtype=np.int64),
            "customer_id": customer.astype(np.int64),
            "submitted_at": submitted,
            "phase": np.array([p for p, _ in touchpoints])[all_tp],
            "touchpoint": np.array([t for _, t in touchpoints])[all_tp],
            "segment": segment_names[segment_of[customer]],
            "source": source,
            "nps": maybe(rng, np.where(imported, 0, nps), 0.6).set(pl.Series(imported), None),
            "csat": maybe(rng, csat, 0.85).set(
                pl.Series(imported & (rng.random(feedback_rows) < 0.7)), None
            ),
            "ces": maybe(rng, ces, 0.4).set(pl.Series(imported), None),
        }
    ).with_columns(pl.col("phase", "touchpoint", "segment", "source").cast(pl.Categorical))

    contributions = contribution_rows(rng, feedback_rows // 3, customers, segment_names[segment_of])
    design_choices = design_rows(rng, feedback_rows // 10, customers, segment_names[segment_of])
    return Listening(feedback, interactions_frame, staff_pulses, contributions, design_choices)


def contribution_rows(
    rng: np.random.Generator, n: int, customers: int, segment_of: np.ndarray
) -> pl.DataFrame:
    customer = rng.integers(0, customers, n)
    return pl.DataFrame(
        {
            "contribution_id": np.arange(n, dtype=np.int64),
            "customer_id": customer.astype(np.int64),
            "segment": segment_of[customer],
            "kind": rng.choice(
                np.array(["design", "idea", "vote", "challenge"]), n, p=[0.2, 0.15, 0.6, 0.05]
            ),
            "occurred_at": times(rng, n),
        }
    ).with_columns(pl.col("segment", "kind").cast(pl.Categorical))


def design_rows(
    rng: np.random.Generator, designs: int, customers: int, segment_of: np.ndarray
) -> pl.DataFrame:
    """Each design picks three of its offering's ten options, popular ones more often."""
    offering = rng.integers(0, 5, designs)
    popularity = rng.dirichlet(np.ones(10), 5)
    # Three distinct options weighted by popularity: the top three of Gumbel-perturbed logs.
    gumbel = np.log(popularity[offering]) - np.log(-np.log(rng.random((designs, 10))))
    picks = np.argsort(-gumbel, axis=1)[:, :3]
    customer = rng.integers(0, customers, designs)
    option = (offering[:, None] * 10 + picks).ravel()
    design = np.repeat(np.arange(designs), 3)
    return pl.DataFrame(
        {
            "design_id": design.astype(np.int64),
            "customer_id": customer[design].astype(np.int64),
            "segment": segment_of[customer[design]],
            "offering_id": offering[design].astype(np.int64),
            "option_id": option.astype(np.int64),
            "option_name": np.char.add("option ", option.astype(str)),
            "status": np.where(rng.random(option.size) < 0.1, "waitlisted", "confirmed"),
            "chosen_at": times(rng, designs).gather(design),
        }
    ).with_columns(pl.col("segment", "option_name", "status").cast(pl.Categorical))
