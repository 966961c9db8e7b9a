"""Reads of follow-up tasks."""

from __future__ import annotations

from django.db.models import QuerySet

from treatment.followup.models import FollowUpTask


def open_tasks() -> QuerySet[FollowUpTask]:
    """Open tasks, the urgent first (a missed reading, a call), then by deadline."""
    return (
        FollowUpTask.objects.filter(done_at__isnull=True, course__status__in=["open", "paused"])
        .select_related("course__patient", "owner")
        .order_by("-urgent", "due_at", "pk")
    )
