# syntax=docker/dockerfile:1
# Every image of the distributed mode, built from the one uv workspace (README "Containers").
# Build from the repository root, one target per image (`make images` builds them all):
#   docker build --target campaign-api -t campaign-creation/campaign-api:dev .
# Targets: campaign-api, segment-engine, notify-gateway, launch-worker (one shared virtualenv;
# each its own command, port and healthcheck; any of them runs `crm migrate`) and gateway (nginx
# with the built web app and the merged API document and its docs pages).
ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# --- the workspace's virtualenv, without dev dependencies, installed non-editable -------------
FROM ${PYTHON_IMAGE} AS build
ARG UV_VERSION=0.13.9
RUN pip install --no-cache-dir "uv==${UV_VERSION}"
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /src
# The lock and the manifests first: a code change leaves the dependency layer cached.
COPY pyproject.toml uv.lock ./
COPY libs/crm_common/pyproject.toml libs/crm_common/
COPY apps/crm/pyproject.toml apps/crm/
COPY services/campaign-api/pyproject.toml services/campaign-api/
COPY services/segment-engine/pyproject.toml services/segment-engine/
COPY services/launch-worker/pyproject.toml services/launch-worker/
COPY services/notify-gateway/pyproject.toml services/notify-gateway/
RUN uv sync --frozen --no-dev --package crm-cli --no-install-workspace
COPY libs ./libs
COPY apps ./apps
COPY services ./services
# crm-cli depends on every service: one virtualenv serves every service image.
RUN uv sync --frozen --no-dev --package crm-cli --no-editable

# --- the merged API document and its /docs and /redoc pages (no database needed) --------------
FROM build AS apidocs
RUN /app/.venv/bin/crm openapi --site /apidocs

# --- the web app ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS web
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./
RUN npm run build

# --- the runtime every service image shares ---------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin crm
COPY --from=build /app/.venv /app/.venv
WORKDIR /app
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    CRM_ENV=prod CRM_HOST=0.0.0.0 CRM_DATA_DIR=/tmp/crm-data
USER 10001
# Liveness of whichever service the image runs, on its CRM_PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['CRM_PORT'], timeout=2)"]

FROM runtime AS campaign-api
ENV CRM_PORT=8001 CRM_SERVICE_NAME=campaign-api
EXPOSE 8001
CMD ["crm", "run", "campaign-api"]

FROM runtime AS segment-engine
ENV CRM_PORT=8002 CRM_SERVICE_NAME=segment-engine
EXPOSE 8002
CMD ["crm", "run", "segment-engine"]

FROM runtime AS notify-gateway
ENV CRM_PORT=8003 CRM_SERVICE_NAME=notify-gateway
EXPOSE 8003
CMD ["crm", "run", "notify-gateway"]

FROM runtime AS launch-worker
ENV CRM_PORT=8004 CRM_SERVICE_NAME=launch-worker
EXPOSE 8004
CMD ["crm", "run", "launch-worker"]

# --- the gateway: nginx routing by path prefix, the web app and the API docs built in ---------
FROM ${NGINX_IMAGE} AS gateway
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/proxy.conf /etc/nginx/proxy.conf
COPY deploy/nginx/security-headers.conf /etc/nginx/security-headers.conf
COPY --from=apidocs /apidocs /usr/share/nginx/apidocs
COPY --from=web /web/dist /usr/share/nginx/html
# nginx's own user (uid 101) runs master and workers: it owns the cache and the pid file.
RUN chown -R nginx:nginx /var/cache/nginx \
    && touch /var/run/nginx.pid && chown nginx:nginx /var/run/nginx.pid
USER 101
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8000/healthz"]
