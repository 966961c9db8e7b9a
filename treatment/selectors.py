"""Reads of the course of treatment: the rule set's limits, the today board, records, tasks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from patients.models import Patient
from screening.rules.thresholds import DEFAULT_RULESET
from screening.rulesets.models import RuleSet
from screening.rulesets.published import published_rules
from treatment.models import (
    AfterDoseReading,
    FollowUpTask,
    HomeDose,
    MeasureSet,
    MonitoringRecord,
    Observation,
    PreDoseCheck,
    PrescribedDose,
    ReadinessAssessment,
    ReportedSideEffect,
    SafetyCheck,
    SessionAlert,
    TreatmentCourse,
    TreatmentSession,
)
from treatment.rules import (
    DEFAULT_LIMITS,
    Baseline,
    Dissociation,
    DueMeasure,
    Level,
    Limits,
    Marks,
    NextObservation,
    Outcome,
    Readiness,
    Scores,
    SideEffect,
    Slot,
    SlotTimes,
    Taken,
    discharge_readiness,
    due_slots,
    limits_as_kept,
    limits_from_mapping,
    marks,
    measures_due,
    next_observation,
    scores_of,
    session_complete,
)
from treatment.rules import Observation as ObservationReading
from treatment.rules.predose import may_check_in_again
from treatment.rules.therapy import Gate, dose_gate


def limits_of(ruleset: RuleSet) -> Limits:
    """A rule set's treatment settings; one stored before they existed gets the defaults."""
    return limits_from_mapping(ruleset.treatment or {})


def active_limits() -> tuple[Limits, str]:
    """The limits new checks use, and the name of the rule set they come from.

    The pre-dose hold never lies above the same rule set's at-home limit for the intake
    (publication refuses it; a rule set stored otherwise is read at the lower value).
    """
    published = published_rules()
    if not published.name:
        return DEFAULT_LIMITS, DEFAULT_RULESET
    limits = limits_from_mapping(published.treatment)
    systolic = published.thresholds.get("bp_elevated_systolic", 140)
    diastolic = published.thresholds.get("bp_elevated_diastolic", 90)
    limits = replace(
        limits,
        checkin_bp_elevated_systolic=min(limits.checkin_bp_elevated_systolic, systolic),
        checkin_bp_elevated_diastolic=min(limits.checkin_bp_elevated_diastolic, diastolic),
    )
    return limits, published.name


def course_by_public_id(public_id: Any) -> TreatmentCourse:
    course = (
        TreatmentCourse.objects.select_related("patient__user", "case__submission")
        .filter(public_id=public_id)
        .first()
    )
    if course is None:
        raise Http404("No such course")
    return course


def session_by_public_id(public_id: Any) -> TreatmentSession:
    session = (
        TreatmentSession.objects.select_related("course__patient", "course__case__submission")
        .filter(public_id=public_id)
        .first()
    )
    if session is None:
        raise Http404("No such session")
    return session


def record_by_public_id(public_id: Any) -> MonitoringRecord:
    record = (
        MonitoringRecord.objects.select_related(
            "session__course__patient",
            "session__course__case__submission",
            "pre_dose_check__checked_by",
            "pre_dose_check__overridden_by",
            "signed_by",
            "created_by",
            "amends",
        )
        .filter(public_id=public_id)
        .first()
    )
    if record is None:
        raise Http404("No such record")
    return record


def current_record(session: TreatmentSession) -> MonitoringRecord | None:
    """The session's latest record version."""
    return (
        session.records.select_related(
            "pre_dose_check__checked_by", "pre_dose_check__overridden_by", "signed_by", "amends"
        )
        .order_by("-version")
        .first()
    )


def latest_check(session: TreatmentSession) -> PreDoseCheck | None:
    return session.checks.select_related("checked_by", "overridden_by").first()


def checks_after_calls(check: PreDoseCheck | None) -> list[PreDoseCheck]:
    """The checks that followed a call, leading to `check` (itself included), oldest first:
    each names its call (`follows_call`), who assessed the patient and what changed."""
    chain: list[PreDoseCheck] = []
    while check is not None and check.follows_call_id is not None:
        chain.append(check)
        check = (
            PreDoseCheck.objects.select_related("checked_by", "assessed_by", "follows_call")
            .filter(pk=check.follows_call_id)
            .first()
        )
    return [
        PreDoseCheck.objects.select_related(
            "checked_by", "assessed_by", "follows_call__checked_by"
        ).get(pk=item.pk)
        for item in reversed(chain)
    ]


