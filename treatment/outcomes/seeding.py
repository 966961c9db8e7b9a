"""Synthetic courses for `seed_synthetic`: courses opened on decided cases, with their
sessions, prescriptions, pre-dose checks, doses, readings, alerts, side effects, PHQ-9
and GAD-7 measures and endings, written in bulk. Development and benchmarks only.

A course's fate is drawn once: most run their planned sessions; some end early with a
reason; some stop without one (lost); a few are still under way. Scores follow a
responder type drawn per course, from the intake's totals (or a pre-dose questionnaire).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any, Final

from django.db import transaction
from django.utils import timezone

from patients.models import User
from screening.review.models import Case, CaseDecision
from treatment.checks.models import PreDoseCheck
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.courses.models import PrescribedDose, TreatmentCourse, TreatmentSession
from treatment.followup.models import FollowUpTask, SessionAlert
from treatment.followup.services import task_deadline
from treatment.home.models import AfterDoseReading, HomeDose, MeasureSet, ReportedSideEffect
from treatment.outcomes.services import plan_review_source
from treatment.rules import DEFAULT_LIMITS, Setting, needs_plan_review
from treatment.rules.outcomes import CourseMeasure
from treatment.rules.therapy import Route

END_REASONS: Final = (
    "Side effects",
    "Moved away",
    "Cost",
    "No improvement",
    "Patient's choice",
)
# Share of the improvement at the end of the course, by responder type.
IMPROVEMENT: Final = ((0.75, 35), (0.45, 30), (0.15, 25), (-0.35, 10))
CLINIC_ROUTES: Final = (
    (Route.INTRAVENOUS, "ketamine_iv", (25, 90), 60),
    (Route.INTRAMUSCULAR, "ketamine_im", (25, 90), 25),
    (Route.INTRANASAL, "esketamine_nasal", (56, 84), 15),
)
CHUNK: Final = 1_000


@dataclass
class CourseSeedReport:
    courses: int = 0
    sessions: int = 0
    doses: int = 0
    measures: int = 0


def _items(total: int, count: int, rng: random.Random) -> list[int]:
    """`count` item scores 0-3 that sum to `total` (item 9 of PHQ-9 kept at 0)."""
    free = count - 1 if count == 9 else count
    items = [0] * count
    for _ in range(total):
        candidates = [i for i in range(free) if items[i] < 3]
        items[rng.choice(candidates)] += 1
    return items


def _total(items: Any) -> int | None:
    if isinstance(items, list) and all(type(i) is int and 0 <= i <= 3 for i in items):
        return sum(items)
    return None


@dataclass
class _Seeder:
    rng: random.Random
    clinician: User
    now: datetime
    report: CourseSeedReport

    def score(self, base: int, improvement: float, dosed: int, top: int) -> int:
        planned = min(dosed, 6) / 6
        value = round(base * (1 - improvement * planned)) + self.rng.randint(-2, 2)
        return max(0, min(top, value))

    @transaction.atomic
    def chunk(self, cases: list[Case]) -> None:
        rng = self.rng
        courses, plans = [], []
        for case in cases:
            decision = case.decisions.all()[0]
            setting = (
                Setting.AT_HOME
                if decision.outcome == CaseDecision.Outcome.CONFIRM_AT_HOME
                else Setting.IN_CLINIC
            )
            opened_at = (case.decided_at or case.waiting_since) + timedelta(
                days=rng.uniform(0.5, 5)
            )
            if opened_at >= self.now - timedelta(days=1):
                continue
            fate = rng.choices(("complete", "ended", "lost", "ongoing"), (70, 12, 8, 10))[0]
            courses.append(
                TreatmentCourse(
                    patient_id=case.patient_id,
                    case=case,
                    decision=decision,
                    setting=setting.value,
                    opened_by=self.clinician,
                    opened_at=opened_at,
                )
            )
            plans.append((case, setting, fate))
        courses = TreatmentCourse.objects.bulk_create(courses)
        sessions, prescriptions_of = [], []
        for course, (_, setting, _) in zip(courses, plans, strict=True):
            planned = self.rng.choice((6, 6, 6, 8))
            first = timezone.localdate(course.opened_at) + timedelta(days=2)
            if setting is Setting.AT_HOME:
                route, mg = Route.SUBLINGUAL, Decimal(rng.randrange(150, 750, 50))
            else:
                route, _medicine, (low, high), _ = rng.choices(
                    CLINIC_ROUTES, [r[3] for r in CLINIC_ROUTES]
                )[0]
                mg = Decimal(rng.randrange(low, high + 1, 5))
            for number in range(1, planned + 1):
                sessions.append(
                    TreatmentSession(
                        course=course,
                        number=number,
                        scheduled_for=first + timedelta(days=round((number - 1) * 3.5)),
                        setting=setting.value,
                    )
                )
                prescriptions_of.append((route, mg))
        sessions = TreatmentSession.objects.bulk_create(sessions)
        PrescribedDose.objects.bulk_create(
            PrescribedDose(
                session=session,
                dose_mg=mg,
                route=route.value,
                prescribed_by=self.clinician,
                prescribed_at=session.course.opened_at,
            )
            for session, (route, mg) in zip(sessions, prescriptions_of, strict=True)
        )
        by_course: dict[int, list[TreatmentSession]] = {}
        for session in sessions:
            by_course.setdefault(session.course_id, []).append(session)
        self.doses(courses, plans, by_course, prescriptions_of, sessions)
        self.report.courses += len(courses)
        self.report.sessions += len(sessions)

    def doses(
        self,
        courses: list[TreatmentCourse],
        plans: list[tuple[Case, Setting, str]],
        by_course: dict[int, list[TreatmentSession]],
        prescriptions_of: list[tuple[Route, Decimal]],
        sessions: list[TreatmentSession],
    ) -> None:
        rng = self.rng
        route_of = {s.pk: p for s, p in zip(sessions, prescriptions_of, strict=True)}
        checks: list[PreDoseCheck] = []
        dosed: list[tuple[TreatmentSession, datetime]] = []
        measures: list[MeasureSet] = []
        ended: list[TreatmentCourse] = []
        reviews: list[FollowUpTask] = []
        for course, (case, setting, fate) in zip(courses, plans, strict=True):
            own = by_course[course.pk]
            stop = len(own) if fate in ("complete", "ongoing") else rng.randint(1, 5)
            if fate == "ongoing":
                stop = rng.randint(0, len(own))
            answers = case.submission.answers
            base = {"phq9": _total(answers.get("phq9")), "gad7": _total(answers.get("gad7"))}
            improvement = rng.choices([i for i, _ in IMPROVEMENT], [w for _, w in IMPROVEMENT])[0]
            patient_user = case.patient.user_id
            course_measures: list[CourseMeasure] = []
            taken = 0
            last_dose: datetime | None = None
            course_doses: list[datetime] = []

            def measure(
                key: str,
                at: datetime,
                doses_before: int,
                session: TreatmentSession | None,
                *,
                _course: TreatmentCourse = course,
                _base: dict[str, int | None] = base,
                _improvement: float = improvement,
                _user: int = patient_user,
                _measures: list[CourseMeasure] = course_measures,
            ) -> None:
                if at >= self.now or _base["phq9"] is None or _base["gad7"] is None:
                    return
                phq9 = self.score(_base["phq9"], _improvement, doses_before, 24)  # item 9 at 0
                gad7 = self.score(_base["gad7"], _improvement, doses_before, 21)
                measures.append(
                    MeasureSet(
                        course=_course,
                        key=key,
                        session=session,
                        phq9=_items(phq9, 9, rng),
                        gad7=_items(gad7, 7, rng),
                        phq9_total=phq9,
                        gad7_total=gad7,
                        phq9_item9=0,
                        recorded_by_id=_user,
                        recorded_at=at,
                    )
                )
                _measures.append(CourseMeasure(doses_before, phq9, gad7))

            for session in own:
                moment = timezone.make_aware(datetime.combine(session.scheduled_for, time(10)))
                if session.number in (1, 3, 6) and (
                    session.number > 1 or rng.random() < 0.8  # a pre-dose questionnaire
                ):
                    measure(
                        f"session-{session.number}", moment - timedelta(hours=16), taken, session
                    )
                if session.number > stop or moment >= self.now:
                    break
                outcome = rng.choices(("go", "hold", "call"), (90, 7, 3))[0]
                overridden = outcome == "hold" and rng.random() < 0.4
                checks.append(
                    PreDoseCheck(
                        session=session,
                        setting=setting.value,
                        answers={},
                        outcome=outcome,
                        result={"reasons": [], "ideation": False},
                        limits=DEFAULT_LIMITS.values(),
                        ruleset="synthetic",
                        checked_by_id=patient_user
                        if setting is Setting.AT_HOME
                        else self.clinician.pk,
                        checked_at=moment - timedelta(minutes=30),
                        override_reason="Reviewed: safe to dose" if overridden else "",
                        overridden_by=self.clinician if overridden else None,
                        overridden_at=moment - timedelta(minutes=20) if overridden else None,
                    )
                )
                if outcome == "go" or overridden:
                    dosed.append((session, moment))
                    course_doses.append(moment)
                    taken += 1
                    last_dose = moment
            opened = timezone.localdate(course.opened_at)
            month = 1
            while (day := opened + timedelta(days=30 * month)) < timezone.localdate(self.now):
                if fate in ("ended", "lost") or month > 2:
                    break
                at = timezone.make_aware(datetime.combine(day, time(19)))
                measure(f"month-{month}", at, sum(1 for m in course_doses if m < at), None)
                month += 1
            if fate == "ended" or (fate == "complete" and rng.random() < 0.5):
                course.status = TreatmentCourse.Status.ENDED
                course.status_reason = (
                    rng.choice(END_REASONS) if fate == "ended" else "Course completed"
                )
                course.ended_at = min(self.now, (last_dose or course.opened_at) + timedelta(days=1))
                ended.append(course)
            baseline = next(
                (m.phq9 for m in course_measures if m.sessions_dosed == 0), base["phq9"]
            )
            if needs_plan_review(baseline, course_measures):
                reviews.append(
                    FollowUpTask(
                        course=course,
                        kind=FollowUpTask.Kind.PLAN_REVIEW,
                        source=plan_review_source(course.pk),
                        owner=self.clinician,
                        created_at=self.now,
                        due_at=task_deadline(self.now),
                    )
                )
        checks = PreDoseCheck.objects.bulk_create(checks)
        check_of = {c.session_id: c for c in checks}
        home = [(s, m) for s, m in dosed if s.setting == Setting.AT_HOME]
        clinic = [(s, m) for s, m in dosed if s.setting == Setting.IN_CLINIC]
        home_doses = HomeDose.objects.bulk_create(
            HomeDose(
                session=s,
                pre_dose_check=check_of[s.pk],
                dosed_at=m,
                recorded_by_id=s.course.patient.user_id,
                recorded_at=m,
            )
            for s, m in home
        )
        self.home_readings(home_doses)
        records = MonitoringRecord.objects.bulk_create(
            MonitoringRecord(
                session=s,
                pre_dose_check=check_of[s.pk],
                medicine=next(r[1] for r in CLINIC_ROUTES if r[0] is route_of[s.pk][0]),
                dose_mg=route_of[s.pk][1],
                lot_number="SYN-1",
                rems_medications=["none"],
                dosed_at=m,
                created_by=self.clinician,
                created_at=m,
            )
            for s, m in clinic
        )
        self.clinic_observations(records)
        MeasureSet.objects.bulk_create(measures)
        TreatmentCourse.objects.bulk_update(ended, ["status", "status_reason", "ended_at"])
        FollowUpTask.objects.bulk_create(reviews)
        self.report.doses += len(dosed)
        self.report.measures += len(measures)

    def home_readings(self, doses: list[HomeDose]) -> None:
        rng = self.rng
        readings, alerts, effects = [], [], []
        for dose in doses:
            level = rng.choices(("settled", "crisis", "sedation", "missed"), (94, 3, 1, 2))[0]
            user = dose.recorded_by_id
            readings.append(
                AfterDoseReading(
                    dose=dose,
                    slot="first",
                    taken_at=dose.dosed_at + timedelta(minutes=40),
                    systolic=186 if level == "crisis" else 132,
                    diastolic=112 if level == "crisis" else 82,
                    heart_rate=80,
                    wakes_easily="no" if level == "sedation" else "yes",
                    breathing_normal="yes",
                    level=level if level in ("crisis", "sedation") else "settled",
                    recorded_by_id=user,
                )
            )
            if level != "missed":
                readings.append(
                    AfterDoseReading(
                        dose=dose,
                        slot="last",
                        taken_at=dose.dosed_at + timedelta(minutes=120),
                        systolic=126,
                        diastolic=80,
                        heart_rate=74,
                        wakes_easily="yes",
                        breathing_normal="yes",
                        level="settled",
                        recorded_by_id=user,
                    )
                )
            if level != "settled":
                alerts.append(
                    SessionAlert(
                        session_id=dose.session_id,
                        code=f"reading_{level}",
                        text="Synthetic alert",
                        opened_at=dose.dosed_at + timedelta(minutes=40),
                    )
                )
            if rng.random() < 0.06:
                severity = rng.choices(("mild", "moderate", "severe"), (60, 30, 10))[0]
                effects.append(
                    ReportedSideEffect(
                        session_id=dose.session_id,
                        effect=rng.choice(("nausea", "dissociation", "confusion")),
                        severity=severity,
                        reported_by_id=user,
                        reported_at=dose.dosed_at + timedelta(hours=3),
                    )
                )
        AfterDoseReading.objects.bulk_create(readings)
        SessionAlert.objects.bulk_create(alerts)
        ReportedSideEffect.objects.bulk_create(effects)

    def clinic_observations(self, records: list[MonitoringRecord]) -> None:
        rng = self.rng
        observations, alerts = [], []
        for record in records:
            kind = rng.choices(("fine", "spo2_low", "bp_crisis", "deep_sedation"), (95, 2, 2, 1))[0]
            taken = (record.dosed_at or self.now) + timedelta(minutes=15)
            observations.append(
                Observation(
                    record=record,
                    taken_at=taken,
                    systolic=190 if kind == "bp_crisis" else 130,
                    diastolic=115 if kind == "bp_crisis" else 82,
                    heart_rate=78,
                    spo2=88 if kind == "spo2_low" else 97,
                    moaas=1 if kind == "deep_sedation" else 4,
                    dissociation="mild",
                    recorded_by=self.clinician,
                )
            )
            if kind != "fine":
                alerts.append(
                    SessionAlert(
                        session_id=record.session_id,
                        record=record,
                        code=kind,
                        text="Synthetic alert",
                        opened_at=taken,
                    )
                )
        observations = Observation.objects.bulk_create(observations)
        SessionAlert.objects.bulk_create(alerts)


def synthetic_courses_create(
    *, courses: int, clinician: User, seed: int = 20261201, now: datetime | None = None
) -> CourseSeedReport:
    """Open up to `courses` courses on decided cases (at home or in the clinic) that have
    none, one per patient, with everything that happens in them up to now."""
    seeder = _Seeder(
        rng=random.Random(seed),  # noqa: S311 (reproducible synthetic data, not secrets)
        clinician=clinician,
        now=now or timezone.now(),
        report=CourseSeedReport(),
    )
    eligible = (
        Case.objects.filter(
            status=Case.Status.DECIDED,
            decisions__outcome__in=[
                CaseDecision.Outcome.CONFIRM_AT_HOME,
                CaseDecision.Outcome.REFER_IN_CLINIC,
            ],
            patient__courses__isnull=True,
            decided_at__lt=seeder.now - timedelta(days=6),  # opened at least a day ago
        )
        .order_by("patient_id", "-waiting_since")
        .distinct()
        .select_related("submission", "patient")
        .prefetch_related("decisions")
    )
    chosen: list[Case] = []
    seen: set[int] = set()
    for case in eligible.iterator(chunk_size=CHUNK):
        if case.patient_id in seen:
            continue
        seen.add(case.patient_id)
        chosen.append(case)
        if len(chosen) >= courses:
            break
    for first in range(0, len(chosen), CHUNK):
        seeder.chunk(chosen[first : first + CHUNK])
    return seeder.report
