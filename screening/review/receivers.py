"""How the review reacts to the intake: a screened submission becomes a case in the queue,
and an urgent draft notifies clinicians. Both run inside the intake's own transaction."""

from __future__ import annotations

from typing import Any

from patients.models import IntakeDraft, Submission
from screening.results.models import ScreeningResult
from screening.review.services import case_open, notification_queue


def open_case(sender: Any, submission: Submission, result: ScreeningResult, **kwargs: Any) -> None:
    case_open(submission=submission, result=result)


def notify_urgent_draft(sender: Any, draft: IntakeDraft, **kwargs: Any) -> None:
    notification_queue(draft=draft)
