"""Any intake, in either answer format, goes into a QuestionnaireResponse and back unchanged."""

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given

from screening.fhir.responses import answers_from_response, response_for
from tests.unit.screening.rules.strategies import format_2_intakes, intakes


def through_fhir(answers):
    text = response_for(answers).model_dump_json()
    return answers_from_response(QuestionnaireResponse.model_validate_json(text))


@given(intakes)
def test_it_round_trips_format_1_intakes(answers):
    assert through_fhir(answers) == answers


@given(format_2_intakes())
def test_it_round_trips_format_2_intakes(answers):
    answers = {**answers, "phq9_difficulty": "somewhat", "dissociative_diagnosed": "no"}

    assert through_fhir(answers) == answers


def test_it_keeps_whole_numbers_and_decimals_apart():
    answers = {"height_cm": 170, "weight_kg": 70.0}

    back = through_fhir(answers)

    assert type(back["height_cm"]) is int
    assert type(back["weight_kg"]) is float
    assert back == answers
