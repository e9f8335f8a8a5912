"""Fuzzing (make test-fuzz): schemathesis runs every check over every operation of the product's
OpenAPI document (the merged document of the four services) against a real all-in-one server
on the test PostgreSQL and Redis, seeded with the demo tenants and with its rate limits raised.
It runs twice: as the read-only analyst, then as a demo admin. Any failure fails the
test; the operation and test-case counts are printed at the end."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.fuzz, pytest.mark.timeout(1200)]

HOOKS = Path(__file__).parent / "fuzz"
CONFIG = HOOKS / "schemathesis.toml"
PASSWORD = "demo-pass-123"
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "10"))
SEED = int(os.environ.get("FUZZ_SEED", "20261203"))
RAISED_LIMITS = {
    "CRM_RATE_LIMIT_PER_USER": "10000000",
    "CRM_RATE_LIMIT_PER_IP": "10000000",
    "CRM_RATE_LIMIT_SIGN_IN_PER_IP_USER": "10000000",
    "CRM_RATE_LIMIT_SIGN_IN_PER_IP": "10000000",
    "CRM_RATE_LIMIT_PUBLIC_PER_IP": "10000000",
}


@dataclass
class FuzzRun:
    user: str
    exit_code: int
    operations: str
    test_cases: str
    output: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(log.read_text()[-4000:])
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    raise AssertionError("the all-in-one server was not ready in time")


@dataclass(frozen=True)
class Server:
    url: str
    log: Path

    def errors(self, lines_after: int = 40) -> str:
        """Every unhandled error the server logged, each with the traceback that follows it."""
        lines = self.log.read_text(errors="replace").splitlines()
        found = [i for i, line in enumerate(lines) if "unhandled_error" in line]
        return "\n".join("\n".join(lines[i : i + lines_after]) for i in found[:5])


@pytest.fixture(scope="module")
def server(database_url: str, redis_url: str, tmp_path_factory) -> Iterator[Server]:
    """`crm run` on a free port over this worker's test database and Redis database."""
    folder = tmp_path_factory.mktemp("fuzz")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(RAISED_LIMITS)
    env.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CRM_ENV": "dev",
            "CRM_DATA_DIR": str(folder / "data"),
            "CRM_DEMO_PASSWORD": PASSWORD,
            "CRM_LOG_JSON": "false",
            "CRM_LOG_LEVEL": "WARNING",
        }
    )
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "crm_cli.main", "run", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base_url, process, log)
        yield Server(base_url, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _user_id(base_url: str, user: str) -> str:
    token = httpx.post(
        f"{base_url}/api/auth/token", data={"username": user, "password": PASSWORD}, timeout=30
    ).json()["access_token"]
    me = httpx.get(f"{base_url}/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    return str(me.json()["id"])


def _fuzz(base_url: str, user: str, examples: int, phases: str, workdir: Path) -> FuzzRun:
    env = {
        **os.environ,
        "FUZZ_USERNAME": user,
        "FUZZ_PASSWORD": PASSWORD,
        "FUZZ_USER_ID": _user_id(base_url, user),
        "SCHEMATHESIS_HOOKS": "fuzz_hooks",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HOOKS), os.environ.get("PYTHONPATH")])),
    }
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "--no-color",
        "--config-file",
        str(CONFIG),
        "run",
        f"{base_url}/openapi.json",
        "--checks",
        "all",
        "--phases",
        phases,
        "--max-examples",
        str(examples),
        "--seed",
        str(SEED),
        # One worker: with two, schemathesis draws in two threads, and hypothesis describes a
        # strategy's lambdas by `ast.parse` of their source, whose recursion-depth bookkeeping
        # is shared by the threads on CPython 3.11 (python/cpython#106905) and fails at random
        # with "SystemError: AST constructor recursion depth mismatch" on a loaded machine.
        "--workers",
        "1",
        "--request-timeout",
        "30",
    ]
    # Its working directory takes schemathesis's cache, outside the repository.
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=900, cwd=workdir
    )
    output = done.stdout + done.stderr
    operations = re.search(r"Tested: (\d+)", output)
    cases = re.search(r"Test cases:\s*\n\s*(.+)", output)
    return FuzzRun(
        user=user,
        exit_code=done.returncode,
        operations=operations.group(1) if operations else "?",
        test_cases=cases.group(1).strip() if cases else "?",
        output=output,
    )


def _raised(output: str) -> list[str]:
    """The exceptions named in schemathesis's output (a runtime error of the run shows only as a
    traceback far from the summary), each once, so the assertion names them."""
    names = re.findall(r"^[\s|]*((?:\w+\.)*\w*(?:Error|Exception)\b:.*)$", output, re.MULTILINE)
    return list(dict.fromkeys(name.strip() for name in names))[:5]


def _report(run: FuzzRun) -> None:
    sys.stdout.write(
        f"\nfuzzing as {run.user}: {run.operations} operations, test cases: {run.test_cases}\n"
    )
    if run.exit_code != 0:
        sys.stdout.write(run.output[-30000:])


# The read-only analyst first: the admin's run administers users, the analyst among them.
RUNS = [
    ("analyst@acme.test", max(1, MAX_EXAMPLES // 2), "examples,coverage,fuzzing"),
    ("admin@acme.test", MAX_EXAMPLES, "examples,coverage,fuzzing,stateful"),
]


@pytest.mark.parametrize(("user", "examples", "phases"), RUNS)
def test_fuzz_every_operation(
    server: Server, user: str, examples: int, phases: str, tmp_path: Path
) -> None:
    run = _fuzz(server.url, user, examples, phases, tmp_path)
    _report(run)
    assert run.exit_code == 0, (
        f"schemathesis found failures as {user}; raised: {_raised(run.output)}; "
        f"server: {server.errors()}"
    )
