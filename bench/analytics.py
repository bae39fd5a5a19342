"""Listening analytics at scale: dashboards over a year of feedback, the staff-customer
linkage model, opinion groups and themes in free text.

    .venv/bin/python bench/analytics.py            # 1,000,000 feedback rows, 100,000
                                                   # interactions, 20,000 x 200 votes,
                                                   # 50,000 texts
    .venv/bin/python bench/analytics.py --quick    # a tenth of each
    .venv/bin/python bench/analytics.py --json     # ends with one JSON line

Peers run side by side in the same process, so machine noise cancels out in the ratios:
- each dashboard through `engines.analytics.Dashboards` (DuckDB) and written plainly in
  pandas (bench/analytics_pandas.py); each timed as the best of a few runs on data already
  loaded (both loads are timed too), in interleaved rounds; `speedup` is the slowest
  pandas dashboard over the slowest DuckDB one, and the two must give the same numbers;
- opinion groups through `engines.opinions` and through red-dwarf on the same votes, with
  the adjusted Rand index between their groups.
Linkage: the multilevel model on the feedback linked to staff, against the planted effect.
Themes: 50,000 texts from templates with 12 planted themes, embedded once per distinct
text with `engines.text.embed` (as the app caches vectors), then clustered; the adjusted
Rand index against the planted themes says how well they are recovered.
"""

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3  # of each dashboard: DuckDB three times, then pandas once
T = TypeVar("T")


def best_of(repeats: int, run: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `repeats` runs, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result  # type: ignore[return-value]


def dashboards(scale: float) -> dict[str, Any]:
    import analytics_pandas as plain
    from analytics_data import PHASES, generate

    from cocreate.engines.analytics import Dashboards

    started = time.perf_counter()
    data = generate(int(1_000_000 * scale), int(100_000 * scale))
    generated = time.perf_counter() - started
    load_seconds, engine = best_of(1, lambda: Dashboards(data.tables()))
    pandas_load, frames = best_of(
        1, lambda: {name: table.to_pandas() for name, table in data.tables().items()}
    )
    fb, it, sp = frames["feedback"], frames["interactions"], frames["staff_pulses"]
    co, dc = frames["contributions"], frames["design_choices"]
    pairs: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "scores by phase": (
            lambda: engine.scores_by("phase"),
            lambda: plain.scores_by(fb, "phase"),
        ),
        "scores by touchpoint": (
            lambda: engine.scores_by("touchpoint"),
            lambda: plain.scores_by(fb, "touchpoint"),
        ),
        "scores by segment": (
            lambda: engine.scores_by("segment"),
            lambda: plain.scores_by(fb, "segment"),
        ),
        "trend by month and phase": (
            lambda: engine.score_trend(by="phase"),
            lambda: plain.score_trend(fb, "phase", "UTC"),
        ),
        "journey": (lambda: engine.journey(PHASES), lambda: plain.journey(fb, PHASES)),
        "staff linkage inputs": (
            lambda: engine.served_feedback(),
            lambda: plain.served_feedback(fb, it, "UTC"),
        ),
        "staff overview": (
            lambda: engine.staff_overview(),
            lambda: plain.staff_overview(fb, it, sp, "UTC"),
        ),
        "co-creation ratio": (
            lambda: engine.cocreation_ratio(),
            lambda: plain.cocreation_ratio(fb, co, "UTC"),
        ),
        "demand per option": (
            lambda: engine.demand_per_option(),
            lambda: plain.demand_per_option(dc),
        ),
    }
    timings, agree = {}, True
    for name, (ours, peer) in pairs.items():
        # Interleaved rounds, so a burst of other work on the machine hits both peers.
        duck_seconds = pandas_seconds = float("inf")
        for _ in range(ROUNDS):
            seconds, duck_result = best_of(3, ours)
            duck_seconds = min(duck_seconds, seconds)
            seconds, pandas_result = best_of(1, peer)
            pandas_seconds = min(pandas_seconds, seconds)
        timings[name] = (duck_seconds, pandas_seconds)
        agree &= same_answers(name, duck_result, pandas_result)
    return {
        "data": data,
        "engine": engine,
        "generated_seconds": generated,
        "load_seconds": load_seconds,
        "pandas_load_seconds": pandas_load,
        "timings": timings,
        "peers_agree": bool(agree),
    }


