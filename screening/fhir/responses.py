"""Answers (either answer format) to QuestionnaireResponse items, and back, exactly.

`answers_from_response(response_for(answers, ...))` equals the answers: every
key the questionnaire knows, in either format, with its type (a height typed
as 168 stays an integer, 64.5 a decimal). The format is the version of the
Questionnaire the response names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)

from screening.fhir.items import Leaf, ListGroup, Node, ObjectGroup, RecordGroup, steps
from screening.fhir.questionnaire import canonical, canonical_url


class UnreadableResponse(ValueError):
    """A QuestionnaireResponse that is not one of this questionnaire's."""


def _decimal(value: int | float) -> Decimal:
    # repr keeps what was stored: 170 stays "170", 170.0 "170.0", 64.5 "64.5".
    return Decimal(repr(value))


def _answer(leaf: Leaf, value: Any) -> QuestionnaireResponseItemAnswer:
    if leaf.kind == "choice":
        option = next((o for o in leaf.options if o.value == value), None)
        if option is None:
            raise ValueError(f"{leaf.link_id}: {value!r} is not one of its options")
        code = option.code
        return QuestionnaireResponseItemAnswer(
            valueCoding=Coding(system=code.system, code=code.code, display=code.display)
        )
    if leaf.kind == "boolean":
        return QuestionnaireResponseItemAnswer(valueBoolean=value)
    if leaf.kind == "integer":
        return QuestionnaireResponseItemAnswer(valueInteger=value)
    if leaf.kind == "decimal":
        return QuestionnaireResponseItemAnswer(valueDecimal=_decimal(value))
    return QuestionnaireResponseItemAnswer(valueString=value)


def _leaf_item(leaf: Leaf, value: Any) -> QuestionnaireResponseItem:
    if leaf.repeats:
        if not value and leaf.none_option is not None:
            code = leaf.none_option.code
            answers = [
                QuestionnaireResponseItemAnswer(
                    valueCoding=Coding(system=code.system, code=code.code, display=code.display)
                )
            ]
        else:
            answers = [_answer(leaf, item) for item in value]
    else:
        answers = [_answer(leaf, value)]
    return QuestionnaireResponseItem(linkId=leaf.link_id, text=leaf.text, answer=answers)


def _items(node: Node, value: Any) -> list[QuestionnaireResponseItem]:
    if isinstance(node, Leaf):
        return [_leaf_item(node, value)]
    if isinstance(node, ObjectGroup):
        children = [_leaf_item(c, value[c.key]) for c in node.children if c.key in value]
        return [QuestionnaireResponseItem(linkId=node.link_id, text=node.text, item=children)]
    if isinstance(node, ListGroup):
        children = [_leaf_item(node.children[i], item) for i, item in enumerate(value)]
        return [QuestionnaireResponseItem(linkId=node.link_id, text=node.text, item=children)]
    return [  # RecordGroup: one group per record
        QuestionnaireResponseItem(
            linkId=node.link_id,
            text=node.text,
            item=[_leaf_item(c, record[c.key]) for c in node.children if c.key in record],
        )
        for record in value
    ]


def response_items(answers: dict[Any, Any]) -> list[QuestionnaireResponseItem]:
    """The answers as items, grouped by step; unanswered questions and steps are left out."""
    groups = []
    for step in steps():
        items = [
            item
            for node in step.nodes
            if node.key in answers
            for item in _items(node, answers[node.key])
        ]
        if items:
            groups.append(
                QuestionnaireResponseItem(linkId=step.link_id, text=step.text, item=items)
            )
    return groups


def response_for(answers: dict[Any, Any], **fields: Any) -> QuestionnaireResponse:
    """A completed QuestionnaireResponse of these answers; `fields` adds subject, dates, ids."""
    return QuestionnaireResponse(
        status="completed",
        questionnaire=canonical(answers.get("format", 1)),
        item=response_items(answers),
        **fields,
    )


# Back: a response to answers --------------------------------------------------------------


def _value(leaf: Leaf, answer: QuestionnaireResponseItemAnswer) -> Any:
    if leaf.kind == "choice":
        coding = answer.valueCoding
        for option in leaf.options:
            if coding is not None and (option.code.system, option.code.code) == (
                coding.system,
                coding.code,
            ):
                return option.value
        raise UnreadableResponse(f"{leaf.link_id}: an answer that is none of its options")
    if leaf.kind == "boolean":
        return answer.valueBoolean
    if leaf.kind == "integer":
        return answer.valueInteger
    if leaf.kind == "decimal":
        number = Decimal(str(answer.valueDecimal))
        exponent = number.as_tuple().exponent
        return int(number) if isinstance(exponent, int) and exponent >= 0 else float(number)
    return answer.valueString


def _leaf_value(leaf: Leaf, item: QuestionnaireResponseItem) -> Any:
    answers = item.answer or []
    if leaf.repeats:
        none = leaf.none_option
        if none is not None and len(answers) == 1 and answers[0].valueCoding is not None:
            coding = answers[0].valueCoding
            if (coding.system, coding.code) == (none.code.system, none.code.code):
                return []
        return [_value(leaf, answer) for answer in answers]
    if len(answers) != 1:
        raise UnreadableResponse(f"{leaf.link_id}: expected one answer, got {len(answers)}")
    return _value(leaf, answers[0])


def _children(node: ObjectGroup | ListGroup | RecordGroup, item: QuestionnaireResponseItem) -> Any:
    by_link = {child.link_id: child for child in node.children}
    found: dict[Any, Any] = {}
    for child_item in item.item or []:
        child = by_link.get(child_item.linkId or "")
        if child is None:
            raise UnreadableResponse(f"{child_item.linkId} is not an item of {node.link_id}")
        found[child.key] = _leaf_value(child, child_item)
    if isinstance(node, ListGroup):
        return [found[position] for position in sorted(found)]
    return found


def answers_from_response(response: QuestionnaireResponse) -> dict[str, Any]:
    """The answer JSON a QuestionnaireResponse of this questionnaire holds."""
    url, _, version = (response.questionnaire or "").partition("|")
    if url != canonical_url() or version not in ("1", "2"):
        raise UnreadableResponse("the response names another questionnaire")
    nodes = {node.link_id: node for step in steps() for node in step.nodes}
    step_ids = {step.link_id for step in steps()}
    answers: dict[Any, Any] = {"format": 2} if version == "2" else {}
    for group in response.item or []:
        if group.linkId not in step_ids:
            raise UnreadableResponse(f"{group.linkId} is not a step of the questionnaire")
        for item in group.item or []:
            node = nodes.get(item.linkId or "")
            if node is None:
                raise UnreadableResponse(f"{item.linkId} is not a question of the questionnaire")
            if isinstance(node, Leaf):
                answers[node.key] = _leaf_value(node, item)
            elif isinstance(node, RecordGroup):
                answers.setdefault(node.key, []).append(_children(node, item))
            else:
                answers[node.key] = _children(node, item)
    return answers
