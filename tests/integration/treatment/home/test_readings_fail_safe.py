"""After an at-home dose, through the pages: low and fast readings, the repeat of a raised
first reading, the support person's two questions, the end of the session, side effects that
stay reported, and the reminders that come at the due time by email and text."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from patients.models import Patient
from tests.treatment import check_in, make_home_session, read, start_dose
from treatment.followup.reminders import reminders_send_now
from treatment.models import AfterDoseReading, FollowUpTask, ReportedSideEffect, SessionAlert
from treatment.rules import Slot

pytestmark = pytest.mark.django_db
NO_EFFECTS = dict.fromkeys(
    ("nausea", "vomiting", "dissociation", "bladder_pain", "confusion", "very_sleepy"), "none"
) | {"breathing": "none", "other": "none"}


@pytest.fixture
def session(controlled_clock):
    session = make_home_session()
    check_in(session)
    start_dose(session)
    return session


@pytest.fixture
def patient(session):
    client = Client()
    client.force_login(session.course.patient.user)
    return client


def mine(session, rest=""):
    return f"/treatment/mine/sessions/{session.public_id}/{rest}"


def post_reading(patient, session, slot, systolic, diastolic, heart_rate=80, **answers):
    data = {"slot": slot, "systolic": systolic, "diastolic": diastolic, "heart_rate": heart_rate}
    data |= {"wakes_easily": "yes", "breathing_normal": "yes"} | answers
    response = patient.post(mine(session, "readings/"), data)
    return response, patient.get(mine(session)).content.decode()


def test_a_low_reading_is_urgent_and_never_in_the_expected_range(
    patient, session, controlled_clock
):
    controlled_clock.advance(minutes=40)

    _, page = post_reading(patient, session, "first", 70, 40, 35)

    assert AfterDoseReading.objects.get().level == "low"
    assert SessionAlert.objects.get().code == "reading_low"
    assert FollowUpTask.objects.get().kind == "vitals_urgent"
    assert "expected range" not in page
    urgent = page.split('data-testid="urgent-reading"')[1]
    assert "Lie down now" in urgent and "Call the clinic now" in urgent


def test_a_fast_heart_alone_is_urgent_and_named(patient, session, controlled_clock):
    controlled_clock.advance(minutes=40)

    _, page = post_reading(patient, session, "first", 120, 75, 130)

    assert AfterDoseReading.objects.get().level == "fast_heart"
    assert "Your heart rate is very fast" in page
    assert "Your blood pressure" not in page


def test_a_raised_first_reading_is_read_again_in_20_minutes(patient, session, controlled_clock):
    controlled_clock.advance(minutes=40)
    _, page = post_reading(patient, session, "first", 150, 92)
    assert "take another reading in 20 minutes" in page
    assert "Read again</strong> (due at 10:00)" in page
    assert not FollowUpTask.objects.exists()

    controlled_clock.advance(minutes=20)
    _, page = post_reading(patient, session, "repeat", 148, 90)

    repeat = AfterDoseReading.objects.get(slot="repeat")
    assert repeat.level == "still_raised"
    assert FollowUpTask.objects.get().kind == "vitals_urgent"
    assert "still higher than it should be" in page


def test_a_settled_repeat_raises_nothing_and_the_last_reading_follows(
    patient, session, controlled_clock
):
    controlled_clock.advance(minutes=40)
    post_reading(patient, session, "first", 150, 92)
    controlled_clock.advance(minutes=20)

    _, page = post_reading(patient, session, "repeat", 132, 84)

    assert not FollowUpTask.objects.exists()
    assert 'data-testid="next-reading"' in page and "11:00" in page


@pytest.mark.parametrize(
    "answers", [{"wakes_easily": "no"}, {"breathing_normal": "unsure"}, {"wakes_easily": "unsure"}]
)
def test_hard_to_wake_or_breathing_badly_is_urgent_with_911_first(
    patient, session, controlled_clock, answers
):
    controlled_clock.advance(minutes=40)

    _, page = post_reading(patient, session, "first", 120, 75, 70, **answers)

    assert AfterDoseReading.objects.get().level == "sedation"
    assert FollowUpTask.objects.get().urgent
    urgent = page.split('data-testid="urgent-reading"')[1]
    assert urgent.index("Call <a") < urgent.index("911")
    assert "911</a> now" in urgent


def test_the_support_persons_answers_are_required_and_typed_values_kept(
    patient, session, controlled_clock
):
    controlled_clock.advance(minutes=40)

    response = patient.post(
        mine(session, "readings/"),
        {"slot": "first", "systolic": "131", "diastolic": "83", "heart_rate": "77"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "can the patient be woken easily" in page and "Please answer this question." in page
    assert 'value="131"' in page and 'value="83"' in page
    assert not AfterDoseReading.objects.exists()


@pytest.mark.parametrize("effect", ["very_sleepy", "breathing"])
def test_signs_of_oversedation_are_urgent_at_any_severity(patient, session, effect):
    response = patient.post(mine(session, "side-effects/"), NO_EFFECTS | {effect: "mild"})

    assert SessionAlert.objects.get().code == "adverse_event"
    assert FollowUpTask.objects.get().urgent
    assert (
        "Call 911 now if the patient is hard to wake" in patient.get(response.url).content.decode()
    )


def test_a_side_effect_once_reported_stays_shown_as_reported(patient, session):
    patient.post(mine(session, "side-effects/"), NO_EFFECTS | {"nausea": "mild"})
    page = patient.get(mine(session)).content.decode()

    nausea = page.split('name="nausea"')
    checked = [part for part in nausea[1:] if part.split(">")[0].find("checked") != -1]
    assert len(checked) == 1 and 'value="mild"' in checked[0].split(">")[0]
    patient.post(mine(session, "side-effects/"), NO_EFFECTS | {"nausea": "mild"})
    assert ReportedSideEffect.objects.count() == 1  # sent again as it was: nothing new
    patient.post(mine(session, "side-effects/"), NO_EFFECTS | {"nausea": "moderate"})
    assert list(ReportedSideEffect.objects.values_list("severity", flat=True)) == [
        "mild",
        "moderate",
    ]


def test_the_session_ends_with_aftercare_in_plain_words(patient, session, controlled_clock):
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST)
    controlled_clock.advance(minutes=80)

    _, page = post_reading(patient, session, "last", 126, 80)

    complete = page.split('data-testid="session-complete"')[1].split("</section>")[0]
    assert "Your session is complete" in complete
    assert "Do not drive, cycle or use machinery until tomorrow" in complete
    assert "Do not drink alcohol today" in complete
    assert 'href="tel:988"' in complete and 'href="tel:911"' in complete


def test_while_readings_are_due_the_patient_sees_only_the_session(
    patient, session, controlled_clock
):
    page = patient.get(mine(session)).content.decode()
    assert "data-reading-countdown" in page
    assert 'data-opens-at="2026-03-10T09:35:00' in page
    assert "← My treatment" not in page

    for landing in ("/treatment/mine/", "/account/"):
        response = patient.get(landing)
        assert response.status_code == 302 and response.url == mine(session)

    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST)
    controlled_clock.advance(minutes=80)
    read(session, Slot.LAST)
    assert patient.get("/treatment/mine/").status_code == 200
    assert patient.get("/account/").status_code == 200


def test_the_reminder_comes_at_the_due_time_by_email_and_text(
    session, controlled_clock, texts, settings
):
    settings.CLINIC_NAME = "Elm Clinic"
    patient = session.course.patient
    Patient.objects.filter(pk=patient.pk).update(phone="(555) 010-0199", texts_ok=True)
    mail.outbox.clear()
    controlled_clock.advance(minutes=39, seconds=59)
    reminders_send_now()
    assert mail.outbox == [] and texts == []

    controlled_clock.advance(seconds=1)
    reminders_send_now()

    [message] = mail.outbox
    assert message.subject.endswith("A reading is due")
    [text] = texts
    assert text.to == "+15550100199"
    assert text.body.startswith("Elm Clinic: it is time for your next reading.")
    for private in ("mmHg", "blood", "ketamine", patient.given_name):
        assert private not in text.body
    reminders_send_now()
    assert len(texts) == 1


def test_no_text_without_the_patients_consent(session, controlled_clock, texts):
    Patient.objects.filter(pk=session.course.patient.pk).update(phone="(555) 010-0199")
    controlled_clock.advance(minutes=40)

    reminders_send_now()

    assert texts == []
    assert any(m.subject.endswith("A reading is due") for m in mail.outbox)


def test_the_repeat_is_reminded_too(session, controlled_clock, texts):
    Patient.objects.filter(pk=session.course.patient.pk).update(phone="5550100199", texts_ok=True)
    controlled_clock.advance(minutes=40)
    read(session, Slot.FIRST, 150, 92)
    texts.clear()
    controlled_clock.moment = session.home_dose.dosed_at + timedelta(minutes=60)

    reminders_send_now()

    assert len(texts) == 1
