"""The patient's own progress on "My treatment": the chart, the table and the sentence in plain
words, with the program's definitions (response, remission, a rise of 5 or more)."""

from datetime import datetime, timedelta

import pytest
from django.test import Client

from tests.builders import gad7_total, phq9_total
from tests.factories import make_case
from tests.treatment import add_measures, make_course, make_record
from treatment import clock
from treatment.models import TreatmentCourse

pytestmark = pytest.mark.django_db


def course_with(phq9: int = 16, gad7: int = 11, dosed: bool = True) -> TreatmentCourse:
    """A course whose intake scored `phq9` and `gad7`, its first dose given now if `dosed`."""
    course = make_course(case=make_case(phq9=phq9_total(phq9), gad7=gad7_total(gad7)))
    if dosed:
        make_record(course=course, dosed_at=clock.now())
    return course


def later(days: int) -> datetime:
    return clock.now() + timedelta(days=days)


def page_of(course: TreatmentCourse) -> str:
    client = Client()
    client.force_login(course.patient.user)
    response = client.get("/treatment/mine/")
    assert response.status_code == 200
    return response.content.decode()


def sentences(course: TreatmentCourse) -> list[str]:
    client = Client()
    client.force_login(course.patient.user)
    progress = client.get("/treatment/mine/").context["progress"]
    return [note.sentence for note in progress.notes]


def test_before_any_answers_after_the_first_dose_it_says_so_without_a_change():
    course = course_with(dosed=False)
    add_measures(course, 15, 10, clock.now(), "session-1")

    phq9, gad7 = sentences(course)

    assert "mood questions (PHQ-9) before your treatment started" in phq9
    assert "will show how your answers have changed" in phq9
    assert "anxiety questions (GAD-7)" in gad7
    page = page_of(course)
    assert page.count('data-testid="progress-row"') == 2
    assert "16 out of 27" in page and "15 out of 27" in page


def test_improving_without_a_response_says_the_fall_and_what_a_response_would_be():
    course = course_with(phq9=16, gad7=11)
    add_measures(course, 13, 10, later(7), "session-3")

    phq9, gad7 = sentences(course)

    assert "has come down since you started, from 16 out of 27 to 13 out of 27" in phq9
    assert "A fall by half is what doctors call a response" in phq9
    assert "real improvement" not in phq9
    assert "from 11 out of 21 to 10 out of 21" in gad7


def test_a_fall_of_five_points_is_named_a_real_improvement():
    course = course_with(phq9=20)
    add_measures(course, 14, 10, later(7), "session-3")

    phq9, _ = sentences(course)

    assert "which doctors count as a real improvement" in phq9


def test_a_fall_by_half_is_what_doctors_call_a_response():
    course = course_with(phq9=16, gad7=12)
    add_measures(course, 12, 10, later(7), "session-3")
    add_measures(course, 8, 6, later(14), "session-6")

    phq9, gad7 = sentences(course)

    assert "fallen by half or more since you started, from 16 out of 27 to 8 out of 27" in phq9
    assert "that is what doctors call a response" in phq9
    assert "that is what doctors call a response" in gad7
    assert page_of(course).count('data-testid="progress-row"') == 3


def test_below_five_is_in_the_range_doctors_call_remission():
    course = course_with(phq9=16, gad7=11)
    add_measures(course, 4, 3, later(14), "session-6")

    phq9, gad7 = sentences(course)

    assert "is now 4 out of 27, below 5" in phq9
    assert "in the range doctors call remission" in phq9
    assert "in the range doctors call remission" in gad7


def test_a_rise_of_five_or_more_points_them_gently_to_their_care_team_and_the_crisis_line():
    course = course_with(phq9=10, gad7=11)
    add_measures(course, 15, 12, later(7), "session-3")

    phq9, gad7 = sentences(course)

    assert "has gone up since you started, from 10 out of 27 to 15 out of 27" in phq9
    assert "please tell them how you have been feeling" in phq9
    assert "about where it was when you started" in gad7
    page = page_of(course)
    assert 'data-testid="progress-care-team"' in page
    assert "988, the Suicide &amp; Crisis Lifeline" in page


def test_gad7_alone_can_be_worse_and_phq9_better():
    course = course_with(phq9=16, gad7=8)
    add_measures(course, 7, 14, later(7), "session-3")

    phq9, gad7 = sentences(course)

    assert "call a response" in phq9
    assert "anxiety questions (GAD-7) has gone up since you started" in gad7
    assert 'data-testid="progress-care-team"' in page_of(course)


def test_the_baseline_is_the_questionnaire_before_the_first_dose_as_in_the_program():
    course = course_with(phq9=16, dosed=False)
    add_measures(course, 20, 11, clock.now() - timedelta(minutes=5), "session-1")
    make_record(course=course, dosed_at=clock.now())
    add_measures(course, 10, 11, later(7), "session-3")

    phq9, _ = sentences(course)

    assert "from 20 out of 27 to 10 out of 27" in phq9
    assert "call a response" in phq9


def test_the_chart_has_its_data_and_a_table_and_no_bare_numbers():
    course = course_with(phq9=16, gad7=11)
    add_measures(course, 12, 9, later(7), "session-3")

    page = page_of(course)

    assert 'id="measures-chart"' in page
    assert 'id="measures-data"' in page
    assert "vendor/chartjs/chart.umd.min.js" in page
    assert "<caption>" in page and "Mood (PHQ-9)" in page
    assert "12 out of 27" in page and "9 out of 21" in page
    assert "phq9_rise" not in page


def test_without_a_course_there_is_no_progress_section():
    case = make_case()
    client = Client()
    client.force_login(case.patient.user)

    page = client.get("/treatment/mine/").content.decode()

    assert 'data-testid="progress"' not in page
    assert "measures-chart" not in page
