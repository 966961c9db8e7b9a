from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from patients.models import Patient, Submission
from screening.rules import Effect, Priority, Route

PRIORITY_RANKS = {p.value: p.rank for p in Priority}
ROUTE_RANKS = {r.value: r.restrictiveness for r in Route}
ROUTE_LABELS = {
    "clinician_review": "Clinician review",
    "in_clinic": "In-clinic referral",
    "at_home": "At-home eligible",
}


class ScreeningResult(models.Model):
    """The engine's decision on one submission, as made: never recomputed, never updated."""

    submission = models.OneToOneField(
        Submission, on_delete=models.PROTECT, related_name="screening"
    )
    route = models.CharField(max_length=32, choices=list(ROUTE_LABELS.items()))
    priority = models.CharField(max_length=16, choices=[(p.value, p.value) for p in Priority])
    # Section 5 decision JSON: fired rules with reasons, scores, rule-set version.
    decision = models.JSONField()
    ruleset = models.CharField(max_length=64)
    crisis_resources_shown = models.BooleanField(default=False)
    # For ordering and filtering the queue: route 2 review, 1 in clinic, 0 at home;
    # priority 2 urgent, 1 high, 0 routine; fired rule ids as ",id,id,".
    route_rank = models.PositiveSmallIntegerField(default=0)
    priority_rank = models.PositiveSmallIntegerField(default=0)
    fired_rules = models.CharField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.route} ({self.priority})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A screening result is immutable: it cannot be changed once made")
        super().save(*args, **kwargs)

    @property
    def route_label(self) -> str:
        return ROUTE_LABELS[self.route]

    @property
    def fired(self) -> list[dict[str, str]]:
        fired: list[dict[str, str]] = self.decision["fired"]
        return fired

    @property
    def contraindicated(self) -> bool:
        """A contraindication fired: at-home treatment can never be confirmed on this case."""
        return any(item["effect"] == Effect.CONTRAINDICATION for item in self.fired)


class ClinicianNotification(models.Model):
    """One email to clinicians about one case: written with the case, marked when sent.

    A row still unsent after its case was committed is a notification the
    broker or the mail server lost; it stays visible until delivered.
    """

    class Kind(models.TextChoices):
        SUBMISSION = "submission", "New case"
        URGENT_DRAFT = "urgent_draft", "Urgent answers in an unsubmitted intake"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="notification"
    )
    # A draft is notified again if it calls for crisis resources after a clinician's contact.
    draft = models.ForeignKey(
        "patients.IntakeDraft",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="urgent_notifications",
    )
    priority = models.CharField(max_length=16, choices=[(p.value, p.value) for p in Priority])
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=models.Q(submission__isnull=False) | models.Q(draft__isnull=False),
                name="notification_names_a_case",
            )
        ]
        indexes: ClassVar = [models.Index(fields=["sent_at"])]

    def __str__(self) -> str:
        return f"{self.kind} notification"


class Case(models.Model):
    """A submission's place in the clinicians' queue: who holds it and where it stands."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting review"
        CLAIMED = "claimed", "Claimed"
        AWAITING_PATIENT = "awaiting_patient", "Awaiting patient"
        DECIDED = "decided", "Decided"
        RESUBMITTED = "resubmitted", "Replaced by a newer submission"

    OPEN_STATUSES = (Status.AWAITING, Status.CLAIMED)

    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="case")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every decision: a decision made on an older version is refused.
    version = models.PositiveIntegerField(default=0)
    waiting_since = models.DateTimeField(default=timezone.now)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["status", "waiting_since"])]

    def __str__(self) -> str:
        return f"Case {self.submission.case_number}"

    @property
    def public_id(self) -> uuid.UUID:
        return self.submission.public_id


class CaseDecision(models.Model):
    """A clinician's decision on a case. Never edited: a newer decision supersedes it."""

    class Outcome(models.TextChoices):
        CONFIRM_AT_HOME = "confirm_at_home", "Confirm at-home program"
        REFER_IN_CLINIC = "refer_in_clinic", "Refer for in-clinic treatment"
        DECLINE = "decline", "Decline"
        REQUEST_INFO = "request_info", "Request more information"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="decisions")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_decisions"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    engine_route = models.CharField(max_length=32, choices=[(r.value, r.value) for r in Route])
    overrides_engine = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    # For REQUEST_INFO: what the patient is asked, and the questionnaire steps reopened.
    info_needed = models.TextField(blank=True)
    reopened_steps = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.get_outcome_display()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A decision is never edited: record a new one instead")
        super().save(*args, **kwargs)


