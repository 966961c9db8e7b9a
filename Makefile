# The two commands of the README: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: install messages run test lint typecheck pytest audit constraints bench clean

install: $(VENV)/.installed messages

# The patient side's translations (locale/*/LC_MESSAGES/django.po), compiled to .mo files,
# which are not kept in git. Needs GNU gettext's msgfmt.
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "make: msgfmt (GNU gettext) is needed to compile \
	the translations: install the gettext package (apt-get install gettext, brew install gettext)" >&2; exit 1; }
	$(MANAGE) compilemessages --ignore '$(VENV)' --ignore '.venv*' >/dev/null

$(VENV)/.installed: requirements/base.txt requirements/dev.txt requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements/dev.txt -c requirements/constraints.txt
	touch $@

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) demo_data
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/bandit --quiet --recursive config patients screening treatment --exclude '*/migrations/*' \
		--severity-level medium

typecheck: install
	$(BIN)/mypy .

pytest: install
	$(BIN)/pytest

test: lint typecheck
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# Known vulnerabilities in any pinned package; needs the PyPI JSON API.
audit: install
	$(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		-r requirements/constraints.txt

bench: install
	bash bench/run

# Re-pin every transitive dependency after changing requirements/*.txt.
constraints:
	rm -rf /tmp/constraints-venv && $(PYTHON) -m venv /tmp/constraints-venv
	/tmp/constraints-venv/bin/pip install --quiet -r requirements/dev.txt
	(echo "# Every package installed by dev.txt, pinned (pip freeze). Regenerate with: make constraints"; \
		/tmp/constraints-venv/bin/pip freeze) > requirements/constraints.txt

clean:
	rm -rf $(VENV) staticfiles .mypy_cache .pytest_cache .ruff_cache