def latest_readiness(session: TreatmentSession) -> ReadinessAssessment | None:
    """The therapist's latest readiness for the session's dose: it supersedes earlier ones."""
    return session.readiness.select_related("assessed_by", "overridden_by").first()


def latest_prescription(session: TreatmentSession) -> PrescribedDose | None:
    """The prescription in force: the latest version (None for a session from before)."""
    return session.prescriptions.select_related("prescribed_by").first()


def gate_of(check: PreDoseCheck | None, readiness: ReadinessAssessment | None) -> Gate:
    """May the session start? The one gate of every dose, at home and in the clinic: a go
    (or an overridden hold) of the latest check, and no standing "not ready"."""
    return dose_gate(
        Outcome(check.outcome) if check is not None else None,
        check_overridden=check is not None and check.overridden_at is not None,
        not_ready=readiness is not None and readiness.holds,
    )


def pregnancy_relevant(course: TreatmentCourse) -> bool:
    """Asked unless the intake said male sex at birth (unknown counts as relevant)."""
    if course.case is None:
        return True
    return bool(course.case.submission.answers.get("sex_at_birth") != "male")


def check_limits(check: PreDoseCheck | None) -> Limits:
    """The limits a session goes by: those its pre-dose check was made with."""
    if check is None:
        return active_limits()[0]
    return limits_as_kept(check.limits)


def readings_of(observations: list[Observation]) -> list[ObservationReading]:
    return [
        ObservationReading(
            o.taken_at,
            o.systolic,
            o.diastolic,
            o.heart_rate,
            o.spo2,
            o.moaas,
            Dissociation(o.dissociation),
        )
        for o in observations
    ]


def baseline_of(check: PreDoseCheck | None) -> Baseline | None:
    values = check.result.get("baseline") if check else None
    return Baseline(*values) if values else None


@dataclass
class Monitoring:
    """Where an in-clinic record stands: next observation, readiness to leave."""

    next_due: NextObservation | None
    overdue: bool
    readiness: Readiness | None


def monitoring_of(
    record: MonitoringRecord, observations: list[Observation], now: datetime
) -> Monitoring:
    if record.dosed_at is None:
        return Monitoring(None, False, None)
    check = record.pre_dose_check
    limits = check_limits(check)
    readings = readings_of(observations)
    readiness = discharge_readiness(
        dosed_at=record.dosed_at,
        now=now,
        observations=readings,
        escort_present=record.escort_present,
        limits=limits,
    )
    if record.discharged_at is not None:
        return Monitoring(None, False, readiness)
    due = next_observation(record.dosed_at, readings, limits)
    return Monitoring(due, due.is_overdue(now), readiness)


STATE_LABELS = {
    "alert": "Alert",
    "call": "Call",
    "hold": "Hold",
    "waiting": "Waiting",
    "go": "Go",
    "dosing": "Dosing",
    "ready": "Ready to leave",
    "discharged": "Discharged",
    "done": "Readings done",
}
# Board order: what needs a clinician first.
STATE_ORDER = {name: rank for rank, name in enumerate(STATE_LABELS)}


def session_state(
    check: PreDoseCheck | None,
    record: MonitoringRecord | None,
    monitoring: Monitoring | None,
    readiness: ReadinessAssessment | None = None,
) -> str:
    if record is not None and record.discharged_at is not None:
        return "discharged"
    if record is not None and record.dosed_at is not None:
        ready = monitoring is not None and monitoring.readiness and monitoring.readiness.ready
        return "ready" if ready else "dosing"
    return gate_of(check, readiness).state


# At home ---------------------------------------------------------------------------------

CHECK_IN_OPENS_HOURS = 24


def check_in_window(day: date) -> tuple[datetime, datetime]:
    """From 24 hours before the session's day begins until that day ends (local time)."""
    start = timezone.make_aware(datetime.combine(day, time(0)))
    return start - timedelta(hours=CHECK_IN_OPENS_HOURS), start + timedelta(days=1)


