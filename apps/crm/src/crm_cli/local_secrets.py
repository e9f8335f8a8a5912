"""The signing secrets of an install that runs outside production, kept in its data directory.

A process started without `CRM_JWT_SECRET` or `CRM_TRACKING_SECRET` would sign with the
development values written in the source, which anyone can read: whoever knows the first can
sign an access token as any user of any company, whoever knows the second can forge tracking
and unsubscribe links. `crm run` and `crm run-distributed` instead give each data directory
secrets of its own: made at random on the first start, kept in `<data dir>/secrets.json`
(readable by its owner only), and read by every later process on the same data directory (a
restart, the distributed mode's replicas), so tokens and links stay valid across restarts.

Production (`CRM_ENV=prod`) is left alone: it must set both secrets itself, and refuses to
start on the development values (`Settings.check_production`). A secret set in the environment
always wins over the file.

Secrets that seal data at rest are not made here. The TOTP and webhook signing secrets were
sealed with keys derived from the JWT secret when `CRM_MFA_ENCRYPTION_KEY` and
`CRM_WEBHOOK_ENCRYPTION_KEY` are unset; those keep the development value, so a data directory
made before these secrets existed still opens what it sealed (a lost file costs sign-ins and
links, never data). Production sets them, like `CRM_KEK`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import MutableMapping
from pathlib import Path

from crm_common.settings import DEV_SECRET, SettingsError, get_settings, load_settings

FILE_NAME = "secrets.json"
SIGNING = {"CRM_JWT_SECRET": "jwt_secret", "CRM_TRACKING_SECRET": "tracking_secret"}
"""Environment variable → its key in the file."""
SEALING = ("CRM_MFA_ENCRYPTION_KEY", "CRM_WEBHOOK_ENCRYPTION_KEY")
"""Keys that fall back to the JWT secret: pinned to the development value it used to have."""
_MIN_LENGTH = 32


def install(environ: MutableMapping[str, str]) -> Path | None:
    """Put the data directory's signing secrets into `environ` where it sets none (made on
    first use); the file's path, or None when nothing was needed (production, or both set)."""
    settings = load_settings()
    missing = [name for name in SIGNING if not environ.get(name)]
    if settings.env == "prod" or not missing:
        return None
    path = settings.data_dir.resolve() / FILE_NAME
    stored = load_or_create(path)
    if "CRM_JWT_SECRET" in missing:
        for name in SEALING:
            if not environ.get(name):
                environ[name] = DEV_SECRET
    for name in missing:
        environ[name] = stored[SIGNING[name]]
    get_settings.cache_clear()
    return path


def load_or_create(path: Path) -> dict[str, str]:
    """The secrets in `path`, written first with fresh random ones when it does not exist. Of
    processes that start at once, the first to link its file in place wins; the others read
    that one."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = {key: secrets.token_urlsafe(48) for key in SIGNING.values()}
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w") as handle:
                json.dump(fresh, handle)
            # Another process that made it first: its secrets are the ones.
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
        finally:
            draft.unlink()
    return _read(path)


def _read(path: Path) -> dict[str, str]:
    problem = f"{path} does not hold the signing secrets; delete it to have new ones made"
    try:
        stored = json.loads(path.read_text())
    except (OSError, ValueError):
        raise SettingsError("CRM_DATA_DIR", problem) from None
    if not isinstance(stored, dict) or not all(
        isinstance(stored.get(key), str) and len(stored[key]) >= _MIN_LENGTH
        for key in SIGNING.values()
    ):
        raise SettingsError("CRM_DATA_DIR", problem)
    return {key: stored[key] for key in SIGNING.values()}
