"""The listening dashboards written plainly in pandas: the benchmark's peer.

Each function answers the same question as the `Dashboards` method of the same name, the
way an analyst would first write it: group the rows, then compute each group's scores
with the engine's own single-set functions (`scores.nps`, `csat`, ...), so both sides
compute the same statistics and only the machinery differs.
"""

from collections.abc import Sequence
from dataclasses import asdict

import pandas as pd

from cocreate.engines.scores import ces, ces_share, csat, nps


def group_scores(group: pd.DataFrame) -> list[dict[str, object]]:
    found = [
        nps(group["nps"].dropna()),
        csat(group["csat"].dropna()),
        ces(group["ces"].dropna()),
        ces_share(group["ces"].dropna()),
    ]
    return [{"volume": len(group), **asdict(score)} for score in found]


def scores_by(feedback: pd.DataFrame, dimension: str) -> pd.DataFrame:
    rows = []
    for key, group in feedback.groupby(dimension, observed=True):
        rows += [{dimension: key, **row} for row in group_scores(group)]
    return pd.DataFrame(rows)


def month_of(times: pd.Series, time_zone: str) -> pd.Series:
    return times.dt.tz_convert(time_zone).dt.tz_localize(None).dt.to_period("M").dt.start_time


def score_trend(feedback: pd.DataFrame, by: str, time_zone: str) -> pd.DataFrame:
    frame = feedback.assign(period=month_of(feedback["submitted_at"], time_zone))
    months = pd.date_range(frame["period"].min(), frame["period"].max(), freq="MS")
    groups = dict(tuple(frame.groupby([by, "period"], observed=True)))
    rows = []
    for key in sorted(frame[by].dropna().unique()):
        for month in months:
            group = groups.get((key, month), frame.iloc[:0])
            rows += [{by: key, "period": month, **row} for row in group_scores(group)]
    return pd.DataFrame(rows)


def journey(feedback: pd.DataFrame, phases: Sequence[str]) -> pd.DataFrame:
    groups = dict(tuple(feedback.groupby("phase", observed=True)))
    rows = []
    for phase in phases:
        group = groups.get(phase, feedback.iloc[:0])
        rows += [{"phase": phase, **row} for row in group_scores(group)]
    return pd.DataFrame(rows)


def served_feedback(
    feedback: pd.DataFrame, interactions: pd.DataFrame, time_zone: str, within_days: int = 30
) -> pd.DataFrame:
    answered = feedback[feedback["csat"].notna()]
    pairs = answered.merge(
        interactions[["staff_id", "customer_id", "touchpoint", "occurred_at"]],
        on=["customer_id", "touchpoint"],
    )
    gap = pairs["submitted_at"] - pairs["occurred_at"]
    pairs = pairs[(gap >= pd.Timedelta(0)) & (gap <= pd.Timedelta(days=within_days))]
    latest = pairs.sort_values("occurred_at").drop_duplicates("feedback_id", keep="last")
    return pd.DataFrame(
        {
            "staff_id": latest["staff_id"],
            "customer_id": latest["customer_id"],
            "feedback_id": latest["feedback_id"],
            "period": month_of(latest["submitted_at"], time_zone),
            "customer_score": latest["csat"].astype(float),
        }
    ).sort_values("feedback_id")


def staff_overview(
    feedback: pd.DataFrame, interactions: pd.DataFrame, pulses: pd.DataFrame, time_zone: str
) -> pd.DataFrame:
    served = served_feedback(feedback, interactions, time_zone)
    customers = served.groupby(["staff_id", "period"]).agg(
        customers=("customer_score", "size"), customer_mean=("customer_score", "mean")
    )
    answered = pulses[pulses["satisfaction"].notna()]
    staff = answered.assign(period=month_of(answered["submitted_at"], time_zone))
    staff = staff.groupby(["staff_id", "period"]).agg(
        staff_score=("satisfaction", "mean"), answers=("satisfaction", "size")
    )
    both = staff.join(customers, how="outer").reset_index()
    both["customers"] = both["customers"].fillna(0).astype(int)
    return both


def cocreation_ratio(
    feedback: pd.DataFrame, contributions: pd.DataFrame, time_zone: str
) -> pd.DataFrame:
    active = contributions.assign(period=month_of(contributions["occurred_at"], time_zone))
    active = pd.crosstab([active["segment"], active["period"]], active["kind"])
    passive = feedback.assign(
        period=month_of(feedback["submitted_at"], time_zone),
        kind=(feedback["source"] == "import").map({True: "imports", False: "feedback"}),
    )
    passive = pd.crosstab([passive["segment"], passive["period"]], passive["kind"])
    both = active.join(passive, how="outer").fillna(0)
    both["active"] = both[["design", "idea", "vote", "challenge"]].sum(axis=1)
    both["passive"] = both[["feedback", "imports"]].sum(axis=1)
    both["active_share"] = both["active"] / (both["active"] + both["passive"])
    both["ratio"] = both["active"] / both["passive"].where(both["passive"] > 0)
    return both.reset_index()


def demand_per_option(design_choices: pd.DataFrame) -> pd.DataFrame:
    designs = design_choices.groupby("offering_id")["design_id"].nunique().rename("designs")
    per_option = design_choices.groupby(["offering_id", "option_id"]).agg(
        option_name=("option_name", "first"),
        chosen=("design_id", "size"),
        confirmed=("status", lambda s: int((s == "confirmed").sum())),
        waitlisted=("status", lambda s: int((s == "waitlisted").sum())),
        customers=("customer_id", "nunique"),
    )
    frame = per_option.join(designs, on="offering_id").reset_index()
    frame["share"] = 100 * frame["chosen"] / frame["designs"]
    return frame.sort_values(["offering_id", "chosen"], ascending=[True, False])