@dataclass
class SlotStatus:
    slot: Slot
    times: SlotTimes
    reading: AfterDoseReading | None
    now: datetime | None = None

    @property
    def missed(self) -> bool:
        """Not sent by its missed time (the session page's now): the clinic has been told."""
        return self.now is not None and self.is_missed(self.now)

    def is_open(self, now: datetime) -> bool:
        return self.reading is None and now >= self.times.opens_at

    def is_overdue(self, now: datetime) -> bool:
        return self.reading is None and now > self.times.overdue_at

    def is_missed(self, now: datetime) -> bool:
        return self.reading is None and now > self.times.missed_at


def taken_of(readings: list[AfterDoseReading]) -> dict[Slot, Taken]:
    return {Slot(r.slot): Taken(r.taken_at, Level(r.level)) for r in readings}


@dataclass
class HomeStatus:
    """Where an at-home session stands for the patient and the board, from loaded rows."""

    session: TreatmentSession
    check: PreDoseCheck | None
    dose: HomeDose | None
    readings: list[AfterDoseReading]
    now: datetime
    readiness: ReadinessAssessment | None = None

    @property
    def gate(self) -> Gate:
        return gate_of(self.check, self.readiness)

    @property
    def readiness_held(self) -> bool:
        """The therapist said "not ready" and no clinician has overridden it."""
        return self.readiness is not None and self.readiness.holds

    @property
    def window(self) -> tuple[datetime, datetime]:
        return check_in_window(self.session.scheduled_for)

    @property
    def course_open(self) -> bool:
        return self.session.course.status == TreatmentCourse.Status.OPEN

    @property
    def window_open(self) -> bool:
        opens, closes = self.window
        return opens <= self.now < closes

    @property
    def go_until(self) -> datetime | None:
        """Until when a go (or an overridden hold) lets the patient start the dose."""
        if self.check is None or not self.gate.may_dose:
            return None
        since = self.check.overridden_at or self.check.checked_at
        return since + timedelta(minutes=settings.HOME_CHECK_IN_VALID_MINUTES)

    @property
    def go_expired(self) -> bool:
        until = self.go_until
        return until is not None and self.now > until

    @property
    def may_check_in_again(self) -> bool:
        """A hold only for the support person or the address: never overridden, the patient
        checks in again once they are right."""
        check = self.check
        return (
            check is not None
            and check.overridden_at is None
            and may_check_in_again(check.outcome, check.codes, check.setting)
        )

    @property
    def can_check_in(self) -> bool:
        """Open window, no dose yet, and no check, a go that has run out, or a hold that only
        a new check-in lifts.

        After any other hold or a call the patient does not check again: a clinician
        decides. While the therapist's "not ready" stands there is nothing to check in for.
        """
        return (
            self.course_open
            and self.window_open
            and self.dose is None
            and not self.readiness_held
            and (self.check is None or self.go_expired or self.may_check_in_again)
        )

    @property
    def can_start(self) -> bool:
        return (
            self.course_open
            and self.dose is None
            and self.go_until is not None
            and not self.go_expired
            and timezone.localdate(self.now) == self.session.scheduled_for
        )

    @property
    def limits(self) -> Limits:
        """The limits the dose's check was made with, as it kept them."""
        return limits_as_kept(self.dose.pre_dose_check.limits if self.dose else {})

    @property
    def slots(self) -> list[SlotStatus]:
        """The readings this session asks for: 40 minutes, a repeat after a raised first
        one, 2 hours."""
        if self.dose is None:
            return []
        by_slot = {Slot(reading.slot): reading for reading in self.readings}
        return [
            SlotStatus(slot, times, by_slot.get(slot), self.now)
            for slot, times in due_slots(self.dose.dosed_at, taken_of(self.readings), self.limits)
        ]

    @property
    def next_slot(self) -> SlotStatus | None:
        return next((s for s in self.slots if s.reading is None), None)

    @property
    def reading_overdue(self) -> bool:
        return any(s.is_overdue(self.now) for s in self.slots)

    @property
    def in_readings(self) -> bool:
        """The dose is taken and readings are still to come: the page shows nothing else."""
        return self.dose is not None and self.next_slot is not None

    @property
    def complete(self) -> bool:
        """Every reading in and the last one settled: the session is over."""
        return self.dose is not None and session_complete(
            self.dose.dosed_at, taken_of(self.readings), self.limits
        )

    @property
    def state(self) -> str:
        if self.dose is not None:
            return "dosing" if self.next_slot is not None else "done"
        return self.gate.state


