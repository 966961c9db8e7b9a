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


def test_it_round_trips_what_is_kept_beside_the_answers():
    answers = {
        "format": 2,
        "height_cm": 177.8,
        "weight_kg": 74.8,
        "height_weight_as_typed": {"height_ft": 5, "height_in": 10.0, "weight_lb": 165.0},
        "medications": ["ssri_snri", "benzodiazepine"],
        "medication_details": [
            {
                "class": "ssri_snri",
                "name": "Sertraline",
                "dose": "50 mg",
                "frequency": "once_daily",
            },
            {"class": "benzodiazepine", "frequency": "as_needed"},
        ],
    }

    assert through_fhir(answers) == answers
