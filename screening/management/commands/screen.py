"""`manage.py screen [--thresholds FILE.json]`: JSON Lines of answers in, decisions out."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from screening.rules import InvalidThresholds, Thresholds, thresholds_from_mapping
from screening.rules.batch import screen_lines
from screening.rulesets.selectors import active_thresholds


class Command(BaseCommand):
    help = (
        "Screen JSON Lines of answers from standard input; write one decision per line, "
        "or {'error': {'field', 'message'}} for a line that breaks the answer format."
    )
    # A batch tool: the system checks would load every view (PDF and FHIR libraries
    # included) before the first line, a second of start-up that screens nothing.
    requires_system_checks = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--thresholds",
            type=Path,
            help="JSON file of threshold values; names left out keep their defaults",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        thresholds = self._thresholds(options["thresholds"])
        out = sys.stdout
        # Line by line, so a batch of any size streams in constant memory.
        for decision in screen_lines(sys.stdin, thresholds):
            out.write(decision)
            out.write("\n")
        out.flush()

    def _thresholds(self, path: Path | None) -> Thresholds:
        if path is None:
            try:
                return active_thresholds()
            except DatabaseError as error:
                raise CommandError(
                    f"cannot read the published rule set ({error}); run `manage.py migrate`, "
                    "or pass --thresholds FILE.json ({} for the contract's defaults)"
                ) from None
        try:
            values = json.loads(path.read_text())
        except OSError as error:
            raise CommandError(f"--thresholds: cannot read {path}: {error.strerror}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"--thresholds: {path} is not valid JSON: {error}") from None
        if not isinstance(values, dict):
            raise CommandError(f"--thresholds: {path} must hold a JSON object of names to values")
        try:
            return thresholds_from_mapping(values, ruleset=f"file:{path.name}")
        except InvalidThresholds as invalid:
            raise CommandError(f"--thresholds: {invalid}") from None
