"""treatment/rules imports the standard library and the screening engine only, never Django."""

import ast
import subprocess
import sys
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[4] / "treatment" / "rules"
ALLOWED_OUTSIDE = ("screening.rules",)  # the engine's vocabulary: itself pure

BLOCK_DJANGO = """
import sys
class BlockDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("django is blocked in this test")
sys.meta_path.insert(0, BlockDjango())
from treatment.rules import DEFAULT_LIMITS, PreDoseAnswers, Setting, check_pre_dose
print(check_pre_dose(PreDoseAnswers(setting=Setting.IN_CLINIC), DEFAULT_LIMITS).outcome)
from treatment.rules.therapy import dose_gate
print(dose_gate(None, not_ready=True).state)
"""


def test_it_imports_and_checks_where_django_cannot_be_imported():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_DJANGO],
        cwd=RULES_DIR.parents[1],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["hold", "hold"]


def test_it_imports_only_the_standard_library_or_the_engine():
    outside = []
    for path in RULES_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            outside += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] not in sys.stdlib_module_names
                and not name.startswith(ALLOWED_OUTSIDE)
            ]

    assert outside == []
