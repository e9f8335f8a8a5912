# The two commands a newcomer runs: `make run` and `make test`. Each bootstraps what it needs.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PYTEST_WORKERS ?= 2
export UV_LINK_MODE ?= copy

.PHONY: run test lint format sync web bench-campaign bench-segments bench-ws clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

.venv/.synced: pyproject.toml uv.lock $(wildcard libs/*/pyproject.toml apps/*/pyproject.toml services/*/pyproject.toml) | $(UV)
	$(UV) sync --frozen --all-packages
	@touch $@

sync: .venv/.synced

web:
	@if [ -f web/package.json ]; then \
		(cd web && ([ -d node_modules ] || npm ci --no-audit --no-fund) && npm run build); \
	fi

## Start everything on http://127.0.0.1:8000 (embedded Postgres/Redis unless DATABASE_URL/REDIS_URL are set)
run: sync web
	$(UV) run --frozen crm run

## Run every test against real Postgres/Redis (TEST_DATABASE_URL/TEST_REDIS_URL, else embedded)
test: sync
	$(UV) run --frozen pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: sync
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports --no-cache
	$(UV) run --frozen mypy libs/crm_common/src apps/crm/src services/campaign-api/src services/segment-engine/src services/launch-worker/src services/notify-gateway/src

format: sync
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

bench-campaign: sync
	$(UV) run --frozen python bench/campaign_load.py

bench-segments: sync
	$(UV) run --frozen python bench/segments.py

bench-ws: sync
	$(UV) run --frozen python bench/ws_fanout.py

clean:
	rm -rf .venv .tools .crm-data .pytest_cache .mypy_cache .ruff_cache