def same_answers(name: str, duck: Any, peer: Any) -> bool:
    """Whether both peers found the same scores (or the same rows, for the others)."""
    import numpy as np
    import polars as pl

    if name == "staff linkage inputs":
        return bool(duck["feedback_id"].to_list() == peer["feedback_id"].tolist())
    keys = {"journey": ["phase"], "trend by month and phase": ["phase", "period"]}.get(
        name, [name.removeprefix("scores by ")] if name.startswith("scores") else None
    )
    if keys is None:
        return bool(duck.height == len(peer))
    theirs = pl.from_pandas(peer[[*keys, "measure", "value"]].astype({"value": float}))
    theirs = theirs.with_columns(
        pl.col(key).cast(pl.Date if key == "period" else pl.String) for key in keys
    )
    joined = duck.join(theirs, on=[*keys, "measure"], how="inner", suffix="_pandas")
    return joined.height == duck.height and bool(
        np.allclose(
            joined["value"].fill_null(np.nan).to_numpy(),
            joined["value_pandas"].fill_null(np.nan).to_numpy(),
            equal_nan=True,
        )
    )


def linkage(engine: Any) -> dict[str, Any]:
    from cocreate.engines.linkage import link_staff_to_customers

    customers, staff = engine.served_feedback(), engine.staff_scores()
    seconds, found = best_of(1, lambda: link_staff_to_customers(customers, staff))
    lagged_seconds, lagged = best_of(1, lambda: link_staff_to_customers(customers, staff, lag=1))
    return {"seconds": seconds, "found": found, "lagged": lagged, "lagged_seconds": lagged_seconds}


def opinions(participants: int) -> dict[str, Any]:
    from analytics_votes import generate_votes
    from sklearn.metrics import adjusted_rand_score

    from cocreate.engines.opinions import NOT_GROUPED, find_opinion_groups

    votes, planted = generate_votes(participants, 200)
    seconds, ours = best_of(1, lambda: find_opinion_groups(votes, seed=0))
    records = votes.to_dicts()
    with warnings.catch_warnings():  # red-dwarf's dependencies warn about their own code
        warnings.simplefilter("ignore")
        from reddwarf.implementations.polis import run_pipeline

        red_seconds, theirs = best_of(1, lambda: run_pipeline(votes=records, random_state=0))
    their_labels = theirs.participants_df["cluster_id"].reindex(ours.participant_ids)
    grouped = (ours.group_of != NOT_GROUPED) & their_labels.notna().to_numpy()
    return {
        "votes": votes.height,
        "seconds": seconds,
        "red_dwarf_seconds": red_seconds,
        "ari": adjusted_rand_score(their_labels[grouped].astype(int), ours.group_of[grouped]),
        "ari_planted": adjusted_rand_score(planted[ours.participant_ids], ours.group_of),
        "groups": len(ours.groups),
        "red_dwarf_groups": int(theirs.clusterer.n_clusters),
    }