class AuditEntry(models.Model):
    """Who read or changed which case, when, from where. Holds no health data."""

    class Action(models.TextChoices):
        QUEUE_VIEWED = "queue_viewed", "Listed cases"
        CASE_VIEWED = "case_viewed", "Opened a case"
        DRAFT_VIEWED = "draft_viewed", "Opened an urgent draft"
        CASE_CLAIMED = "case_claimed", "Claimed a case"
        DECISION_RECORDED = "decision_recorded", "Recorded a decision"
        DATA_EXPORTED = "data_exported", "Downloaded their own data"
        ANSWERS_SAVED = "answers_saved", "Saved answers"
        SUBMITTED = "submitted", "Submitted answers"
        RESULT_VIEWED = "result_viewed", "Read their result"
        GOLDEN_CASE_KEPT = "golden_case_kept", "Kept a case's answers as a golden case"
        IMPACT_LISTED = "impact_listed", "Listed cases in an impact preview"
        CASE_TAKEN_OVER = "case_taken_over", "Took over a case claimed by someone else"
        PASSWORD_SET_IN_ADMIN = "password_set_in_admin", "Set a user's password in the admin"
        ANSWERS_REVIEWED = "answers_reviewed", "Read their answers before submitting"
        DRAFT_CONTACTED = "draft_contacted", "Contacted the patient of an urgent draft"
        # The course of treatment (treatment/): the case is the one the course came from.
        COURSE_OPENED = "course_opened", "Opened a course of treatment"
        COURSE_VIEWED = "course_viewed", "Opened a course page"
        COURSE_CHANGED = "course_changed", "Paused, resumed or ended a course"
        SESSIONS_SCHEDULED = "sessions_scheduled", "Scheduled sessions"
        TODAY_VIEWED = "today_viewed", "Listed today's sessions"
        SESSION_VIEWED = "session_viewed", "Opened a session record"
        PRE_DOSE_CHECKED = "pre_dose_checked", "Recorded a pre-dose check"
        CHECK_OVERRIDDEN = "check_overridden", "Overrode a pre-dose hold"
        DOSE_RECORDED = "dose_recorded", "Recorded a dose"
        OBSERVATION_RECORDED = "observation_recorded", "Recorded an observation"
        ALERT_ACKNOWLEDGED = "alert_acknowledged", "Acknowledged an alert"
        DISCHARGE_RECORDED = "discharge_recorded", "Recorded a discharge"
        RECORD_SIGNED = "record_signed", "Signed a monitoring record"
        RECORD_AMENDED = "record_amended", "Amended a monitoring record"
        RECORD_PRINTED = "record_printed", "Printed a monitoring record"
        UNSIGNED_LISTED = "unsigned_listed", "Listed unsigned records"
        TASK_UPDATED = "task_updated", "Took or closed a follow-up task"
        SAFETY_CHECK_RECORDED = "safety_check_recorded", "Recorded a long-term safety check"
        TREATMENT_VIEWED = "treatment_viewed", "Read their own treatment page"
        HOME_DOSE_STARTED = "home_dose_started", "Started an at-home dose"
        READING_RECORDED = "reading_recorded", "Recorded an after-dose reading at home"
        SIDE_EFFECTS_REPORTED = "side_effects_reported", "Reported side effects"
        MEASURES_RECORDED = "measures_recorded", "Answered PHQ-9 and GAD-7"
        COURSE_NOTE_ADDED = "course_note_added", "Wrote a note on a course"
        # Therapy around each dose (treatment/): therapists, and the patient's own words.
        CASELOAD_VIEWED = "caseload_viewed", "Listed their assigned patients"
        COURSE_THERAPY_SET = "course_therapy_set", "Assigned a therapist or set a course's focus"
        DOSE_PRESCRIBED = "dose_prescribed", "Prescribed or changed a session's dose"
        MEETING_MOVED = "meeting_moved", "Moved a preparation or integration meeting"
        READINESS_RECORDED = "readiness_recorded", "Recorded readiness for a dose"
        INTEGRATION_RECORDED = "integration_recorded", "Wrote an integration note"
        GOALS_WRITTEN = "goals_written", "Wrote their treatment goals"
        INTENTION_WRITTEN = "intention_written", "Wrote their intention for a session"
        REFLECTION_WRITTEN = "reflection_written", "Wrote a reflection after a session"

    # Users are deactivated, never deleted (PROTECT); the email is kept as it was then.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_email = models.EmailField(blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.PROTECT)
    draft = models.ForeignKey(
        "patients.IntakeDraft", null=True, blank=True, on_delete=models.SET_NULL
    )
    detail = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit entries are append-only")


