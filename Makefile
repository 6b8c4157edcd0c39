# Two commands set everything up: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STREHE := $(BIN)/strehe
HOST ?= 127.0.0.1
PORT ?= 8000
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: run test lint install messages compilemessages bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps re-run the install only when the dependency pins change.
$(VENV)/.installed-run: $(BIN)/python pyproject.toml constraints.txt
	$(PIP_INSTALL) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run
	$(PIP_INSTALL) -e '.[test,lint]'
	touch $@

install: $(VENV)/.installed-run

# Our Serbian is written in Latin script, as Kosovo's institutions write it. Django ships its own
# Serbian strings (form errors, admin) in Cyrillic under "sr"; this catalog of Django's Latin
# ones, built from the installed Django, takes precedence through LOCALE_PATHS.
SERBIAN_LATIN := strehe/locale/sr/LC_MESSAGES/django.po
$(SERBIAN_LATIN): $(VENV)/.installed-run
	mkdir -p $(dir $@)
	msgcat --use-first -o $@ $$(find "$$($(BIN)/python -c 'import django, os; print(os.path.dirname(django.__file__))')" -path '*/sr_Latn/LC_MESSAGES/django.po' | sort)

compilemessages: $(VENV)/.installed-run $(SERBIAN_LATIN)
	cd strehe && ../$(STREHE) compilemessages --verbosity 0

## Serve the site with reference and demo data on http://$(HOST):$(PORT) (gunicorn + whitenoise).
run: compilemessages
	$(STREHE) migrate --noinput
	$(STREHE) loadreference
	STREHE_DEMO=1 $(STREHE) loaddemo
	$(STREHE) collectstatic --noinput --verbosity 0
	STREHE_DEMO=1 $(BIN)/gunicorn strehe.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

## The whole test suite; SQLite unless DATABASE_URL names PostgreSQL.
test: $(VENV)/.installed-dev compilemessages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy strehe

## Refresh the .po files of every app after changing user-facing strings.
messages: $(VENV)/.installed-run
	for app in strehe/*/locale; do \
		(cd $$(dirname $$app) && $(CURDIR)/$(STREHE) makemessages -l sq -l sr -l en --no-obsolete --no-location); \
	done

## The API under schemathesis with many more examples than the suite's.
fuzz: $(VENV)/.installed-dev compilemessages
	STREHE_FUZZ_EXAMPLES=$${STREHE_FUZZ_EXAMPLES:-300} $(BIN)/pytest -s tests/api/test_schemathesis_finds_no_error.py

## Benchmarks on PostgreSQL (BENCH_DATABASE_URL), each printing one JSON line; see README.md
## "Performance". Smaller than the README's figures so that a run ends within minutes on two
## cores; the full sizes: make bench BENCH_CASES=200000 BENCH_CONTACTS=1000000 BENCH_ROWS=100000
BENCH_CASES ?= 20000
BENCH_CONTACTS ?= 100000
BENCH_ROWS ?= 20000
BENCH_SECONDS ?= 10
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/duplicate_matching.py
	$(BIN)/python bench/staff_pages.py --cases $(BENCH_CASES) --contacts $(BENCH_CONTACTS)
	$(BIN)/python bench/helpline_desk.py --contacts $(BENCH_CONTACTS)
	$(BIN)/python bench/statistics_report.py --cases $(BENCH_CASES) --contacts $(BENCH_CONTACTS)
	$(BIN)/python bench/htcds_import.py --rows $(BENCH_ROWS)
	$(BIN)/python bench/public_page.py --seconds $(BENCH_SECONDS)

clean:
	rm -rf $(VENV) var
