"""The steps of the instruments, word for word: mental health, AUDIT-C and DAST-10, PHQ-9 and
GAD-7, the C-SSRS screener, and the treatments tried."""

from __future__ import annotations

from typing import Any, Final

from crispy_forms.layout import HTML, Fieldset, Layout
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from patients.intake import wording
from patients.intake.forms.base import (
    REQUIRED,
    Answers,
    StepForm,
    choice,
    shown_when,
    whole_number_in,
    yes_no,
    yes_no_unsure,
)
from screening.rules import FieldError
from screening.rules.answers import ANTIDEPRESSANT_TRIALS


class MentalHealthForm(StepForm):
    slug = "mental-health"
    title = _("Mental health history")
    # `dissociative_diagnosed` keeps the patient's own first answer for display;
    # the engine reads `dissociative_disorder`, made from it and the severity.
    keys = (
        "psychosis",
        "mania",
        "dissociative_disorder",
        "dissociative_diagnosed",
        "aggression_history",
    )

    psychosis = choice(
        _(
            "Have you ever had psychotic symptoms, such as hearing or seeing things others do "
            "not (hallucinations) or holding fixed false beliefs (delusions), or been diagnosed "
            "with schizophrenia or schizoaffective disorder?"
        ),
        wording.options("PSYCHOSIS"),
        help_text=_("Only your own experiences count, not those of family members."),
    )
    mania = yes_no_unsure(
        _("Have you ever had a manic episode, or been diagnosed with bipolar I disorder?"),
        help_text=_(
            "Mania is a period of at least a week of unusually high energy or mood, "
            "little need for sleep and racing thoughts."
        ),
    )
    dissociative_diagnosed = yes_no_unsure(
        wording.say("DISSOCIATIVE_DIAGNOSED_QUESTION"),
        help_text=_(
            "Dissociation is feeling detached from yourself, your body or your "
            "surroundings, or losing time."
        ),
    )
    dissociative_severity = choice(
        _("How severe did the clinician who diagnosed it say it is?"),
        wording.options("DISSOCIATIVE_SEVERITY"),
        required=False,
        help_text=_("Your clinician will talk it through with you."),
    )
    aggression_history = yes_no_unsure(
        _("In the past year, have you behaved aggressively or violently towards others?")
    )

    def layout(self) -> Layout:
        return Layout(
            "psychosis",
            "mania",
            "dissociative_diagnosed",
            shown_when("dissociative_diagnosed", "yes", fields=("dissociative_severity",)),
            "aggression_history",
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        disorder = answers.get("dissociative_disorder")
        if disorder is not None and "dissociative_diagnosed" not in initial:
            # Format 1 kept only the engine's answer: the question's answer follows from it.
            initial["dissociative_diagnosed"] = {"none": "no", "unsure": "unsure"}.get(
                disorder, "yes"
            )
        if initial.get("dissociative_diagnosed") == "yes":
            initial["dissociative_severity"] = disorder
        initial.pop("dissociative_disorder", None)
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("dissociative_diagnosed") == "yes":
            self.require(data, "dissociative_severity")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        diagnosed = answers.get("dissociative_diagnosed")
        if diagnosed == "yes":
            answers["dissociative_disorder"] = data.get("dissociative_severity")
        elif diagnosed is not None:
            answers["dissociative_disorder"] = {"no": "none"}.get(diagnosed, diagnosed)
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field == "dissociative_disorder":
            return "dissociative_diagnosed"
        return super().field_for(error)


# DAST-10 answers of someone who used no drugs (a "no" to item 1): the instrument scores the
# skipped questionnaire 0 (item 3, "always able to stop", is reverse-scored, so it reads yes).
DAST10_NOT_USED: Final = (False, False, True, *[False] * 7)


class SubstanceUseForm(StepForm):
    slug = "substance-use"
    title = _("Alcohol and drugs")
    keys = ("substance_use", "ketamine_misuse", "audit_c", "dast10")

    substance_use = choice(
        _("Have you had problems with alcohol or drug use?"), wording.options("SUBSTANCE_USE")
    )
    ketamine_misuse = yes_no_unsure(
        _("Have you ever used ketamine outside medical care in a way that caused you problems?")
    )

    def layout(self) -> Layout:
        return Layout(
            "substance_use",
            "ketamine_misuse",
            Fieldset(
                _("Alcohol"),
                "audit_c_1",
                shown_when("audit_c_1", "1", "2", "3", "4", fields=("audit_c_2", "audit_c_3")),
            ),
            Fieldset(
                _("Drug use in the past 12 months"),
                HTML(f'<p class="form-text">{wording.said("DAST10_STEM")}</p>'),
                "dast10_1",  # the others are asked only of someone who used drugs
                shown_when("dast10_1", "yes", fields=[f"dast10_{n}" for n in range(2, 11)]),
                HTML(f'<p class="form-text">{wording.said("DAST10_ATTRIBUTION")}</p>'),
            ),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        for number, score in enumerate(answers.get("audit_c", []), start=1):
            initial[f"audit_c_{number}"] = score
        dast10 = answers.get("dast10", [])
        for number, answer in enumerate(dast10 if dast10[:1] == [True] else dast10[:1], start=1):
            initial[f"dast10_{number}"] = "yes" if answer else "no"
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        # AUDIT-C: after "Never", questions 2 and 3 are skipped and score 0.
        if data.get("audit_c_1") == 0:
            data["audit_c_2"] = data["audit_c_3"] = 0
        elif data.get("audit_c_1") is not None:
            self.require(data, "audit_c_2", "audit_c_3")
        if data.get("dast10_1") == "yes":
            self.require(data, *(f"dast10_{n}" for n in range(2, 11)))
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["audit_c"] = [data[f"audit_c_{n}"] for n in range(1, 4)]
        if data.get("dast10_1") == "yes":
            answers["dast10"] = [data[f"dast10_{n}"] == "yes" for n in range(1, 11)]
        else:
            answers["dast10"] = list(DAST10_NOT_USED)
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field in ("audit_c", "dast10") and error.item:
            return f"{error.field}_{error.item}"
        return super().field_for(error)


SubstanceUseForm.base_fields |= {
    f"audit_c_{number}": choice(
        wording.say("AUDIT_C_QUESTIONS", number - 1, 0),
        wording.options("AUDIT_C_QUESTIONS", number - 1, 1),
        coerce=int,
        required=number == 1,
    )
    for number in range(1, len(wording.AUDIT_C_QUESTIONS) + 1)
} | {
    # See clean() for the items asked only after a yes to the first.
    f"dast10_{number}": yes_no(
        wording.numbered(number, "DAST10_ITEMS", number - 1), required=number == 1
    )
    for number in range(1, len(wording.DAST10_ITEMS) + 1)
}


def phq9_gad7_fieldsets() -> tuple[Fieldset, Fieldset]:
    """PHQ-9 and GAD-7 as fieldsets, each with its stem, unscored item and attribution: the
    intake's step and the questionnaires of a course ask them the same way."""
    return (
        Fieldset(
            _("Your mood"),
            HTML(f'<p class="fw-semibold">{wording.said("PHQ9_STEM")}</p>'),
            *(f"phq9_{n}" for n in range(1, 10)),
            "phq9_difficulty",
            HTML(f'<p class="form-text">{wording.said("PFIZER_ATTRIBUTION")}</p>'),
        ),
        Fieldset(
            _("Worry and anxiety"),
            HTML(f'<p class="fw-semibold">{wording.said("GAD7_STEM")}</p>'),
            *(f"gad7_{n}" for n in range(1, 8)),
            "gad7_difficulty",
            HTML(f'<p class="form-text">{wording.said("PFIZER_ATTRIBUTION")}</p>'),
        ),
    )


class MoodForm(StepForm):
    slug = "mood"
    title = _("Mood and anxiety")
    # The "how difficult" answers are unscored: kept for the clinician, unknown to the engine.
    keys = ("phq9", "gad7", "phq9_difficulty", "gad7_difficulty", "panic_disorder")

    phq9_difficulty = choice(
        wording.say("DIFFICULTY_QUESTION"), wording.options("DIFFICULTY"), required=False
    )
    gad7_difficulty = choice(
        wording.say("DIFFICULTY_QUESTION"), wording.options("DIFFICULTY"), required=False
    )

    panic_disorder = yes_no_unsure(
        _(
            "Have you been diagnosed with panic disorder, or do you have panic attacks that "
            "keep coming back?"
        )
    )

    def layout(self) -> Layout:
        return Layout(*phq9_gad7_fieldsets(), "panic_disorder")

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        for prefix in ("phq9", "gad7"):
            for number, score in enumerate(answers.get(prefix, []), start=1):
                initial[f"{prefix}_{number}"] = score
        return initial

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["phq9"] = [data[f"phq9_{n}"] for n in range(1, 10)]
        answers["gad7"] = [data[f"gad7_{n}"] for n in range(1, 8)]
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field in ("phq9", "gad7") and error.item:
            return f"{error.field}_{error.item}"
        return super().field_for(error)


MoodForm.base_fields |= {
    f"{prefix}_{number}": choice(
        wording.numbered(number, items, number - 1), wording.options("OVER_TWO_WEEKS"), coerce=int
    )
    for prefix, items, count in (
        ("phq9", "PHQ9_ITEMS", len(wording.PHQ9_ITEMS)),
        ("gad7", "GAD7_ITEMS", len(wording.GAD7_ITEMS)),
    )
    for number in range(1, count + 1)
}


FOLLOW_UPS = ("method", "intent", "plan")


class SafetyForm(StepForm):
    slug = "safety"
    title = _("Your safety")
    keys = ("cssrs",)

    cssrs_wish_dead = yes_no(wording.say("CSSRS_QUESTIONS", "wish_dead"))
    cssrs_suicidal_thoughts = yes_no(wording.say("CSSRS_QUESTIONS", "suicidal_thoughts"))
    cssrs_method = yes_no(wording.say("CSSRS_QUESTIONS", "method"), required=False)
    cssrs_intent = yes_no(wording.say("CSSRS_QUESTIONS", "intent"), required=False)
    cssrs_plan = yes_no(wording.say("CSSRS_QUESTIONS", "plan"), required=False)
    cssrs_behavior_lifetime = yes_no(
        wording.say("CSSRS_QUESTIONS", "behavior_lifetime"),
        help_text=wording.say("CSSRS_BEHAVIOR_EXAMPLES"),
    )
    cssrs_behavior_recent = yes_no(
        wording.say("CSSRS_QUESTIONS", "behavior_recent"), required=False
    )

    def layout(self) -> Layout:
        return Layout(
            HTML('{% include "intake/safety_intro.html" %}'),
            Fieldset(
                _("In the past month"),
                HTML(f'<p class="fw-semibold">{wording.said("CSSRS_STEM")}</p>'),
                "cssrs_wish_dead",
                "cssrs_suicidal_thoughts",
                shown_when(
                    "cssrs_suicidal_thoughts",
                    "yes",
                    fields=("cssrs_method", "cssrs_intent", "cssrs_plan"),
                ),
            ),
            # The lifetime question stands apart: it is not about the past month.
            Fieldset(
                _("Ever in your life"),
                "cssrs_behavior_lifetime",
                shown_when("cssrs_behavior_lifetime", "yes", fields=("cssrs_behavior_recent",)),
                HTML(f'<p class="form-text">{wording.said("CSSRS_ATTRIBUTION")}</p>'),
                css_class="border-top pt-3 mt-3",
            ),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        cssrs = answers.get("cssrs", {})
        initial = {
            f"cssrs_{item}": "yes" if value else "no"
            for item, value in cssrs.items()
            if item in (*FOLLOW_UPS, "wish_dead", "suicidal_thoughts", "behavior_lifetime")
        }
        if cssrs.get("behavior_lifetime"):
            initial["cssrs_behavior_recent"] = "yes" if cssrs.get("behavior_3_months") else "no"
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("cssrs_suicidal_thoughts") == "yes":
            self.require(data, *(f"cssrs_{item}" for item in FOLLOW_UPS))
        if data.get("cssrs_behavior_lifetime") == "yes":
            self.require(data, "cssrs_behavior_recent")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        def yes(name: str) -> bool:
            return bool(data.get(f"cssrs_{name}") == "yes")

        cssrs = {
            "wish_dead": yes("wish_dead"),
            "suicidal_thoughts": yes("suicidal_thoughts"),
            "behavior_3_months": yes("behavior_lifetime") and yes("behavior_recent"),
            # Not in the engine's format; kept for the clinician (moderate risk when not recent).
            "behavior_lifetime": yes("behavior_lifetime"),
        }
        if cssrs["suicidal_thoughts"]:  # follow-ups are asked only after a yes
            cssrs |= {item: yes(item) for item in FOLLOW_UPS}
        return {"cssrs": cssrs}

    def field_for(self, error: FieldError) -> str | None:
        return f"cssrs_{error.part}" if f"cssrs_{error.part}" in self.fields else None


class TreatmentForm(StepForm):
    slug = "treatment"
    title = _("Treatment so far")
    keys = ("antidepressant_trials",)

    antidepressant_trials = whole_number_in(
        ANTIDEPRESSANT_TRIALS,
        format_lazy(
            _("Enter a number from {low} to {high}."),
            low=ANTIDEPRESSANT_TRIALS.low,
            high=ANTIDEPRESSANT_TRIALS.high,
        ),
        label=_(
            "How many different antidepressant medicines have you taken for at least "
            "6 weeks at the dose your doctor prescribed?"
        ),
        help_text=_("Count each medicine once. Enter 0 if none."),
        error_messages={"required": REQUIRED, "invalid": _("Enter a whole number, such as 2.")},
    )
