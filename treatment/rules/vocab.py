"""The vocabulary of the check rules: outcomes, settings, scales."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Outcome(StrEnum):
    """What a pre-dose check decides, mildest first."""

    GO = "go"  # every answer in range: the dose may be given
    HOLD = "hold"  # do not dose; a clinician reviews today
    CALL = "call"  # crisis resources at once, urgent flag

    @property
    def rank(self) -> int:
        return _OUTCOME_RANKS[self]


_OUTCOME_RANKS: Final = {Outcome.GO: 0, Outcome.HOLD: 1, Outcome.CALL: 2}


class Setting(StrEnum):
    AT_HOME = "at_home"
    IN_CLINIC = "in_clinic"


class Dissociation(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


TRI_STATE: Final = ("yes", "no", "unsure")
# MOAA/S: Modified Observer's Assessment of Alertness/Sedation, 5 (awake) to 0 (unrousable).
MOAAS_AWAKE: Final = 5
MOAAS_SCALE: Final = (0, 1, 2, 3, 4, 5)
