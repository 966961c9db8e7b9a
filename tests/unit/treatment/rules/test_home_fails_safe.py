"""At home after the dose, each limit at its edge: low, fast, sedation, the repeat, the end."""

from datetime import UTC, datetime, timedelta

import pytest

from treatment.rules import (
    DEFAULT_LIMITS,
    SIDE_EFFECT_LABELS,
    HomeReading,
    Level,
    Severity,
    SideEffect,
    Slot,
    Taken,
    after_dose_reading,
    due_slots,
    is_adverse_event,
    missed_slots,
    session_complete,
)

DOSED = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def read(slot, systolic, diastolic, heart_rate=80, wakes="yes", breathing="yes"):
    reading = HomeReading(systolic, diastolic, heart_rate, wakes, breathing)
    return after_dose_reading(slot, reading, DEFAULT_LIMITS)


@pytest.mark.parametrize("slot", list(Slot))
@pytest.mark.parametrize(
    ("systolic", "diastolic", "heart_rate", "expected"),
    [
        (89, 70, 80, Level.LOW),  # systolic below 90
        (90, 70, 80, Level.SETTLED),
        (110, 59, 80, Level.LOW),  # diastolic below 60
        (110, 60, 80, Level.SETTLED),
        (110, 70, 49, Level.LOW),  # heart rate below 50 (bradycardia)
        (110, 70, 50, Level.SETTLED),
        (70, 40, 35, Level.LOW),  # the issue's own example
    ],
)
def test_low_limits_are_urgent_at_any_reading(slot, systolic, diastolic, heart_rate, expected):
    result = read(slot, systolic, diastolic, heart_rate)

    assert result.level is expected
    assert result.level.urgent is (expected is Level.LOW)


def test_a_low_reading_says_what_to_do_now_and_never_expected_range():
    result = read(Slot.FIRST, 70, 40, 35)

    assert "expected range" not in result.plain
    assert "Lie down" in result.plain
    assert "support person stays" in result.plain
    assert "Call the clinic now" in result.plain
    assert "911" in result.plain and "faint" in result.plain and "chest pain" in result.plain
    assert "heart rate is slow" in result.plain and "blood pressure is low" in result.plain


def test_a_slow_heart_alone_names_the_heart_rate_not_the_blood_pressure():
    result = read(Slot.LAST, 120, 75, 45)

    assert "Your heart rate is slow" in result.plain
    assert "blood pressure" not in result.plain


@pytest.mark.parametrize("slot", list(Slot))
@pytest.mark.parametrize(
    ("heart_rate", "expected_first", "expected_later"),
    [
        (99, Level.SETTLED, Level.SETTLED),
        (100, Level.RAISED, Level.STILL_RAISED),
        (129, Level.RAISED, Level.STILL_RAISED),
        (130, Level.FAST_HEART, Level.FAST_HEART),
    ],
)
def test_the_heart_rate_on_its_own(slot, heart_rate, expected_first, expected_later):
    result = read(slot, 120, 75, heart_rate)

    assert result.level is (expected_first if slot is Slot.FIRST else expected_later)
    if result.level is not Level.SETTLED:
        assert "heart rate" in result.plain
        assert "blood pressure" not in result.plain


def test_a_very_fast_heart_is_urgent_with_what_to_do():
    result = read(Slot.FIRST, 120, 75, 130)

    assert result.level.urgent
    assert "heart rate is very fast" in result.plain and "Call the clinic now" in result.plain


def test_a_raised_first_reading_asks_for_a_repeat_in_the_setting_minutes():
    result = read(Slot.FIRST, 150, 92)

    assert result.level is Level.RAISED
    assert "another reading in 20 minutes" in result.plain
    assert "Your blood pressure is raised" in result.plain


@pytest.mark.parametrize(
    ("systolic", "diastolic", "expected"),
    [(140, 80, Level.STILL_RAISED), (139, 89, Level.SETTLED), (180, 90, Level.CRISIS)],
)
def test_the_repeat_still_raised_or_higher_is_urgent(systolic, diastolic, expected):
    result = read(Slot.REPEAT, systolic, diastolic)

    assert result.level is expected
    assert result.level.urgent is (expected is not Level.SETTLED)


@pytest.mark.parametrize(
    ("wakes", "breathing"),
    [("no", "yes"), ("unsure", "yes"), ("yes", "no"), ("yes", "unsure"), (None, "yes")],
)
def test_hard_to_wake_or_abnormal_breathing_is_urgent_with_911_first(wakes, breathing):
    result = read(Slot.FIRST, 120, 75, 70, wakes, breathing)

    assert result.level is Level.SEDATION
    assert result.level.urgent
    assert result.plain.startswith("Call 911 now")


