"""NPS, CSAT and CES of one set of answers, with their intervals, on their own."""

import math

import pytest

from cocreate.engines.scores import ScoreOutOfRange, ces, ces_share, csat, nps


def test_nps_is_promoters_minus_detractors_with_the_standard_error_interval():
    answers = [10, 9, 9, 8, 7, 6, 0, 3, 10, 10]  # 5 promoters, 3 detractors

    score = nps(answers)

    p_promoters, p_detractors = 0.5, 0.3
    error = math.sqrt((p_promoters + p_detractors - (p_promoters - p_detractors) ** 2) / 10)
    assert score.value == pytest.approx(20.0)
    assert score.low == pytest.approx(20 - 100 * 1.959964 * error, abs=1e-4)
    assert score.high == pytest.approx(20 + 100 * 1.959964 * error, abs=1e-4)
    assert (score.n, score.note) == (10, "")


def test_csat_is_the_share_of_fours_and_fives_with_a_wilson_interval():
    score = csat([5, 4, 4, 5, 3, 4, 5, 2, 4, 4])

    assert score.value == pytest.approx(80.0)
    assert (score.low, score.high) == (
        pytest.approx(49.02, abs=0.005),
        pytest.approx(94.33, abs=0.005),
    )


def test_ces_is_the_mean_with_a_t_interval_and_its_share_of_fives_to_sevens():
    answers = [1, 2, 3, 4, 5, 6, 7]

    mean, share = ces(answers), ces_share(answers)

    assert mean.value == pytest.approx(4.0)
    assert (mean.low, mean.high) == (pytest.approx(2.002, abs=5e-4), pytest.approx(5.998, abs=5e-4))
    assert share.value == pytest.approx(300 / 7)
    assert (share.low, share.high) == (pytest.approx(15.8, abs=0.05), pytest.approx(75.0, abs=0.05))


def test_a_wider_confidence_gives_a_wider_interval():
    answers = [10, 9, 3, 8, 7, 10, 2, 9]

    narrow, wide = nps(answers, confidence=0.8), nps(answers, confidence=0.99)

    bounds = [wide.low, narrow.low, narrow.value, narrow.high, wide.high]
    assert bounds == sorted(b for b in bounds if b is not None)


def test_no_answers_give_no_score_and_say_so():
    for score in (nps([]), csat([]), ces([]), ces_share([])):
        assert (score.n, score.value, score.low, score.high) == (0, None, None, None)
        assert score.note == "No answers yet, so no score."


def test_one_answer_gives_a_score_without_an_interval_for_nps_and_the_mean():
    for score in (nps([9]), ces([4])):
        assert score.value is not None
        assert (score.low, score.high) == (None, None)
        assert score.note == "Only one answer: too few for an interval."


def test_one_answer_gives_a_wide_wilson_interval_for_shares():
    score = csat([5])

    assert score.value == 100.0
    assert score.low is not None
    assert score.low < 25
    assert score.high == pytest.approx(100.0)


def test_identical_answers_are_flagged_because_the_interval_collapses():
    score = nps([10, 10, 9])

    assert (score.value, score.low, score.high) == (100.0, 100.0, 100.0)
    assert (
        score.note == "Every answer falls in the same category, so the interval has no width yet."
    )


def test_a_mean_interval_stays_on_the_answer_scale():
    score = ces([1, 7])

    assert (score.low, score.high) == (1.0, 7.0)


@pytest.mark.parametrize(
    ("measure", "answers", "message"),
    [
        (nps, [10, 11], "1 NPS answers are not whole numbers from 0 to 10: 11 (answer 2)."),
        (csat, [0, 3], "1 CSAT answers are not whole numbers from 1 to 5: 0 (answer 1)."),
        (ces, [2.5], "1 CES answers are not whole numbers from 1 to 7: 2.5 (answer 1)."),
    ],
)
def test_answers_off_the_scale_are_refused_by_position(measure, answers, message):
    with pytest.raises(ScoreOutOfRange) as refused:
        measure(answers)

    assert str(refused.value) == message
