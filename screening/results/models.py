"""The engine's decision on a submission, as stored: never recomputed, never updated."""

from __future__ import annotations

from typing import Any

from django.db import models

from patients.models import Submission
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
