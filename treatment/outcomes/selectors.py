"""Reads of the program outcomes: every course of a period as plain data for the engine
(`treatment.rules.outcomes`), and the safety events and endings around them.

Everything is read in a fixed number of queries, whatever the number of courses: the
courses, their doses at home and in the clinic, their first prescriptions and their
measures as plain tuples (moments as epoch seconds), then the safety events counted by
the database. The sessions dosed before each measure are counted here, by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, FloatField, Func, Q, QuerySet
from django.utils import timezone

from treatment.checks.models import PreDoseCheck
from treatment.clinic.models import MonitoringRecord
from treatment.courses.models import PrescribedDose, TreatmentCourse
from treatment.followup.models import FollowUpTask, SessionAlert
from treatment.home.models import HomeDose, MeasureSet, ReportedSideEffect
from treatment.rules import Outcome, Setting, Severity
from treatment.rules.outcomes import (
    CourseMeasure,
    CourseOutcomeInput,
    baseline_of,
)
from treatment.rules.program import SafetyCounts, alert_kind
from treatment.rules.references import dose_band
from treatment.rules.therapy import Route


@dataclass(frozen=True, slots=True)
class Period:
    """Courses opened from `start` to `end`, both days included; None leaves that end open."""

    start: date | None = None
    end: date | None = None

    def bounds(self) -> Q:
        """The courses' filter: from the first day's local midnight to the day after the last's."""
        q = Q()
        if self.start is not None:
            q &= Q(opened_at__gte=_midnight(self.start))
        if self.end is not None:
            q &= Q(opened_at__lt=_midnight(self.end + timedelta(days=1)))
        return q


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True, slots=True)
class CourseRecord:
    """One course as the outcomes see it: the engine's input and what the page adds."""

    pk: int
    outcome: CourseOutcomeInput
    age: int | None  # at the course's opening, for the de-identified export
    opened_at: datetime
    last_activity: datetime  # the last dose, else the opening: whether a course was lost


@dataclass
class ProgramData:
    courses: list[CourseRecord]
    safety: dict[Setting, SafetyCounts] = field(default_factory=dict)
    plan_reviews: int = 0


class Epoch(Func):
    """A moment as seconds since 1970 (UTC), a float: 100,000 of them load in milliseconds,
    where as many aware datetimes take more than a second to convert."""

    output_field = FloatField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="EXTRACT(EPOCH FROM %(expressions)s)::double precision",
            **extra,
        )

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s) - 2440587.5) * 86400.0)",
            **extra,
        )


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def _total(items: Any, count: int) -> int | None:
    """An intake questionnaire's total, None unless every item is a score 0-3."""
    if not isinstance(items, list) or len(items) != count:
        return None
    if any(type(item) is not int or not 0 <= item <= 3 for item in items):
        return None
    return sum(items)


def courses_in(period: Period) -> QuerySet[TreatmentCourse]:
    return TreatmentCourse.objects.filter(period.bounds())


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def dose_times(ids: QuerySet[Any]) -> dict[int, list[float]]:
    """Each course's times of dose (`Epoch` seconds), in order: one per session dosed, at
    home or in the clinic (an amended clinic record keeps its session's first time)."""
    times: dict[int, list[float]] = defaultdict(list)
    for course_id, dosed_at in (
        HomeDose.objects.filter(session__course__in=ids)
        .annotate(at=Epoch("dosed_at"))
        .values_list("session__course", "at")
    ):
        times[course_id].append(dosed_at)
    clinic: dict[int, tuple[int, float]] = {}
    for course_id, session_id, dosed_at in (
        MonitoringRecord.objects.filter(session__course__in=ids, dosed_at__isnull=False)
        .annotate(at=Epoch("dosed_at"))
        .values_list("session__course", "session", "at")
    ):
        kept = clinic.get(session_id)
        if kept is None or dosed_at < kept[1]:
            clinic[session_id] = (course_id, dosed_at)
    for course_id, dosed_at in clinic.values():
        times[course_id].append(dosed_at)
    for course_times in times.values():
        course_times.sort()
    return times


def first_prescriptions(ids: QuerySet[Any]) -> dict[int, tuple[str, Decimal]]:
    """Each course's first session's prescribed route and dose, its latest version."""
    prescribed: dict[int, tuple[str, Decimal]] = {}
    for course_id, route, mg in (
        PrescribedDose.objects.filter(session__course__in=ids, session__number=1)
        .order_by("version")
        .values_list("session__course", "route", "dose_mg")
    ):
        prescribed[course_id] = (route, mg)  # the later version wins
    return prescribed


