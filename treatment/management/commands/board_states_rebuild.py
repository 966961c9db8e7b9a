"""Derive every session's board state again from its source rows and store what differs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from treatment.sessions.board import board_states_rebuild


class Command(BaseCommand):
    help = "Rebuild the today board's stored state and rank of every session."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            corrected = board_states_rebuild()
        self.stdout.write(f"{corrected} sessions corrected")
