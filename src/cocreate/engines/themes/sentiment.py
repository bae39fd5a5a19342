"""Sentiment of short feedback texts without any downloadable model: a small lexicon of
words customers use to praise or complain, with the rules that matter most in feedback
(after VADER, Hutto and Gilbert 2014):

- negation: "not", "never", "didn't", ... flip the sentiment of the next three words
  ("not helpful" is negative, "not bad" positive), up to punctuation or "but";
- intensity: "very", "really", ... strengthen the next sentiment word by half, and
  "slightly", "somewhat", ... weaken it by half;
- contrast: after "but" a clause counts one and a half times, before it half ("the staff
  were nice but the wait was awful" is negative).

Each text's word scores add up to s, reported as s / sqrt(s^2 + 15) in -1..1 (VADER's
normalisation); above 0.05 is positive, below -0.05 negative, else neutral. English only;
sarcasm and domain words outside the lexicon are missed: read it as a rough signal.
"""

import re
from collections.abc import Sequence

import numpy as np


def words(text: str) -> list[str]:
    return text.split()


POSITIVE = {
    **dict.fromkeys(
        words(
            "good nice fine helpful friendly polite kind easy easier fast quick quickly smooth "
            "clear simple happy pleased glad satisfied recommend recommended reliable "
            "comfortable convenient fair clean fresh patient professional efficient resolved "
            "fixed solved thanks thank enjoyed enjoy like liked works worked improved "
            "affordable welcoming responsive accurate knowledgeable"
        ),
        1.0,
    ),
    **dict.fromkeys(
        words(
            "great excellent amazing love loved lovely perfect brilliant fantastic wonderful "
            "awesome superb outstanding delighted best impressed seamless effortless"
        ),
        2.0,
    ),
}
NEGATIVE = {
    **dict.fromkeys(
        words(
            "bad poor slow late rude unhelpful difficult hard confusing confused wrong "
            "expensive overpriced annoying problem problems issue issues fail failed fails "
            "failing error errors delay delayed delays waiting waited cancelled lost missing "
            "dirty bug bugs buggy complicated unclear unhappy ignored stuck noisy broke "
            "charged overcharged crash crashed crashes crashing freezes frozen damaged "
            "unreliable unfriendly impatient messy cold complaint complain"
        ),
        -1.0,
    ),
    **dict.fromkeys(
        words(
            "terrible awful horrible worst useless broken disappointed disappointing "
            "frustrating frustrated angry hate hated impossible appalling disgusting "
            "unacceptable ridiculous nightmare furious"
        ),
        -2.0,
    ),
}
LEXICON = {**POSITIVE, **NEGATIVE}
NEGATORS = set(
    words(
        "not no never none nothing nobody nor neither without hardly barely cannot "
        "don't dont didn't didnt doesn't doesnt isn't isnt wasn't wasnt aren't arent "
        "weren't werent can't cant couldn't couldnt won't wont wouldn't wouldnt "
        "haven't havent hasn't hasnt"
    )
)
BOOSTERS = {
    **dict.fromkeys(words("very really extremely so super incredibly totally absolutely too"), 1.5),
    **dict.fromkeys(words("slightly somewhat fairly"), 0.5),
}
NEGATION_REACH = 3
TOKENS = re.compile(r"[a-z']+|[.,;:!?]")
PUNCTUATION = set(".,;:!?")
POSITIVE_FROM, NEGATIVE_UP_TO = 0.05, -0.05


def sentiment(text: str) -> float:
    """The text's sentiment in -1 (very negative) to 1 (very positive); 0 when neutral."""
    tokens = TOKENS.findall(text.lower().replace("’", "'"))
    total, weight, negated_for, boost = 0.0, 1.0, 0, 1.0
    clause_scores: list[float] = []
    for token in tokens:
        if token in PUNCTUATION:
            negated_for, boost = 0, 1.0
            continue
        if token == "but":
            clause_scores.append(total * 0.5)
            total, weight, negated_for = 0.0, 1.5, 0
            continue
        if token in NEGATORS:
            negated_for = NEGATION_REACH
            continue
        if token in BOOSTERS:
            boost = BOOSTERS[token]
            continue
        score = LEXICON.get(token, 0.0) * boost
        if score:
            boost = 1.0
        if negated_for:
            score *= -0.75  # "not bad" is less good than "good" is good (VADER's factor)
            negated_for -= 1
        total += score
    summed = sum(clause_scores) + total * weight
    return float(summed / np.sqrt(summed**2 + 15))


def sentiments(texts: Sequence[str]) -> np.ndarray:
    """Each text's sentiment, as a float array."""
    return np.array([sentiment(text) for text in texts], dtype=float)


def label(score: float) -> str:
    """The score's label: positive, negative or neutral."""
    if score > POSITIVE_FROM:
        return "positive"
    if score < NEGATIVE_UP_TO:
        return "negative"
    return "neutral"
