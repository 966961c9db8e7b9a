"""The Patients page: every patient (a therapist's own caseload), each with where they stand.

One query reads a page with its figures (correlated subqueries, evaluated only for the rows
of the page), a second finds where the page starts (keyset pagination): the same cost on the
first page and the thousandth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce

from config.keyset import KeysetPage, keyset_page
from patients.models import IntakeDraft, Patient, User
from screening.review.models import Case, CaseDecision
from treatment.checks.models import PreDoseCheck
from treatment.courses.models import TreatmentCourse, TreatmentSession
from treatment.followup.models import FollowUpTask
from treatment.people.search import patient_search
from treatment.rules.therapy import Readiness
from treatment.rules.vocab import Outcome
from treatment.therapy.models import ReadinessAssessment

# The order of the page, matched by the index patient_name_order: never sorted.
PATIENTS_ORDER = ("family_name", "given_name", "pk")
ACTIVE = TreatmentCourse.ACTIVE_STATUSES


def _count(queryset: QuerySet[Any], patient_path: str) -> Coalesce:
    """How many rows of `queryset` belong to the outer patient, as a correlated subquery."""
    counted = (
        queryset.filter(**{patient_path: OuterRef("pk")})
        .order_by()
        .values(patient_path)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _holds(today: date) -> CombinedExpression:
    """Sessions to come of the patient's open course held by their latest pre-dose check or
    their latest readiness ("not ready"), neither overridden."""
    coming = {
        "session__course__status__in": ACTIVE,
        "session__scheduled_for__gte": today,
    }
    checks = (
        PreDoseCheck.objects.filter(outcome=Outcome.HOLD, overridden_at__isnull=True, **coming)
        .exclude(
            Exists(
                PreDoseCheck.objects.filter(
                    session=OuterRef("session"), checked_at__gt=OuterRef("checked_at")
                )
            )
        )
        .only("pk")
    )
    not_ready = (
        ReadinessAssessment.objects.filter(
            readiness=Readiness.NOT_READY, overridden_at__isnull=True, **coming
        )
        .exclude(
            Exists(
                ReadinessAssessment.objects.filter(
                    session=OuterRef("session"), assessed_at__gt=OuterRef("assessed_at")
                )
            )
        )
        .only("pk")
    )
    path = "session__course__patient"
    return CombinedExpression(_count(checks, path), "+", _count(not_ready, path))


def patients_listed(*, term: str, user: User | Any, therapist: bool, today: date) -> QuerySet[Any]:
    """Patients matching `term` (all of them for none), each with where they stand."""
    latest_case = Case.objects.filter(patient=OuterRef("pk")).order_by("-waiting_since", "-pk")
    latest_course = TreatmentCourse.objects.filter(patient=OuterRef("pk")).order_by(
        "-opened_at", "-pk"
    )
    patients = Patient.objects.filter(patient_search(term))
    if therapist:
        mine = TreatmentCourse.objects.filter(patient=OuterRef("pk"), therapist=user)
        patients = patients.filter(Exists(mine)).annotate(
            my_course_id=Subquery(mine.order_by("-opened_at", "-pk").values("public_id")[:1])
        )
    return patients.only(
        "given_name", "family_name", "date_of_birth", "phone", "public_id"
    ).annotate(
        latest_case_id=Subquery(latest_case.values("submission__public_id")[:1]),
        latest_case_number=Subquery(latest_case.values("submission__case_number")[:1]),
        latest_case_status=Subquery(latest_case.values("status")[:1]),
        latest_outcome=Subquery(
            CaseDecision.objects.filter(case__patient=OuterRef("pk"))
            .order_by("-created_at", "-pk")
            .values("outcome")[:1]
        ),
        intake_open=Exists(
            IntakeDraft.objects.filter(patient=OuterRef("pk"), status=IntakeDraft.Status.OPEN)
        ),
        course_status=Subquery(latest_course.values("status")[:1]),
        next_session=Subquery(
            TreatmentSession.objects.filter(
                course__patient=OuterRef("pk"),
                course__status=TreatmentCourse.Status.OPEN,
                scheduled_for__gte=today,
            )
            .order_by("scheduled_for", "number")
            .values("scheduled_for")[:1]
        ),
        open_tasks=_count(FollowUpTask.objects.filter(done_at__isnull=True), "course__patient"),
        holds=_holds(today),
    )


@dataclass(frozen=True)
class Standing:
    stage: str  # where the patient stands, in words
    tone: str  # the badge's colour


def standing(row: Any) -> Standing:
    """Where a listed patient stands: the course first, then the latest case, then the intake."""
    course = row.course_status
    if course == TreatmentCourse.Status.OPEN:
        return Standing("Course open", "success")
    if course == TreatmentCourse.Status.PAUSED:
        return Standing("Course paused", "warning")
    case = row.latest_case_status
    if case in (Case.Status.AWAITING, Case.Status.CLAIMED):
        return Standing("Awaiting decision", "primary")
    if case == Case.Status.AWAITING_PATIENT:
        return Standing("More information asked", "info")
    if row.intake_open:
        return Standing("Screening: intake in progress", "light")
    if course == TreatmentCourse.Status.ENDED:
        return Standing("Course ended", "secondary")
    if case == Case.Status.DECIDED and row.latest_outcome:
        return Standing(f"Decided: {CaseDecision.Outcome(row.latest_outcome).label}", "secondary")
    return Standing("Screening: no intake sent yet", "light")


def patients_page(
    *,
    term: str,
    user: User | Any,
    therapist: bool,
    today: date,
    after: int | None,
    before: int | None,
) -> KeysetPage[Patient]:
    return keyset_page(
        patients_listed(term=term, user=user, therapist=therapist, today=today),
        PATIENTS_ORDER,
        settings.PATIENTS_PAGE_SIZE,
        after=after,
        before=before,
    )
