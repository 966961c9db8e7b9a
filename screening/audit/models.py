"""The audit trail: who read or changed what, when, from where."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone


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
        COURSES_LISTED = "courses_listed", "Listed courses of treatment"
        CHART_VIEWED = "chart_viewed", "Opened a patient's chart"
        # Interoperability and insight: exports, referral summaries, the dashboard, API tokens.
        FHIR_EXPORTED = "fhir_exported", "Exported a case as FHIR"
        REFERRAL_PRINTED = "referral_printed", "Printed a referral summary"
        DASHBOARD_VIEWED = "dashboard_viewed", "Opened the dashboard"
        DASHBOARD_EXPORTED = "dashboard_exported", "Downloaded dashboard figures"
        OUTCOMES_VIEWED = "outcomes_viewed", "Opened the program outcomes"
        OUTCOMES_EXPORTED = "outcomes_exported", "Downloaded program outcome figures"
        OUTCOMES_COURSES_EXPORTED = (
            "outcomes_courses_exported",
            "Downloaded the de-identified courses for research",
        )
        API_TOKEN_CREATED = "api_token_created", "Created an API token"
        API_TOKEN_REVOKED = "api_token_revoked", "Revoked an API token"
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
        PATIENTS_LISTED = "patients_listed", "Listed or searched patients"

    # Users are deactivated, never deleted (PROTECT); the email is kept as it was then.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_email = models.EmailField(blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    case = models.ForeignKey("screening.Case", null=True, blank=True, on_delete=models.PROTECT)
    draft = models.ForeignKey(
        "patients.IntakeDraft", null=True, blank=True, on_delete=models.SET_NULL
    )
    detail = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        # The audit log's order and its filters: by action, by person, by date.
        indexes: ClassVar = [
            models.Index(fields=["-at", "-id"], name="audit_newest"),
            models.Index(fields=["action", "-at"], name="audit_action_newest"),
            models.Index(Upper("actor_email"), name="audit_actor_email"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit entries are append-only")
