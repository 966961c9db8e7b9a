"""The board's stored order: alerts first; ready to leave kept as a window of time that
says what `discharge_readiness` says at every minute."""

from datetime import timedelta

import pytest

from tests.unit.treatment.rules.test_discharge_readiness import T0, at, readiness
from treatment.rules import DEFAULT_LIMITS, Dissociation
from treatment.rules.board import BOARD_RANKS, board_rank
from treatment.rules.monitoring import ready_window


def test_an_alert_sorts_first_whatever_the_state():
    assert board_rank("done", alerted=True) == 0
    assert board_rank("call", alerted=False) == 1
    assert board_rank("dosing", alerted=False) < board_rank("ready", alerted=False)
    assert list(BOARD_RANKS) == [
        "alert",
        "call",
        "hold",
        "waiting",
        "go",
        "dosing",
        "ready",
        "discharged",
        "done",
    ]


@pytest.mark.parametrize(
    ("observations", "escort"),
    [
        ([], True),
        ([at(40)], True),
        ([at(40), at(70), at(100)], True),
        ([at(40), at(70), at(100)], False),
        ([at(40), at(70), at(100)], None),
        ([at(40), at(70), at(100, moaas=4)], True),
        ([at(40), at(70), at(100, dissociation=Dissociation.MILD)], True),
        ([at(40), at(110, systolic=190)], True),
        ([at(40), at(70), at(100), at(115), at(140)], True),
        ([at(30), at(60)], True),  # the last one too old before the minimum time
    ],
)
def test_the_window_says_ready_exactly_when_discharge_readiness_does(observations, escort):
    window = ready_window(
        dosed_at=T0, observations=observations, escort_present=escort, limits=DEFAULT_LIMITS
    )
    for minute in range(0, 241):
        now = T0 + timedelta(minutes=minute)
        in_window = window is not None and window[0] <= now <= window[1]
        assert in_window == readiness(minute, observations, escort).ready, minute
