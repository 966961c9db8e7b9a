"""A patient's own progress on PHQ-9 and GAD-7, in plain words.

The patient's "My treatment" page says how their latest answers compare with
their baseline, with the same definitions as the program's outcomes
(`outcomes.py`), so that what a patient reads and what the program counts agree:

- baseline: `outcomes.baseline_of` (the last score before the first dose, the
  pre-dose questionnaire's else the intake's);
- latest: the patient's latest score taken after the first dose (the outcomes
  page evaluates one fixed point; a patient is told where they are now);
- worse: `outcomes.deteriorated` (5 or more points above baseline), said first,
  with a pointer to the care team and the crisis line;
- remission: `outcomes.remitted` (below 5);
- response: `outcomes.responded` (at least half below baseline);
- improving: below baseline, noting the minimal important change
  (`outcomes.meaningfully_improved`) when it is met;
- otherwise about the same.

A number is never given alone: each score is "N out of 27" (or 21) in a sentence.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, NamedTuple

from .outcomes import (
    SCORE_MAX,
    Instrument,
    deteriorated,
    meaningfully_improved,
    remitted,
    responded,
)


class Progress(StrEnum):
    NOT_YET = "not_yet"  # nothing answered after the first dose yet
    SAME = "same"
    IMPROVING = "improving"
    RESPONSE = "response"
    REMISSION = "remission"
    WORSE = "worse"


QUESTIONS: Final = {
    Instrument.PHQ9: "mood questions (PHQ-9)",
    Instrument.GAD7: "anxiety questions (GAD-7)",
}


class ProgressNote(NamedTuple):
    """One instrument's progress, for the patient: the kind and the sentence to read."""

    instrument: Instrument
    progress: Progress
    sentence: str

    @property
    def worse(self) -> bool:
        return self.progress is Progress.WORSE


def progress_of(baseline: int | None, latest: int | None) -> Progress | None:
    """How the latest score compares with the baseline; None without a baseline."""
    if baseline is None:
        return None
    if latest is None:
        return Progress.NOT_YET
    if deteriorated(baseline, latest):
        return Progress.WORSE
    if remitted(latest):
        return Progress.REMISSION
    if responded(baseline, latest):
        return Progress.RESPONSE
    if latest < baseline:
        return Progress.IMPROVING
    return Progress.SAME


def _out_of(score: int, instrument: Instrument) -> str:
    return f"{score} out of {SCORE_MAX[instrument]}"


def progress_sentence(
    instrument: Instrument, progress: Progress, baseline: int, latest: int | None
) -> str:
    """The plain-words sentence for one instrument (see the module's docstring)."""
    questions = QUESTIONS[instrument]
    if progress is Progress.NOT_YET or latest is None:
        return (
            f"You answered the {questions} before your treatment started. "
            "Once you answer them again during your course, this page will show how "
            "your answers have changed."
        )
    start, now = _out_of(baseline, instrument), _out_of(latest, instrument)
    lower = "A lower score means you have been feeling better."
    if progress is Progress.WORSE:
        return (
            f"Your score on the {questions} has gone up since you started, from {start} "
            f"to {now}: a rise of 5 points or more. A higher score means you have been "
            "feeling worse. This can happen during treatment, and your care team will "
            "want to know: please tell them how you have been feeling."
        )
    if progress is Progress.REMISSION:
        return (
            f"Your score on the {questions} is now {now}, below 5 (it was {start} when "
            "you started): that is in the range doctors call remission."
        )
    if progress is Progress.RESPONSE:
        return (
            f"Your score on the {questions} has fallen by half or more since you started, "
            f"from {start} to {now}: that is what doctors call a response. {lower}"
        )
    if progress is Progress.IMPROVING:
        meaningful = (
            " That is a fall of 5 points or more, which doctors count as a real improvement."
            if meaningfully_improved(baseline, latest)
            else ""
        )
        return (
            f"Your score on the {questions} has come down since you started, from {start} "
            f"to {now}. {lower}{meaningful} A fall by half is what doctors call a response."
        )
    if latest == baseline:
        return (
            f"Your score on the {questions} is the same as when you started: {now}. "
            "Changes often take a few sessions; your care team follows this with you."
        )
    return (
        f"Your score on the {questions} is about where it was when you started, "
        f"from {start} to {now}. Changes often take a few sessions; your care team "
        "follows this with you."
    )


def progress_note(
    instrument: Instrument, baseline: int | None, latest: int | None
) -> ProgressNote | None:
    """The instrument's progress and its sentence; None without a baseline."""
    progress = progress_of(baseline, latest)
    if progress is None or baseline is None:
        return None
    return ProgressNote(
        instrument, progress, progress_sentence(instrument, progress, baseline, latest)
    )
