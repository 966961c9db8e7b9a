"""PHQ-9 and GAD-7 during a course: kept once per due key, alone or inside a check-in; item 9
above 0 or a rise of 5 raises a task."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.checks.models import PreDoseCheck
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.courses.selectors import baseline_scores, measures_due_for, scores_of_set
from treatment.courses.services import TreatmentError, treatment_audit
from treatment.followup.models import FollowUpTask
from treatment.followup.services import task_open
from treatment.home.models import MeasureSet
from treatment.outcomes.services import plan_review_later
from treatment.rules import DueMeasure, MeasureResult, Setting, check_measures, scores_of

Action = AuditEntry.Action


logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MeasuresAnswers:
    """PHQ-9 and GAD-7 answered inside a check-in, for the measure due before the dose."""

    key: str
    phq9: list[int]
    gad7: list[int]
    difficulty: dict[str, str]


def previous_mood(session: TreatmentSession) -> int | None:
    """The mood of the patient's last check-in of this course (any session)."""
    for answers in (
        PreDoseCheck.objects.filter(session__course=session.course, setting=Setting.AT_HOME)
        .order_by("-checked_at", "-pk")
        .values_list("answers", flat=True)[:20]
    ):
        mood = answers.get("mood")
        if type(mood) is int:
            return mood
    return None


def due_measure_for(session: TreatmentSession) -> DueMeasure | None:
    """The questionnaires due before this dose, asked inside its check-in."""
    due = measures_due_for(session.course, clock.today())
    own = f"session-{session.number}"
    return next((m for m in due if m.key == own), due[0] if due else None)


@transaction.atomic
def measures_record(
    *,
    course: TreatmentCourse,
    key: str,
    phq9: list[int],
    gad7: list[int],
    difficulty: dict[str, str],
    actor: User,
    request: HttpRequest | None = None,
    ideation_task: bool = True,
) -> tuple[MeasureSet, MeasureResult]:
    """PHQ-9 and GAD-7 for a due key; item 9 above 0 or a rise of 5 raises a task.

    Inside a check-in the check raises the ideation task (`ideation_task` False).
    """
    course = TreatmentCourse.objects.select_for_update().get(pk=course.pk)
    due = {m.key: m for m in measures_due_for(course, clock.today())}
    if key not in due:
        raise TreatmentError("These questions are not due now: thank you.")
    try:
        scores = scores_of(phq9, gad7)
    except ValueError as error:
        raise TreatmentError("Please answer every question.") from error
    last = course.measures.order_by("-recorded_at", "-pk").first()
    result = check_measures(
        scores,
        previous=scores_of_set(last) if last else None,
        baseline=baseline_scores(course),
    )
    session = None
    if key.startswith("session-"):
        session = course.sessions.filter(number=int(key.removeprefix("session-"))).first()
    try:
        with transaction.atomic():
            measure = MeasureSet.objects.create(
                course=course,
                key=key,
                session=session,
                phq9=phq9,
                gad7=gad7,
                difficulty=difficulty,
                phq9_total=scores.phq9,
                gad7_total=scores.gad7,
                phq9_item9=scores.phq9_item9,
                alerts=[{"code": a.code, "text": a.text} for a in result.alerts],
                recorded_by=actor,
                recorded_at=clock.now(),
            )
    except IntegrityError as error:
        raise TreatmentError("You have already answered these questions.") from error
    if result.ideation and ideation_task:
        task_open(
            course=course,
            kind=FollowUpTask.Kind.SUICIDAL_IDEATION,
            source=f"measures:{measure.pk}",
            urgent=result.crisis,
        )
    if any(code.endswith("_rise") for code in result.codes):
        task_open(
            course=course, kind=FollowUpTask.Kind.MEASURE_RISE, source=f"measures:{measure.pk}"
        )
    plan_review_later(course.pk)
    if result.alerts:
        logger.info("measures %s raised %d alert(s)", measure.pk, len(result.alerts))
    treatment_audit(
        actor=actor,
        action=Action.MEASURES_RECORDED,
        course=course,
        detail=f"{key}" + (f", {len(result.alerts)} alert(s)" if result.alerts else ""),
        request=request,
    )
    return measure, result
