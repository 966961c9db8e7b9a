"""Scores of clinical-rules.md section 2."""

import pytest

from screening.rules import parse_answers
from screening.rules.scores import compute_scores, rounded_mean
from tests.builders import answers, bp


def scores(**changes):
    return compute_scores(parse_answers(answers(**changes)))


def test_it_reverse_scores_dast10_item_3():
    all_no = [False] * 10
    all_yes = [True] * 10

    assert scores(dast10=all_no).dast10 == 1
    assert scores(dast10=all_yes).dast10 == 9


def test_it_sums_the_instruments_and_reads_phq9_item9_on_its_own():
    result = scores(phq9=[3, 3, 3, 3, 3, 3, 3, 3, 2], gad7=[3] * 7, audit_c=[4, 4, 4])

    assert (result.phq9, result.phq9_item9, result.gad7, result.audit_c) == (26, 2, 21, 12)


@pytest.mark.parametrize(
    ("readings", "mean"),
    [
        (((120, 80),), (120, 80)),
        (((141, 91), (140, 90)), (141, 91)),
        (((130, 85), (131, 86), (133, 88)), (131, 86)),
        (((130, 85), (131, 86), (134, 88)), (132, 86)),
    ],
)
def test_it_averages_readings_to_the_nearest_mmhg_halves_up(readings, mean):
    result = scores(bp_readings=bp(*readings))

    assert (result.bp_systolic, result.bp_diastolic) == mean


def test_it_rounds_means_half_up():
    assert [rounded_mean(v) for v in ((1, 2), (2, 3), (1, 1, 2))] == [2, 3, 1]


def test_it_computes_bmi_to_one_decimal():
    assert scores(height_cm=180, weight_kg=81).bmi == 25.0
    assert scores(height_cm=165.5, weight_kg=70.2).bmi == 25.6
    assert scores(height_cm=...).bmi is None