def home_status(session: TreatmentSession, now: datetime) -> HomeStatus:
    """One at-home session's status (a few queries: for its own pages)."""
    dose = (
        HomeDose.objects.select_related("pre_dose_check")
        .filter(session=session)
        .prefetch_related("readings")
        .first()
    )
    return HomeStatus(
        session,
        latest_check(session),
        dose,
        list(dose.readings.all()) if dose else [],
        now,
        latest_readiness(session),
    )


@dataclass
class BoardRow:
    session: TreatmentSession
    state: str
    check: PreDoseCheck | None
    record: MonitoringRecord | None
    monitoring: Monitoring | None
    alerts: list[SessionAlert] = field(default_factory=list)
    home: HomeStatus | None = None
    readiness: ReadinessAssessment | None = None

    @property
    def readiness_held(self) -> bool:
        return self.readiness is not None and self.readiness.holds

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def urgent(self) -> bool:
        return bool(self.alerts) or self.state == "call"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        state = "alert" if self.alerts else self.state
        return (STATE_ORDER[state], self.session.course.patient_id, self.session.number)


def today_board(day: date, now: datetime) -> list[BoardRow]:
    """Today's sessions of open courses with their state; alerts, calls and holds first.

    In the clinic the state comes from the pre-dose check and the record; at home
    from the patient's check-in, dose and readings. A fixed number of queries,
    whatever the number of courses or sessions.
    """
    todays = {"scheduled_for": day, "course__status": TreatmentCourse.Status.OPEN}

    def of_today(prefix: str) -> dict[str, Any]:
        return {f"{prefix}__{name}": value for name, value in todays.items()}

    sessions = list(
        TreatmentSession.objects.filter(**todays)
        .select_related("course__patient", "home_dose__pre_dose_check")
        .defer("home_dose__pre_dose_check__answers", "home_dose__pre_dose_check__result")
    )
    # One query per kind of row, joined to today's sessions and grouped here: neither a
    # prefetch (which clones a queryset per session) nor a list of thousands of ids.
    # The board reads no check's answers (only its result, for the mood flags): leave the
    # answers unread.
    latest_checks: dict[int, PreDoseCheck] = {}
    for check in (
        PreDoseCheck.objects.filter(**of_today("session"))
        .defer("answers", "limits")
        .order_by("-checked_at", "-pk")
    ):
        latest_checks.setdefault(check.session_id, check)
    latest_readiness_of: dict[int, ReadinessAssessment] = {}
    for readiness in ReadinessAssessment.objects.filter(**of_today("session")).order_by(
        "-assessed_at", "-pk"
    ):
        latest_readiness_of.setdefault(readiness.session_id, readiness)
    latest_versions: dict[int, MonitoringRecord] = {}
    for record in (
        MonitoringRecord.objects.filter(**of_today("session"))
        .select_related("pre_dose_check")
        .defer("pre_dose_check__answers")
        .order_by("-version")
    ):
        latest_versions.setdefault(record.session_id, record)
    rows = []
    latest_records = []
    dose_ids = []
    for session in sessions:
        row = BoardRow(session, "waiting", latest_checks.get(session.pk), None, None)
        row.readiness = latest_readiness_of.get(session.pk)
        row.record = latest_versions.get(session.pk)
        if row.record is not None:
            latest_records.append(row.record)
        if not session.in_clinic:
            dose = getattr(session, "home_dose", None)
            row.home = HomeStatus(session, row.check, dose, [], now, row.readiness)
            if dose is not None:
                dose_ids.append(dose.pk)
        rows.append(row)
    observations: dict[int, list[Observation]] = {r.pk: [] for r in latest_records}
    for observation in Observation.objects.filter(**of_today("record__session")):
        if observation.record_id in observations:
            observations[observation.record_id].append(observation)
    readings: dict[int, list[AfterDoseReading]] = {pk: [] for pk in dose_ids}
    for reading in AfterDoseReading.objects.filter(**of_today("dose__session")):
        readings[reading.dose_id].append(reading)
    alerts: dict[int, list[SessionAlert]] = {session.pk: [] for session in sessions}
    for alert in SessionAlert.objects.filter(acknowledged_at__isnull=True, **of_today("session")):
        alerts[alert.session_id].append(alert)
    for row in rows:
        row.alerts = alerts[row.session.pk]
        if row.home is not None:
            if row.home.dose is not None:
                row.home.readings = readings[row.home.dose.pk]
            row.state = row.home.state
            continue
        if row.record is not None:
            row.monitoring = monitoring_of(row.record, observations[row.record.pk], now)
        row.state = session_state(row.check, row.record, row.monitoring, row.readiness)
    rows.sort(key=lambda row: row.sort_key)
    return rows


