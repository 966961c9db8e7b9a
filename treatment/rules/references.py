"""Fixed figures beside the computed ones: dose and age bands, and the published cohorts the
clinic's outcomes are set beside (not computed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Final

from .outcomes import Instrument
from .therapy import ROUTE_LABELS, Route
from .vocab import Setting

# Each route's lower edges in mg, ascending; a band runs from its edge up to the next.
DOSE_BANDS: Final[Mapping[Route, tuple[int, ...]]] = {
    Route.SUBLINGUAL: (200, 400, 600),
    Route.INTRAVENOUS: (35, 50, 75),
    Route.INTRAMUSCULAR: (35, 50, 75),
    Route.INTRANASAL: (56, 84),
}


def dose_band(route: Route, mg: Decimal | int) -> str:
    """The band of a prescribed dose, e.g. "Sublingual 400-599 mg" (see the module's docstring)."""
    if mg <= 0:
        raise ValueError(f"a dose is more than 0 mg, not {mg}")
    edges = DOSE_BANDS[route]
    label = ROUTE_LABELS[route]
    if mg < edges[0]:
        return f"{label} under {edges[0]} mg"
    for low, high in pairwise(edges):
        if mg < high:
            return f"{label} {low}-{high - 1} mg"
    return f"{label} {edges[-1]} mg and over"


@dataclass(frozen=True, slots=True)
class PublishedReference:
    """Figures published by another program, shown beside ours as they were reported."""

    label: str
    setting: Setting
    route: Route
    instrument: Instrument
    n: int
    response_percent: float
    remission_percent: float
    definitions: str  # who was counted, when, and what response and remission meant
    source: str


_HULL_2022: Final = (
    "Hull TD, Malgaroli M, Gazzaley A, et al. At-home, sublingual ketamine telehealth is a "
    "safe and effective treatment for moderate to severe anxiety and depression. "
    "J Affect Disord 2022;314:59-67. doi:10.1016/j.jad.2022.07.004"
)


_HULL_DEFINITIONS: Final = (
    "Completers: patients who completed the four-week, four-session course with sufficient "
    "data, entered with PHQ-9 or GAD-7 of 10 or more; response: an improvement of 50% or more "
    "from baseline; remission as the paper defines it"
)


PUBLISHED_REFERENCES: Final[tuple[PublishedReference, ...]] = (
    PublishedReference(
        label="At-home sublingual ketamine",
        setting=Setting.AT_HOME,
        route=Route.SUBLINGUAL,
        instrument=Instrument.PHQ9,
        n=1247,
        response_percent=62.8,
        remission_percent=32.6,
        definitions=_HULL_DEFINITIONS,
        source=_HULL_2022,
    ),
    PublishedReference(
        label="At-home sublingual ketamine",
        setting=Setting.AT_HOME,
        route=Route.SUBLINGUAL,
        instrument=Instrument.GAD7,
        n=1247,
        response_percent=62.9,
        remission_percent=31.3,
        definitions=_HULL_DEFINITIONS,
        source=_HULL_2022,
    ),
    PublishedReference(
        label="IV ketamine in practice",
        setting=Setting.IN_CLINIC,
        route=Route.INTRAVENOUS,
        instrument=Instrument.PHQ9,
        n=537,
        response_percent=53.6,
        remission_percent=28.9,
        definitions=(
            "Patients of 178 community practices who completed an induction of 4-8 infusions "
            "over 7-28 days with sufficient data, evaluated 14-31 days after induction; "
            "response: PHQ-9 50% or more below baseline; remission: PHQ-9 below 5"
        ),
        source=(
            "McInnes LA, Qian JJ, Gargeya RS, DeBattista C, Heifets BD. A retrospective "
            "analysis of ketamine intravenous therapy for depression in real-world care "
            "settings. J Affect Disord 2022;301:486-495. doi:10.1016/j.jad.2021.12.097"
        ),
    ),
)


AGE_BAND_YEARS: Final = 5


AGE_TOP_BAND: Final = 90


def age_band(age: int) -> str:
    """Age in 5-year bands, "30-34"; 90 and over as "90+"."""
    if age < 0:
        raise ValueError(f"an age cannot be negative, not {age}")
    if age >= AGE_TOP_BAND:
        return f"{AGE_TOP_BAND}+"
    low = age - age % AGE_BAND_YEARS
    return f"{low}-{low + AGE_BAND_YEARS - 1}"
