"""docs/clinical-rules.md shows the engine's own rules, thresholds and sources."""

from pathlib import Path

from screening.rules.tables import rules_table, sources_list, thresholds_table

DOC = Path(__file__).resolve().parents[4] / "docs" / "clinical-rules.md"


def test_the_contract_page_holds_the_engines_rule_table():
    assert rules_table() in DOC.read_text()


def test_the_contract_page_holds_the_thresholds_and_their_floors():
    assert thresholds_table() in DOC.read_text()


def test_the_contract_page_names_every_source():
    assert sources_list() in DOC.read_text()