def open_tasks() -> QuerySet[FollowUpTask]:
    """Open tasks, the urgent first (a missed reading, a call), then by deadline."""
    return (
        FollowUpTask.objects.filter(done_at__isnull=True, course__status__in=["open", "paused"])
        .select_related("course__patient", "owner")
        .order_by("-urgent", "due_at", "pk")
    )


def record_deadline(record: MonitoringRecord) -> date:
    """The REMS record is due this many days after the dose (or the session date)."""
    start = record.dosed_at.date() if record.dosed_at is not None else record.session.scheduled_for
    return start + timedelta(days=settings.CLINIC_RECORD_DEADLINE_DAYS)


def unsigned_records(clinician_id: int | None = None) -> QuerySet[MonitoringRecord]:
    """Latest unsigned versions of records whose dose was given, oldest first."""
    records = MonitoringRecord.objects.filter(
        signed_at__isnull=True, dosed_at__isnull=False
    ).select_related("session__course__patient", "created_by")
    if clinician_id is not None:
        records = records.filter(created_by_id=clinician_id)
    return records.order_by("dosed_at", "pk")


def unsigned_rows(today: date) -> list[dict[str, Any]]:
    return [
        {
            "record": record,
            "due": record_deadline(record),
            "days_left": (record_deadline(record) - today).days,
            "overdue_days": (today - record_deadline(record)).days,
        }
        for record in unsigned_records()
    ]


def safety_check_due(course: TreatmentCourse, today: date) -> bool:
    """Monthly, once a course has run longer than a month."""
    started = course.opened_at.date()
    if course.status != TreatmentCourse.Status.OPEN or today - started < timedelta(days=30):
        return False
    last = course.safety_checks.order_by("-recorded_at").first()
    return last is None or today - last.recorded_at.date() >= timedelta(days=30)


def safety_checks(course: TreatmentCourse) -> QuerySet[SafetyCheck]:
    return course.safety_checks.select_related("recorded_by")


def patient_course(patient: Patient) -> TreatmentCourse | None:
    """The patient's open or paused course, or else the latest one."""
    courses = TreatmentCourse.objects.filter(patient=patient)
    return (
        courses.filter(status__in=TreatmentCourse.ACTIVE_STATUSES).first()
        or courses.order_by("-opened_at").first()
    )


# Measures, the course timeline and the vitals chart -----------------------------------------


def baseline_scores(course: TreatmentCourse) -> Scores | None:
    """The intake's PHQ-9 and GAD-7, the baseline of the course's trend."""
    if course.case is None:
        return None
    answers = course.case.submission.answers
    try:
        return scores_of(answers.get("phq9") or [], answers.get("gad7") or [])
    except ValueError:
        return None


def scores_of_set(measure: MeasureSet) -> Scores:
    return Scores(measure.phq9_total, measure.gad7_total, measure.phq9_item9)


# A session has started once its dose is recorded, at home or in the clinic.
STARTED = Exists(HomeDose.objects.filter(session=OuterRef("pk"))) | Exists(
    MonitoringRecord.objects.filter(session=OuterRef("pk"), dosed_at__isnull=False)
)


def measures_due_for(course: TreatmentCourse, today: date) -> list[DueMeasure]:
    if course.status != TreatmentCourse.Status.OPEN:
        return []
    sessions = list(course.sessions.annotate(started=STARTED))
    return measures_due(
        sessions=[(s.number, s.scheduled_for) for s in sessions],
        started={s.number for s in sessions if s.started},
        opened=timezone.localdate(course.opened_at),
        taken=set(course.measures.values_list("key", flat=True)),
        today=today,
    )


@dataclass
class TrendRow:
    label: str
    at: datetime | None
    scores: Scores
    marks: Marks | None
    alerts: list[dict[str, str]]


