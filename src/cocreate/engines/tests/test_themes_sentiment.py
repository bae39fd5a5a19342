"""The sentiment lexicon on clear cases, negation and contrast."""

import pytest

from cocreate.engines.themes import label, sentiment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The staff were very friendly and helpful.", "positive"),
        ("Great service, thanks!", "positive"),
        ("The app keeps crashing and support was useless.", "negative"),
        ("Delivery was late and the box was damaged.", "negative"),
        ("I ordered a blue sofa on Tuesday.", "neutral"),
        ("The delivery was not fast.", "negative"),
        ("Not bad at all.", "positive"),
        ("The staff didn’t help, they weren’t friendly.", "negative"),
        ("The staff were nice but the wait was awful.", "negative"),
        ("The wait was long but the staff were wonderful.", "positive"),
    ],
)
def test_clear_cases_read_the_way_a_person_reads_them(text, expected):
    assert label(sentiment(text)) == expected


def test_stronger_words_and_boosters_give_stronger_scores():
    assert sentiment("good") < sentiment("very good") < sentiment("excellent") < 1
    assert -1 < sentiment("terrible") < sentiment("slightly slow") < 0
