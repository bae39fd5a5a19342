"""Ideas engines: ranking, near-duplicates, embedding throughput, opportunity scores.

    .venv/bin/python bench/ideas.py            # 1,000 ideas, 1,000,000 pairwise votes
    .venv/bin/python bench/ideas.py --quick    # 300 ideas, 100,000 votes
    .venv/bin/python bench/ideas.py --json     # ends with one JSON line

(a) Ranking: votes drawn from a known Bradley-Terry truth (strengths ~ N(0, 1), pairs
uniformly at random); our fit and the peer, choix's `ilsr_pairwise(alpha=0)`, run in the same
process on the same votes. Kendall tau against the truth; speed as seconds and their ratio.
(b) Near-duplicates on the labelled paraphrase set of bench/ideas_paraphrases.py: each text
in turn is the new idea and the others the existing ones; precision over the duplicates
returned, recall over the true ones, on the evaluation families (thresholds were tuned on
the others; the best threshold on the tuning families is printed beside the one used).
The engine scores what each text asks for relative to its neighbourhood (see
engines/text/duplicates.py); beside it, what it did before (the plain cosine of the whole
texts, threshold 0.52), our hashed TF-IDF fallback through the same search, and a
corpus-fitted scikit-learn TF-IDF by plain cosine. Embedding
throughput is MiniLM on every distinct text of the set, model already loaded.
(c) Opportunity scores with 1,000 bootstrap resamples for 100 outcomes x 10,000 respondents.
"""

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEED = 2026


