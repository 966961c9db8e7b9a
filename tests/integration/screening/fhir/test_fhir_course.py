"""The course in the FHIR bundle: each PHQ-9 and GAD-7, each reading after a dose, each
in-clinic observation and each dose, referring to the Patient, parsed back with the R4 models;
what is for clinicians stays out of the patient's own bundle."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle

from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.fhir.bundle import bundle_json, case_bundle
from tests.factories import make_case, make_user
from tests.treatment import (
    add_measures,
    check_in,
    make_course,
    make_home_session,
    make_record,
    observe,
    prescribe,
    read,
    start_dose,
)
from treatment import clock
from treatment.rules import Slot
from treatment.rules.therapy import Route

pytestmark = pytest.mark.django_db

LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
SNOMED = "http://snomed.info/sct"


def parsed(case, **kwargs):
    """The bundle as a receiver reads it: JSON text parsed back with the R4 models."""
    return Bundle.model_validate_json(bundle_json(case_bundle(case, **kwargs)))


def resources(bundle, kind):
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


def coded(bundle, system, code):
    """The Observations coded `system`/`code`."""
    return [
        o
        for o in resources(bundle, "Observation")
        if any(c.system == system and c.code == code for c in o.code.coding)
    ]


def references_resolve(bundle):
    full_urls = {e.fullUrl for e in bundle.entry}
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("reference"), str):
                found.add(node["reference"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads(bundle.model_dump_json()))
    return found <= full_urls


@pytest.fixture
def clinic_course(controlled_clock):
    """An in-clinic course: intake PHQ-9 16 / GAD-7 11, a 35 mg IV dose, two observations,
    two questionnaires after the dose (the first with an alert for clinicians)."""
    course = make_course()
    dosed = clock.now()
    record = make_record(course=course, dosed_at=dosed)
    observe(record, controlled_clock.advance(minutes=15), spo2=96, moaas=4, dissociation="mild")
    observe(record, controlled_clock.advance(minutes=25), systolic=122, diastolic=76, heart_rate=70)
    alert = {"code": "phq9_rise", "text": "PHQ-9 rose by 5 from the last measure"}
    add_measures(course, 12, 9, dosed + timedelta(days=7), "session-3", alerts=[alert])
    add_measures(course, 7, 5, dosed + timedelta(days=14), "session-6")
    return course, dosed


def test_each_questionnaire_of_the_course_is_an_observation_of_its_total(clinic_course):
    course, dosed = clinic_course

    bundle = parsed(course.case)

    phq9 = coded(bundle, LOINC, "44261-6")
    gad7 = coded(bundle, LOINC, "70274-6")
    # The intake's total, then the course's two.
    assert [o.valueInteger for o in phq9] == [16, 12, 7]
    assert [o.valueInteger for o in gad7] == [11, 9, 5]
    assert [o.effectiveDateTime for o in phq9[1:]] == [
        dosed + timedelta(days=7),
        dosed + timedelta(days=14),
    ]
    assert all(o.category[0].coding[0].code == "survey" for o in phq9)
    patient = resources(bundle, "Patient")[0]
    assert all(o.subject.reference == f"urn:uuid:{patient.id}" for o in phq9 + gad7)
    assert references_resolve(bundle)


def test_each_in_clinic_observation_is_vital_signs_spo2_and_sedation(clinic_course):
    course, dosed = clinic_course

    bundle = parsed(course.case)

    spo2 = coded(bundle, LOINC, "59408-5")
    assert [o.valueQuantity.value for o in spo2] == [Decimal(96), Decimal(97)]
    assert all({c.code for c in o.code.coding} == {"59408-5", "2708-6"} for o in spo2)
    assert all(o.valueQuantity.code == "%" for o in spo2)
    assert [o.effectiveDateTime for o in spo2] == [
        dosed + timedelta(minutes=15),
        dosed + timedelta(minutes=40),
    ]
    # Two intake readings, then the two observations.
    panels = coded(bundle, LOINC, "85354-9")
    assert len(panels) == 4
    last = panels[-1]
    values = {c.code.coding[0].code: c.valueQuantity.value for c in last.component}
    assert values == {"8480-6": Decimal(122), "8462-4": Decimal(76)}
    assert last.component[0].valueQuantity.code == "mm[Hg]"
    rates = coded(bundle, LOINC, "8867-4")
    assert rates[-1].valueQuantity.value == Decimal(70)
    assert rates[-1].valueQuantity.code == "/min"
    sedation = [o for o in resources(bundle, "Observation") if o.code.coding[0].code == "moaas"]
    assert [o.valueInteger for o in sedation] == [4, 5]
    dissociation = [
        o for o in resources(bundle, "Observation") if o.code.coding[0].code == "dissociation"
    ]
    assert dissociation[0].valueCodeableConcept.coding[0].code == "mild"


def test_the_in_clinic_dose_is_a_medication_administration(clinic_course):
    course, dosed = clinic_course

    bundle = parsed(course.case)

    (given,) = resources(bundle, "MedicationAdministration")
    assert given.status == "completed"
    medicine = given.medicationCodeableConcept.coding[0]
    assert (medicine.system, medicine.code) == (RXNORM, "6130")
    route = given.dosage.route.coding[0]
    assert (route.system, route.code) == (SNOMED, "47625008")
    dose = given.dosage.dose
    assert (dose.value, dose.unit, dose.system, dose.code) == (
        Decimal("35.0"),
        "mg",
        "http://unitsofmeasure.org",
        "mg",
    )
    assert given.effectiveDateTime == dosed
    patient = resources(bundle, "Patient")[0]
    assert given.subject.reference == f"urn:uuid:{patient.id}"


def test_what_is_for_clinicians_stays_out_of_the_patients_own_bundle(clinic_course):
    course, _ = clinic_course

    staff = bundle_json(case_bundle(course.case))
    own = bundle_json(case_bundle(course.case, for_patient=True))

    assert "Lot LOT-1" in staff and "PHQ-9 rose by 5" in staff
    assert "LOT-1" not in own and "PHQ-9 rose by 5" not in own
    assert "phq9_rise" not in own

    # The same course resources otherwise, with the same ids on every export.
    def course_ids(bundle):
        return [o.id for o in coded(bundle, LOINC, "59408-5")] + [
            m.id for m in resources(bundle, "MedicationAdministration")
        ]

    first, again = Bundle.model_validate_json(own), parsed(course.case)
    assert course_ids(first) == course_ids(again) == course_ids(Bundle.model_validate_json(staff))
    assert len(course_ids(first)) == 3


def test_an_at_home_dose_and_its_readings(controlled_clock):
    session = make_home_session()
    prescribe(session, "200.0", Route.SUBLINGUAL)
    check_in(session)
    dosed = clock.now()
    start_dose(session, dosed)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 132, 84, 78)
    controlled_clock.advance(minutes=80)
    read(session, Slot.LAST, 124, 80, 72, wakes_easily="yes", breathing_normal="unsure")

    bundle = parsed(session.course.case, for_patient=True)

    (given,) = resources(bundle, "MedicationAdministration")
    assert given.medicationCodeableConcept.coding[0].code == "6130"
    assert given.dosage.route.coding[0].code == "37839007"
    assert given.dosage.dose.value == Decimal("200.0")
    assert given.effectiveDateTime == dosed
    panels = coded(bundle, LOINC, "85354-9")[-2:]
    assert [[c.valueQuantity.value for c in p.component] for p in panels] == [
        [Decimal(132), Decimal(84)],
        [Decimal(124), Decimal(80)],
    ]
    assert [p.effectiveDateTime for p in panels] == [
        dosed + timedelta(minutes=40),
        dosed + timedelta(minutes=120),
    ]
    assert [o.valueQuantity.value for o in coded(bundle, LOINC, "8867-4")[-2:]] == [78, 72]
    checks = [
        o
        for o in resources(bundle, "Observation")
        if o.code.coding[0].code == "support-person-check"
    ]
    assert [c.valueCodeableConcept.text for c in checks[-1].component] == ["Yes", "Not sure"]
    assert "Level:" not in bundle_json(case_bundle(session.course.case, for_patient=True))
    assert "Level:" in bundle_json(case_bundle(session.course.case))


def test_a_case_without_a_course_has_no_course_resources():
    bundle = parsed(make_case())

    assert resources(bundle, "MedicationAdministration") == []
    assert len(coded(bundle, LOINC, "44261-6")) == 1


def test_both_downloads_carry_the_course(clinic_course):
    course, _ = clinic_course
    case = course.case
    patient = Client()
    patient.force_login(case.patient.user)
    clinician = Client()
    clinician.force_login(make_user(Role.CLINICIAN))

    own = patient.get(f"/submissions/{case.submission.public_id}/fhir/")
    staff = clinician.get(f"/review/cases/{case.submission.public_id}/fhir/")

    for response in (own, staff):
        assert response.status_code == 200
        bundle = Bundle.model_validate_json(response.content)
        assert len(resources(bundle, "MedicationAdministration")) == 1
        assert len(coded(bundle, LOINC, "44261-6")) == 3
    # Each download is audited, as before.
    details = AuditEntry.objects.filter(action=AuditEntry.Action.FHIR_EXPORTED).values_list(
        "detail", flat=True
    )
    assert sorted(details) == ["bundle", "own bundle"]
