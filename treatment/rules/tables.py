"""The treatment settings and their sources as Markdown, for docs/clinical-rules.md.

A test renders them again and compares them with the document, so it can never
drift from what the checks do.
"""

from __future__ import annotations

from .limits import LIMIT_SPECS, TREATMENT_SOURCES


def limits_table() -> str:
    lines = [
        "| name | meaning | default | allowed range | safety floor | used by | source |",
        "|---|---|---|---|---|---|---|",
    ]
    for spec in LIMIT_SPECS:
        unit = f" {spec.unit}" if spec.unit else ""
        lines.append(
            f"| `{spec.name}` | {spec.label} | {spec.default}{unit} | {spec.low}..{spec.high} | "
            f"{spec.floor} | {spec.used_by} | {spec.source} |"
        )
    return "\n".join(lines)


def treatment_sources_list() -> str:
    return "\n".join(f"- **{key}**: {text}" for key, text in TREATMENT_SOURCES.items())
