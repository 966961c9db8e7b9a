"""Rule sets: versions of the editable thresholds, their history, golden cases."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from patients.models import Submission
from screening.results.models import ROUTE_LABELS


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
