"""What may lift a pre-dose hold, and the first words a patient reads about it.

At home nobody from the clinic is in the room: a hold for the support person or the
address is never overridden (the patient checks in again once they are right), and a
possible pregnancy only by a negative test taken that day. A call is never overridden.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from .vocab import Outcome, Setting


class Waiver(StrEnum):
    """What lifts a hold, mildest first."""

    REASON = "reason"  # a clinician's override with a reason
    NEGATIVE_TEST = "negative_test"  # a negative pregnancy test taken that day
    NEW_CHECK_IN = "new_check_in"  # never overridden: the patient checks in again
    NONE = "none"  # a call: assess the patient, then a new check


# At home these holds are never overridden: a sober adult is present at every session, at
# the address on file (P1); once they are right, the patient checks in again.
PLAIN_OUTCOME: Final = {
    Outcome.GO: "Everything you told us is in the range for a dose today.",
    Outcome.HOLD: "Please do not take a dose yet. A clinician will look at your answers and "
    "contact you.",
    Outcome.CALL: "Please do not take a dose. If you might act on thoughts of harming yourself, "
    "call or text 988 now, or call 911.",
}


RECHECK_CODES: Final = frozenset({"no_support_person", "not_at_address"})


def waiver_of(outcome: str, codes: tuple[str, ...] | list[str], setting: str) -> Waiver:
    """What may lift a kept check's hold (strings, as the check keeps them)."""
    if outcome == Outcome.CALL:
        return Waiver.NONE
    if outcome != Outcome.HOLD:
        return Waiver.REASON
    if setting == Setting.AT_HOME:
        if RECHECK_CODES & set(codes):
            return Waiver.NEW_CHECK_IN
        if "pregnancy" in codes:
            return Waiver.NEGATIVE_TEST
    return Waiver.REASON


def may_check_in_again(outcome: str, codes: tuple[str, ...] | list[str], setting: str) -> bool:
    """At home, a hold only for the support person or the address: check in once right."""
    return (
        setting == Setting.AT_HOME
        and outcome == Outcome.HOLD
        and bool(codes)
        and set(codes) <= RECHECK_CODES
    )


PLAIN_BP_CALL: Final = (
    "Please do not take a dose. Your blood pressure is very high. Call 911 now if you have "
    "chest pain, a severe headache, trouble breathing, weakness or numbness, confusion or "
    "trouble speaking. Otherwise call the clinic now."
)
PLAIN_RECHECK: Final = (
    "Please do not take a dose yet. When an adult is with you, sober and staying for the whole "
    "session, at the address we have on file, check in again."
)
SUICIDE_CALL_CODES: Final = frozenset({"suicide_risk_high", "phq9_item9"})


def plain_headline(outcome: str, codes: tuple[str, ...] | list[str], setting: str) -> str:
    """The first words the patient reads: what the strongest reason asks of them.

    A call for blood pressure leads with the blood-pressure instruction, never the
    suicide-crisis wording; a hold that only a new check-in can lift says so.
    """
    if outcome == Outcome.CALL and not SUICIDE_CALL_CODES & set(codes) and "bp_crisis" in codes:
        return PLAIN_BP_CALL
    if may_check_in_again(outcome, codes, setting):
        return PLAIN_RECHECK
    return PLAIN_OUTCOME[Outcome(outcome)]
