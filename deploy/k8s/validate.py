"""Render every Kubernetes overlay and check it against the API schemas, offline.

`make lint` runs it: `python deploy/k8s/validate.py` renders deploy/k8s/overlays/* with
kustomize (`kustomize build` when that binary is on PATH, else the one built into
`kubectl kustomize`) and validates every object in strict mode (unknown fields are errors)
against the Kubernetes schemas that PyPI's kubernetes-validate ships. KEDA's custom kinds
(ScaledObject, TriggerAuthentication) have no schema there: they are checked against
deploy/k8s/schemas/, which describe the fields of KEDA's CRDs this project uses. Any other kind
without a schema is an error, never skipped.

The development overlay's Secrets come from two env files beside it (`secrets.env`,
`postgres.env`), made with random values on first use and ignored by git:
`python deploy/k8s/validate.py --dev-secrets` (`make k8s-dev-secrets`) writes them, and so
does any render of that overlay here.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import yaml

K8S_DIR = Path(__file__).resolve().parent
OVERLAYS_DIR = K8S_DIR / "overlays"
SCHEMAS_DIR = K8S_DIR / "schemas"
# The oldest Kubernetes release the manifests must apply to.
KUBERNETES_VERSION = "1.30"
# Custom kinds and the schema each is checked against.
CUSTOM_SCHEMAS = {
    ("keda.sh/v1alpha1", "ScaledObject"): "scaledobject-keda-v1alpha1.json",
    ("keda.sh/v1alpha1", "TriggerAuthentication"): "triggerauthentication-keda-v1alpha1.json",
}


DEV_OVERLAY = OVERLAYS_DIR / "dev"


def dev_secret_files() -> dict[str, dict[str, str]]:
    """Fresh random contents of the development overlay's two env files: the services'
    secrets and Postgres's (the same password in both)."""
    password = secrets.token_hex(16)
    return {
        "secrets.env": {
            "DATABASE_URL": f"postgresql://crm:{password}@postgres:5432/crm",
            "REDIS_URL": "redis://redis:6379/0",
            "CRM_JWT_SECRET": secrets.token_urlsafe(48),
            "CRM_TRACKING_SECRET": secrets.token_urlsafe(48),
            "CRM_KEK": base64.b64encode(secrets.token_bytes(32)).decode(),
        },
        "postgres.env": {
            "POSTGRES_USER": "crm",
            "POSTGRES_PASSWORD": password,
            "POSTGRES_DB": "crm",
        },
    }


def ensure_dev_secrets(directory: Path = DEV_OVERLAY) -> list[Path]:
    """Write the development overlay's env files (owner-only, never committed) unless both
    exist: a development cluster gets secrets of its own, not values published in this
    repository. The files written."""
    paths = {name: directory / name for name in ("secrets.env", "postgres.env")}
    if all(path.exists() for path in paths.values()):
        return []
    for name, values in dev_secret_files().items():
        descriptor = os.open(paths[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.writelines(f"{key}={value}\n" for key, value in values.items())
    return list(paths.values())


class RenderError(Exception):
    """kustomize is missing or refused an overlay."""


def overlays() -> list[Path]:
    """Every overlay directory (each holds a kustomization.yaml)."""
    return sorted(path.parent for path in OVERLAYS_DIR.glob("*/kustomization.yaml"))


def renderer() -> list[str]:
    """The command that renders a kustomization directory given as its last argument."""
    if shutil.which("kustomize"):
        return ["kustomize", "build"]
    if shutil.which("kubectl"):
        return ["kubectl", "kustomize"]
    raise RenderError("neither kustomize nor kubectl is on PATH: cannot render the overlays")


def render(directory: Path) -> list[dict[str, Any]]:
    """The objects kustomize renders from `directory` (the development overlay's secrets
    generated first when missing)."""
    if directory.resolve() == DEV_OVERLAY.resolve():
        ensure_dev_secrets(directory)
    result = subprocess.run(  # noqa: S603 - a fixed command on a path of this repository
        [*renderer(), str(directory)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RenderError(f"{directory}: {result.stderr.strip()}")
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def _name(manifest: dict[str, Any]) -> str:
    return f"{manifest.get('kind')}/{manifest.get('metadata', {}).get('name')}"


def check(manifests: list[dict[str, Any]]) -> list[str]:
    """One message per object that does not match its schema; [] when all do."""
    problems = []
    for manifest in manifests:
        key = (manifest.get("apiVersion", ""), manifest.get("kind", ""))
        try:
            if key in CUSTOM_SCHEMAS:
                schema = json.loads((SCHEMAS_DIR / CUSTOM_SCHEMAS[key]).read_text())
                jsonschema.Draft202012Validator(schema).validate(manifest)
            else:
                kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            problems.append(f"{_name(manifest)}: no schema for {key[0]} {key[1]}")
        except jsonschema.ValidationError as exc:
            where = "/".join(str(part) for part in exc.absolute_path) or "(top)"
            problems.append(f"{_name(manifest)}: {where}: {exc.message}")
    return problems


def main() -> int:
    if sys.argv[1:] == ["--dev-secrets"]:
        for path in ensure_dev_secrets():
            print(f"wrote {path.relative_to(K8S_DIR.parent.parent)}")
        return 0
    failed = False
    for directory in overlays():
        try:
            manifests = render(directory)
        except RenderError as exc:
            print(f"k8s: {exc}", file=sys.stderr)
            return 2
        problems = check(manifests)
        for problem in problems:
            print(f"k8s {directory.name}: {problem}", file=sys.stderr)
        failed = failed or bool(problems)
        if not problems:
            print(f"k8s {directory.name}: {len(manifests)} objects valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