def course_records(courses: QuerySet[TreatmentCourse]) -> list[CourseRecord]:
    """The courses as plain data, in five queries whatever their number."""
    ids = courses.values("pk")
    rows = (
        courses.order_by("pk")
        .annotate(
            intake_phq9=F("case__submission__answers__phq9"),
            intake_gad7=F("case__submission__answers__gad7"),
            born=F("patient__date_of_birth"),
            opened_epoch=Epoch("opened_at"),
        )
        .values_list(
            "pk",
            "opened_epoch",
            "setting",
            "status",
            "status_reason",
            "intake_phq9",
            "intake_gad7",
            "born",
        )
    )
    doses = dose_times(ids)
    prescribed = first_prescriptions(ids)
    measured: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for course_id, at, phq9, gad7 in (
        MeasureSet.objects.filter(course__in=ids)
        .order_by("course", "recorded_at", "pk")
        .annotate(at=Epoch("recorded_at"))
        .values_list("course", "at", "phq9_total", "gad7_total")
    ):
        measured[course_id].append((at, phq9, gad7))
    records = []
    for pk, opened_epoch, setting, status, reason, intake_phq9, intake_gad7, born in rows:
        times = doses.get(pk, [])
        own = [
            CourseMeasure(bisect_left(times, at), phq9, gad7)
            for at, phq9, gad7 in measured.get(pk, ())
        ]
        pre_dose = [m for m in own if m.sessions_dosed == 0]
        route, mg = prescribed.get(pk, (None, None))
        band = dose_band(Route(route), mg) if route and mg is not None and mg > 0 else None
        ended = status == TreatmentCourse.Status.ENDED
        opened_at = _moment(opened_epoch)
        opened = timezone.localdate(opened_at)
        records.append(
            CourseRecord(
                pk=pk,
                outcome=CourseOutcomeInput(
                    opened=opened,
                    setting=Setting(setting),
                    route=Route(route) if route else None,
                    dose_band=band,
                    baseline_phq9=baseline_of(
                        pre_dose=_last_score(pre_dose, "phq9"), intake=_total(intake_phq9, 9)
                    ),
                    baseline_gad7=baseline_of(
                        pre_dose=_last_score(pre_dose, "gad7"), intake=_total(intake_gad7, 7)
                    ),
                    measures=tuple(own),
                    sessions_dosed=len(times),
                    ended=ended,
                    end_reason=reason if ended else "",
                ),
                age=_age(born, opened),
                opened_at=opened_at,
                last_activity=_moment(times[-1]) if times else opened_at,
            )
        )
    return records


def _last_score(measures: Iterable[CourseMeasure], name: str) -> int | None:
    scores = [getattr(m, name) for m in measures if getattr(m, name) is not None]
    return scores[-1] if scores else None


def safety_counts(courses: QuerySet[TreatmentCourse]) -> dict[Setting, SafetyCounts]:
    """Doses and safety events of the courses, by the setting of each session (5 queries)."""
    ids = courses.values("pk")
    doses: Counter[str] = Counter()
    for setting, n in (
        HomeDose.objects.filter(session__course__in=ids)
        .values_list("session__setting")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        doses[setting] += n
    for setting, n in (
        MonitoringRecord.objects.filter(session__course__in=ids, dosed_at__isnull=False)
        .values_list("session__setting")
        .annotate(n=Count("session", distinct=True))
        .order_by()
    ):
        doses[setting] += n
    checks: dict[str, Counter[str]] = defaultdict(Counter)
    for setting, outcome, overridden, n in (
        PreDoseCheck.objects.filter(session__course__in=ids)
        .values_list("setting", "outcome")
        .annotate(
            overridden=Count("pk", filter=Q(overridden_at__isnull=False, outcome=Outcome.HOLD)),
            n=Count("pk"),
        )
        .order_by()
    ):
        checks[setting][outcome] += n
        checks[setting]["override"] += overridden
    alerts: dict[str, Counter[str]] = defaultdict(Counter)
    for setting, code, n in (
        SessionAlert.objects.filter(session__course__in=ids)
        .values_list("session__setting", "code")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        alerts[setting][alert_kind(code)] += n
    severe: Counter[str] = Counter(
        dict(
            ReportedSideEffect.objects.filter(
                session__course__in=ids, severity=Severity.SEVERE.value
            )
            .values_list("session__setting")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    return {
        setting: SafetyCounts(
            doses=doses[setting],
            holds=checks[setting][Outcome.HOLD],
            calls=checks[setting][Outcome.CALL],
            overrides=checks[setting]["override"],
            severe_side_effects=severe[setting],
            alerts=dict(alerts[setting]),
        )
        for setting in Setting
    }


def plan_reviews_opened(courses: QuerySet[TreatmentCourse]) -> int:
    return FollowUpTask.objects.filter(
        course__in=courses.values("pk"), kind=FollowUpTask.Kind.PLAN_REVIEW
    ).count()


def program_data(period: Period) -> ProgramData:
    """Everything the outcomes page shows for a period, in a fixed number of queries."""
    courses = courses_in(period)
    return ProgramData(
        courses=course_records(courses),
        safety=safety_counts(courses),
        plan_reviews=plan_reviews_opened(courses),
    )


def course_outcome_input(course_id: int) -> CourseOutcomeInput | None:
    """One course's outcome input (for the plan-review prompt)."""
    records = course_records(TreatmentCourse.objects.filter(pk=course_id))
    return records[0].outcome if records else None
