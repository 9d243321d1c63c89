# The two commands of the README:  `make demo` (set up, run the example)  and  `make test`.
# Both set up everything on a fresh machine: system packages (apt), the virtual environment, the model.

VENV    ?= .venv
PY      := $(VENV)/bin/python
SHARED  ?= ../shared
EXAMPLE := $(SHARED)/examples/shafaq-crocus

.PHONY: demo test system-deps install bench accuracy clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# PostgreSQL (store tests) and Chromium (browser tests) come from Debian; Java 17 is on the machine.
system-deps:
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "installing Debian packages: postgresql chromium"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql chromium >/dev/null; \
	fi

demo: install
	$(VENV)/bin/eventwire extract $(EXAMPLE).txt   # metadata (id, source, published) from $(EXAMPLE).json beside it

test: system-deps install
	$(VENV)/bin/pytest -q

bench: install
	$(PY) bench/run.py $(addprefix --rss-from ,$(wildcard bench/results/rss-*.json))

accuracy: install
	$(PY) scripts/accuracy.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
