"""What every questionnaire step's form shares: the step form that turns inputs into answers
of the engine's format and validates them with the engine, and the field helpers.

Django fields only parse what was typed (a number, a choice) and ask for what is required;
ranges and types live in the engine (`parse_answers`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from patients.intake import wording
from screening.rules import FieldError, InvalidAnswers, Thresholds, parse_answers
from screening.rules.answers import LATEST_FORMAT, Span

Answers = dict[str, Any]


REQUIRED = _("Please answer this question.")


# Text inputs, not type=number: what was typed stays visible when it is wrong,
# and a scroll wheel cannot change a blood pressure.
DECIMAL_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


WHOLE_NUMBER_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


def choice(
    label: StrOrPromise, choices: Iterable[tuple[Any, Any]], **kwargs: Any
) -> forms.ChoiceField:
    """Radio buttons; `coerce` makes it typed (e.g. int item scores)."""
    coerce = kwargs.pop("coerce", None)
    options = {
        "label": label,
        "choices": list(choices),
        "widget": forms.RadioSelect,
        "error_messages": {"required": REQUIRED},
        **kwargs,
    }
    if coerce is not None:
        return forms.TypedChoiceField(coerce=coerce, **options)
    return forms.ChoiceField(**options)


def whole_number_in(span: Span, out_of_range: StrOrPromise, **kwargs: Any) -> forms.IntegerField:
    """A whole number inside the engine's accepted range, refused with `out_of_range` (in the
    patient's words) together with every other error of the page."""
    messages = kwargs.pop("error_messages", {})
    return forms.IntegerField(
        min_value=span.low,
        max_value=span.high,
        widget=WHOLE_NUMBER_INPUT,
        error_messages={**messages, "min_value": out_of_range, "max_value": out_of_range},
        **kwargs,
    )


def yes_no_unsure(label: Any, **kwargs: Any) -> forms.ChoiceField:
    return choice(label, wording.options("YES_NO_UNSURE"), **kwargs)


def yes_no(label: Any, **kwargs: Any) -> forms.ChoiceField:
    return choice(label, wording.options("YES_NO"), **kwargs)


# Where a described choice's name ends and its small print begins (see _choice_words).
SMALL_PRINT = '<span class="visually-hidden">: </span>'


def _described_label(name: str, index: int) -> SafeString:
    return format_html(
        '{}<span class="visually-hidden">: </span>'
        '<span class="d-block small text-body-secondary">{}</span>',
        wording.said(name, index, 1),
        wording.said(name, index, 2),
    )


described_label = lazy(_described_label, SafeString)


def described(name: str) -> list[tuple[str, Any]]:
    """Checkbox labels of the wording constant `name`, each with an explanation in small
    print under it, in the patient's language when shown."""
    return [
        (value, described_label(name, index))
        for index, (value, _name, _about) in enumerate(getattr(wording, name))
    ]


def shown_when(field: str, *values: str, fields: Iterable[Any]) -> Div:
    """Fields shown only after `field` takes one of `values` (see static/js/intake.js)."""
    return Div(*fields, data_show_when=f"{field}:{','.join(values)}")


def hidden_when(field: str, *values: str, fields: Iterable[Any]) -> Div:
    """Fields hidden while `field` takes one of `values` (see static/js/intake.js)."""
    return Div(*fields, data_hide_when=f"{field}:{','.join(values)}")


class StepForm(forms.Form):
    slug: ClassVar[str]
    title: ClassVar[StrOrPromise]
    # The answer keys this step writes; saving the step replaces exactly these.
    keys: ClassVar[tuple[str, ...]]
    # Shown on the page again after saving, when `advice_needed` says so.
    advice_template: ClassVar[str] = ""

    def __init__(self, *args: Any, answers: Answers | None = None, **kwargs: Any) -> None:
        # `answers`: the draft's answers so far, for steps that depend on earlier ones.
        self.answers = answers or {}
        super().__init__(*args, **kwargs)
        self.step_answers: Answers = {}
        self.adapt_fields()
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self.layout()

    def adapt_fields(self) -> None:
        """Change the fields to fit the answers of earlier steps (see ContactsForm)."""

    @classmethod
    def advice_needed(cls, step_answers: Answers, thresholds: Thresholds) -> bool:
        """True when saved answers call for advice on this very page (see BloodPressureForm)."""
        return False

    def layout(self) -> Layout:
        return Layout(*self.fields)

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        """The form's initial data from saved answers."""
        return {key: answers[key] for key in cls.keys if key in answers}

    def answers_from(self, data: dict[str, Any]) -> Answers:
        """This step's answers, in the answer format, from cleaned data."""
        return {key: data[key] for key in self.keys if data.get(key) not in (None, "")}

    def field_for(self, error: FieldError) -> str | None:
        """The form field that shows an engine error (None: at the top of the form)."""
        return error.field if error.field in self.fields else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        step_answers = self.answers_from(data)
        try:
            parse_answers({**step_answers, "format": LATEST_FORMAT})
        except InvalidAnswers as invalid:
            for error in invalid.errors:
                self.add_error(self.field_for(error), error.message)
        else:
            self.step_answers = step_answers
        return data

    def require(self, data: dict[str, Any], *names: str) -> None:
        for name in names:
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, REQUIRED)
