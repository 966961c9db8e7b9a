"""The pre-dose check, at home or in the clinic: answers, outcome, reasons and the limits used."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from treatment.courses.models import (
    OUTCOME_CHOICES,
    SETTING_CHOICES,
    ImmutableError,
    TreatmentSession,
)
from treatment.rules import Outcome


class PreDoseCheck(models.Model):
    """One pre-dose check as made: answers, outcome, reasons and the limits used. Never edited.

    A clinician may override a hold once, with a reason; a newer check supersedes.
    """

    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="checks")
    setting = models.CharField(max_length=16, choices=SETTING_CHOICES)
    answers = models.JSONField()
    outcome = models.CharField(max_length=8, choices=OUTCOME_CHOICES)
    result = models.JSONField()  # reasons, baseline, ideation (PreDoseResult.as_dict)
    limits = models.JSONField()
    ruleset = models.CharField(max_length=64)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(default=timezone.now)
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    # At home a possible pregnancy is overridden only by a negative test taken that day.
    negative_test_on = models.DateField(null=True, blank=True)
    # In the clinic, a check after a call on the same session: the call it follows, who
    # assessed the patient in between, and what changed.
    follows_call = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.TextField(blank=True)

    class Meta:
        ordering: ClassVar = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"Pre-dose check: {self.outcome}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("A pre-dose check is never edited: make a new one")
        super().save(*args, **kwargs)

    @property
    def codes(self) -> list[str]:
        return [reason["code"] for reason in self.result.get("reasons", [])]

    @property
    def flags(self) -> list[dict[str, str]]:
        """Shown to clinicians, never holding the dose (a low or falling mood)."""
        return list(self.result.get("flags", []))

    @property
    def may_dose(self) -> bool:
        return self.outcome == Outcome.GO or self.overridden_at is not None

    @property
    def shown_outcome(self) -> str:
        return "go" if self.overridden_at else self.outcome
