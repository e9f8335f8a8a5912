"""The import contracts in the root pyproject.toml (checked by `make lint`) hold, and catch a breach.

A breach is shown on a copy of the packages in a temporary directory, so the tree itself is never
touched: the copy comes first on the import path, and `lint-imports` analyses it instead.
"""

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"
PACKAGES = (
    "crm_common",
    "crm_cli",
    "campaign_api",
    "segment_engine",
    "launch_worker",
    "notify_gateway",
)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
SERVICES = ("campaign_api", "segment_engine", "launch_worker", "notify_gateway")


def _lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(CONFIG)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None, name
    assert spec.submodule_search_locations, name
    return Path(next(iter(spec.submodule_search_locations)))


@pytest.fixture
def copied_packages(tmp_path: Path) -> Path:
    """Every workspace package copied under one temporary source root."""
    src = tmp_path / "src"
    for name in PACKAGES:
        shutil.copytree(
            _package_dir(name), src / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    return src


def test_the_tree_keeps_every_contract() -> None:
    result = _lint_imports(cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_an_unchanged_copy_keeps_every_contract(copied_packages: Path) -> None:
    result = _lint_imports(cwd=copied_packages.parent, pythonpath=copied_packages)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("importer", "statement", "broken"),
    [
        (
            "segment_engine",
            "import campaign_api.campaigns.repository\n",
            "Services never import each other BROKEN",
        ),
        (
            "notify_gateway",
            "def late() -> None:\n    from launch_worker import worker  # noqa: F401\n",
            "Services never import each other BROKEN",
        ),
        (
            "crm_common",
            "from segment_engine import main\n",
            "crm_common imports no service and not the composition root BROKEN",
        ),
        (
            "crm_common",
            "import crm_cli.main\n",
            "crm_common imports no service and not the composition root BROKEN",
        ),
        (
            "campaign_api",
            "from crm_cli import embedded\n",
            "Composition root over independent services over crm_common BROKEN",
        ),
    ],
)
def test_a_forbidden_import_breaks_the_contract(
    copied_packages: Path, importer: str, statement: str, broken: str
) -> None:
    (copied_packages / importer / "contract_breach.py").write_text(statement)

    result = _lint_imports(cwd=copied_packages.parent, pythonpath=copied_packages)

    assert result.returncode != 0, result.stdout
    assert broken in result.stdout
    assert f"{importer}.contract_breach" in result.stdout


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


# Steps a bench times on its own, below any HTTP API (bench/launch.py times a resolution
# through the deployed worker processes, side by side with another commit's): the statement
# reading the addresses several contacts share, which runs beside the audience freeze and so
# does not show in a resolution's time.
BENCH_MEASURED_INTERNALS: set[str] = {
    "duplicate_addresses.py: launch_worker.audience.service._SHARED",
}


def test_bench_scripts_reach_services_only_through_their_http_api() -> None:
    """A bench may build a service's app (`<service>.main`) and call it over HTTP; it never
    imports a service's repositories, services or schemas, but for the step it measures in
    isolation (listed above)."""
    scripts = sorted((ROOT / "bench").glob("*.py"))
    assert scripts
    reaching_in = {
        f"{script.name}: {module}"
        for script in scripts
        for module in _imported_modules(script)
        if module.split(".")[0] in SERVICES and module.split(".")[1:2] != ["main"]
    }
    assert reaching_in == BENCH_MEASURED_INTERNALS
