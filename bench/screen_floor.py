"""The floor under `manage.py screen`: the same JSON Lines read, decoded and answered, no rules.

Each line is decoded and answered with a one-field decision: what any batch screener
must pay for reading and writing JSON in Python, before it checks a single answer.
`bench/engine.py` runs it beside `manage.py screen` on the same file.
"""

import json
import sys


def main() -> None:
    out = sys.stdout
    for line in sys.stdin:
        answers = json.loads(line)
        out.write(json.dumps({"route": "clinician_review" if answers else "at_home"}))
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
