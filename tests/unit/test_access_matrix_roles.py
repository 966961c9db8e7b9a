"""The matrix gives therapists their own pages only: never the queue, rule sets, the
clinicians' treatment pages or a patient's pages (object-level rules then keep each
therapist to their own patients)."""

from config.access import EVERYONE, MATRIX, SIGNED_IN
from patients.roles import SECOND_FACTOR_ROLES, STAFF_ROLES, Role

THERAPIST_PAGES = {name for name, roles in MATRIX.items() if Role.THERAPIST in roles}


# Shared with clinicians and admins, a therapist's rows kept to their own caseload.
SHARED_WITH_STAFF = {"patients"}


def test_a_therapist_has_the_therapy_pages_and_the_common_ones_only():
    common = {name for name, roles in MATRIX.items() if roles in (EVERYONE, SIGNED_IN)}
    common |= SHARED_WITH_STAFF

    # The one page a therapist shares with the clinic's staff: the chart of their own patients
    # (any other patient's is a 404, in its selector).
    shared = {"patient_chart"}
    assert {
        name for name in THERAPIST_PAGES - common - shared if not name.startswith("therapy_")
    } == set()
    assert {name for name in MATRIX if name.startswith("therapy_")} <= THERAPIST_PAGES


def test_the_patients_page_is_for_clinicians_admins_and_therapists_only():
    assert MATRIX["patients"] == {Role.CLINICIAN, Role.ADMIN, Role.THERAPIST}


def test_no_one_else_has_a_therapists_page():
    others = {
        name for name in MATRIX if name.startswith("therapy_") and MATRIX[name] != {Role.THERAPIST}
    }

    assert others == set()


def test_the_queue_rule_sets_and_clinical_pages_are_never_a_therapists():
    for name in (
        "queue",
        "case_detail",
        "rulesets",
        "ruleset_detail",
        "treatment_today",
        "treatment_course",
        "treatment_session",
        "audit_log",
        "my_treatment",
    ):
        assert Role.THERAPIST not in MATRIX[name], name


def test_a_therapist_signs_in_with_a_second_factor_yet_is_no_clinic_wide_staff():
    assert Role.THERAPIST in SECOND_FACTOR_ROLES
    assert Role.THERAPIST not in STAFF_ROLES  # no queue, no API token for every case
