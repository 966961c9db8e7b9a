"""Clinicians decide: each outcome, its reasons, concurrency, audit, and what the patient sees."""

import threading

import pytest
from django.db import connection
from django.test import Client

from patients.demo import CLEAN_CANDIDATE, as_format_1
from patients.models import IntakeDraft
from patients.roles import Role
from screening.audit.models import AuditEntry
from screening.review.models import Case, CaseDecision
from screening.review.services import CaseChangedError, DecisionInvalidError, decision_record
from tests.builders import readings
from tests.factories import make_case, make_user

pytestmark = pytest.mark.django_db

CRISIS_BP = readings(185, 90)


@pytest.fixture
def clinician(client):
    user = make_user(Role.CLINICIAN)
    client.force_login(user)
    return user


def decide(client, case, version=None, **data):
    case.refresh_from_db()
    form = {"version": case.version if version is None else version, **data}
    return client.post(f"/review/cases/{case.submission.public_id}/decide/", form)


def patient_page(case):
    patient = Client()
    patient.force_login(case.patient.user)
    return patient.get("/account/").content.decode()


def test_it_confirms_an_at_home_case_and_tells_the_patient(
    client, clinician, mailoutbox, django_capture_on_commit_callbacks
):
    case = make_case()

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, case, outcome="confirm_at_home")

    case.refresh_from_db()
    decision = CaseDecision.objects.get()
    # The decision opened a course: the clinician goes on to set it up.
    assert response.url == f"/treatment/cases/{case.submission.public_id}/course/"
    assert case.status == "decided"
    assert (decision.clinician, decision.engine_route, decision.overrides_engine) == (
        clinician,
        "at_home",
        False,
    )
    assert "confirmed that the at-home program is suitable for you" in patient_page(case)
    assert mailoutbox[-1].to == [case.patient.user.email]
    assert "Sign in to read what happens next" in mailoutbox[-1].body


def test_it_refers_in_clinic(client, clinician):
    case = make_case(support_person="no")

    decide(client, case, outcome="refer_in_clinic")

    assert "recommends that your treatment takes place in the clinic" in patient_page(case)


def test_it_requires_a_reason_to_decline_and_shows_the_patient_a_kind_message(client, clinician):
    case = make_case(**CRISIS_BP)

    refused = decide(client, case, outcome="decline", attest="on")
    accepted = decide(
        client, case, outcome="decline", reason="Blood pressure in crisis range", attest="on"
    )

    assert refused.status_code == 400
    assert "A decline needs a reason." in refused.content.decode()
    assert accepted.status_code == 302
    page = patient_page(case)
    assert "not the right option for you at the moment" in page
    assert "Blood pressure in crisis range" not in page
    assert "988" in page


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({}, "refer_in_clinic"),
        ({"support_person": "no"}, "confirm_at_home"),
        ({"mania": "yes"}, "confirm_at_home"),  # over a review rule
        ({"medications": ["opioid"]}, "confirm_at_home"),
        (CRISIS_BP, "refer_in_clinic"),
    ],
)
def test_it_requires_a_reason_to_differ_from_the_screening_route(
    client, clinician, changes, outcome
):
    case = make_case(**changes)

    refused = decide(client, case, outcome=outcome)
    accepted = decide(client, case, outcome=outcome, reason="Seen in person; stable")

    assert (
        "This decision differs from the screening route: write the reason."
        in refused.content.decode()
    )
    assert accepted.status_code == 302
    assert CaseDecision.objects.get().overrides_engine is True


def test_it_never_offers_or_accepts_at_home_over_a_contraindication(client, clinician):
    case = make_case(**CRISIS_BP)

    page = client.get(f"/review/cases/{case.submission.public_id}/").content.decode()
    refused = decide(client, case, outcome="confirm_at_home", reason="Looks fine to me")

    assert 'value="confirm_at_home"' not in page
    assert 'value="refer_in_clinic"' in page and 'value="decline"' in page
    assert "the at-home program cannot be confirmed" in page
    assert refused.status_code == 400
    assert (
        "A contraindication fired: the at-home program cannot be confirmed."
        in refused.content.decode()
    )
    with pytest.raises(DecisionInvalidError):
        decision_record(
            case=case,
            clinician=clinician,
            outcome="confirm_at_home",
            expected_version=0,
            reason="Looks fine to me",
        )
    assert not CaseDecision.objects.exists()


def test_it_offers_at_home_over_review_rules(client, clinician):
    case = make_case(mania="yes", medications=["maoi"])

    page = client.get(f"/review/cases/{case.submission.public_id}/").content.decode()

    assert 'value="confirm_at_home"' in page


def test_a_request_on_a_format_1_case_asks_the_new_steps_too(client, clinician):
    format_1 = as_format_1(CLEAN_CANDIDATE)
    case = make_case(**{key: format_1.get(key, ...) for key in CLEAN_CANDIDATE})
    assert "format" not in case.submission.answers

    decide(
        client, case, outcome="request_info", info_needed="Your mood now?", reopened_steps=["mood"]
    )

    draft = IntakeDraft.objects.get(patient=case.patient, status="open")
    assert draft.answers["format"] == 2
    missing = {"blood-pressure", "medications", "mood", "contacts"}
    assert missing.isdisjoint(draft.completed_steps)
    assert {"about-you", "medical-history", "safety", "home"} <= set(draft.completed_steps)
    assert draft.resume_step == "blood-pressure"