def test_sedation_outranks_every_other_finding():
    result = read(Slot.FIRST, 190, 125, 140, "no", "no")

    assert result.level is Level.SEDATION
    assert "crisis" in result.text and "heart rate 140" in result.text


def test_the_repeat_is_asked_only_after_a_raised_first_reading():
    raised = {Slot.FIRST: Taken(DOSED + timedelta(minutes=42), Level.RAISED)}
    settled = {Slot.FIRST: Taken(DOSED + timedelta(minutes=42), Level.SETTLED)}

    with_repeat = due_slots(DOSED, raised, DEFAULT_LIMITS)
    without = due_slots(DOSED, settled, DEFAULT_LIMITS)

    assert [slot for slot, _ in with_repeat] == [Slot.FIRST, Slot.REPEAT, Slot.LAST]
    assert with_repeat[1][1].due_at == DOSED + timedelta(minutes=62)
    assert [slot for slot, _ in without] == [Slot.FIRST, Slot.LAST]


def test_a_repeat_that_would_fall_after_the_last_reading_is_the_last_reading():
    late = {Slot.FIRST: Taken(DOSED + timedelta(minutes=105), Level.RAISED)}

    assert [slot for slot, _ in due_slots(DOSED, late, DEFAULT_LIMITS)] == [Slot.FIRST, Slot.LAST]


def test_a_reading_is_missed_10_minutes_after_it_is_due_and_not_before():
    due = DOSED + timedelta(minutes=40)

    assert missed_slots(DOSED, {}, DEFAULT_LIMITS, due + timedelta(minutes=10)) == []
    assert missed_slots(DOSED, {}, DEFAULT_LIMITS, due + timedelta(minutes=10, seconds=1)) == [
        Slot.FIRST
    ]


def test_two_missed_readings_are_both_missed():
    late = DOSED + timedelta(minutes=131)

    assert missed_slots(DOSED, {}, DEFAULT_LIMITS, late) == [Slot.FIRST, Slot.LAST]


def test_the_session_is_complete_only_when_the_last_reading_is_settled():
    first = Taken(DOSED + timedelta(minutes=40), Level.SETTLED)
    last_ok = Taken(DOSED + timedelta(minutes=120), Level.SETTLED)
    last_high = Taken(DOSED + timedelta(minutes=120), Level.STILL_RAISED)

    assert session_complete(DOSED, {Slot.FIRST: first, Slot.LAST: last_ok}, DEFAULT_LIMITS)
    assert not session_complete(DOSED, {Slot.FIRST: first, Slot.LAST: last_high}, DEFAULT_LIMITS)
    assert not session_complete(DOSED, {Slot.FIRST: first}, DEFAULT_LIMITS)


def test_a_raised_first_reading_completes_only_with_its_repeat():
    first = Taken(DOSED + timedelta(minutes=40), Level.RAISED)
    last = Taken(DOSED + timedelta(minutes=120), Level.SETTLED)
    repeat = Taken(DOSED + timedelta(minutes=60), Level.SETTLED)

    assert not session_complete(DOSED, {Slot.FIRST: first, Slot.LAST: last}, DEFAULT_LIMITS)
    assert session_complete(
        DOSED, {Slot.FIRST: first, Slot.REPEAT: repeat, Slot.LAST: last}, DEFAULT_LIMITS
    )


@pytest.mark.parametrize("effect", [SideEffect.VERY_SLEEPY, SideEffect.BREATHING])
@pytest.mark.parametrize("severity", list(Severity))
def test_signs_of_oversedation_are_urgent_at_any_severity(effect, severity):
    assert is_adverse_event(severity, effect)
    assert SIDE_EFFECT_LABELS[effect]


@pytest.mark.parametrize(
    ("slot", "reading"),
    [
        (Slot.FIRST, (150, 92, 80)),
        (Slot.LAST, (150, 92, 80)),
        (Slot.LAST, (120, 75, 110)),
        (Slot.FIRST, (190, 100, 80)),
        (Slot.FIRST, (85, 55, 45)),
        (Slot.FIRST, (120, 75, 135)),
        (Slot.FIRST, (120, 75, 80)),
    ],
)
def test_every_instruction_says_each_thing_once_and_ends_a_sentence(slot, reading):
    plain = read(slot, *reading).plain

    sentences = [s.strip() for s in plain.split(". ") if s.strip()]
    assert len(sentences) == len(set(sentences))
    assert plain.endswith(".")
    assert "if medicine" not in plain


def test_a_reading_still_raised_ends_with_the_emergency_signs():
    plain = read(Slot.LAST, 150, 92).plain

    assert plain.count("The clinic has been told") == 1
    assert plain.endswith("confusion or trouble speaking.")
