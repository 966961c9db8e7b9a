"""The intake as a FHIR Questionnaire, one version per answer format."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.questionnaire import (
    Questionnaire,
    QuestionnaireItem,
    QuestionnaireItemAnswerOption,
)

from patients.intake import wording
from screening.fhir import codes
from screening.fhir.items import Leaf, Node, Option, RecordGroup, in_format, steps
from screening.rules.answers import LATEST_FORMAT

NAME: Final = "ketamine-intake"


def canonical_url() -> str:
    return f"{codes.fhir_base()}/Questionnaire/{NAME}"


def canonical(answer_format: int) -> str:
    """The canonical reference of one version: `url|version` (the version is the format)."""
    return f"{canonical_url()}|{answer_format}"


def coding(code: codes.Code) -> Coding:
    return Coding(system=code.system, code=code.code, display=code.display)


def _option(option: Option) -> QuestionnaireItemAnswerOption:
    extension = None
    if option.code.system == codes.LOINC and isinstance(option.value, int):
        extension = [Extension(url=codes.ORDINAL_VALUE, valueDecimal=Decimal(option.value))]
    return QuestionnaireItemAnswerOption(valueCoding=coding(option.code), extension=extension)


def _leaf(leaf: Leaf) -> QuestionnaireItem:
    options = list(leaf.options) + ([leaf.none_option] if leaf.none_option else [])
    return QuestionnaireItem(
        linkId=leaf.link_id,
        text=leaf.text,
        type=leaf.kind,
        code=[coding(leaf.code)] if leaf.code else None,
        repeats=leaf.repeats or None,
        readOnly=leaf.read_only or None,
        answerOption=[_option(option) for option in options] or None,
    )


def _node(node: Node, answer_format: int) -> QuestionnaireItem:
    if isinstance(node, Leaf):
        return _leaf(node)
    children = [child for child in node.children if in_format(child.link_id, answer_format)]
    return QuestionnaireItem(
        linkId=node.link_id,
        text=node.text,
        type="group",
        code=[coding(node.code)] if node.code else None,
        repeats=True if isinstance(node, RecordGroup) else None,
        item=[_leaf(child) for child in children],
    )


def questionnaire(answer_format: int = LATEST_FORMAT) -> Questionnaire:
    """The questionnaire of `answer_format`, from the intake's own step forms and wording."""
    groups = [
        QuestionnaireItem(
            linkId=step.link_id,
            text=step.text,
            type="group",
            item=[
                _node(node, answer_format)
                for node in step.nodes
                if in_format(node.link_id, answer_format)
            ],
        )
        for step in steps()
    ]
    copyright_: Any = " ".join(
        (wording.PFIZER_ATTRIBUTION, wording.CSSRS_ATTRIBUTION, wording.DAST10_ATTRIBUTION)
    )
    return Questionnaire(
        id=f"{NAME}-{answer_format}",
        url=canonical_url(),
        version=str(answer_format),
        name="KetamineTherapyIntake",
        title="Ketamine therapy intake and screening questionnaire",
        status="active",
        subjectType=["Patient"],
        copyright=copyright_,
        code=[coding(codes.PHQ9_PANEL), coding(codes.GAD7_PANEL), coding(codes.CSSRS_PANEL)],
        item=groups,
    )
