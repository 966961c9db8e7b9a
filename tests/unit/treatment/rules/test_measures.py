"""PHQ-9 and GAD-7 during a course: response, remission and what alerts the clinician."""

import pytest

from treatment.rules import Scores, check_measures, marks, scores_of

BASELINE = Scores(phq9=18, gad7=12, phq9_item9=0)


def test_it_totals_complete_answers_and_reads_item_9_on_its_own():
    assert scores_of([2, 2, 2, 2, 2, 2, 2, 2, 1], [1] * 7) == Scores(17, 7, 1)


@pytest.mark.parametrize(
    ("phq9", "gad7"),
    [([1] * 8, [1] * 7), ([1] * 9, [1] * 6), ([1] * 8 + [4], [1] * 7), ([1] * 8 + [None], [1] * 7)],
)
def test_incomplete_or_out_of_range_answers_are_refused(phq9, gad7):
    with pytest.raises(ValueError, match="answers from 0 to 3"):
        scores_of(phq9, gad7)


@pytest.mark.parametrize(("phq9", "response"), [(9, True), (10, False)])
def test_response_is_a_drop_of_at_least_half_from_the_baseline(phq9, response):
    assert marks(Scores(phq9, 12, 0), BASELINE).phq9_response is response


@pytest.mark.parametrize(("phq9", "remission"), [(4, True), (5, False)])
def test_remission_is_a_phq9_below_5(phq9, remission):
    assert marks(Scores(phq9, 12, 0), BASELINE).remission is remission


def test_changes_are_percent_of_the_baseline_and_absent_without_one():
    result = marks(Scores(9, 6, 0), BASELINE)

    assert (result.phq9_change, result.gad7_change, result.gad7_response) == (-50, -50, True)
    assert marks(Scores(9, 6, 0), None)[:4] == (None, None, False, False)


def test_nothing_alerts_on_a_steady_course():
    result = check_measures(Scores(14, 10, 0), previous=Scores(12, 9, 0), baseline=BASELINE)

    assert result.alerts == ()
    assert not result.ideation and not result.crisis


@pytest.mark.parametrize(
    ("scores", "previous", "code"),
    [
        (Scores(13, 8, 0), Scores(8, 8, 0), "phq9_rise"),  # 5 over the previous measure
        (Scores(23, 8, 0), None, "phq9_rise"),  # 5 over the baseline
        (Scores(8, 13, 0), Scores(8, 8, 0), "gad7_rise"),
    ],
)
def test_a_rise_of_5_or_more_alerts(scores, previous, code):
    result = check_measures(scores, previous=previous, baseline=BASELINE)

    assert result.codes == (code,)


def test_a_rise_of_4_does_not_alert():
    assert (
        check_measures(Scores(12, 8, 0), previous=Scores(8, 8, 0), baseline=BASELINE).alerts == ()
    )


@pytest.mark.parametrize(("item9", "crisis"), [(1, False), (2, True), (3, True)])
def test_any_item_9_above_0_is_suicidal_ideation_and_2_or_more_shows_crisis_resources(
    item9, crisis
):
    result = check_measures(Scores(10, 8, item9), previous=None, baseline=BASELINE)

    assert result.codes == ("phq9_item9",)
    assert result.ideation
    assert result.crisis is crisis
