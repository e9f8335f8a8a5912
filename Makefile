# The two commands a newcomer runs: `make run` and `make test`. Each bootstraps what it needs.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PYTEST_WORKERS ?= 2
export UV_LINK_MODE ?= copy

.PHONY: run run-distributed nginx k8s-dev-secrets test test-distributed test-faults test-fuzz test-web lint format sync web images bench-campaign bench-modes bench-segments bench-ws bench-launch bench-round-trip clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

.venv/.synced: pyproject.toml uv.lock $(wildcard libs/*/pyproject.toml apps/*/pyproject.toml services/*/pyproject.toml) | $(UV)
	$(UV) sync --frozen --all-packages
	@touch $@

sync: .venv/.synced

NO_NODE_MESSAGE := Node.js 20+ with npm is not installed: the API still runs, but the web app at / is not built (install Node, then run this again).

web:
	@if [ -f web/package.json ]; then \
		if command -v npm >/dev/null 2>&1; then \
			(cd web && ([ -d node_modules ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) && npm run build); \
		else echo "$(NO_NODE_MESSAGE)"; fi; \
	fi

## The web app's checks: typed client up to date, component tests, browser tests against a real stack
test-web: sync web
	@if [ -f web/package.json ] && command -v npm >/dev/null 2>&1; then \
		cd web && npm run client:check && npx vitest run && \
		if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
			CI=1 npx playwright test; \
		else echo "Chromium is not installed (apt-get install -y chromium): browser tests cannot run."; exit 1; fi; \
	else echo "$(NO_NODE_MESSAGE)"; fi

## Start everything on http://127.0.0.1:8000 (embedded Postgres/Redis unless DATABASE_URL/REDIS_URL are set)
run: sync web
	$(UV) run --frozen crm run

## nginx for the distributed mode: Debian's package, installed when missing (as root)
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || \
		if [ "$$(id -u)" = 0 ]; then \
			(apt-get install -y -qq nginx-light >/dev/null 2>&1 || \
			 (apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null)); \
		else echo "nginx is not installed: sudo apt-get install -y nginx-light"; exit 1; fi

## The services as separate processes (2 campaign-api, 2 segment-engine, 2 launch workers,
## 1 notify gateway) behind nginx on http://127.0.0.1:8000; Ctrl-C stops everything
run-distributed: sync web nginx
	$(UV) run --frozen crm run-distributed

## Run every test against real Postgres/Redis (TEST_DATABASE_URL/TEST_REDIS_URL, else embedded)
## The fault suite (worker processes and a Redis SIGKILLed mid-flow) runs after the rest, on its own,
## then the distributed mode through nginx (test-distributed).
test: sync nginx
	$(UV) run --frozen pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not faults and not fuzz and not distributed" $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-faults
	$(MAKE) --no-print-directory test-distributed
	$(MAKE) --no-print-directory test-fuzz
	$(MAKE) --no-print-directory test-web

## A launch to 50,000 contacts through a real SMTP server, its worker SIGKILLed three times;
## the all-in-one's own Redis SIGKILLed mid-stream: ready again by itself, no event lost
test-faults: sync
	$(UV) run --frozen pytest tests/test_launch_faults.py tests/test_redis_faults.py -m faults -n 0 -s $(PYTEST_ARGS)

## schemathesis, every check, over every operation of the API document, against a running
## all-in-one on the test PostgreSQL/Redis: as a demo admin, then as the read-only analyst
test-fuzz: sync
	$(UV) run --frozen pytest tests/test_fuzz.py -m fuzz -n 0 -s $(PYTEST_ARGS)

## The distributed mode through nginx: a full flow, a campaign-api replica and a launch worker
## SIGKILLed mid-launch, nothing lost or sent twice
test-distributed: sync nginx
	$(UV) run --frozen pytest tests/test_distributed.py -m distributed -n 0 $(PYTEST_ARGS)

## The development Kubernetes overlay's secrets (random, per checkout, never committed)
k8s-dev-secrets: sync
	$(UV) run --frozen python deploy/k8s/validate.py --dev-secrets

lint: sync
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports --no-cache
	$(UV) run --frozen mypy libs/crm_common/src apps/crm/src services/campaign-api/src services/segment-engine/src services/launch-worker/src services/notify-gateway/src
	$(UV) run --frozen python deploy/k8s/validate.py
	@compose=""; if docker compose version >/dev/null 2>&1; then compose="docker compose"; \
	elif command -v docker-compose >/dev/null 2>&1; then compose="docker-compose"; fi; \
	if [ -n "$$compose" ]; then \
		CRM_JWT_SECRET=lint-only-0123456789abcdef0123456789 CRM_TRACKING_SECRET=lint-only-0123456789abcdef0123456789 \
		CRM_KEK=bGludC1vbmx5LWtlay0wMTIzNDU2Nzg5YWJjZGVmMDE= \
			$$compose config --quiet && echo "docker-compose.yml valid ($$compose)"; \
	else echo "docker compose is not installed: docker-compose.yml not checked"; fi

## Every image from the one Dockerfile: $(IMAGE_PREFIX)/<target>:$(IMAGE_TAG), the tag the prod overlay names
IMAGE_PREFIX ?= campaign-creation
IMAGE_TAG ?= $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n 1)
IMAGES := campaign-api segment-engine notify-gateway launch-worker gateway

images:
	@command -v docker >/dev/null 2>&1 || { echo "docker is not installed: the images cannot be built here."; exit 1; }
	@for image in $(IMAGES); do \
		echo "building $(IMAGE_PREFIX)/$$image:$(IMAGE_TAG)"; \
		docker build --target $$image -t $(IMAGE_PREFIX)/$$image:$(IMAGE_TAG) . || exit 1; \
	done

format: sync
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

bench-campaign: sync
	$(UV) run --frozen python bench/campaign_api.py

## The campaign API at 150 and 600 users: the all-in-one and the distributed mode side by side
bench-modes: sync nginx
	$(UV) run --frozen python bench/campaign_modes.py

bench-segments: sync
	$(UV) run --frozen python bench/segments.py

bench-ws: sync
	$(UV) run --frozen python bench/ws_fanout.py

bench-launch: sync
	$(UV) run --frozen python bench/launch.py

## What one round trip to PostgreSQL and Redis costs the calling process, idle loop vs busy
bench-round-trip: sync
	$(UV) run --frozen python bench/round_trip.py

clean:
	rm -rf .venv .tools .crm-data .pytest_cache .mypy_cache .ruff_cache
