"""Themes in free text: clusters by sentence vectors, named by c-TF-IDF, with sentiment,
example quotes and phases."""

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from cocreate.engines.text import embed
from cocreate.engines.themes import ThemeInputError, find_themes

DELIVERY = [
    "My parcel arrived three days late.",
    "The delivery was late again.",
    "Courier delivered my order a week late.",
    "Late delivery, the parcel came after the promised date.",
    "Still waiting for my delivery, it is very late.",
    "The parcel was delivered late and nobody told me.",
    "Delivery was late by two days.",
    "My order arrived late, the courier was slow.",
]
STAFF = [
    "The staff were friendly and helpful.",
    "Lovely staff, so friendly and patient.",
    "Very helpful and friendly staff in the shop.",
    "The shop assistant was friendly and kind.",
    "Friendly staff who helped me choose.",
    "Great service from friendly staff.",
    "Staff were helpful and really friendly.",
    "Such friendly and welcoming staff.",
]
APP = [
    "The app crashes when I log in.",
    "Your app keeps crashing on my phone.",
    "App crashed twice while paying.",
    "The app crashes every time I open it.",
    "Crashing app, I cannot log in.",
    "The mobile app crashes constantly.",
    "App crash on the login screen again.",
    "The app froze and crashed during checkout.",
]
TEXTS = DELIVERY + STAFF + APP
PLANTED = np.repeat([0, 1, 2], 8)
PHASES = ["use"] * 8 + ["get help"] * 8 + ["use"] * 8


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return embed(TEXTS)


def test_planted_themes_are_found_from_sentence_vectors(vectors):
    found = find_themes(TEXTS, vectors, phases=PHASES)

    assert len(found.themes) == 3
    assert adjusted_rand_score(PLANTED, found.theme_of) == 1.0
    assert sorted(t.size for t in found.themes) == [8, 8, 8]


def test_each_theme_is_named_by_the_words_that_set_it_apart(vectors):
    found = find_themes(TEXTS, vectors)

    names = {TEXTS.index(t.examples[0]) // 8: t.top_words[:3] for t in found.themes}
    assert "late" in names[0]
    assert "friendly" in names[1]
    assert "app" in names[2]


def test_themes_carry_their_tone_and_quotes_from_their_own_texts(vectors):
    found = find_themes(TEXTS, vectors)

    for theme in found.themes:
        planted = {TEXTS.index(quote) // 8 for quote in theme.examples}
        assert len(planted) == 1
        assert len(theme.examples) == 3
        tone = {0: "late", 1: "friendly", 2: "crash"}[planted.pop()]
        if tone == "friendly":
            assert theme.sentiment > 0.3
            assert theme.positive_share == 1.0
        else:
            assert theme.sentiment < 0


def test_themes_are_counted_per_journey_phase(vectors):
    found = find_themes(TEXTS, vectors, phases=PHASES)

    counts = {(row["label"], row["phase"]): row["texts"] for row in found.by_phase.to_dicts()}
    assert sorted(counts.values()) == [8, 8, 8]
    assert sorted(phase for _, phase in counts) == ["get help", "use", "use"]


def test_new_texts_join_the_nearest_stored_theme(vectors):
    found = find_themes(TEXTS, vectors)

    new = embed(["The courier brought my parcel late.", "The app crashed on me."])

    assigned = found.assign(new)
    assert assigned.tolist() == [found.theme_of[0], found.theme_of[16]]


def test_the_same_texts_give_the_same_themes(vectors):
    first, again = find_themes(TEXTS, vectors, seed=3), find_themes(TEXTS, vectors, seed=3)

    assert first.theme_of.tolist() == again.theme_of.tolist()
    assert first.themes == again.themes


def test_two_texts_make_one_theme():
    found = find_themes(["Late parcel.", "Late parcel."], np.ones((2, 4)) / 2)

    assert [t.size for t in found.themes] == [2]
    assert found.themes[0].examples == ("Late parcel.",)
    assert found.silhouettes == {}


def test_vectors_that_do_not_line_up_with_the_texts_are_refused():
    with pytest.raises(ThemeInputError, match="3 texts but vectors of shape"):
        find_themes(["a", "b", "c"], np.zeros((2, 4)))
    with pytest.raises(ThemeInputError, match="3 texts, 1 phases"):
        find_themes(["a", "b", "c"], np.zeros((3, 4)), phases=["use"])
