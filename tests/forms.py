"""Every form class of the project, found by walking its packages."""

from __future__ import annotations

import importlib
import pkgutil

from django import forms

PACKAGES = ("config", "patients", "screening", "treatment")
# Bases of other forms, never shown themselves.
BASES = {"patients.intake.forms.base.StepForm"}


def project_forms() -> list[type[forms.Form]]:
    for package in PACKAGES:
        root = importlib.import_module(package)
        for module in pkgutil.walk_packages(root.__path__, package + "."):
            if ".migrations" not in module.name:
                importlib.import_module(module.name)
    found: dict[str, type[forms.Form]] = {}

    def collect(base: type) -> None:
        for sub in base.__subclasses__():
            if sub.__module__.split(".")[0] in PACKAGES:
                found[f"{sub.__module__}.{sub.__qualname__}"] = sub
            collect(sub)

    collect(forms.BaseForm)
    return [found[name] for name in sorted(found) if name not in BASES]


def field_names() -> set[str]:
    """The field names of every form, as declared (forms that add fields as they are
    built, such as the integration note's sections, add them to this by hand)."""
    return {name for form in project_forms() for name in form.base_fields}
