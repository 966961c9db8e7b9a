"""The engine's small vocabularies: effects, priorities, routes."""

from __future__ import annotations

from enum import StrEnum


class Effect(StrEnum):
    """What a fired rule does to the route, strongest first (see `strength`)."""

    CONTRAINDICATION = "contraindication"
    REVIEW = "review"
    IN_CLINIC = "in_clinic"
    FLAG = "flag"

    @property
    def strength(self) -> int:
        return _EFFECT_STRENGTH[self]


_EFFECT_STRENGTH = {
    Effect.CONTRAINDICATION: 3,
    Effect.REVIEW: 2,
    Effect.IN_CLINIC: 1,
    Effect.FLAG: 0,
}


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    ROUTINE = "routine"

    @property
    def rank(self) -> int:
        return _PRIORITY_RANK[self]


_PRIORITY_RANK = {Priority.URGENT: 2, Priority.HIGH: 1, Priority.ROUTINE: 0}


class Route(StrEnum):
    """Where a case goes; `restrictiveness` orders them at_home < in_clinic < review."""

    CLINICIAN_REVIEW = "clinician_review"
    IN_CLINIC = "in_clinic"
    AT_HOME = "at_home"

    @property
    def restrictiveness(self) -> int:
        return _ROUTE_RESTRICTIVENESS[self]


_ROUTE_RESTRICTIVENESS = {
    Route.AT_HOME: 0,
    Route.IN_CLINIC: 1,
    Route.CLINICIAN_REVIEW: 2,
}
