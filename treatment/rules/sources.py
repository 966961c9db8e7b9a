"""The sources the treatment settings and checks cite, by key (docs/clinical-rules.md)."""

from __future__ import annotations

from typing import Final

TREATMENT_SOURCES: Final = {
    "T1": "Esketamine (Spravato) prescribing information and REMS: assess blood pressure before "
    "each dose; monitor for at least 2 hours; re-measure blood pressure as warranted until "
    "values decline; sedation, dissociation and respiratory depression; no driving or "
    "machinery until the next day after a restful sleep; avoid food for 2 hours and liquids "
    "for 30 minutes before a dose.",
    "T2": "ACC/AHA 2017 blood pressure guideline: stage 2 hypertension at or above 140/90 mmHg; "
    "hypertensive crisis above 180/120 mmHg.",
    "T3": "ACC/AHA/HRS 2018 bradycardia guideline: sinus bradycardia is a heart rate below "
    "50 beats per minute.",
    "T4": "Hypotension: a systolic pressure below 90 mmHg or a diastolic below 60 mmHg.",
    "T5": "Tachycardia is a heart rate above 100 beats per minute; after a dose, a rate at or "
    "above 130 needs a clinician at once (programme policy).",
    "T6": "Oxygen saturation below 90% and a MOAA/S of 2 or less (responds only to mild "
    "prodding or shaking) call for immediate assessment.",
    "T7": "At-home programme policies: a sober adult physically present for the whole of "
    "every at-home session, at the address on file; a clinician reachable, and escalation "
    "when the patient stops answering.",
    "T8": "PHQ-9 and mood: PHQ-9 item 9 of 1 or more is suicidal ideation, 2 or more calls for "
    "crisis resources, as at intake.",
}
