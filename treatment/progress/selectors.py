"""Reads of a patient's progress on PHQ-9 and GAD-7 over their course, for "My treatment".

The baseline and the latest score follow the program's definitions
(`treatment.rules.outcomes.baseline_of`): the last questionnaire before the
first dose, else the intake's; the latest is the last one after the first dose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Min

from treatment.clinic.models import MonitoringRecord
from treatment.courses.models import TreatmentCourse
from treatment.courses.selectors import baseline_scores
from treatment.home.models import HomeDose
from treatment.rules.outcomes import Instrument, baseline_of
from treatment.rules.progress import ProgressNote, progress_note


@dataclass(frozen=True)
class ProgressPoint:
    """One time the patient answered: the intake, or a questionnaire of the course."""

    label: str
    at: datetime | None
    phq9: int | None
    gad7: int | None
    after_first_dose: bool

    def score(self, instrument: Instrument) -> int | None:
        return self.phq9 if instrument is Instrument.PHQ9 else self.gad7


@dataclass(frozen=True)
class PatientProgress:
    points: list[ProgressPoint] = field(default_factory=list)
    notes: list[ProgressNote] = field(default_factory=list)

    @property
    def worse(self) -> bool:
        return any(note.worse for note in self.notes)

    def chart(self) -> list[dict[str, Any]]:
        """The points as the measures chart script reads them."""
        return [{"label": p.label, "phq9": p.phq9, "gad7": p.gad7} for p in self.points]


def first_dose_at(course: TreatmentCourse) -> datetime | None:
    """When the course's first dose was given, at home or in the clinic."""
    times = [
        HomeDose.objects.filter(session__course=course).aggregate(at=Min("dosed_at"))["at"],
        MonitoringRecord.objects.filter(session__course=course, dosed_at__isnull=False).aggregate(
            at=Min("dosed_at")
        )["at"],
    ]
    known = [at for at in times if at is not None]
    return min(known) if known else None


def _label(key: str) -> str:
    if key.startswith("session-"):
        return f"Before session {key.removeprefix('session-')}"
    if key.startswith("month-"):
        return f"Month {key.removeprefix('month-')} of your course"
    return "During your course"


def patient_progress(course: TreatmentCourse) -> PatientProgress:
    """The patient's answers over the course and what they say against the baseline."""
    first_dose = first_dose_at(course)
    points = []
    intake = baseline_scores(course)
    if intake is not None and course.case is not None:
        points.append(
            ProgressPoint(
                "Your first questionnaire",
                course.case.submission.submitted_at,
                intake.phq9,
                intake.gad7,
                after_first_dose=False,
            )
        )
    for measure in course.measures.order_by("recorded_at", "pk"):
        points.append(
            ProgressPoint(
                _label(measure.key),
                measure.recorded_at,
                measure.phq9_total,
                measure.gad7_total,
                after_first_dose=first_dose is not None and measure.recorded_at >= first_dose,
            )
        )
    # The intake point, if any, is first; the course's own questionnaires follow it.
    first = 1 if intake is not None and course.case is not None else 0
    intake_point, measures = (points[0] if first else None), points[first:]
    notes = []
    for instrument in Instrument:
        pre_dose = [p.score(instrument) for p in measures if not p.after_first_dose]
        after = [p.score(instrument) for p in measures if p.after_first_dose]
        baseline = baseline_of(
            pre_dose=pre_dose[-1] if pre_dose else None,
            intake=intake_point.score(instrument) if intake_point else None,
        )
        note = progress_note(instrument, baseline, after[-1] if after else None)
        if note is not None:
            notes.append(note)
    return PatientProgress(points, notes)
