"""The page's figures from the period's data: the engine's definitions, gathered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from treatment.outcomes.selectors import ProgramData
from treatment.rules import Instrument, OutcomeSummary
from treatment.rules.cohorts import evaluate_courses, summary_of_evaluated
from treatment.rules.program import (
    Figure,
    Retention,
    outcome_figure,
    retention_figure,
    retention_of,
    safety_figure,
    trajectory_figure,
)
from treatment.rules.references import PUBLISHED_REFERENCES, PublishedReference


@dataclass
class ProgramOutcomes:
    courses: int
    summaries: dict[Instrument, OutcomeSummary]
    retention: Retention
    plan_reviews: int
    figures: list[Figure]
    references: tuple[PublishedReference, ...] = PUBLISHED_REFERENCES

    def figure(self, slug: str) -> Figure | None:
        return next((f for f in self.figures if f.slug == slug), None)


def program_outcomes(data: ProgramData, now: datetime) -> ProgramOutcomes:
    session = settings.OUTCOMES_EVALUATION_SESSION
    courses = [record.outcome for record in data.courses]
    retention = retention_of(
        [(record.outcome, record.last_activity) for record in data.courses], now, session=session
    )
    evaluated = {i: evaluate_courses(courses, i, session=session) for i in Instrument}
    return ProgramOutcomes(
        courses=len(courses),
        summaries={i: summary_of_evaluated(evaluated[i], i, session=session) for i in Instrument},
        retention=retention,
        plan_reviews=data.plan_reviews,
        figures=[
            *(
                outcome_figure(courses, i, session=session, evaluated=evaluated[i])
                for i in Instrument
            ),
            trajectory_figure(courses),
            safety_figure(data.safety),
            retention_figure(retention, session=session),
        ],
    )
