"""The therapy around each dose: focus, preparation and integration, the dose gate, the dose.

A therapist prepares each dose with the patient (the patient's intention, the
therapist's readiness) and integrates it afterwards (a structured note from a
template chosen by the course's focus). "Not ready" holds the dose exactly as a
check-in hold does: `dose_gate` is the one place that says whether a session may
start, from the latest pre-dose check and the latest readiness.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Final, NamedTuple

from .vocab import Outcome

MAX_GOALS: Final = 3


class Focus(StrEnum):
    """Why the patient came: it chooses the integration template."""

    DEPRESSION = "depression"
    ANXIETY_PANIC = "anxiety_panic"
    ANGER = "anger"
    INTRUSIVE_THOUGHTS = "intrusive_thoughts"
    SUBSTANCE_RECOVERY = "substance_recovery"
    OTHER = "other"


FOCUS_LABELS: Final[Mapping[Focus, str]] = {
    Focus.DEPRESSION: "Depression",
    Focus.ANXIETY_PANIC: "Anxiety or panic",
    Focus.ANGER: "Anger",
    Focus.INTRUSIVE_THOUGHTS: "Intrusive thoughts",
    Focus.SUBSTANCE_RECOVERY: "Substance-use recovery",
    Focus.OTHER: "Other",
}
PLAIN_FOCUS: Final[Mapping[Focus, str]] = {
    Focus.DEPRESSION: "low mood and depression",
    Focus.ANXIETY_PANIC: "anxiety or panic",
    Focus.ANGER: "anger",
    Focus.INTRUSIVE_THOUGHTS: "unwanted thoughts that keep coming back",
    Focus.SUBSTANCE_RECOVERY: "recovery from alcohol or drug use",
    Focus.OTHER: "what you and your clinic agreed on",
}


class Route(StrEnum):
    SUBLINGUAL = "sublingual"
    INTRAMUSCULAR = "intramuscular"
    INTRAVENOUS = "intravenous"
    INTRANASAL = "intranasal"


ROUTE_LABELS: Final[Mapping[Route, str]] = {
    Route.SUBLINGUAL: "Sublingual",
    Route.INTRAMUSCULAR: "Intramuscular",
    Route.INTRAVENOUS: "Intravenous",
    Route.INTRANASAL: "Intranasal",
}
PLAIN_ROUTE: Final[Mapping[Route, str]] = {
    Route.SUBLINGUAL: "held under the tongue until it dissolves",
    Route.INTRAMUSCULAR: "as an injection into a muscle",
    Route.INTRAVENOUS: "through a drip into a vein",
    Route.INTRANASAL: "as a nasal spray",
}
# The route of each medicine the in-clinic record names.
MEDICINE_ROUTES: Final[Mapping[str, Route]] = {
    "ketamine_iv": Route.INTRAVENOUS,
    "ketamine_im": Route.INTRAMUSCULAR,
    "ketamine_sublingual": Route.SUBLINGUAL,
    "esketamine_nasal": Route.INTRANASAL,
}


class Readiness(StrEnum):
    READY = "ready"
    NOT_READY = "not_ready"


class MeetingKind(StrEnum):
    PREPARATION = "preparation"  # before the dose
    INTEGRATION = "integration"  # after it


# Integration notes --------------------------------------------------------------------------


class Section(NamedTuple):
    key: str
    label: str
    prompt: str


class IntegrationTemplate(NamedTuple):
    focus: Focus
    title: str
    sections: tuple[Section, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)


def _common(themes: str, insights: str, skills: str, plan: str) -> tuple[Section, ...]:
    return (
        Section("themes", "Themes", themes),
        Section("insights", "Insights", insights),
        Section("skills", "Skills practised", skills),
        Section("plan", "Plan for the next session", plan),
    )


_GENERAL = _common(
    "What came up during and since the dose.",
    "What the patient understood or saw differently.",
    "Skills practised together in this session.",
    "What to prepare, try or watch before the next dose.",
)
INTEGRATION_TEMPLATES: Final[Mapping[Focus, IntegrationTemplate]] = {
    Focus.DEPRESSION: IntegrationTemplate(
        Focus.DEPRESSION,
        "Depression: mood, activity and connection",
        (
            *_GENERAL[:3],
            Section(
                "mood_activity",
                "Mood, activity and connection",
                "Mood, energy, sleep and contact with others since the dose; small, "
                "scheduled activities agreed.",
            ),
            _GENERAL[3],
        ),
    ),
    Focus.ANXIETY_PANIC: IntegrationTemplate(
        Focus.ANXIETY_PANIC,
        "Anxiety or panic: coping in a calm setting",
        (
            *_GENERAL[:3],
            Section(
                "calm_coping",
                "Coping in a calm setting",
                "Coping skills (breathing, grounding) rehearsed while calm, and how they will "
                "be used when anxiety or panic rises.",
            ),
            _GENERAL[3],
        ),
    ),
    Focus.ANGER: IntegrationTemplate(
        Focus.ANGER,
        "Anger: triggers and emotional regulation",
        (
            *_GENERAL[:3],
            Section(
                "triggers_regulation",
                "Triggers and emotional regulation",
                "Situations that trigger anger, the early signs noticed, and the regulation "
                "strategies tried or planned.",
            ),
            _GENERAL[3],
        ),
    ),
    Focus.INTRUSIVE_THOUGHTS: IntegrationTemplate(
        Focus.INTRUSIVE_THOUGHTS,
        "Intrusive thoughts: from insight to lasting change",
        (
            *_GENERAL[:3],
            Section(
                "lasting_change",
                "From insight to lasting change",
                "How the insights about the intrusive thoughts become lasting change: new "
                "responses, practice between sessions, reminders.",
            ),
            _GENERAL[3],
        ),
    ),
    Focus.SUBSTANCE_RECOVERY: IntegrationTemplate(
        Focus.SUBSTANCE_RECOVERY,
        "Substance-use recovery: recovery supports",
        (
            *_GENERAL[:3],
            Section(
                "recovery_supports",
                "Recovery supports",
                "Cravings or use since the dose, and the recovery supports in place: groups, "
                "sponsor, people to call, plans for high-risk times.",
            ),
            _GENERAL[3],
        ),
    ),
    Focus.OTHER: IntegrationTemplate(Focus.OTHER, "Integration", _GENERAL),
}


def integration_template(focus: Focus | str | None) -> IntegrationTemplate:
    """The template of a course's focus; a course without one gets the general template."""
    try:
        return INTEGRATION_TEMPLATES[Focus(focus)] if focus else INTEGRATION_TEMPLATES[Focus.OTHER]
    except ValueError:
        return INTEGRATION_TEMPLATES[Focus.OTHER]


