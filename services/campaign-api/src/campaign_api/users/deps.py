"""Permission aliases of user administration."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

UsersAdmin = Annotated[Principal, Depends(require(Permission.MANAGE_USERS))]
