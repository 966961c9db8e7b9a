"""docs/clinical-rules.md shows the treatment settings and sources the checks use."""

from pathlib import Path

from treatment.rules.tables import limits_table, treatment_sources_list

DOC = Path(__file__).resolve().parents[4] / "docs" / "clinical-rules.md"


def test_the_contract_page_holds_every_treatment_setting_with_its_floor_and_source():
    assert limits_table() in DOC.read_text()


def test_the_contract_page_names_every_treatment_source():
    assert treatment_sources_list() in DOC.read_text()