def note_missing(template: IntegrationTemplate, sections: Mapping[str, str]) -> list[str]:
    """The labels of the template's sections left empty: a note fills every one."""
    return [s.label for s in template.sections if not (sections.get(s.key) or "").strip()]


# Preparation and integration windows ---------------------------------------------------------


class Window(NamedTuple):
    """The days (both included) within which a meeting is held."""

    opens: date
    closes: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.opens <= day <= self.closes


def meeting_window(kind: MeetingKind, dose_day: date, days: int) -> Window:
    """Preparation within `days` before the dose (the day itself included); integration
    within `days` after it."""
    if kind is MeetingKind.PREPARATION:
        return Window(dose_day - timedelta(days=days), dose_day)
    return Window(dose_day, dose_day + timedelta(days=days))


def default_meeting_day(kind: MeetingKind, dose_day: date, today: date, days: int) -> date:
    """The day before the dose (or today, if that is later) and the day after it."""
    window = meeting_window(kind, dose_day, days)
    if kind is MeetingKind.PREPARATION:
        return min(max(dose_day - timedelta(days=1), today, window.opens), dose_day)
    return min(dose_day + timedelta(days=1), window.closes)


def meeting_day_error(
    kind: MeetingKind, day: date, dose_day: date, today: date, days: int
) -> str | None:
    """Why a meeting cannot be on `day`, in words; None when it can."""
    window = meeting_window(kind, dose_day, days)
    if day < today:
        return "A meeting cannot be moved into the past."
    if day not in window:
        when = "before" if kind is MeetingKind.PREPARATION else "after"
        return (
            f"The {kind.value} is held within {days} days {when} the dose: "
            f"between {window.opens:%d %b} and {window.closes:%d %b}."
        )
    return None


def integration_missed(
    *, dose_given: bool, noted: bool, dose_day: date, today: date, days: int
) -> bool:
    """A dose was given, its integration window has closed, and no note was written."""
    return (
        dose_given
        and not noted
        and today > meeting_window(MeetingKind.INTEGRATION, dose_day, days).closes
    )


# The dose gate -------------------------------------------------------------------------------


class Gate(NamedTuple):
    """Whether a session may start: "waiting", "go", "hold" or "call", and what holds it."""

    state: str
    held_by: tuple[str, ...] = ()  # "check", "readiness"

    @property
    def may_dose(self) -> bool:
        return self.state == "go"

    @property
    def readiness_held(self) -> bool:
        return "readiness" in self.held_by


def dose_gate(
    check: Outcome | None, *, check_overridden: bool = False, not_ready: bool = False
) -> Gate:
    """Go only after a check that says go (or a clinician's override of its hold) and no
    standing "not ready" from the therapist. A call is never overridden; "not ready" holds
    even before any check, and a clinician may override it as they do a check's hold."""
    readiness = ("readiness",) if not_ready else ()
    if check is Outcome.CALL:
        return Gate("call", ("check", *readiness))
    check_holds = check is Outcome.HOLD and not check_overridden
    held = (*readiness, *(("check",) if check_holds else ()))
    if held:
        return Gate("hold", held)
    if check is None:
        return Gate("waiting")
    return Gate("go")


# The prescribed dose -------------------------------------------------------------------------

DOSE_MG_RANGE: Final = (Decimal("0.1"), Decimal("1000"))


class Dose(NamedTuple):
    mg: Decimal
    route: Route


def dose_change_error(current: Dose | None, new: Dose, *, reason: str, started: bool) -> str | None:
    """Why a session's prescribed dose cannot become `new`, in words; None when it can.

    A dose given is never re-prescribed; a change names its reason.
    """
    low, high = DOSE_MG_RANGE
    if started:
        return "This session has started: its dose can no longer change."
    if not low <= new.mg <= high:
        return f"Enter a dose between {low} and {high} mg."
    if current is not None and current == new:
        return "That is the dose already prescribed."
    if current is not None and not reason.strip():
        return "Write the reason for the change."
    return None


def given_dose_error(prescribed: Dose, mg: Decimal, medicine: str) -> str | None:
    """The dose recorded in the clinic must be the one prescribed, by the same route."""
    route = MEDICINE_ROUTES.get(medicine)
    if route is not prescribed.route or mg != prescribed.mg:
        return (
            f"The prescription for this session is {prescribed.mg} mg, "
            f"{ROUTE_LABELS[prescribed.route].lower()}: record that dose, or change the "
            "prescription first, with the reason."
        )
    return None
