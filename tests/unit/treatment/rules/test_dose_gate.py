"""The one gate of every dose: the latest check and the therapist's readiness decide."""

import pytest

from treatment.rules import Outcome
from treatment.rules.therapy import dose_gate


def test_a_go_with_no_readiness_hold_lets_the_dose_go_ahead():
    gate = dose_gate(Outcome.GO)

    assert (gate.state, gate.may_dose, gate.held_by) == ("go", True, ())


def test_no_check_yet_is_waiting_and_never_a_go():
    gate = dose_gate(None)

    assert (gate.state, gate.may_dose) == ("waiting", False)


def test_not_ready_holds_a_go_exactly_as_a_check_hold_does():
    by_therapist = dose_gate(Outcome.GO, not_ready=True)
    by_check = dose_gate(Outcome.HOLD)

    assert (by_therapist.state, by_therapist.may_dose) == (by_check.state, by_check.may_dose)
    assert by_therapist.held_by == ("readiness",)
    assert by_check.held_by == ("check",)


def test_not_ready_holds_before_any_check_so_the_board_shows_it():
    gate = dose_gate(None, not_ready=True)

    assert (gate.state, gate.may_dose, gate.readiness_held) == ("hold", False, True)


def test_an_overridden_check_hold_still_waits_for_the_readiness_hold():
    gate = dose_gate(Outcome.HOLD, check_overridden=True, not_ready=True)

    assert (gate.state, gate.held_by) == ("hold", ("readiness",))


def test_both_holds_are_named_until_each_is_lifted():
    assert dose_gate(Outcome.HOLD, not_ready=True).held_by == ("readiness", "check")
    assert dose_gate(Outcome.HOLD, check_overridden=True).may_dose


@pytest.mark.parametrize("not_ready", [False, True])
def test_a_call_is_never_a_go_whatever_the_readiness(not_ready):
    gate = dose_gate(Outcome.CALL, check_overridden=True, not_ready=not_ready)

    assert (gate.state, gate.may_dose) == ("call", False)
    assert "check" in gate.held_by