class UrgentDraftContact(models.Model):
    """A clinician reached the patient of an urgent, unsubmitted intake: it leaves the list."""

    draft = models.ForeignKey(
        "patients.IntakeDraft", on_delete=models.PROTECT, related_name="urgent_contacts"
    )
    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    note = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Contact {self.at:%Y-%m-%d %H:%M}"


class DigestSent(models.Model):
    """One daily digest per clinician per day: a re-run of the task sends nothing twice."""

    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["clinician", "day"], name="one_digest_a_day")
        ]

    def __str__(self) -> str:
        return f"Digest {self.day}"


class RuleSet(models.Model):
    """A numbered version of the editable thresholds; exactly one is published at a time."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    version = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    thresholds = models.JSONField()
    disabled_rules = models.JSONField(default=list, blank=True)
    # The treatment settings (treatment.rules.LIMIT_SPECS); missing ones take their defaults.
    treatment = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    # Changes with every edit of a draft: a preview or sign-off made for an older token is stale.
    edit_token = models.UUIDField(default=uuid.uuid4)
    signed_off_token = models.UUIDField(null=True, blank=True)
    preview_token = models.UUIDField(null=True, blank=True)
    preview_status = models.CharField(max_length=16, blank=True)  # "", running, done
    preview_done = models.PositiveIntegerField(default=0)
    preview_total = models.PositiveIntegerField(default=0)
    preview_result = models.JSONField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-version"]
        # Granted to clinical leads (the "clinical lead" group): sign-off is a clinical act.
        permissions: ClassVar = [("sign_off_ruleset", "Can sign off a rule set as clinical lead")]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="exactly_one_published_ruleset",
            )
        ]

    def __str__(self) -> str:
        return f"Rule set {self.name}"

    @property
    def preview_is_current(self) -> bool:
        return self.preview_token == self.edit_token and self.preview_status == "done"

    @property
    def sign_off_is_current(self) -> bool:
        """Signed off, and not changed since."""
        return self.signed_off_at is not None and self.signed_off_token == self.edit_token


class RuleSetEvent(models.Model):
    """The history of a rule set: who created, edited, signed off, previewed or published it."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        EDITED = "edited", "Edited"
        SIGNED_OFF = "signed_off", "Signed off"
        PREVIEWED = "previewed", "Previewed impact"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    ruleset = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_email = models.EmailField(blank=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    changes = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class GoldenCase(models.Model):
    """Answers whose route (and optionally rules) a clinician expects from any rule set."""

    name = models.CharField(max_length=200)
    answers = models.JSONField()
    # The ground truth: for a past case, the route its clinician's decision confirmed.
    expected_route = models.CharField(max_length=32, choices=list(ROUTE_LABELS.items()))
    # For a past case, the route screening gave it then (shown beside the expected one).
    engine_route = models.CharField(max_length=32, choices=list(ROUTE_LABELS.items()), blank=True)
    expected_rules = models.JSONField(null=True, blank=True)
    source_submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["pk"]

    def __str__(self) -> str:
        return self.name
