"""The rule catalogue and the editable thresholds as Markdown tables, for docs/.

A test renders them again and compares them with docs/clinical-rules.md, so the
document can never drift from what the engine does.
"""

from __future__ import annotations

from .catalog import RULES, SOURCES, SWITCHABLE_RULES
from .thresholds import DEFAULT_THRESHOLDS, THRESHOLD_SPECS


def rules_table() -> str:
    values = DEFAULT_THRESHOLDS.values()
    lines = [
        "| rule id | fires when (default thresholds) | effect | priority | sources | switchable |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        switchable = "yes" if rule.id in SWITCHABLE_RULES else "no"
        lines.append(
            f"| `{rule.id}` | {rule.describe(values)} | {rule.effect.value} | "
            f"{rule.priority.value} | {', '.join(rule.sources)} | {switchable} |"
        )
    return "\n".join(lines)


def thresholds_table() -> str:
    lines = [
        "| name | meaning | default | allowed range | safety floor |",
        "|---|---|---|---|---|",
    ]
    for spec in THRESHOLD_SPECS:
        unit = f" {spec.unit}" if spec.unit else ""
        lines.append(
            f"| `{spec.name}` | {spec.label} | {spec.default}{unit} | "
            f"{spec.low}..{spec.high} | {spec.floor or '-'} |"
        )
    return "\n".join(lines)


def sources_list() -> str:
    return "\n".join(f"- **{key}**: {text}" for key, text in SOURCES.items())
