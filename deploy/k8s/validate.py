"""Render every Kubernetes overlay and check it against the API schemas, offline.

`make lint` runs it: `python deploy/k8s/validate.py` renders deploy/k8s/overlays/* with
kustomize (`kustomize build` when that binary is on PATH, else the one built into
`kubectl kustomize`) and validates every object in strict mode (unknown fields are errors)
against the Kubernetes schemas that PyPI's kubernetes-validate ships. KEDA's custom kinds
(ScaledObject, TriggerAuthentication) have no schema there: they are checked against
deploy/k8s/schemas/, which describe the fields of KEDA's CRDs this project uses. Any other kind
without a schema is an error, never skipped.
"""

from __future__ import annotations

import json
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
    """The objects kustomize renders from `directory`."""
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