def themes(count: int) -> dict[str, Any]:
    import numpy as np
    from analytics_texts import generate_texts
    from sklearn.metrics import adjusted_rand_score

    from cocreate.engines.text import embed, model_name
    from cocreate.engines.themes import find_themes

    # Many customers write much the same; draw the texts from a pool a fifth their size.
    pool, pool_themes, pool_phases = generate_texts(count // 5)
    picks = np.random.default_rng(3).integers(0, len(pool), count)
    texts = [pool[i] for i in picks]
    distinct, inverse = np.unique(texts, return_inverse=True)
    embed_seconds, unique_vectors = best_of(1, lambda: embed(list(distinct)))
    vectors = unique_vectors[inverse]
    seconds, found = best_of(
        1, lambda: find_themes(texts, vectors, phases=[pool_phases[i] for i in picks])
    )
    return {
        "texts": count,
        "distinct": len(distinct),
        "model": model_name(),
        "embed_per_second": len(distinct) / embed_seconds,
        "seconds": seconds,
        "themes": len(found.themes),
        "ari_planted": adjusted_rand_score(pool_themes[picks], found.theme_of),
    }


def run(scale: float) -> dict[str, Any]:
    board = dashboards(scale)
    link = linkage(board["engine"])
    groups = opinions(int(20_000 * scale))
    text = themes(int(50_000 * scale))
    duck_max = max(d for d, _ in board["timings"].values())
    pandas_max = max(p for _, p in board["timings"].values())
    return {
        "board": board,
        "link": link,
        "groups": groups,
        "text": text,
        "summary": {
            "dashboard_max_seconds": round(duck_max, 4),
            "pandas_max_seconds": round(pandas_max, 4),
            "speedup": round(pandas_max / duck_max, 2),
            "linkage_seconds": round(link["seconds"], 3),
            "opinion_seconds": round(groups["seconds"], 3),
            "opinion_ari_vs_red_dwarf": round(groups["ari"], 4),
            "themes_seconds": round(text["seconds"], 3),
            "themes_ari_vs_planted": round(text["ari_planted"], 4),
            "red_dwarf_seconds": round(groups["red_dwarf_seconds"], 3),
            "load_seconds": round(board["load_seconds"], 3),
            "peers_agree": board["peers_agree"],
        },
    }


def table(result: dict[str, Any]) -> str:
    board, link, groups, text = (result[k] for k in ("board", "link", "groups", "text"))
    data = board["data"]
    found, lagged = link["found"], link["lagged"]
    lines = [
        f"Listening analytics: {data.feedback.height:,} feedback rows, "
        f"{data.interactions.height:,} interactions, {data.contributions.height:,} "
        f"contributions, {data.design_choices.height:,} design choices "
        f"(generated in {board['generated_seconds']:.1f} s)",
        f"  load: DuckDB {board['load_seconds']:.2f} s, "
        f"pandas {board['pandas_load_seconds']:.2f} s",
        f"  {'dashboard':<26}{'DuckDB s':>10}{'pandas s':>10}{'ratio':>8}",
    ]
    for name, (duck, peer) in board["timings"].items():
        lines.append(f"  {name:<26}{duck:>10.4f}{peer:>10.4f}{peer / duck:>8.1f}")
    s = result["summary"]
    lines += [
        f"  {'slowest':<26}{s['dashboard_max_seconds']:>10.4f}{s['pandas_max_seconds']:>10.4f}"
        f"{s['speedup']:>8.1f}   same numbers: {'yes' if board['peers_agree'] else 'NO'}",
        f"Linkage: {found.answers:,} answers, {found.staff_members} staff; "
        f"{link['seconds']:.2f} s (lag 1: {link['lagged_seconds']:.2f} s)",
        f"  slope {found.slope:.3f} ({found.slope_low:.3f} to {found.slope_high:.3f}), "
        f"ICC(1) {found.icc1:.2f}, ICC(2) {found.icc2:.2f}, staff-level r {found.correlation:.2f} "
        f"({found.correlation_low:.2f} to {found.correlation_high:.2f})",
        f"  lag 1: within-staff slope {lagged.within_slope:.3f} "
        f"({lagged.within_low:.3f} to {lagged.within_high:.3f}) (none planted)",
        f"  {found.sentence}",
        f"Opinion groups: {groups['votes']:,} votes; ours {groups['seconds']:.2f} s "
        f"({groups['groups']} groups), red-dwarf {groups['red_dwarf_seconds']:.2f} s "
        f"({groups['red_dwarf_groups']} groups)",
        f"  adjusted Rand index: against red-dwarf {groups['ari']:.4f}, "
        f"against the planted groups {groups['ari_planted']:.4f}",
        f"Themes: {text['texts']:,} texts ({text['distinct']:,} distinct), embedded with "
        f"{text['model']} at {text['embed_per_second']:.0f} texts/s",
        f"  clustering {text['seconds']:.2f} s, {text['themes']} themes, adjusted Rand index "
        f"against the 12 planted themes {text['ari_planted']:.3f}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the rows")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    result = run(0.1 if args.quick else 1.0)
    print(table(result))
    if args.json:
        print(json.dumps(result["summary"]))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
