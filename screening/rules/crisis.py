"""Which answers call for crisis resources at once (clinical-rules.md section 4), in words."""

from __future__ import annotations

from typing import Final

from .answers import Answers

# A PHQ-9 item 9 score at which the patient is shown crisis resources at once.
CRISIS_PHQ9_ITEM9: Final = 2


def crisis_triggers(answers: Answers) -> list[str]:
    """Each answer that calls for crisis resources, for the clinician who follows up."""
    triggers = []
    c = answers.cssrs
    if c is not None:
        if c.intent:
            triggers.append("C-SSRS: has had thoughts of suicide with some intention of acting")
        if c.plan:
            triggers.append("C-SSRS: has worked out details of how to kill themselves")
        if c.behavior_3_months:
            triggers.append("C-SSRS: suicidal behaviour or preparation in the past 3 months")
    if answers.phq9 is not None and answers.phq9[8] >= CRISIS_PHQ9_ITEM9:
        triggers.append(
            f"PHQ-9 item 9 (thoughts of being better off dead or of self-harm) "
            f"scored {answers.phq9[8]} of 3"
        )
    return triggers


def crisis_resources_needed(answers: Answers) -> bool:
    """Section 4: intent, plan or recent behaviour, or PHQ-9 item 9 of 2 or more."""
    return bool(crisis_triggers(answers))
