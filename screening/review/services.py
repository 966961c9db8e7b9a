"""Writes of the clinician review: cases, claims, decisions, follow-ups, notifications."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from config.email import send_clinic_mail
from patients.models import IntakeDraft, Submission, User
from patients.services import draft_reopen
from screening.audit.models import AuditEntry
from screening.audit.services import audit_record
from screening.results.models import ScreeningResult
from screening.review.models import (
    Case,
    CaseDecision,
    ClinicianNotification,
    UrgentDraftContact,
    queue_rank_of,
)
from screening.review.signals import decision_recorded
from screening.rules import (
    Priority,
)

logger = logging.getLogger(__name__)


Outcome = CaseDecision.Outcome


# The outcome that agrees with each engine route; any other needs a written reason.
AGREEING_OUTCOME = {
    "at_home": Outcome.CONFIRM_AT_HOME,
    "in_clinic": Outcome.REFER_IN_CLINIC,
    "clinician_review": Outcome.DECLINE,
}


STATUS_AFTER = {
    Outcome.CONFIRM_AT_HOME: Case.Status.DECIDED,
    Outcome.REFER_IN_CLINIC: Case.Status.DECIDED,
    Outcome.DECLINE: Case.Status.DECIDED,
    Outcome.REQUEST_INFO: Case.Status.AWAITING_PATIENT,
}


class CaseChangedError(Exception):
    """Someone else decided the case since this clinician opened it."""

    def __init__(self, latest: CaseDecision | None) -> None:
        super().__init__("The case was just decided by someone else")
        self.latest = latest


class DecisionInvalidError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class CaseHeldError(Exception):
    """Another clinician holds the case: taking it over needs a confirmation."""

    def __init__(self, holder: User) -> None:
        super().__init__("Another clinician is handling this case")
        self.holder = holder


@transaction.atomic
def case_claim(
    *,
    case: Case,
    clinician: User,
    take_over: bool = False,
    request: HttpRequest | None = None,
) -> Case:
    """Mark the case as being handled by this clinician, so others see it is taken.

    A case another clinician holds is taken over only when `take_over` confirms it.
    """
    locked = (
        Case.objects.select_for_update(of=("self",)).select_related("claimed_by").get(pk=case.pk)
    )
    if locked.status not in Case.OPEN_STATUSES:
        return locked
    holder = locked.claimed_by if locked.status == Case.Status.CLAIMED else None
    taken_from = holder if holder is not None and holder.pk != clinician.pk else None
    if taken_from is not None and not take_over:
        raise CaseHeldError(taken_from)
    locked.status, locked.claimed_by, locked.claimed_at = (
        Case.Status.CLAIMED,
        clinician,
        timezone.now(),
    )
    locked.save(update_fields=["status", "claimed_by", "claimed_at"])
    if taken_from is not None:
        audit_record(
            actor=clinician,
            action=AuditEntry.Action.CASE_TAKEN_OVER,
            case=locked,
            detail=f"from {taken_from.email}",
            request=request,
        )
    else:
        audit_record(
            actor=clinician, action=AuditEntry.Action.CASE_CLAIMED, case=locked, request=request
        )
    return locked


class ContactNoteMissingError(ValueError):
    """A contact with the patient is recorded with what was said or done."""


@transaction.atomic
def draft_contact_record(
    *, draft: IntakeDraft, clinician: User, note: str, request: HttpRequest | None = None
) -> UrgentDraftContact:
    """A clinician reached the patient of an urgent draft: it leaves the urgent list."""
    if not note.strip():
        raise ContactNoteMissingError("Write what you did or agreed with the patient.")
    contact = UrgentDraftContact.objects.create(draft=draft, clinician=clinician, note=note.strip())
    audit_record(
        actor=clinician, action=AuditEntry.Action.DRAFT_CONTACTED, draft=draft, request=request
    )
    return contact


def allowed_outcomes(*, contraindicated: bool) -> list[str]:
    """Over a contraindication, at-home treatment is never an outcome on offer."""
    return [o for o in Outcome.values if not (contraindicated and o == Outcome.CONFIRM_AT_HOME)]


def decision_check(
    *,
    engine_route: str,
    outcome: str,
    reason: str,
    info_needed: str,
    reopened_steps: list[str],
    contraindicated: bool = False,
) -> None:
    """The rules every decision follows, whatever form it came from."""
    if outcome not in allowed_outcomes(contraindicated=contraindicated):
        message = "Choose a decision."
        if outcome == Outcome.CONFIRM_AT_HOME:
            message = "A contraindication fired: the at-home program cannot be confirmed."
        raise DecisionInvalidError("outcome", message)
    if outcome == Outcome.REQUEST_INFO:
        if not info_needed.strip():
            raise DecisionInvalidError("info_needed", "Write what the patient needs to provide.")
        if not reopened_steps:
            raise DecisionInvalidError("reopened_steps", "Choose the sections to reopen.")
        return
    if outcome == Outcome.DECLINE and not reason.strip():
        raise DecisionInvalidError("reason", "A decline needs a reason.")
    if outcome != AGREEING_OUTCOME[engine_route] and not reason.strip():
        raise DecisionInvalidError(
            "reason", "This decision differs from the screening route: write the reason."
        )


def decision_record(
    *,
    case: Case,
    clinician: User,
    outcome: str,
    expected_version: int,
    reason: str = "",
    info_needed: str = "",
    reopened_steps: list[str] | None = None,
    request: HttpRequest | None = None,
) -> CaseDecision:
    """Record a decision, unless someone decided the case since `expected_version`."""
    reopened_steps = reopened_steps or []
    screening = case.submission.screening
    engine_route = screening.route
    decision_check(
        engine_route=engine_route,
        outcome=outcome,
        reason=reason,
        info_needed=info_needed,
        reopened_steps=reopened_steps,
        contraindicated=screening.contraindicated,
    )
    decided_at = timezone.now()
    with transaction.atomic():
        won = Case.objects.filter(pk=case.pk, version=expected_version).update(
            version=F("version") + 1, status=STATUS_AFTER[Outcome(outcome)], decided_at=decided_at
        )
        if not won:
            raise CaseChangedError(case.decisions.select_related("clinician").first())
        decision = CaseDecision.objects.create(
            case=case,
            clinician=clinician,
            outcome=outcome,
            engine_route=engine_route,
            overrides_engine=outcome not in (AGREEING_OUTCOME[engine_route], Outcome.REQUEST_INFO),
            reason=reason.strip(),
            info_needed=info_needed.strip(),
            reopened_steps=reopened_steps,
            created_at=decided_at,
        )
        if outcome == Outcome.REQUEST_INFO:
            draft_reopen(submission=case.submission, steps=reopened_steps)
        audit_record(
            actor=clinician,
            action=AuditEntry.Action.DECISION_RECORDED,
            case=case,
            detail=outcome,
            request=request,
        )
        decision_recorded.send(sender=CaseDecision, decision=decision, request=request)
        patient_email = case.patient.user.email
        transaction.on_commit(lambda: patient_notify_update(patient_email))
    return decision


def patient_notify_update(email: str) -> None:
    """Tell the patient there is news, without saying what: the account page does."""
    link = settings.SITE_URL.rstrip("/") + reverse("account")
    try:
        send_clinic_mail(
            subject="An update about your questionnaire",
            body="A clinician has looked at your questionnaire. Sign in to read what happens "
            f"next:\n\n{link}",
            to=[email],
            reason="You received this because you sent a health questionnaire to the clinic.",
        )
    except OSError:
        logger.warning("patient update email not sent; the account page shows the update")


NOTIFIED_PRIORITIES = (Priority.URGENT, Priority.HIGH)


def case_open(*, submission: Submission, result: ScreeningResult) -> Case:
    """Put a screened submission in the queue; notify clinicians when it is urgent or high.

    An earlier case that waited for this patient's new answers is replaced by this one.
    """
    case = Case.objects.create(
        submission=submission,
        patient=submission.patient,
        waiting_since=submission.submitted_at,
        queue_rank=queue_rank_of(result.route_rank, result.priority_rank),
    )
    Case.objects.filter(patient=submission.patient, status=Case.Status.AWAITING_PATIENT).exclude(
        submission=submission
    ).update(status=Case.Status.RESUBMITTED)
    priority = Priority(result.priority)
    if priority in NOTIFIED_PRIORITIES:
        notification_queue(submission=submission, priority=priority)
    return case


def notification_queue(
    *,
    submission: Submission | None = None,
    draft: IntakeDraft | None = None,
    priority: Priority = Priority.URGENT,
) -> ClinicianNotification:
    """Write the notification with the case; deliver it once the transaction commits.

    With the broker down the case is still saved: the row stays unsent and
    `notifications_deliver_pending` picks it up later.
    """
    kind = (
        ClinicianNotification.Kind.SUBMISSION
        if submission
        else ClinicianNotification.Kind.URGENT_DRAFT
    )
    notification = ClinicianNotification.objects.create(
        kind=kind, submission=submission, draft=draft, priority=priority.value
    )
    transaction.on_commit(lambda: notification_send_later(notification.pk))
    return notification


def notification_send_later(notification_id: int) -> None:
    from screening.review.tasks import notification_deliver

    try:
        notification_deliver.delay(notification_id)
    except Exception:  # the broker is down: the unsent row is retried by the sweep
        logger.warning("clinician notification %s not queued; it stays pending", notification_id)
