"""The clinicians' today board with many open courses: queries per request and server time.

Run: `.venv/bin/python bench/today_board.py [--courses 10000]`. Every course has six
sessions over three weeks, started on staggered days, so about two in seven have a
session today; a third of today's sessions are in the clinic and under way (a pre-dose
check, a dose, observations). The rest are at home: of those, a fifth wait for the
patient's check-in and the others checked in (go, hold or call); half the goes have
started, with after-dose readings, one in ten of them at crisis level (an alert). The
therapy around the doses: a therapist's "not ready" on half of today's waiting at-home
sessions and on the next session of one course in twenty, and an integration meeting
after every in-clinic dose of the past, half of them without a note (missed). Uses a
throw-away SQLite database, or PostgreSQL when BENCH_DATABASE_URL names an empty
database.

The board reads one page of the state each session stores (written by the services; the
bulk load here stores it with `board_states_rebuild`, timed). Beside it, the day derived
session by session as the board did before it stored the state (`today_board`), the
same rows and clock.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.throwaway import analyze, django_on_throwaway_database

BATCH = 2000
UNUSABLE = "!"  # an unusable password: nobody signs in as these patients


def build(courses: int) -> tuple[int, dict[str, int], float]:
    """Bulk-insert patients, courses, sessions and today's records; (sessions today, s)."""
    from django.utils import timezone

    from patients.models import Patient, User
    from patients.roles import Role
    from tests.factories import make_user
    from tests.treatment import CHECK_POST
    from treatment.courses.services import default_schedule
    from treatment.models import (
        MonitoringRecord,
        Observation,
        PreDoseCheck,
        TreatmentCourse,
        TreatmentSession,
    )
    from treatment.rules import DEFAULT_LIMITS

    started = time.perf_counter()
    clinician = make_user(Role.CLINICIAN, "bench-clinician@example.org")
    now = timezone.now()
    today = timezone.localdate(now)
    users = User.objects.bulk_create(
        [User(email=f"bench{i}@example.org", password=UNUSABLE) for i in range(courses)],
        batch_size=BATCH,
    )
    if users[0].pk is None:  # SQLite before returning ids: read them back
        users = list(User.objects.filter(email__startswith="bench").exclude(pk=clinician.pk))
    patients = Patient.objects.bulk_create(
        [
            Patient(
                user=user,
                given_name=f"Given{i}",
                family_name=f"Family{i}",
                date_of_birth=date(1980, 1, 1),
            )
            for i, user in enumerate(users)
        ],
        batch_size=BATCH,
    )
    course_rows = TreatmentCourse.objects.bulk_create(
        [
            TreatmentCourse(patient=patient, setting="in_clinic", opened_by=clinician)
            for patient in patients
        ],
        batch_size=BATCH,
    )
    sessions = []
    for index, course in enumerate(course_rows):
        start = today - timedelta(days=index % 21)
        for number, day in enumerate(default_schedule(start), start=1):
            setting = "in_clinic" if index % 3 == 0 else "at_home"
            sessions.append(
                TreatmentSession(course=course, number=number, scheduled_for=day, setting=setting)
            )
    TreatmentSession.objects.bulk_create(sessions, batch_size=BATCH)
    todays = list(
        TreatmentSession.objects.filter(scheduled_for=today).select_related("course__patient")
    )
    checks = PreDoseCheck.objects.bulk_create(
        [
            PreDoseCheck(
                session=s,
                setting=s.setting,
                answers=CHECK_POST,
                outcome="go",
                result={"reasons": [], "baseline": [123, 77], "ideation": False},
                limits=DEFAULT_LIMITS.values(),
                ruleset="default-1",
                checked_by=clinician,
                checked_at=now - timedelta(minutes=90),
            )
            for s in todays
            if s.setting == "in_clinic"
        ],
        batch_size=BATCH,
    )
    checks = list(PreDoseCheck.objects.all())
    records = MonitoringRecord.objects.bulk_create(
        [
            MonitoringRecord(
                session_id=c.session_id,
                pre_dose_check=c,
                medicine="ketamine_iv",
                dose_mg=35,
                lot_number="B1",
                rems_medications=["none"],
                dosed_at=now - timedelta(minutes=80),
                created_by=clinician,
            )
            for c in checks
        ],
        batch_size=BATCH,
    )
    records = list(MonitoringRecord.objects.all())
    dosed_at = now - timedelta(minutes=80)
    Observation.objects.bulk_create(
        [
            Observation(
                record=r,
                taken_at=dosed_at + timedelta(minutes=40),
                systolic=130,
                diastolic=82,
                heart_rate=80,
                spo2=96,
                moaas=4,
                dissociation="mild",
                recorded_by=clinician,
            )
            for r in records
        ],
        batch_size=BATCH,
    )
    home_counts = build_at_home(todays, now)
    home_counts |= build_therapy(clinician, todays, now)
    return len(todays), home_counts, time.perf_counter() - started


