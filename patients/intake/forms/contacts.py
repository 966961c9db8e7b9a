"""The steps of the place and the people: a safe home and a support person, the emergency
contact and the session address."""

from __future__ import annotations

from typing import Any

from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from patients.intake.forms.base import REQUIRED, Answers, StepForm, yes_no_unsure
from screening.rules import FieldError
from screening.rules.answers import CONTACT_NAME_MAX, PHONE_MAX, SESSION_LOCATION_MAX


class HomeSupportForm(StepForm):
    slug = "home"
    title = _("Home and support")
    keys = ("home_safe", "support_person")

    home_safe = yes_no_unsure(
        _(
            "Do you have a safe, private and calm place at home where you could have a "
            "session undisturbed for about two hours?"
        )
    )
    support_person = yes_no_unsure(
        _("Is there an adult you trust who could be with you during and after an at-home session?")
    )


PHONE_INPUT = forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"})


def contact_fields(prefix: str, whose: Any) -> dict[str, forms.Field]:
    return {
        f"{prefix}_name": forms.CharField(
            label=format_lazy(_("{whose}: name"), whose=whose),
            max_length=CONTACT_NAME_MAX,
            error_messages={"required": REQUIRED},
        ),
        f"{prefix}_phone": forms.CharField(
            label=format_lazy(_("{whose}: phone number"), whose=whose),
            max_length=PHONE_MAX,
            widget=PHONE_INPUT,
            help_text=_("With the area code, for example (555) 010-0100."),
            error_messages={"required": REQUIRED},
        ),
    }


class AddressField(forms.CharField):
    """Text on one line or several: a browser sends a line break as "\\r\\n", kept as "\\n"
    (the length limit counts it as one character, as the page does)."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).replace("\r\n", "\n").replace("\r", "\n")


# (answer key, the prefix of its form fields)
CONTACTS = (("emergency_contact", "emergency"), ("support_person_contact", "support"))


class ContactsForm(StepForm):
    slug = "contacts"
    title = _("Contacts and place of sessions")
    keys = ("emergency_contact", "support_person_contact", "session_location")

    session_location = AddressField(
        label=_("The address of your at-home sessions"),
        max_length=SESSION_LOCATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        help_text=_(
            "Street, city, state and ZIP code, on one line or two, so that help can "
            "reach you there."
        ),
        error_messages={
            "required": REQUIRED,
            "max_length": format_lazy(
                _("Please keep the address to {most} characters."), most=SESSION_LOCATION_MAX
            ),
        },
    )

    def adapt_fields(self) -> None:
        """Ask for the support person and the place only where the patient has them."""
        if self.answers.get("support_person") != "yes":
            del self.fields["support_name"], self.fields["support_phone"]
        if self.answers.get("home_safe") != "yes":
            del self.fields["session_location"]

    def layout(self) -> Layout:
        parts: list[Any] = [
            Fieldset(
                _("Someone we can call in an emergency"),
                Row(
                    Column("emergency_name", css_class="col-sm-6"),
                    Column("emergency_phone", css_class="col-sm-6"),
                ),
            )
        ]
        if "support_name" in self.fields:
            parts.append(
                Fieldset(
                    _("The adult who would be with you during at-home sessions"),
                    Row(
                        Column("support_name", css_class="col-sm-6"),
                        Column("support_phone", css_class="col-sm-6"),
                    ),
                )
            )
        if "session_location" in self.fields:
            parts.append("session_location")
        return Layout(*parts)

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = {}
        for key, prefix in CONTACTS:
            for part, value in answers.get(key, {}).items():
                initial[f"{prefix}_{part}"] = value
        if "session_location" in answers:
            initial["session_location"] = answers["session_location"]
        return initial

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers: Answers = {}
        for key, prefix in CONTACTS:
            if f"{prefix}_name" in self.fields:
                answers[key] = {
                    "name": data.get(f"{prefix}_name", ""),
                    "phone": data.get(f"{prefix}_phone", ""),
                }
        if data.get("session_location"):
            answers["session_location"] = data["session_location"]
        return answers

    def field_for(self, error: FieldError) -> str | None:
        for key, prefix in CONTACTS:
            if error.field == key:
                return f"{prefix}_{error.part or 'name'}"
        return super().field_for(error)


ContactsForm.base_fields = (
    contact_fields("emergency", _("Emergency contact"))
    | contact_fields("support", _("Support person"))
    | ContactsForm.base_fields
)
