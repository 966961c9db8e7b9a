"""Signals through which layers above the review react to it without being imported by it."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that records a clinician's decision, with `decision`
# (a CaseDecision) and `request`: a receiver that fails undoes the decision too.
decision_recorded = Signal()
