"""Reads of the program outcomes: every course of a period as plain data for the engine
(`treatment.rules.outcomes`), and the safety events and endings around them.

Everything is read in a fixed number of queries, whatever the number of courses: the
doses before each measure and each course's first prescription are counted by the
database, and the rest comes back as plain tuples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
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
        """The courses' filter: local midnights, so that the index-free range stays simple."""
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


def _total(items: Any, count: int) -> int | None:
    """An intake questionnaire's total, None unless every item is a score 0-3."""
    if not isinstance(items, list) or len(items) != count:
        return None
    if any(type(item) is not int or not 0 <= item <= 3 for item in items):
        return None
    return sum(items)


def _doses_before(moment: Any) -> Subquery:
    """Sessions of the measure's course dosed before it was taken (home or clinic)."""
    return Subquery(
        HomeDose.objects.filter(session__course=OuterRef("course"), dosed_at__lt=moment)
        .order_by()
        .values("session__course")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


def _clinic_doses_before(moment: Any) -> Subquery:
    return Subquery(
        MonitoringRecord.objects.filter(
            session__course=OuterRef("course"), dosed_at__isnull=False, dosed_at__lt=moment
        )
        .order_by()
        .values("session__course")
        .annotate(n=Count("session", distinct=True))
        .values("n"),
        output_field=IntegerField(),
    )


def _home_doses_of_course() -> Subquery:
    return Subquery(
        HomeDose.objects.filter(session__course=OuterRef("pk"))
        .order_by()
        .values("session__course")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


def _clinic_doses_of_course() -> Subquery:
    return Subquery(
        MonitoringRecord.objects.filter(session__course=OuterRef("pk"), dosed_at__isnull=False)
        .order_by()
        .values("session__course")
        .annotate(n=Count("session", distinct=True))
        .values("n"),
        output_field=IntegerField(),
    )


def _last_dose_of_course(model: Any) -> Subquery:
    return Subquery(
        model.objects.filter(session__course=OuterRef("pk"), dosed_at__isnull=False)
        .order_by("-dosed_at")
        .values("dosed_at")[:1]
    )


def _first_prescription(column: str) -> Subquery:
    """The course's first prescribed dose (lowest session, latest version): route or mg."""
    return Subquery(
        PrescribedDose.objects.filter(session__course=OuterRef("pk"))
        .order_by("session__number", "-version")
        .values(column)[:1]
    )


def courses_in(period: Period) -> QuerySet[TreatmentCourse]:
    return TreatmentCourse.objects.filter(period.bounds())


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def course_records(courses: QuerySet[TreatmentCourse]) -> list[CourseRecord]:
    """The courses as plain data, in two queries: the courses, then all their measures."""
    rows = (
        courses.order_by("pk")
        .annotate(
            home_doses=Coalesce(_home_doses_of_course(), Value(0)),
            clinic_doses=Coalesce(_clinic_doses_of_course(), Value(0)),
            last_home=_last_dose_of_course(HomeDose),
            last_clinic=_last_dose_of_course(MonitoringRecord),
            route=_first_prescription("route"),
            dose_mg=_first_prescription("dose_mg"),
            intake_phq9=F("case__submission__answers__phq9"),
            intake_gad7=F("case__submission__answers__gad7"),
            born=F("patient__date_of_birth"),
        )
        .values_list(
            "pk",
            "opened_at",
            "setting",
            "status",
            "status_reason",
            "home_doses",
            "clinic_doses",
            "last_home",
            "last_clinic",
            "route",
            "dose_mg",
            "intake_phq9",
            "intake_gad7",
            "born",
        )
    )
    measures: dict[int, list[CourseMeasure]] = defaultdict(list)
    for course_id, phq9, gad7, dosed in (
        MeasureSet.objects.filter(course__in=courses.values("pk"))
        .annotate(
            dosed=Coalesce(_doses_before(OuterRef("recorded_at")), Value(0))
            + Coalesce(_clinic_doses_before(OuterRef("recorded_at")), Value(0))
        )
        .order_by("course", "recorded_at", "pk")
        .values_list("course", "phq9_total", "gad7_total", "dosed")
    ):
        measures[course_id].append(CourseMeasure(dosed, phq9, gad7))
    records = []
    for (
        pk,
        opened_at,
        setting,
        status,
        reason,
        home_doses,
        clinic_doses,
        last_home,
        last_clinic,
        route,
        dose_mg,
        intake_phq9,
        intake_gad7,
        born,
    ) in rows:
        own = measures.get(pk, [])
        dosed = home_doses + clinic_doses
        # A measure can be recorded at the moment of a dose in synthetic data: never more
        # doses before a measure than the course had.
        own = [m._replace(sessions_dosed=min(m.sessions_dosed, dosed)) for m in own]
        pre_dose = [m for m in own if m.sessions_dosed == 0]
        band = None
        if route and dose_mg is not None and Decimal(dose_mg) > 0:
            band = dose_band(Route(route), Decimal(dose_mg))
        activity = max(
            (moment for moment in (last_home, last_clinic) if moment is not None),
            default=opened_at,
        )
        records.append(
            CourseRecord(
                pk=pk,
                outcome=CourseOutcomeInput(
                    opened=timezone.localdate(opened_at),
                    setting=Setting(setting),
                    route=Route(route) if route else None,
                    dose_band=band,
                    baseline_phq9=baseline_of(
                        pre_dose=_last_score(pre_dose, "phq9"),
                        intake=_total(intake_phq9, 9),
                    ),
                    baseline_gad7=baseline_of(
                        pre_dose=_last_score(pre_dose, "gad7"),
                        intake=_total(intake_gad7, 7),
                    ),
                    measures=tuple(own),
                    sessions_dosed=dosed,
                    ended=status == TreatmentCourse.Status.ENDED,
                    end_reason=reason if status == TreatmentCourse.Status.ENDED else "",
                ),
                age=_age(born, timezone.localdate(opened_at)),
                opened_at=opened_at,
                last_activity=activity,
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
