"""What a new course needs before its first dose: a therapist, a focus, a prescription and
sessions on the calendar; and the list of courses with those still missing marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from screening.review.models import Case as ReviewCase
from treatment.courses.models import PrescribedDose, TreatmentCourse, TreatmentSession


@dataclass(frozen=True)
class SetupStep:
    label: str
    done: bool
    anchor: str  # where on the course page the step is done
    action: str  # the link's words while it is not done


def setup_steps(course: TreatmentCourse, *, sessions: int, prescribed: bool) -> list[SetupStep]:
    """The set-up checklist of the course page, in the order a clinician does it; `prescribed`
    when every session has a prescribed dose."""
    return [
        SetupStep("Therapist assigned", bool(course.therapist_id), "therapy", "Assign a therapist"),
        SetupStep("Focus set", bool(course.focus), "therapy", "Set the focus"),
        SetupStep(
            "Prescription set", bool(sessions) and prescribed, "schedule", "Prescribe the dose"
        ),
        SetupStep("Sessions scheduled", bool(sessions), "schedule", "Schedule sessions"),
    ]


STATUS_ORDER = Case(
    When(status=TreatmentCourse.Status.OPEN, then=Value(0)),
    When(status=TreatmentCourse.Status.PAUSED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def course_list(today: date) -> QuerySet[TreatmentCourse]:
    """Every course, open first, then paused, then ended (newest first within each), with
    its next session and whether its set-up is complete, in a fixed number of queries."""
    sessions = TreatmentSession.objects.filter(course=OuterRef("pk"))
    unprescribed = sessions.filter(~Exists(PrescribedDose.objects.filter(session=OuterRef("pk"))))
    return (
        TreatmentCourse.objects.select_related("patient", "therapist", "case__submission")
        .annotate(
            status_order=STATUS_ORDER,
            next_session=Min(
                "sessions__scheduled_for", filter=Q(sessions__scheduled_for__gte=today)
            ),
            set_up=ExpressionWrapper(
                Q(therapist__isnull=False)
                & ~Q(focus="")
                & Exists(sessions)
                & ~Exists(unprescribed),
                output_field=BooleanField(),
            ),
        )
        .order_by("status_order", "-opened_at", "-pk")
    )


def course_of_case(case: ReviewCase) -> TreatmentCourse | None:
    """The course a case's decision opened, or else the patient's open or paused course (a
    decision for a patient already in a course keeps that course)."""
    return (
        TreatmentCourse.objects.filter(case=case).order_by("-opened_at").first()
        or TreatmentCourse.objects.filter(
            patient_id=case.patient_id, status__in=TreatmentCourse.ACTIVE_STATUSES
        ).first()
    )
