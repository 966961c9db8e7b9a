"""The dose of each session: prescribed with the schedule, changed by a clinician with a
reason as a new version (audited), never once given; in the clinic the recorded dose is
the one prescribed; at home the patient sees it only after a go."""

from decimal import Decimal

import pytest

from screening.audit.models import AuditEntry
from tests.integration.treatment.therapy.conftest import signed_in
from tests.treatment import CHECK_IN_POST, CHECK_POST, check_in, start_dose
from treatment.models import HomeDose, ImmutableError, MonitoringRecord

pytestmark = pytest.mark.django_db


def change(client, session, **data):
    fields = {"dose_mg": "250", "route": "sublingual", "reason": "Little effect at 200 mg"} | data
    return client.post(
        f"/treatment/sessions/{session.public_id}/prescription/",
        {f"prescription-{name}": value for name, value in fields.items()},
    )


def test_a_change_is_a_new_version_with_its_reason_and_is_audited(home):
    session, clinician, _ = home
    client = signed_in(clinician)

    response = change(client, session)

    assert response.status_code == 302
    versions = list(session.prescriptions.values_list("version", "dose_mg", "route", "reason"))
    assert versions == [
        (2, Decimal("250.0"), "sublingual", "Little effect at 200 mg"),
        (1, Decimal("200.0"), "sublingual", ""),
    ]
    entry = AuditEntry.objects.filter(action="dose_prescribed").first()
    assert (entry.actor, entry.case) == (clinician, session.course.case)
    assert "session 1: v2" in entry.detail
    page = client.get(f"/treatment/sessions/{session.public_id}/").content.decode()
    assert "250.0 mg, sublingual" in page
    assert "v1: 200.0 mg sublingual" in page


def test_a_change_without_a_reason_or_to_the_same_dose_is_refused(home):
    session, clinician, _ = home
    client = signed_in(clinician)

    no_reason = change(client, session, reason="")
    same = change(client, session, dose_mg="200", reason="Again")

    assert no_reason.status_code == 400
    assert "Write the reason for the change." in no_reason.content.decode()
    assert same.status_code == 400
    assert "That is the dose already prescribed." in same.content.decode()
    assert session.prescriptions.count() == 1


def test_the_dose_of_a_session_that_has_started_never_changes(home):
    session, clinician, _ = home
    check_in(session)
    start_dose(session)

    response = change(signed_in(clinician), session)

    assert response.status_code == 400
    assert "its dose can no longer change" in response.content.decode()
    assert session.prescriptions.count() == 1
    assert HomeDose.objects.get().prescription == session.prescriptions.get()


def test_a_version_is_never_edited():
    from tests.treatment import make_home_session, prescribe

    version = prescribe(make_home_session())
    version.dose_mg = Decimal("1")

    with pytest.raises(ImmutableError):
        version.save()


def test_scheduling_without_a_dose_is_refused(home):
    session, clinician, _ = home

    response = signed_in(clinician).post(
        f"/treatment/courses/{session.course.public_id}/schedule/",
        {"date_0": "2026-03-20", **{f"setting_{i}": "at_home" for i in range(8)}},
    )

    assert response.status_code == 400
    assert "Enter the dose in mg." in response.content.decode()
    assert session.course.sessions.count() == 1


def test_in_the_clinic_only_the_prescribed_dose_is_recorded_and_the_record_keeps_it(clinic):
    session, clinician, _ = clinic
    client = signed_in(clinician)
    base = f"/treatment/sessions/{session.public_id}/"
    dose = {
        "medicine": "ketamine_iv",
        "dose_mg": "40",
        "lot_number": "LOT-9",
        "dosed_at": "09:00",
        "rems_medications": ["none"],
    }
    client.post(base + "check/", CHECK_POST)
    page = client.get(base).content.decode()
    assert 'value="35.0"' in page  # the dose form starts from the prescription

    wrong = client.post(base + "dose/", dose)
    by_route = client.post(base + "dose/", dose | {"dose_mg": "35", "medicine": "ketamine_im"})
    right = client.post(base + "dose/", dose | {"dose_mg": "35"})

    assert wrong.status_code == by_route.status_code == 400
    assert "The prescription for this session is 35.0 mg, intravenous" in wrong.content.decode()
    assert right.status_code == 302
    record = MonitoringRecord.objects.get()
    assert (record.dose_mg, record.prescription) == (Decimal("35.0"), session.prescriptions.get())


def test_at_home_the_patient_sees_the_dose_only_after_a_go(home):
    session, _, _ = home
    patient = signed_in(session.course.patient.user)
    url = f"/treatment/mine/sessions/{session.public_id}/"

    before = patient.get(url).content.decode()
    patient.post(url + "check-in/", CHECK_IN_POST | {"alcohol_24h": "yes"})
    on_hold = patient.get(url).content.decode()

    assert "200 mg" not in before and "my-dose" not in before
    assert "200 mg" not in on_hold
    assert "200 mg" not in patient.get("/treatment/mine/").content.decode()
    assert "200 mg" not in patient.get(url + "therapy/").content.decode()


def test_at_home_the_dose_shows_after_a_go_in_plain_words(home):
    session, _, _ = home
    patient = signed_in(session.course.patient.user)
    url = f"/treatment/mine/sessions/{session.public_id}/"

    patient.post(url + "check-in/", CHECK_IN_POST)
    page = patient.get(url).content.decode()

    assert "Your dose for this session: <strong>200 mg</strong>, held under the tongue" in page
    assert "sublingual" not in page


def test_an_amendment_keeps_the_prescription_of_the_dose(controlled_clock, clinic):
    from datetime import timedelta

    from tests.treatment import make_record, observe
    from treatment.clinic.services import discharge_record, escort_set, record_amend, record_sign

    session, clinician, _ = clinic
    record = make_record(session=session, clinician=clinician, dosed_at=controlled_clock.now())
    for minutes in (40, 70, 100, 120):
        controlled_clock.moment = record.dosed_at + timedelta(minutes=minutes)
        observe(record, controlled_clock.now())
    escort_set(record=record, present=True, actor=clinician)
    record = record_sign(record=discharge_record(record=record, actor=clinician), actor=clinician)

    amendment = record_amend(record=record, reason="Lot typo", actor=clinician)

    assert record.prescription == session.prescriptions.get()
    assert amendment.prescription == record.prescription