def bench_ranking(ideas: int, votes: int) -> dict[str, float]:
    import choix
    from scipy.stats import kendalltau

    from cocreate.engines.ranking import PairTotals, PairwiseVotes, fit

    rng = np.random.default_rng(SEED)
    truth = rng.normal(0, 1, ideas)
    first = rng.integers(0, ideas, votes)
    second = (first + rng.integers(1, ideas, votes)) % ideas
    first_wins = rng.random(votes) < 1 / (1 + np.exp(truth[second] - truth[first]))
    winners = np.where(first_wins, first, second)
    losers = np.where(first_wins, second, first)
    voters = rng.integers(0, max(1, votes // 100), votes)  # about 100 votes each

    started = time.perf_counter()
    totals = PairTotals.of(PairwiseVotes(ideas, voters, winners, losers))
    ours = fit(totals)
    rank_seconds = time.perf_counter() - started

    # choix walks the votes in Python: a list of tuples is the fastest input it takes.
    pairs = list(zip(winners.tolist(), losers.tolist(), strict=True))
    started = time.perf_counter()
    theirs = choix.ilsr_pairwise(ideas, pairs, alpha=0)
    choix_seconds = time.perf_counter() - started

    started = time.perf_counter()
    refits = 3
    for _ in range(refits):
        weights = rng.poisson(1.0, votes).astype(np.float64)
        fit(totals.reweighted(weights), start=ours.strengths)
    return {
        "rank_seconds": rank_seconds,
        "rank_tau": float(kendalltau(ours.strengths, truth).statistic),
        "choix_seconds": choix_seconds,
        "choix_tau": float(kendalltau(theirs, truth).statistic),
        "largest_difference": float(np.abs(ours.strengths - theirs).max()),
        "refit_seconds": (time.perf_counter() - started) / refits,
    }


def precision_recall(
    texts: list[str], ideas: list[int], embedder: "Embedder", threshold: float | None
) -> tuple[float, float]:
    """Each text as the new one against all the others, through the engine's own search
    (`threshold` None: the engine's calibrated one)."""
    returned = correct = 0
    for new, found in enumerate(searches(texts, embedder, threshold)):
        returned += len(found)
        correct += sum(ideas[d] == ideas[new] for d, _ in found)
    true = sum(ideas.count(idea) - 1 for idea in ideas)
    return correct / max(returned, 1), correct / true


def searches(
    texts: list[str], embedder: "Embedder", threshold: float | None
) -> list[list[tuple[int, float]]]:
    """For each text, the (other text, score) pairs a search for it returns: the engine's
    `find_duplicates` over `what_is_asked` of every text, or for a peer without it the
    five most similar others by plain cosine."""
    from cocreate.engines.text import find_duplicates, what_is_asked

    embed, model = embedder
    vectors = embed([what_is_asked(t) for t in texts] if model else texts)
    results = []
    for new in range(len(texts)):
        others = [n for n in range(len(texts)) if n != new]
        if model:
            found = find_duplicates(
                vectors[new], vectors[others], others, model=model, threshold=threshold
            )
            results.append([(d.item, d.score) for d in found])
        else:
            similarities = vectors[others] @ vectors[new]
            best = np.argsort(-similarities, kind="stable")[:5]
            bar = -np.inf if threshold is None else threshold
            results.append(
                [(others[i], float(similarities[i])) for i in best if similarities[i] >= bar]
            )
    return results


def best_threshold(texts: list[str], ideas: list[int], embedder: "Embedder") -> float:
    """The threshold with the best worse of precision and recall on these texts (the target
    is both at least 0.8), to the nearest 0.01. A search returns
    the five best-scoring others above the threshold, which are the five best overall
    with those below it dropped: so one search with no threshold serves every candidate."""
    every = searches(texts, embedder, -np.inf)
    true = sum(ideas.count(idea) - 1 for idea in ideas)

    def worse(threshold: float) -> float:
        returned = correct = 0
        for new, found in enumerate(every):
            kept = [d for d, score in found if score >= threshold]
            returned += len(kept)
            correct += sum(ideas[d] == ideas[new] for d in kept)
        return min(correct / max(returned, 1), correct / true)

    return float(max(np.round(np.arange(-0.5, 0.95, 0.01), 2), key=worse))


# How a contender embeds texts, and the model name that calibrates the engine's search
# ("" for a peer compared by plain cosine).
Embedder = tuple[Callable[[list[str]], np.ndarray], str]


def bench_duplicates() -> dict[str, dict[str, float]]:
    from ideas_paraphrases import labelled_set
    from sklearn.feature_extraction.text import TfidfVectorizer

    from cocreate.engines.text import embed, model_name
    from cocreate.engines.text.duplicates import threshold_for

    tuning, tuning_ideas = labelled_set("tuning", SEED)
    evaluation, evaluation_ideas = labelled_set("evaluation", SEED)

    def fitted_tfidf(texts: list[str]) -> np.ndarray:
        vectoriser = TfidfVectorizer(sublinear_tf=True, stop_words="english")
        return np.asarray(vectoriser.fit_transform(texts).toarray(), dtype=np.float32)

    def minilm(texts: list[str]) -> np.ndarray:
        return embed(texts, backend="minilm")

    def tfidf(texts: list[str]) -> np.ndarray:
        return embed(texts, backend="tfidf")

    contenders: dict[str, tuple[Embedder, float | None]] = {
        # What the engine did before: the plain cosine of the whole texts.
        "MiniLM int8, plain cosine": ((minilm, ""), 0.52),
        "MiniLM int8": ((minilm, model_name()), threshold_for(model_name())),
        "hashed TF-IDF (fallback)": (
            (tfidf, model_name(backend="tfidf")),
            threshold_for(model_name(backend="tfidf")),
        ),
        "fitted TF-IDF (peer)": ((fitted_tfidf, ""), None),
    }
    results = {}
    for name, (embedder, threshold) in contenders.items():
        tuned = best_threshold(tuning, tuning_ideas, embedder)
        used = tuned if threshold is None else threshold
        precision, recall = precision_recall(evaluation, evaluation_ideas, embedder, used)
        results[name] = {"threshold": used, "tuned": tuned, "p": precision, "r": recall}
    return results


def bench_embedding(texts: list[str]) -> float:
    from cocreate.engines.text import embed

    embed(["warm up: load the model"], backend="minilm")
    started = time.perf_counter()
    embed(texts, backend="minilm")
    return len(texts) / (time.perf_counter() - started)


def bench_opportunity(outcomes: int, respondents: int) -> float:
    from cocreate.engines.outcomes import Ratings, opportunity_scores

    rng = np.random.default_rng(SEED)
    # Outcomes differ in how important and how well served they are.
    importance_level = rng.uniform(1.5, 4.5, outcomes)
    satisfaction_level = rng.uniform(1.5, 4.5, outcomes)

    def ratings(levels: np.ndarray) -> np.ndarray:
        noisy = levels + rng.normal(0, 1, (respondents, outcomes))
        return np.clip(np.rint(noisy), 1, 5).astype(np.int8)

    survey = Ratings(
        tuple(range(outcomes)),
        tuple(range(respondents)),
        ratings(importance_level),
        ratings(satisfaction_level),
    )
    started = time.perf_counter()
    opportunity_scores(survey, rounds=1000, seed=SEED)
    return time.perf_counter() - started


def table(result: dict[str, Any], duplicates: dict[str, dict[str, float]]) -> str:
    r = result
    lines = [
        f"Ranking: {r['ideas']:,} ideas, {r['votes']:,} pairwise votes",
        f"  {'':28}{'seconds':>10}{'tau':>8}",
        f"  {'ours (Newton on pairs)':28}{r['rank_seconds']:>10.2f}{r['rank_tau']:>8.4f}",
        f"  {'choix ilsr_pairwise':28}{r['choix_seconds']:>10.2f}{r['choix_tau']:>8.4f}",
        f"  speed-up {r['choix_seconds'] / r['rank_seconds']:.1f}x; largest strength "
        f"difference {r['largest_difference']:.1e}; one bootstrap refit "
        f"{r['refit_seconds']:.2f} s",
        "Near-duplicates (evaluation families; threshold tuned on the others)",
        f"  {'':28}{'threshold':>10}{'best on tuning':>16}{'precision':>11}{'recall':>8}",
        *(
            f"  {name:28}{d['threshold']:>10.2f}{d['tuned']:>16.2f}{d['p']:>11.2f}{d['r']:>8.2f}"
            for name, d in duplicates.items()
        ),
        f"Embedding: {r['embed_per_second']:.0f} texts per second (MiniLM int8, onnxruntime)",
        f"Opportunity scores, 100 outcomes x 10,000 respondents, 1,000 resamples: "
        f"{r['opportunity_seconds']:.2f} s",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 ideas, 100,000 votes")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    from ideas_paraphrases import every_text

    ideas, votes = (300, 100_000) if args.quick else (1_000, 1_000_000)
    texts = every_text()
    result: dict[str, Any] = {"ideas": ideas, "votes": votes}
    result.update(bench_ranking(ideas, votes))
    duplicates = bench_duplicates()
    result["dup_precision"] = duplicates["MiniLM int8"]["p"]
    result["dup_recall"] = duplicates["MiniLM int8"]["r"]
    result["embed_per_second"] = bench_embedding(texts[:300] if args.quick else texts)
    result["opportunity_seconds"] = bench_opportunity(100, 10_000)
    print(table(result, duplicates))
    if args.json:
        keys = [
            *("rank_seconds", "rank_tau", "choix_seconds", "choix_tau", "dup_precision"),
            *("dup_recall", "embed_per_second", "opportunity_seconds"),
        ]
        print(json.dumps({key: round(result[key], 4) for key in keys}))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