def build_therapy(clinician: Any, todays: list[Any], now: datetime) -> dict[str, int]:
    """Readiness holds today and to come, and integrations of past doses, noted or missed."""
    from django.utils import timezone

    from patients.roles import Role
    from tests.factories import make_user
    from treatment.models import (
        IntegrationNote,
        MonitoringRecord,
        PreDoseCheck,
        ReadinessAssessment,
        TherapyMeeting,
        TreatmentSession,
    )

    therapist = make_user(Role.THERAPIST, "bench-therapist@example.org")
    today = timezone.localdate(now)
    checked = set(PreDoseCheck.objects.values_list("session_id", flat=True))
    waiting = [s for s in todays if s.setting == "at_home" and s.pk not in checked]
    coming: dict[int, Any] = {}
    for session in TreatmentSession.objects.filter(scheduled_for__gt=today).order_by(
        "scheduled_for"
    ):
        if session.course_id % 20 == 0:
            coming.setdefault(session.course_id, session)
    held = waiting[::2] + list(coming.values())
    ReadinessAssessment.objects.bulk_create(
        [
            ReadinessAssessment(
                session=s, readiness="not_ready", reason="bench", assessed_by=therapist
            )
            for s in held
        ],
        batch_size=BATCH,
    )
    past = list(
        TreatmentSession.objects.filter(
            setting="in_clinic", scheduled_for__lt=today - timedelta(days=3)
        )
    )
    MonitoringRecord.objects.bulk_create(
        [
            MonitoringRecord(
                session=s,
                medicine="ketamine_iv",
                dose_mg=35,
                dosed_at=now - timedelta(days=(today - s.scheduled_for).days),
                created_by=clinician,
            )
            for s in past
        ],
        batch_size=BATCH,
    )
    TherapyMeeting.objects.bulk_create(
        [
            TherapyMeeting(
                session=s, kind="integration", scheduled_for=s.scheduled_for + timedelta(days=1)
            )
            for s in past
        ],
        batch_size=BATCH,
    )
    IntegrationNote.objects.bulk_create(
        [
            IntegrationNote(session=s, focus="other", sections={}, written_by=therapist)
            for s in past[::2]
        ],
        batch_size=BATCH,
    )
    return {"not ready": len(held), "missed": len(past) - len(past[::2])}


