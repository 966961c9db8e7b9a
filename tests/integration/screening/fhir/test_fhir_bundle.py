"""The FHIR bundle of a case: valid R4 resources, the answers exactly, the LOINC codes."""

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from screening.fhir.bundle import bundle_json, case_bundle
from screening.fhir.responses import answers_from_response
from tests.builders import answers_format_1
from tests.decided import decided_case
from tests.factories import make_case

pytestmark = pytest.mark.django_db

LOINC = "http://loinc.org"


def parsed(case, **kwargs):
    """The bundle as a receiver reads it: JSON text parsed back with the R4 models."""
    return Bundle.model_validate_json(bundle_json(case_bundle(case, **kwargs)))


def resources(bundle, kind):
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


def loinc_codes(value):
    """Every LOINC code anywhere in a resource's JSON."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if node.get("system") == LOINC and "code" in node:
                found.add(node["code"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads(value.model_dump_json()))
    return found


def test_it_parses_back_with_the_r4_models():
    case = decided_case(reason="Prefers the clinic", outcome="refer_in_clinic")

    bundle = parsed(case)

    assert bundle.type == "collection"
    assert bundle.id == str(case.submission.public_id)
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Patient") == 1
    assert kinds.count("Questionnaire") == 1
    assert kinds.count("QuestionnaireResponse") == 1
    assert kinds.count("RiskAssessment") == 2
    # Every reference inside the bundle resolves to an entry of it.
    full_urls = {e.fullUrl for e in bundle.entry}
    references = set()
    for entry in bundle.entry:
        text = entry.resource.model_dump_json()
        references |= {part.split('"')[0] for part in text.split('"reference":"')[1:]}
    assert references <= full_urls


def test_it_round_trips_format_2_answers_exactly():
    case = make_case(
        conditions=["hypertension", "glaucoma"],
        hypertension_treated="yes",
        medications=["maoi", "other"],
        medications_other=["St John's wort"],
        phq9_difficulty="very",
        dissociative_diagnosed="no",
        height_cm=170.0,
    )

    response = resources(parsed(case), "QuestionnaireResponse")[0]

    assert answers_from_response(response) == case.submission.answers
    assert response.questionnaire.endswith("/fhir/Questionnaire/ketamine-intake|2")


def test_it_round_trips_format_1_answers_exactly():
    case = make_case()
    stored = answers_format_1(conditions=[], age=34)
    type(case.submission).objects.filter(pk=case.submission.pk).update(answers=stored)
    case.submission.refresh_from_db()

    bundle = parsed(case)
    response = resources(bundle, "QuestionnaireResponse")[0]

    assert answers_from_response(response) == stored
    assert "format" not in answers_from_response(response)
    assert resources(bundle, "Questionnaire")[0].version == "1"


def test_it_carries_the_loinc_codes_of_phq9_gad7_and_blood_pressure():
    bundle = parsed(make_case())
    form = resources(bundle, "Questionnaire")[0]
    response = resources(bundle, "QuestionnaireResponse")[0]
    observations = resources(bundle, "Observation")

    phq9_items = {"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5"}
    phq9_items |= {"44253-3", "44260-8"}
    gad7_items = {"69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"}
    assert {"44249-1", "69737-5", "85354-9", "8480-6", "8462-4"} | phq9_items | gad7_items <= (
        loinc_codes(form)
    )
    panels = [o for o in observations if o.code.coding[0].code == "85354-9"]
    assert len(panels) == 2  # one per reading
    components = {c.code.coding[0].code: c.valueQuantity for c in panels[0].component}
    assert components["8480-6"].value == 122 and components["8480-6"].code == "mm[Hg]"
    assert components["8462-4"].value == 78
    totals = {
        o.code.coding[0].code: o.valueInteger for o in observations if o.valueInteger is not None
    }
    assert totals["44261-6"] == 16  # PHQ-9 total
    assert totals["70274-6"] == 11  # GAD-7 total
    heart_rates = [o.valueQuantity.value for o in observations if o.code.coding[0].code == "8867-4"]
    assert heart_rates == [72, 70]
    assert response.item  # the answers themselves


def test_the_screening_predicts_each_route_with_the_fired_rules_as_basis():
    case = make_case(support_person="no")

    engine = resources(parsed(case), "RiskAssessment")[0]

    chosen = {p.outcome.coding[0].code: p.probabilityDecimal for p in engine.prediction}
    assert chosen == {"clinician_review": 0, "in_clinic": 1, "at_home": 0}
    rules = [b.identifier.value for b in engine.basis if b.identifier is not None]
    assert rules == ["no_support_person"]
    assert engine.method.coding[0].code == case.submission.screening.ruleset


def test_the_decision_carries_the_clinicians_note_for_staff_only():
    case = decided_case(outcome="refer_in_clinic", reason="Lives far; prefers the clinic")

    staff = resources(parsed(case), "RiskAssessment")[1]
    own = resources(parsed(case, for_patient=True), "RiskAssessment")[1]

    assert staff.prediction[0].outcome.coding[0].code == "refer_in_clinic"
    assert "Reason: Lives far; prefers the clinic" in [n.text for n in staff.note]
    assert staff.performer.display
    assert own.prediction[0].outcome.coding[0].code == "refer_in_clinic"
    assert all("Lives far" not in n.text for n in own.note)
    assert own.performer is None


def test_a_patients_bundle_names_no_rule_ids():
    case = make_case(support_person="no")

    engine = resources(parsed(case, for_patient=True), "RiskAssessment")[0]

    displays = [b.display for b in engine.basis if b.identifier is not None]
    assert displays and all("no_support_person" not in d for d in displays)