def test_it_requests_more_information_and_reopens_those_steps_pre_filled(client, clinician):
    case = make_case(**CRISIS_BP)

    decide(
        client,
        case,
        outcome="request_info",
        info_needed="Please measure your blood pressure again, twice, after resting.",
        reopened_steps=["blood-pressure"],
    )

    case.refresh_from_db()
    draft = IntakeDraft.objects.get(patient=case.patient, status="open")
    assert case.status == "awaiting_patient"
    assert draft.resume_step == "blood-pressure"
    assert "blood-pressure" not in draft.completed_steps
    assert draft.answers["bp_readings"] == CRISIS_BP["bp_readings"]
    assert "age" not in draft.answers
    assert "Please measure your blood pressure again" in patient_page(case)


def test_it_requires_what_is_needed_for_a_request(client, clinician):
    response = decide(client, make_case(), outcome="request_info", reopened_steps=["home"])

    assert "Write what the patient needs to provide." in response.content.decode()


def test_it_replaces_a_case_awaiting_the_patient_when_they_resubmit(client, clinician):
    case = make_case(**CRISIS_BP)
    decide(
        client,
        case,
        outcome="request_info",
        info_needed="Remeasure",
        reopened_steps=["blood-pressure"],
    )

    new_case = make_case(patient=case.patient)

    case.refresh_from_db()
    assert case.status == "resubmitted"
    assert new_case.status == "awaiting"


def test_it_keeps_every_decision_and_shows_the_newest_first(client, clinician):
    case = make_case()
    decide(client, case, outcome="confirm_at_home")
    decide(client, case, outcome="refer_in_clinic", reason="Prefers supervision")

    decisions = list(CaseDecision.objects.filter(case=case))
    assert [d.outcome for d in decisions] == ["refer_in_clinic", "confirm_at_home"]
    with pytest.raises(ValueError, match="never edited"):
        decisions[1].save()
    assert "recommends that your treatment takes place in the clinic" in patient_page(case)


def test_it_refuses_the_second_of_two_concurrent_decisions_and_says_who_won(client, clinician):
    case = make_case()
    other = Client()
    other.force_login(make_user(Role.CLINICIAN, "second@clinic.example"))
    seen_version = case.version  # both clinicians opened the page at this version

    first = decide(other, case, version=seen_version, outcome="confirm_at_home")
    second = decide(client, case, version=seen_version, outcome="refer_in_clinic", reason="x")
    page = client.get(second.url).content.decode()

    assert first.status_code == 302
    assert CaseDecision.objects.count() == 1
    assert "This case was just decided by Clinician Test" in page
    assert "Confirm at-home program" in page


def test_it_writes_an_audit_entry_for_each_decision(client, clinician):
    case = make_case()

    decide(client, case, outcome="confirm_at_home")

    entry = AuditEntry.objects.get(action="decision_recorded")
    assert (entry.actor, entry.case, entry.detail) == (clinician, case, "confirm_at_home")


def test_it_shows_the_audit_log_to_admins_only(client, clinician):
    case = make_case()
    decide(client, case, outcome="confirm_at_home")
    admin = Client()
    admin.force_login(make_user(Role.ADMIN))

    assert client.get("/review/audit/").status_code == 403
    html = admin.get("/review/audit/").content.decode()
    assert "Recorded a decision (confirm_at_home)" in html
    assert case.submission.case_number in html


def test_it_moves_decided_cases_out_of_the_review_tab(client, clinician):
    case = make_case()

    decide(client, case, outcome="confirm_at_home")

    counts = client.get("/review/").context["counts"]
    assert (counts["waiting"], counts["mine"]) == (0, 0)
    assert counts["decided"] == 1
    assert Case.objects.get().status == "decided"


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_simultaneous_decisions_win():
    """Two threads, two database connections, one version seen: one decision is recorded."""
    case = make_case()
    clinicians = [make_user(Role.CLINICIAN), make_user(Role.CLINICIAN)]
    barrier = threading.Barrier(2)
    outcomes = []

    def decide_now(clinician, outcome):
        barrier.wait()
        try:
            decision_record(
                case=case,
                clinician=clinician,
                outcome=outcome,
                expected_version=0,
                reason="both at once",
            )
            outcomes.append("recorded")
        except CaseChangedError as changed:
            outcomes.append(f"refused, saw {changed.latest.outcome}")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide_now, args=(clinicians[0], "confirm_at_home")),
        threading.Thread(target=decide_now, args=(clinicians[1], "refer_in_clinic")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winner = CaseDecision.objects.get()
    assert sorted(outcomes) == ["recorded", f"refused, saw {winner.outcome}"]
    assert Case.objects.get().version == 1


def test_a_decline_is_refused_without_the_attestation(client, clinician):
    case = make_case(**CRISIS_BP)

    refused = decide(client, case, outcome="decline", reason="Blood pressure in crisis range")

    assert refused.status_code == 400
    page = refused.content.decode()
    assert "I attest that this record is accurate and complete" in page
    assert "Tick the box to attest that this record is accurate and complete." in page
    case.refresh_from_db()
    assert not case.decisions.exists()
