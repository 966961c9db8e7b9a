"""988 and 911 as links a phone can call (and text, for 988), wherever text names them."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

CALL_OR_TEXT = re.compile(r"\b(call) or (text) 988\b", re.IGNORECASE)
NUMBER = re.compile(r"(?<![\w>/:])(988|911)\b")


@register.filter(needs_autoescape=True)
def phone_links(text: str, autoescape: bool = True) -> SafeString:
    """Escape `text`, then make "call or text 988", 988 and 911 into tel: and sms: links."""
    escaped = str(conditional_escape(text) if autoescape else text)
    call, text = (f'<a class="alert-link" href="{href}">' for href in ("tel:988", "sms:988"))
    linked = CALL_OR_TEXT.sub(rf"{call}\1</a> or {text}\2</a> 988", escaped)
    linked = NUMBER.sub(lambda m: _number_link(m, linked), linked)
    return mark_safe(linked)  # noqa: S308  # nosec B308 B703 (escaped above; only our links added)


def _number_link(match: re.Match[str], text: str) -> str:
    number = match.group(1)
    before = text[: match.start()]
    if before.endswith("</a> "):  # "…<a href="sms:988">text</a> 988": already linked
        return number
    return f'<a class="alert-link" href="tel:{number}">{number}</a>'


@register.filter
def tel(number: str) -> SafeString:
    """A phone number as a link a phone can call; empty stays empty."""
    digits = re.sub(r"[^0-9+]", "", str(number or ""))
    if not digits:
        return mark_safe("")  # nosec B308 B703 (a constant)
    return format_html('<a href="tel:{}">{}</a>', digits, number)
