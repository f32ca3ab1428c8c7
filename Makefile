# Small helpers; the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# Tests run in one worker per CPU (each with its own database); WORKERS=0 runs them in this process.
WORKERS ?= auto

.PHONY: demo run test install translations compile static clean

$(BIN)/flask: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/flask compile static

compile: $(BIN)/flask
	$(BIN)/pybabel compile -d translations --statistics

# Brotli and gzip copies beside each static file, served to phones that accept them.
static: $(BIN)/flask
	$(BIN)/flask --app wsgi static compress

demo: install
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi demo
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

run: install
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

node_modules/axe-core/axe.min.js: package.json
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; \
	else echo "npm not found: browser tests need axe-core (apt-get install npm, then make test)"; fi

test: install node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal $(PYTEST_ARGS)

translations: $(BIN)/flask
	$(BIN)/flask --app wsgi translate update
	$(BIN)/flask --app wsgi translate compile

clean:
	rm -rf $(VENV) node_modules instance/*.db*
	find app/static \( -name '*.br' -o -name '*.gz' \) -delete
