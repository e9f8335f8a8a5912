"""The deployment files: the one Dockerfile, docker-compose.yml and the Kubernetes overlays.

Each overlay is rendered with kustomize and checked against the Kubernetes API schemas
(deploy/k8s/validate.py, also run by `make lint`); then what the schemas cannot know: the
variables the pods get are ones crm_common.settings reads, the probes hit /healthz and
/readyz on the port the service listens on, and the images are targets of the Dockerfile.
"""

from __future__ import annotations

import copy
import importlib.util
import re
import tomllib
from pathlib import Path
from typing import Any

import dockerfile
import pytest
import yaml

from crm_cli.main import SERVICE_PORTS
from crm_common.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
SERVICES = tuple(SERVICE_PORTS)
IMAGES = (*SERVICES, "gateway")


def _load_validator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "deploy_k8s_validate", REPO / "deploy" / "k8s" / "validate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


validator = _load_validator()


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[dict[str, Any]]]:
    return {path.name: validator.render(path) for path in validator.overlays()}


def _settings_variables() -> set[str]:
    names = set()
    for field, info in Settings.model_fields.items():
        alias = info.validation_alias
        names.add(alias if isinstance(alias, str) else f"CRM_{field.upper()}")
    return names


def _of_kind(manifests: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {m["metadata"]["name"]: m for m in manifests if m["kind"] == kind}


def _app_containers(manifests: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """Every container and init container running a service image (any CRM_* reader)."""
    found = []
    for manifest in manifests:
        if manifest["kind"] not in ("Deployment", "Job", "StatefulSet"):
            continue
        pod = manifest["spec"]["template"]["spec"]
        for container in pod.get("initContainers", []) + pod["containers"]:
            image = container["image"]
            if image.startswith("campaign-creation/") and "/gateway:" not in image:
                found.append((manifest["metadata"]["name"], container))
    return found


def _dockerfile_stages() -> dict[str, list[Any]]:
    """The Dockerfile's instructions per named stage, read by BuildKit's own parser."""
    stages: dict[str, list[Any]] = {}
    current: list[Any] = []
    for command in dockerfile.parse_file(str(REPO / "Dockerfile")):
        if command.cmd == "FROM":
            _image, as_, name = command.value
            assert as_.upper() == "AS", command.original
            current = stages.setdefault(name, [])
        current.append(command)
    return stages


def _dockerfile_targets() -> set[str]:
    return set(_dockerfile_stages())


def _dockerignored(path: str) -> bool:
    """Whether .dockerignore keeps `path` (or a folder above it) out of the build context."""
    patterns = []
    for line in (REPO / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            regex = re.escape(line).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
            patterns.append(re.compile(regex + "$"))
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(p.match(prefix) for p in patterns for prefix in prefixes)


def test_every_overlay_renders_and_matches_the_kubernetes_schemas(rendered) -> None:
    assert set(rendered) == {"dev", "prod"}
    for overlay, manifests in rendered.items():
        assert validator.check(manifests) == [], overlay
        kinds = {m["kind"] for m in manifests}
        assert {
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "Job",
            "Ingress",
            "NetworkPolicy",
            "ConfigMap",
        } <= kinds, overlay
    # KEDA scales the launch workers in production; a development cluster needs no KEDA.
    assert "ScaledObject" in {m["kind"] for m in rendered["prod"]}
    assert "ScaledObject" not in {m["kind"] for m in rendered["dev"]}


def test_the_schema_check_refuses_what_a_cluster_would_refuse(rendered) -> None:
    manifests = copy.deepcopy(rendered["prod"])
    deployment = _of_kind(manifests, "Deployment")["campaign-api"]
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = {}
    scaled = _of_kind(manifests, "ScaledObject")["launch-worker"]
    scaled["spec"]["triggers"][0]["metadata"]["lagcount"] = "5"
    hpa = _of_kind(manifests, "HorizontalPodAutoscaler")["segment-engine"]
    hpa["spec"]["maxReplicas"] = "eight"
    manifests.append({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}})
    problems = validator.check(manifests)
    assert len(problems) == 4, problems
    assert any("readinessprobe" in p for p in problems)
    assert any("lagcount" in p for p in problems)
    assert any("HorizontalPodAutoscaler/segment-engine" in p for p in problems)
    assert any("no schema for example.com/v1 Widget" in p for p in problems)


def test_pods_get_only_variables_the_settings_read(rendered) -> None:
    """The Secret's keys and the ConfigMap's are the variable names themselves, handed over by
    envFrom, and every one is a setting: a misspelt key would be ignored silently."""
    known = _settings_variables()
    for overlay, manifests in rendered.items():
        config = next(m for m in manifests if m["kind"] == "ConfigMap")
        assert set(config["data"]) <= known, overlay
        for owner, container in _app_containers(manifests):
            names = {entry["name"] for entry in container.get("env", [])}
            assert names <= known, (overlay, owner, names - known)
            refs = container["envFrom"]
            assert any(
                r.get("secretRef", {}).get("name", "").startswith("crm-secrets") for r in refs
            )
            assert any(
                r.get("configMapRef", {}).get("name") == config["metadata"]["name"] for r in refs
            )

    # The development overlay generates its Secret: its keys are settings, and with them and
    # the ConfigMap the services' settings load (production rules included).
    dev = rendered["dev"]
    secret = next(
        m for m in dev if m["kind"] == "Secret" and m["metadata"]["name"].startswith("crm-secrets")
    )
    assert set(secret["data"]) == {
        "DATABASE_URL",
        "REDIS_URL",
        "CRM_JWT_SECRET",
        "CRM_TRACKING_SECRET",
        "CRM_KEK",
    }
    assert set(secret["data"]) <= known


def test_the_dev_overlay_environment_passes_the_production_settings_checks(
    rendered, monkeypatch
) -> None:
    import base64

    dev = rendered["dev"]
    secret = next(
        m for m in dev if m["kind"] == "Secret" and m["metadata"]["name"].startswith("crm-secrets")
    )
    config = next(m for m in dev if m["kind"] == "ConfigMap")
    for name in _settings_variables():
        monkeypatch.delenv(name, raising=False)
    for key, value in secret["data"].items():
        monkeypatch.setenv(key, base64.b64decode(value).decode())
    for key, value in config["data"].items():
        monkeypatch.setenv(key, value)
    settings = load_settings()
    assert settings.env == "prod"
    assert settings.database_url is not None
    assert "@postgres:5432/crm" in settings.database_url
    assert settings.redis_url == "redis://redis:6379/0"
    assert settings.trusted_proxies == ("10.0.0.0/8",)


def test_the_dev_overlay_secrets_are_made_per_checkout_never_committed(
    rendered, tmp_path: Path
) -> None:
    """What signs a development cluster's tokens is random per checkout: the env files the
    Secrets come from are ignored by git, readable by their owner only, and hold values no
    committed file does; a second checkout gets others."""
    import base64
    import shutil
    import stat
    import subprocess

    git = shutil.which("git")
    assert git is not None
    dev_dir = REPO / "deploy" / "k8s" / "overlays" / "dev"
    for name in ("secrets.env", "postgres.env"):
        assert stat.S_IMODE((dev_dir / name).stat().st_mode) == 0o600
        ignored = subprocess.run(
            [git, "check-ignore", "-q", str(dev_dir / name)], cwd=REPO, check=False
        )
        assert ignored.returncode == 0, f"{name} is not ignored by git"
    secret = next(
        m
        for m in rendered["dev"]
        if m["kind"] == "Secret" and m["metadata"]["name"].startswith("crm-secrets")
    )
    jwt_secret = base64.b64decode(secret["data"]["CRM_JWT_SECRET"]).decode()
    assert len(jwt_secret) >= 32
    tracked = subprocess.run(
        [git, "grep", "-l", "--fixed-strings", jwt_secret], cwd=REPO, check=False
    )
    assert tracked.returncode == 1, "the dev JWT secret is in a committed file"

    written = validator.ensure_dev_secrets(tmp_path)
    assert sorted(path.name for path in written) == ["postgres.env", "secrets.env"]
    other = dict(line.split("=", 1) for line in (tmp_path / "secrets.env").read_text().splitlines())
    assert other["CRM_JWT_SECRET"] != jwt_secret
    postgres = (tmp_path / "postgres.env").read_text()
    password = other["DATABASE_URL"].split(":")[2].split("@")[0]
    assert f"POSTGRES_PASSWORD={password}\n" in postgres
    assert validator.ensure_dev_secrets(tmp_path) == []  # kept once made


def test_probes_ports_and_shutdown_of_every_deployment(rendered) -> None:
    for overlay, manifests in rendered.items():
        deployments = _of_kind(manifests, "Deployment")
        services = _of_kind(manifests, "Service")
        assert set(deployments) == set(IMAGES), overlay
        for name, deployment in deployments.items():
            pod = deployment["spec"]["template"]["spec"]
            [container] = pod["containers"]
            port = SERVICE_PORTS.get(name, 8000)
            assert container["ports"] == [{"name": "http", "containerPort": port}]
            assert container["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
            assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
            assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
            assert "preStop" in container["lifecycle"]
            assert container["resources"]["requests"]["cpu"]
            assert container["resources"]["limits"]["memory"]
            assert pod["securityContext"]["runAsNonRoot"] is True
            assert pod["topologySpreadConstraints"], name
            assert services[name]["spec"]["ports"][0]["port"] == port
            if name in SERVICE_PORTS:
                env = {e["name"]: e["value"] for e in container["env"]}
                assert env["CRM_PORT"] == str(port)
                annotations = deployment["spec"]["template"]["metadata"]["annotations"]
                assert annotations["prometheus.io/port"] == str(port)
                assert annotations["prometheus.io/path"] == "/metrics"
                # The schema at head before the pod serves.
                [init] = pod["initContainers"]
                assert init["command"] == ["crm", "migrate"]
        # Closing every WebSocket with 1012 and handing back launch leases need time.
        launch_lease_s = Settings().launch_lease_s
        for name in ("notify-gateway", "launch-worker", "gateway"):
            grace = deployments[name]["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
            assert grace >= 4 * launch_lease_s, name
        pdbs = _of_kind(manifests, "PodDisruptionBudget")
        assert set(pdbs) == set(IMAGES), overlay
        hpas = _of_kind(manifests, "HorizontalPodAutoscaler")
        assert set(hpas) == {"campaign-api", "segment-engine"}
        for hpa in hpas.values():
            [metric] = hpa["spec"]["metrics"]
            assert metric["resource"]["name"] == "cpu"
        job = _of_kind(manifests, "Job")["crm-migrate"]
        assert job["spec"]["template"]["spec"]["containers"][0]["command"] == ["crm", "migrate"]
        ingress = _of_kind(manifests, "Ingress")["crm"]
        assert (
            ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"]
            == "3600"
        )


def test_launch_workers_scale_on_their_stream_lag(rendered) -> None:
    from launch_worker.launches.consumers import GROUP as LAUNCH_GROUP
    from launch_worker.test_sends.consumers import GROUP as TEST_SEND_GROUP

    scaled = _of_kind(rendered["prod"], "ScaledObject")["launch-worker"]
    assert scaled["spec"]["scaleTargetRef"]["name"] == "launch-worker"
    triggers = scaled["spec"]["triggers"]
    assert {t["type"] for t in triggers} == {"redis-streams"}
    assert {t["metadata"]["consumerGroup"] for t in triggers} == {LAUNCH_GROUP, TEST_SEND_GROUP}
    assert {t["metadata"]["stream"] for t in triggers} == {Settings().events_stream}
    auth = _of_kind(rendered["prod"], "TriggerAuthentication")
    assert {t["authenticationRef"]["name"] for t in triggers} == set(auth)


def test_only_the_gateway_reaches_the_services_and_only_the_services_the_stores(rendered) -> None:
    for _overlay, manifests in rendered.items():
        policies = _of_kind(manifests, "NetworkPolicy")
        assert policies["crm-default-deny-ingress"]["spec"]["podSelector"] == {}
        services = policies["crm-services-ingress"]["spec"]
        [selector] = services["podSelector"]["matchExpressions"]
        assert set(selector["values"]) == set(SERVICES)
        sources = services["ingress"][0]["from"]
        assert {"podSelector": {"matchLabels": {"app": "gateway"}}} in sources
        assert all(
            "podSelector" not in s or s["podSelector"]["matchLabels"] == {"app": "gateway"}
            for s in sources
        )
        stores = policies["crm-datastores-ingress"]["spec"]
        [allowed] = stores["ingress"][0]["from"][0]["podSelector"]["matchExpressions"]
        assert set(allowed["values"]) == {"service", "migrations"}
        egress = policies["crm-gateway-egress"]["spec"]["egress"]
        [to_services] = egress[0]["to"]
        assert set(to_services["podSelector"]["matchExpressions"][0]["values"]) == set(SERVICES)
        # Pods labelled as what the policies name.
        for name, deployment in _of_kind(manifests, "Deployment").items():
            component = deployment["spec"]["template"]["metadata"]["labels"][
                "app.kubernetes.io/component"
            ]
            assert component == ("gateway" if name == "gateway" else "service"), name
    for name in ("postgres", "redis"):
        store = _of_kind(rendered["dev"], "StatefulSet")[name]
        assert (
            store["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/component"]
            == "datastore"
        )


def test_images_are_dockerfile_targets_tagged_by_make_images(rendered) -> None:
    targets = _dockerfile_targets()
    assert set(IMAGES) <= targets
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    makefile = (REPO / "Makefile").read_text()
    assert "IMAGE_TAG ?= $(shell sed -n 's/^version" in makefile
    assert "docker build --target $$image" in makefile
    tags = {"dev": "dev", "prod": version}
    for overlay, manifests in rendered.items():
        images = [
            container["image"]
            for m in manifests
            if m["kind"] in ("Deployment", "Job")
            for container in m["spec"]["template"]["spec"].get("initContainers", [])
            + m["spec"]["template"]["spec"]["containers"]
        ]
        assert {image.split(":")[0].split("/")[1] for image in images} == set(IMAGES)
        for image in images:
            repository, tag = image.rsplit(":", 1)
            assert repository.split("/", 1)[1] in targets
            assert tag == tags[overlay], (overlay, image)


def test_one_dockerfile_non_root_with_healthchecks() -> None:
    stages = _dockerfile_stages()
    assert list(stages) == [
        "build",
        "apidocs",
        "web",
        "runtime",
        "campaign-api",
        "segment-engine",
        "notify-gateway",
        "launch-worker",
        "gateway",
    ]

    def instructions(stage: str, cmd: str) -> list[Any]:
        return [c for c in stages[stage] if c.cmd == cmd]

    [user] = instructions("runtime", "USER")
    assert user.value == ("10001",)
    [healthcheck] = instructions("runtime", "HEALTHCHECK")
    assert healthcheck.json
    assert healthcheck.value[0] == "CMD"
    assert "/healthz' % os.environ['CRM_PORT']" in healthcheck.value[-1]
    syncs = [c.value[0] for c in instructions("build", "RUN") if "uv sync" in c.value[0]]
    assert syncs
    assert all("--frozen --no-dev" in run for run in syncs)
    build_env = " ".join(" ".join(c.value) for c in instructions("build", "ENV"))
    assert "UV_PROJECT_ENVIRONMENT /app/.venv" in build_env  # the path the runtime copies to
    for name, port in SERVICE_PORTS.items():
        assert stages[name][0].value[0] == "runtime", name
        env = dict(zip(*[iter(instructions(name, "ENV")[0].value)] * 2, strict=True))
        assert env["CRM_PORT"] == str(port)
        [cmd] = instructions(name, "CMD")
        assert cmd.json
        assert cmd.value == ("crm", "run", name)
        assert [c.value for c in instructions(name, "EXPOSE")] == [(str(port),)]
    assert [c.value for c in instructions("gateway", "USER")] == [("101",)]
    assert instructions("gateway", "HEALTHCHECK")[0].json
    assert any("npm run build" in c.value[0] for c in instructions("web", "RUN"))
    assert any("crm openapi --site /apidocs" in c.value[0] for c in instructions("apidocs", "RUN"))

    # Every COPY takes an earlier stage's output or a path the build context holds.
    seen: set[str] = set()
    for stage, commands in stages.items():
        for command in commands:
            if command.cmd != "COPY":
                continue
            flags = dict(flag.lstrip("-").split("=", 1) for flag in command.flags)
            if "from" in flags:
                assert flags["from"] in seen, (stage, command.original)
                continue
            for source in command.value[:-1]:
                assert (REPO / source).exists(), source
                assert not _dockerignored(source), source
        seen.add(stage)
    gateway = {c.value for c in instructions("gateway", "COPY")}
    assert ("/web/dist", "/usr/share/nginx/html") in gateway
    assert ("/apidocs", "/usr/share/nginx/apidocs") in gateway
    for legacy in [*(REPO / "services").glob("*/Dockerfile"), REPO / "deploy/nginx/Dockerfile"]:
        assert not legacy.exists(), legacy


def test_the_build_context_holds_what_the_images_need_and_not_the_rest() -> None:
    needed = [
        "libs/crm_common/src/crm_common/migrations/versions/0001_initial_schema.py",
        "libs/crm_common/src/crm_common/testing/__init__.py",
        "apps/crm/src/crm_cli/main.py",
        "services/launch-worker/src/launch_worker/worker.py",
        "web/src/main.tsx",
        "web/index.html",
        "web/tsconfig.json",
        "deploy/nginx/nginx.conf",
    ]
    for path in needed:
        assert (REPO / path).exists(), path
        assert not _dockerignored(path), path
    for path in (
        ".venv/bin/python",
        "web/node_modules/react/index.js",
        "web/dist/index.html",
        "services/campaign-api/tests/conftest.py",
        "libs/crm_common/src/crm_common/__pycache__/settings.cpython-311.pyc",
        ".crm-data/postgres/PG_VERSION",
        ".git/HEAD",
    ):
        assert _dockerignored(path), path


def test_compose_waits_on_health_and_builds_the_web_app_in() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    targets = _dockerfile_targets()
    for name, service in services.items():
        for dependency, condition in service.get("depends_on", {}).items():
            assert isinstance(condition, dict), (name, dependency)
            expected = (
                "service_completed_successfully" if dependency == "migrate" else "service_healthy"
            )
            assert condition["condition"] == expected, (name, dependency)
        if "build" in service:
            assert service["build"]["dockerfile"] == "Dockerfile"
            assert service["build"]["target"] in targets
    for name in SERVICES:
        assert set(services[name]["depends_on"]) == {"migrate", "postgres", "redis"}
    assert set(services["gateway"]["depends_on"]) == set(SERVICES)
    assert services["migrate"]["command"] == ["crm", "migrate"]
    assert services["migrate"]["restart"] == "no"
    assert "volumes" not in services["gateway"]
    redis = services["redis"]["command"]
    assert redis[redis.index("--appendonly") + 1] == "yes"
    assert redis[redis.index("--maxmemory-policy") + 1] == "noeviction"
    postgres = " ".join(services["postgres"]["command"])
    for setting in ("shared_buffers", "work_mem", "checkpoint_timeout", "max_wal_size"):
        assert f"{setting}=" in postgres
    for name, service in services.items():
        for variable in service.get("environment", {}):
            if name not in ("postgres",):
                assert variable in _settings_variables(), (name, variable)


def test_the_gateway_answers_its_own_health() -> None:
    conf = (REPO / "deploy" / "nginx" / "nginx.conf").read_text()
    assert re.search(r"location = /healthz \{[^}]*return 200", conf)
    assert re.search(r"location = /readyz\s+\{[^}]*return 200", conf)
