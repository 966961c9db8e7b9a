"""Reads of what a case's courses add to its FHIR bundle, oldest first."""

from __future__ import annotations

from dataclasses import dataclass, field

from screening.review.models import Case
from treatment.clinic.models import MonitoringRecord, Observation
from treatment.courses.models import TreatmentCourse
from treatment.home.models import AfterDoseReading, HomeDose, MeasureSet


@dataclass
class CourseExport:
    """One course's records for the bundle: measures, doses and the readings after them."""

    course: TreatmentCourse
    measures: list[MeasureSet] = field(default_factory=list)
    home_doses: list[HomeDose] = field(default_factory=list)
    readings: list[AfterDoseReading] = field(default_factory=list)
    records: list[MonitoringRecord] = field(default_factory=list)  # dosed, latest versions
    observations: list[Observation] = field(default_factory=list)  # of the latest versions


def _current_records(course: TreatmentCourse) -> list[MonitoringRecord]:
    """Each session's record as it stands: its latest version (an amendment carries its
    observations over)."""
    latest: dict[int, MonitoringRecord] = {}
    for record in MonitoringRecord.objects.filter(session__course=course).select_related("session"):
        kept = latest.get(record.session_id)
        if kept is None or record.version > kept.version:
            latest[record.session_id] = record
    return sorted(latest.values(), key=lambda r: (r.session.number, r.pk))


def course_exports(case: Case) -> list[CourseExport]:
    """The courses opened from this case, oldest first, with what each has recorded."""
    exports = []
    for course in TreatmentCourse.objects.filter(case=case).order_by("opened_at", "pk"):
        records = _current_records(course)
        exports.append(
            CourseExport(
                course=course,
                measures=list(course.measures.order_by("recorded_at", "pk")),
                home_doses=list(
                    HomeDose.objects.filter(session__course=course)
                    .select_related("session", "prescription")
                    .order_by("dosed_at", "pk")
                ),
                readings=list(
                    AfterDoseReading.objects.filter(dose__session__course=course)
                    .select_related("dose__session")
                    .order_by("taken_at", "pk")
                ),
                records=[r for r in records if r.dosed_at is not None],
                observations=list(
                    Observation.objects.filter(record__in=records)
                    .select_related("record__session")
                    .order_by("taken_at", "pk")
                ),
            )
        )
    return exports
