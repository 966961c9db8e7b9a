"""Emails (and texts) to patients about what is due: a check-in, a reading, questionnaires,
and the appointments of the next day. Each once; never health data."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import dateformat, timezone

from config.email import send_clinic_mail
from config.sms import Text, mobile_number, send_texts
from treatment import clock
from treatment.clinic.models import MonitoringRecord
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.selectors import STARTED
from treatment.followup.models import PatientReminder
from treatment.home.models import HomeDose, MeasureSet
from treatment.home.selectors import check_in_window, taken_of
from treatment.rules import (
    MEASURED_SESSIONS,
    Setting,
    Slot,
    due_slots,
    limits_as_kept,
    measures_due,
)
from treatment.rules.measures import MONTH_DAYS
from treatment.rules.therapy import MeetingKind
from treatment.therapy.models import IntegrationNote, ReadinessAssessment, TherapyMeeting

logger = logging.getLogger(__name__)


REMINDER_REASON = (
    "You receive this because you have sessions booked with us. Emails never hold details of "
    "your health: sign in to see them."
)


# A reading reminder is pointless long after the reading was due.
READING_REMINDER_LATEST = timedelta(minutes=60)


@dataclass(frozen=True)
class DueReminder:
    key: str
    kind: str
    course_id: int
    email: str
    subject: str
    body: str
    text: str = ""  # the text message, to a patient who asked for texts; never health data
    mobile: str = ""


def _link(name: str, **kwargs: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs or None)


def _check_in_reminders(now: datetime) -> list[DueReminder]:
    today = timezone.localdate(now)
    sessions = (
        TreatmentSession.objects.filter(
            setting=Setting.AT_HOME.value,
            course__status=TreatmentCourse.Status.OPEN,
            scheduled_for__in=[today, today + timedelta(days=1)],
            checks__isnull=True,
            home_dose__isnull=True,
        )
        .select_related("course__patient__user")
        .only(
            "pk",
            "public_id",
            "scheduled_for",
            "course__id",
            "course__patient__phone",
            "course__patient__texts_ok",
            "course__patient__user__email",
        )
    )
    due = []
    for session in sessions:
        opens, closes = check_in_window(session.scheduled_for)
        if opens <= now < closes:
            due.append(
                DueReminder(
                    f"check_in:{session.pk}",
                    PatientReminder.Kind.CHECK_IN,
                    session.course_id,
                    session.course.patient.user.email,
                    "Your check-in is open",
                    "The check-in before your next session is open. Please sign in and answer "
                    "it before you start:\n"
                    f"{_link('my_session_check_in', session_id=session.public_id)}",
                    text=f"{settings.CLINIC_NAME}: the check-in before your next session is "
                    f"open. {_link('my_session', session_id=session.public_id)}",
                    mobile=mobile_number(session.course.patient.phone)
                    if session.course.patient.texts_ok
                    else "",
                )
            )
    return due


def _reading_reminders(now: datetime) -> list[DueReminder]:
    """Each reading after an at-home dose, at the time it falls due (the repeat included)."""
    doses = (
        HomeDose.objects.filter(
            dosed_at__gte=now - timedelta(days=1),
            session__course__status=TreatmentCourse.Status.OPEN,
        )
        .select_related("pre_dose_check", "session__course__patient__user")
        .defer("pre_dose_check__answers", "pre_dose_check__result")
        .prefetch_related("readings")
    )
    due = []
    for dose in doses:
        limits = limits_as_kept(dose.pre_dose_check.limits)
        readings = list(dose.readings.all())
        taken = {Slot(reading.slot) for reading in readings}
        for slot, times in due_slots(dose.dosed_at, taken_of(readings), limits):
            if slot in taken or not times.due_at <= now <= times.due_at + READING_REMINDER_LATEST:
                continue
            session = dose.session
            patient = session.course.patient
            link = _link("my_session", session_id=session.public_id)
            due.append(
                DueReminder(
                    f"reading:{session.pk}:{slot.value}",
                    PatientReminder.Kind.READING,
                    session.course_id,
                    patient.user.email,
                    "A reading is due",
                    f"It is time for your next reading. Please sign in and enter it:\n{link}",
                    text=f"{settings.CLINIC_NAME}: it is time for your next reading. {link}",
                    mobile=mobile_number(patient.phone) if patient.texts_ok else "",
                )
            )
    return due


def _measure_reminders(now: datetime) -> list[DueReminder]:
    """Open courses with questionnaires due: a constant number of queries for all of them."""
    today = timezone.localdate(now)
    soon = [today, today + timedelta(days=1)]
    courses = {
        course.pk: course
        for course in TreatmentCourse.objects.filter(status=TreatmentCourse.Status.OPEN)
        .filter(
            Q(opened_at__lte=now - timedelta(days=MONTH_DAYS))
            | Q(sessions__number__in=MEASURED_SESSIONS, sessions__scheduled_for__in=soon)
        )
        .distinct()
        .select_related("patient__user")
        .only("pk", "opened_at", "patient__user__email")
    }
    sessions: dict[int, list[tuple[int, date]]] = {pk: [] for pk in courses}
    started: dict[int, set[int]] = {pk: set() for pk in courses}
    for row in (
        TreatmentSession.objects.filter(course_id__in=list(courses))
        .annotate(started=STARTED)
        .values("course_id", "number", "scheduled_for", "started")
    ):
        sessions[row["course_id"]].append((row["number"], row["scheduled_for"]))
        if row["started"]:
            started[row["course_id"]].add(row["number"])
    taken: dict[int, set[str]] = {pk: set() for pk in courses}
    for course_id, key in MeasureSet.objects.filter(course_id__in=list(courses)).values_list(
        "course_id", "key"
    ):
        taken[course_id].add(key)
    due = []
    for pk, course in courses.items():
        for measure in measures_due(
            sessions=sessions[pk],
            started=started[pk],
            opened=timezone.localdate(course.opened_at),
            taken=taken[pk],
            today=today,
        ):
            due.append(
                DueReminder(
                    f"measures:{pk}:{measure.key}",
                    PatientReminder.Kind.MEASURES,
                    pk,
                    course.patient.user.email,
                    "Questions to answer",
                    "Your clinic asks a few questions about how you have been feeling. Please "
                    f"sign in and answer them:\n{_link('my_treatment_measures')}",
                )
            )
    return due


def _spoken_day(day: date) -> str:
    return dateformat.format(day, "l j F")


DOSE_GIVEN = Exists(HomeDose.objects.filter(session=OuterRef("session"))) | Exists(
    MonitoringRecord.objects.filter(session=OuterRef("session"), dosed_at__isnull=False)
)


def _appointment_reminders(now: datetime) -> list[DueReminder]:
    """A session at the clinic, a preparation before a dose and an integration after it
    (once the dose was given): the day before, or on the day when planned late; once per
    item and day, so a moved meeting is reminded again. The words say when, never what is
    treated or given."""
    today = timezone.localdate(now)
    soon = [today, today + timedelta(days=1)]
    due = []
    for session in (
        TreatmentSession.objects.filter(
            setting=Setting.IN_CLINIC.value,
            course__status=TreatmentCourse.Status.OPEN,
            scheduled_for__in=soon,
        )
        .exclude(
            Exists(MonitoringRecord.objects.filter(session=OuterRef("pk"), dosed_at__isnull=False))
        )
        .select_related("course__patient__user")
        .only("pk", "scheduled_for", "course__id", "course__patient__user__email")
    ):
        due.append(
            DueReminder(
                f"session:{session.pk}:{session.scheduled_for.isoformat()}",
                PatientReminder.Kind.SESSION,
                session.course_id,
                session.course.patient.user.email,
                "Your appointment at the clinic",
                f"You have an appointment at the clinic on {_spoken_day(session.scheduled_for)}."
                f" Please sign in to see the details:\n{_link('my_treatment')}",
            )
        )
    meetings = (
        TherapyMeeting.objects.filter(
            scheduled_for__in=soon, session__course__status=TreatmentCourse.Status.OPEN
        )
        .annotate(
            started=DOSE_GIVEN,
            prepared=Exists(ReadinessAssessment.objects.filter(session=OuterRef("session"))),
            noted=Exists(IntegrationNote.objects.filter(session=OuterRef("session"))),
        )
        .select_related("session__course__patient__user")
    )
    for meeting in meetings:
        session = meeting.session
        if meeting.kind == MeetingKind.PREPARATION:
            if meeting.prepared or meeting.started:
                continue
            kind, what = PatientReminder.Kind.PREPARATION, "to prepare for your next session"
        else:
            if meeting.noted or not meeting.started:  # no integration of a dose not given
                continue
            kind, what = PatientReminder.Kind.INTEGRATION, "to talk your last session through"
        due.append(
            DueReminder(
                f"{meeting.kind}:{meeting.pk}:{meeting.scheduled_for.isoformat()}",
                kind,
                session.course_id,
                session.course.patient.user.email,
                "An appointment coming up",
                f"You have an appointment on {_spoken_day(meeting.scheduled_for)} {what}. Please "
                f"sign in to see it:\n{_link('my_therapy', session_id=session.public_id)}",
            )
        )
    return due


def reminders_send_now(now: datetime | None = None) -> int:
    """Email each patient once per due item: an open check-in, a reading, questionnaires, an
    appointment (at the clinic, or before or after a dose with the therapist).

    The reminder's row is written with the email in one transaction, so a re-run (or a
    second beat) sends nothing twice and a failed send is tried again next time.
    """
    now = now or clock.now()
    due = (
        _check_in_reminders(now)
        + _reading_reminders(now)
        + _measure_reminders(now)
        + _appointment_reminders(now)
    )
    sent_before = set(
        PatientReminder.objects.filter(key__in=[r.key for r in due]).values_list("key", flat=True)
    )
    sent = 0
    for reminder in due:
        if reminder.key in sent_before:
            continue
        with transaction.atomic():
            _, created = PatientReminder.objects.get_or_create(
                key=reminder.key,
                defaults={"kind": reminder.kind, "course_id": reminder.course_id, "sent_at": now},
            )
            if not created:
                continue
            send_clinic_mail(
                subject=reminder.subject,
                body=f"Hello,\n\n{reminder.body}\n",
                to=[reminder.email],
                reason=REMINDER_REASON,
            )
            if reminder.mobile and reminder.text:
                send_texts([Text(reminder.mobile, reminder.text)])
            sent += 1
    logger.info("sent %d patient reminders", sent)
    return sent
