"""Signals through which the layers above the intake (the clinicians' review) react to it
without being imported by it. Both are sent inside the writing transaction."""

from django.dispatch import Signal

# A submission was screened: `submission`, and `result` (its ScreeningResult).
submission_screened = Signal()
# A draft's answers call for crisis resources and it was just flagged urgent: `draft`.
draft_flagged_urgent = Signal()
