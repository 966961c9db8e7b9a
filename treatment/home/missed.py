"""Readings at home that never come: the patient who stops answering may be oversedated.

A reading not sent `missed_reading_grace_minutes` after it is due opens an urgent
follow-up task (clinicians are emailed at once; it leads the today board) and an alert on
the session. A second missed reading of the same dose, or the task left unanswered for
`missed_reading_escalate_minutes`, escalates it to clinicians and admins. Run every
minute by Celery beat (`treatment.readings_watch`)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction

from treatment import clock
from treatment.followup.models import FollowUpTask, SessionAlert
from treatment.followup.notifications import task_escalate
from treatment.followup.services import task_open
from treatment.home.models import HomeDose
from treatment.home.selectors import taken_of
from treatment.rules import Slot, limits_as_kept, missed_slots
from treatment.sessions.board import session_board_write

logger = logging.getLogger(__name__)


SLOT_NAMES = {
    Slot.FIRST: "the first reading (about 40 minutes after the dose)",
    Slot.REPEAT: "the repeat of a raised first reading",
    Slot.LAST: "the last reading (about 2 hours after the dose)",
}


WATCHED = timedelta(days=1)  # doses older than this are past any reading


def missed_source(dose_id: int, slot: Slot) -> str:
    return f"missed:{dose_id}:{slot.value}"


def _open(dose: HomeDose, slot: Slot, now: datetime) -> FollowUpTask | None:
    """The urgent task of one missed reading, once; None when it was opened before."""
    source = missed_source(dose.pk, slot)
    if FollowUpTask.objects.filter(kind=FollowUpTask.Kind.MISSED_READING, source=source).exists():
        return None
    session = dose.session
    with transaction.atomic():
        task = task_open(
            course=session.course,
            kind=FollowUpTask.Kind.MISSED_READING,
            source=source,
            urgent=True,
        )
        SessionAlert.objects.create(
            session=session,
            code="reading_missed",
            text=f"At home: {SLOT_NAMES[slot]} did not come",
            opened_at=now,
        )
        session_board_write(session)
    logger.warning("missed reading on session %s (%s)", session.pk, slot.value)
    return task


def readings_watch_now(now: datetime | None = None) -> int:
    """Open the tasks of missed readings and escalate the unanswered; how many changed."""
    now = now or clock.now()
    changed = 0
    doses = (
        HomeDose.objects.filter(dosed_at__gte=now - WATCHED)
        .select_related("pre_dose_check", "session__course")
        .defer("pre_dose_check__answers", "pre_dose_check__result")
        .prefetch_related("readings")
    )
    for dose in doses:
        limits = limits_as_kept(dose.pre_dose_check.limits)
        missed = missed_slots(dose.dosed_at, taken_of(list(dose.readings.all())), limits, now)
        opened = [task for slot in missed if (task := _open(dose, slot, now))]
        changed += len(opened)
        if len(missed) >= 2:
            first = (
                FollowUpTask.objects.filter(
                    kind=FollowUpTask.Kind.MISSED_READING, source=missed_source(dose.pk, missed[0])
                )
                .only("pk", "public_id", "kind")
                .first()
            )
            if first is not None and task_escalate(first, "a second reading did not come", now):
                changed += 1
    unanswered = FollowUpTask.objects.filter(
        kind=FollowUpTask.Kind.MISSED_READING,
        answered_at__isnull=True,
        done_at__isnull=True,
        escalated_at__isnull=True,
    ).only("pk", "public_id", "kind", "created_at", "source")
    for task in unanswered:
        of_task = HomeDose.objects.filter(pk=int(task.source.split(":")[1])).first()
        minutes = limits_as_kept(of_task.pre_dose_check.limits if of_task else {})
        wait = timedelta(minutes=minutes.missed_reading_escalate_minutes)
        if now - task.created_at >= wait and task_escalate(
            task,
            f"no clinician has answered for {minutes.missed_reading_escalate_minutes} minutes",
            now,
        ):
            changed += 1
    return changed