def build_at_home(todays: list[Any], now: datetime) -> dict[str, int]:
    """At-home check-ins, doses, readings and alerts for today's at-home sessions."""

    from tests.treatment import CHECK_IN_POST
    from treatment.models import AfterDoseReading, HomeDose, PreDoseCheck, SessionAlert
    from treatment.rules import DEFAULT_LIMITS

    home = [s for s in todays if s.setting == "at_home"]
    outcomes = ("go", "go", "hold", "call")
    checked = [(s, outcomes[i % 4]) for i, s in enumerate(home) if i % 5]
    PreDoseCheck.objects.bulk_create(
        [
            PreDoseCheck(
                session=s,
                setting="at_home",
                answers=CHECK_IN_POST,
                outcome=outcome,
                result={"reasons": [], "baseline": [123, 77], "ideation": False},
                limits=DEFAULT_LIMITS.values(),
                ruleset="default-1",
                checked_by_id=s.course.patient.user_id,
                checked_at=now - timedelta(minutes=100),
            )
            for s, outcome in checked
        ],
        batch_size=BATCH,
    )
    checks = list(PreDoseCheck.objects.filter(setting="at_home", outcome="go"))
    started = checks[::2]
    HomeDose.objects.bulk_create(
        [
            HomeDose(
                session_id=c.session_id,
                pre_dose_check=c,
                dosed_at=now - timedelta(minutes=80),
                recorded_by_id=c.checked_by_id or 0,
            )
            for c in started
        ],
        batch_size=BATCH,
    )
    doses = list(HomeDose.objects.all())
    crisis = {d.pk for d in doses[::10]}
    AfterDoseReading.objects.bulk_create(
        [
            AfterDoseReading(
                dose=d,
                slot="first",
                taken_at=d.dosed_at + timedelta(minutes=40),
                systolic=184 if d.pk in crisis else 136,
                diastolic=104 if d.pk in crisis else 84,
                heart_rate=84,
                level="crisis" if d.pk in crisis else "settled",
                recorded_by_id=d.recorded_by_id,
            )
            for d in doses
        ],
        batch_size=BATCH,
    )
    SessionAlert.objects.bulk_create(
        [
            SessionAlert(session_id=d.session_id, code="reading_crisis", text="crisis reading")
            for d in doses
            if d.pk in crisis
        ],
        batch_size=BATCH,
    )
    return {
        "at home": len(home),
        "checked in": len(checked),
        "go": len(checks),
        "started": len(doses),
        "alerts": len(crisis),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--courses", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()

    django_on_throwaway_database("bench-today-")
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from patients.models import User
    from treatment.board.selectors import today_board
    from treatment.sessions.board import board_states_rebuild

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ALLOWED_HOSTS=["testserver"],
    ):
        today_count, home_counts, built = build(args.courses)
        started = time.perf_counter()
        stored = board_states_rebuild()
        rebuilt = time.perf_counter() - started
        analyze()
        client = Client()
        client.force_login(User.objects.get(email="bench-clinician@example.org"))
        client.get("/treatment/today/")  # warm caches
        timings, queries = [], []
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get("/treatment/today/")
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            queries.append(len(captured.captured_queries))
        rows = response.content.count(b'data-testid="board-row"')
        derived, derived_queries = [], []
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                now = timezone.now()
                today_board(timezone.localdate(now), now)
                derived.append((time.perf_counter() - started) * 1000)
            derived_queries.append(len(captured.captured_queries))

    timings.sort()
    derived.sort()
    print(
        f"database: {connection.vendor}; {args.courses:,} open courses, "
        f"{today_count:,} sessions today ({rows:,} on the board), built in {built:.1f} s"
    )
    print(
        f"at home today: {home_counts['at home']:,} sessions, {home_counts['checked in']:,} "
        f"checked in ({home_counts['go']:,} go), {home_counts['started']:,} started, "
        f"{home_counts['alerts']:,} with an alert"
    )
    print(
        f'therapy: {home_counts["not ready"]:,} sessions held by a therapist\'s "not ready", '
        f"{home_counts['missed']:,} integrations missed"
    )
    print(f"board state stored for {stored:,} sessions by board_states_rebuild in {rebuilt:.1f} s")
    print(f"today board: {max(queries)} queries per request (min {min(queries)})")
    print(
        f"today board server time over {args.requests} requests: "
        f"p50 {statistics.median(timings):.0f} ms, "
        f"p95 {timings[max(0, int(len(timings) * 0.95) - 1)]:.0f} ms (in-process test client)"
    )
    print(
        f"beside it, the whole day derived session by session (as the board read before): "
        f"{max(derived_queries)} queries, p50 {statistics.median(derived):.0f} ms, "
        f"p95 {derived[max(0, int(len(derived) * 0.95) - 1)]:.0f} ms"
    )


if __name__ == "__main__":
    main()
