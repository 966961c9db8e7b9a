"""The today board's order: what needs a clinician first.

A session's board state is stored with it (its rank too), written by every service that
changes it; the one time-driven step, an in-clinic dose becoming ready to leave, is kept as
its window (`ready_window`) and read against the clock.
"""

from __future__ import annotations

from typing import Final

# Board order: an unacknowledged alert before anything, then calls, holds, ...
BOARD_STATES: Final = (
    "alert",
    "call",
    "hold",
    "waiting",
    "go",
    "dosing",
    "ready",
    "discharged",
    "done",
)
BOARD_RANKS: Final = {name: rank for rank, name in enumerate(BOARD_STATES)}
URGENT_RANK: Final = BOARD_RANKS["call"]  # this rank and above: an alert or a call
DOSING_RANK: Final = BOARD_RANKS["dosing"]
READY_RANK: Final = BOARD_RANKS["ready"]


def board_rank(state: str, *, alerted: bool) -> int:
    """Where a session sorts: an unacknowledged alert first, whatever its state."""
    return BOARD_RANKS["alert"] if alerted else BOARD_RANKS[state]
