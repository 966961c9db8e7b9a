"""The patient's progress in plain words: the program's boundaries, and never a number alone."""

import re

import pytest

from treatment.rules.outcomes import Instrument
from treatment.rules.progress import Progress, progress_note, progress_of


@pytest.mark.parametrize(
    ("baseline", "latest", "expected"),
    [
        (16, None, Progress.NOT_YET),
        (16, 8, Progress.RESPONSE),  # exactly half
        (16, 9, Progress.IMPROVING),
        (16, 4, Progress.REMISSION),
        (8, 5, Progress.IMPROVING),  # 5 is not below 5
        (10, 15, Progress.WORSE),  # exactly 5 more
        (10, 14, Progress.SAME),
        (10, 10, Progress.SAME),
        (0, 0, Progress.REMISSION),
    ],
)
def test_the_kinds_follow_the_programs_definitions(baseline, latest, expected):
    assert progress_of(baseline, latest) is expected


def test_without_a_baseline_nothing_is_said():
    assert progress_of(None, 5) is None
    assert progress_note(Instrument.PHQ9, None, 5) is None


@pytest.mark.parametrize("latest", [None, 3, 8, 12, 16, 22])
@pytest.mark.parametrize("instrument", list(Instrument))
def test_every_number_is_out_of_the_instruments_maximum(instrument, latest):
    latest = None if latest is None else min(latest, 21)
    note = progress_note(instrument, 16, latest)
    maximum = 27 if instrument is Instrument.PHQ9 else 21
    words = note.sentence.replace("PHQ-9", "").replace("GAD-7", "")
    scores = re.findall(r"\b(\d+)\b(?! out of)", words)
    # The only bare numbers are the thresholds named in words ("below 5", "5 points").
    assert set(scores) <= {"5", str(maximum)}
    assert "phq9" not in note.sentence and "gad7" not in note.sentence