def measure_trend(course: TreatmentCourse) -> list[TrendRow]:
    """The baseline first (the intake), then each measure with response and remission."""
    baseline = baseline_scores(course)
    rows = []
    if baseline is not None and course.case is not None:
        rows.append(
            TrendRow("Intake (baseline)", course.case.submission.submitted_at, baseline, None, [])
        )
    for measure in course.measures.all():
        scores = scores_of_set(measure)
        label = measure.key.replace("session-", "Before session ").replace("month-", "Month ")
        rows.append(
            TrendRow(label, measure.recorded_at, scores, marks(scores, baseline), measure.alerts)
        )
    return rows


def check_timeline(course: TreatmentCourse) -> list[PreDoseCheck]:
    """Every pre-dose check of the course, newest first, with who checked and overrode."""
    return list(
        PreDoseCheck.objects.filter(session__course=course)
        .select_related("session", "checked_by", "overridden_by")
        .order_by("-checked_at", "-pk")
    )


def vitals_series(course: TreatmentCourse) -> list[dict[str, Any]]:
    """Blood pressure and heart rate over the course, oldest first: before each dose (the
    mean of the check's readings), after it at home, and observations in the clinic."""
    points: list[dict[str, Any]] = []

    def add(at: datetime, what: str, systolic: int, diastolic: int, heart_rate: int) -> None:
        points.append(
            {
                "at": timezone.localtime(at).strftime("%Y-%m-%d %H:%M"),
                "what": what,
                "systolic": systolic,
                "diastolic": diastolic,
                "heart_rate": heart_rate,
            }
        )

    for check in PreDoseCheck.objects.filter(session__course=course).select_related("session"):
        raw = check.answers
        try:
            values = [
                (int(raw[f"systolic_{n}"]), int(raw[f"diastolic_{n}"]), int(raw[f"heart_rate_{n}"]))
                for n in (1, 2)
            ]
        except (KeyError, TypeError, ValueError):
            continue
        mean = [round(sum(v[i] for v in values) / len(values)) for i in range(3)]
        add(check.checked_at, f"Session {check.session.number}, before the dose", *mean)
    for reading in AfterDoseReading.objects.filter(dose__session__course=course).select_related(
        "dose__session"
    ):
        when = "40 minutes" if reading.slot == Slot.FIRST else "2 hours"
        add(
            reading.taken_at,
            f"Session {reading.dose.session.number}, {when} after the dose",
            reading.systolic,
            reading.diastolic,
            reading.heart_rate,
        )
    for observation in Observation.objects.filter(
        record__session__course=course, record__amended_by__isnull=True
    ).select_related("record__session"):
        add(
            observation.taken_at,
            f"Session {observation.record.session.number}, in the clinic",
            observation.systolic,
            observation.diastolic,
            observation.heart_rate,
        )
    points.sort(key=lambda p: p["at"])
    return points


def side_effects_of(course: TreatmentCourse) -> list[ReportedSideEffect]:
    return list(
        ReportedSideEffect.objects.filter(session__course=course)
        .select_related("session")
        .order_by("-reported_at", "-pk")
    )


def last_side_effects(session: TreatmentSession) -> dict[SideEffect, ReportedSideEffect]:
    """Each side effect's latest report in a session: once reported, it stays shown so."""
    return {
        SideEffect(row.effect): row
        for row in ReportedSideEffect.objects.filter(session=session).order_by("reported_at", "pk")
    }


@dataclass(frozen=True)
class Contacts:
    """Whom to call about a patient at home, and where the session takes place."""

    patient_phone: str = ""
    support_name: str = ""
    support_phone: str = ""
    emergency_name: str = ""
    emergency_phone: str = ""
    address: str = ""


def contacts_of(course: TreatmentCourse) -> Contacts:
    """The patient's phone, the support person and emergency contact from the intake, and
    the session address (empty where the intake did not ask them)."""
    answers: dict[str, Any] = course.case.submission.answers if course.case else {}
    support = answers.get("support_person_contact") or {}
    emergency = answers.get("emergency_contact") or {}
    return Contacts(
        patient_phone=course.patient.phone,
        support_name=str(support.get("name", "")),
        support_phone=str(support.get("phone", "")),
        emergency_name=str(emergency.get("name", "")),
        emergency_phone=str(emergency.get("phone", "")),
        address=str(answers.get("session_location", "")),
    )
