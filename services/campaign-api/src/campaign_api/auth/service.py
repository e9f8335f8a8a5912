"""Sign-in, refresh-token rotation with reuse detection, sign-out and password change.

A session is a family of refresh tokens: sign-in starts one, every refresh marks its token
used and issues the next of the family. Presenting a used token again means it was copied,
so the whole family is revoked. A family lives at most its absolute lifetime, and each of
its tokens only the idle timeout, so an unused session lapses on its own.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from redis.exceptions import RedisError

from campaign_api.auth import mfa, repository
from campaign_api.auth.errors import (
    AccountDisabled,
    InvalidCredentials,
    InvalidMFAChallenge,
    InvalidRefreshToken,
    RefreshTokenReused,
    SessionExpired,
    WrongCurrentPassword,
)
from campaign_api.auth.schemas import CompanyRef, Me, MFAChallenge, TokenPair
from crm_common import audit
from crm_common.errors import (
    CRMError,
    InvalidToken,
    NotAuthenticated,
    NotFound,
    ServiceUnavailable,
    ValidationFailed,
)
from crm_common.models import RefreshToken, User
from crm_common.resources import Resources
from crm_common.security.attempts import AttemptKey
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from crm_common.security.permissions import permissions_for
from crm_common.security.principal import Principal
from crm_common.security.sessions import SessionStore
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope

log = structlog.get_logger(__name__)

# Company settings that may shorten (never lengthen) the process-wide session lifetimes.
IDLE_TIMEOUT_SETTING = "session_idle_timeout_s"
ABSOLUTE_TIMEOUT_SETTING = "session_absolute_timeout_s"
USED_CHALLENGE_PREFIX = "crm:mfa:challenge-used"


@dataclass(frozen=True)
class SessionPolicy:
    idle_s: int
    absolute_s: int


def session_policy(settings: Settings, company_settings: dict[str, Any]) -> SessionPolicy:
    """The idle timeout (a refresh token's lifetime) and the absolute lifetime of a session."""
    absolute = _shorter(
        settings.refresh_token_absolute_ttl_s, company_settings, ABSOLUTE_TIMEOUT_SETTING
    )
    idle = _shorter(settings.refresh_token_ttl_s, company_settings, IDLE_TIMEOUT_SETTING)
    return SessionPolicy(idle_s=min(idle, absolute), absolute_s=absolute)


def _shorter(default: int, company_settings: dict[str, Any], name: str) -> int:
    value = company_settings.get(name)
    if isinstance(value, int) and not isinstance(value, bool) and 60 <= value < default:
        return value
    return default


def _now() -> datetime:
    return datetime.now(UTC)


def issue_tokens(
    codec: TokenCodec,
    settings: Settings,
    *,
    company_id: uuid.UUID,
    roles: list[str],
    refresh: RefreshToken,
    now: datetime,
) -> TokenPair:
    """The access token (claims: sub, company_id, roles, permissions, sid) and the signed
    refresh token for the stored `refresh` row."""
    access_ttl = timedelta(seconds=settings.access_token_ttl_s)
    access = codec.encode(
        TokenType.ACCESS,
        str(refresh.user_id),
        access_ttl,
        {
            "company_id": str(company_id),
            "roles": sorted(roles),
            "permissions": sorted(p.value for p in permissions_for(roles)),
            "sid": str(refresh.family_id),
        },
        now=now,
    )
    refresh_ttl = refresh.expires_at - now
    signed_refresh = codec.encode(
        TokenType.REFRESH,
        str(refresh.user_id),
        refresh_ttl,
        {"company_id": str(company_id), "sid": str(refresh.family_id)},
        jti=refresh.jti,
        now=now,
    )
    return TokenPair(
        access_token=access,
        refresh_token=signed_refresh,
        expires_in=settings.access_token_ttl_s,
        refresh_expires_in=int(refresh_ttl.total_seconds()),
    )


async def sign_in(
    resources: Resources,
    email: str,
    password: str,
    attempt_keys: Sequence[AttemptKey] = (),
) -> TokenPair | MFAChallenge:
    """Check the password and start a session, or answer with an MFA challenge when the
    user has MFA on. Unknown users cost one hash verification too, so response times do not
    tell who has an account, and a disabled account (user or company) gets the same answer
    as a wrong password. A failure counts against `attempt_keys`; a right password on a
    usable account clears the account's failures."""
    async with resources.db.system_session() as session:
        account = await repository.find_account(session, email)
    stored_hash = account.password_hash if account is not None else DUMMY_HASH
    matches = await asyncio.to_thread(verify_password, stored_hash, password)
    # A disabled account answers as a wrong password does, right password or not: the answer
    # must not confirm a former user's password (reused elsewhere, it is still worth having).
    usable = account is not None and account.user_active and account.company_active
    if account is None or not matches or not usable:
        await resources.sign_in_attempts.failed(attempt_keys)
        if account is not None:
            await _record_failed_sign_in(resources, account)
        raise InvalidCredentials()
    await resources.sign_in_attempts.succeeded(attempt_keys[:1])
    rehashed = None
    if needs_rehash(account.password_hash):
        rehashed = await asyncio.to_thread(hash_password, password)

    async with resources.db.tenant_session(account.company_id) as session:
        scope = TenantScope(session, account.company_id)
        user = await repository.get_user(scope, account.user_id)
        if rehashed is not None and user is not None:
            user.password_hash = rehashed
        if user is not None and user.mfa_enabled:
            return await _mfa_challenge(resources, scope, user)
        opened = await _open_session(resources, scope, user)
    return opened.tokens(resources)


@dataclass(frozen=True)
class _OpenedSession:
    company_id: uuid.UUID
    roles: list[str]
    refresh: RefreshToken
    now: datetime

    def tokens(self, resources: Resources) -> TokenPair:
        return issue_tokens(
            resources.codec,
            resources.settings,
            company_id=self.company_id,
            roles=self.roles,
            refresh=self.refresh,
            now=self.now,
        )


async def _open_session(
    resources: Resources, scope: TenantScope, user: User | None
) -> _OpenedSession:
    """Start a session of `user` (staged in the scope's transaction; the caller issues the
    tokens once it has committed)."""
    company = await repository.get_company(scope)
    if user is None or company is None or not (user.is_active and company.is_active):
        raise AccountDisabled()
    now = _now()
    roles = await repository.role_names(scope, user.id)
    policy = session_policy(resources.settings, company.settings)
    await repository.purge_expired(scope, user.id, now)
    token = repository.add_refresh_token(
        scope,
        RefreshToken(
            jti=uuid.uuid4(),
            family_id=uuid.uuid4(),
            user_id=user.id,
            parent_jti=None,
            issued_at=now,
            expires_at=now + timedelta(seconds=policy.idle_s),
            family_expires_at=now + timedelta(seconds=policy.absolute_s),
        ),
    )
    user.last_login_at = now
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=user.id,
        action="auth.signed_in",
        entity_type="user",
        entity_id=user.id,
        new_values={"session_id": str(token.family_id)},
    )
    return _OpenedSession(scope.company_id, roles, token, now)


async def _mfa_challenge(resources: Resources, scope: TenantScope, user: User) -> MFAChallenge:
    """The password was right and the user has MFA: a signed, single-use challenge for the
    second step instead of tokens."""
    if not user.is_active:
        raise AccountDisabled()
    ttl = resources.settings.mfa_challenge_ttl_s
    challenge = resources.codec.encode(
        TokenType.MFA_CHALLENGE,
        str(user.id),
        timedelta(seconds=ttl),
        {"company_id": str(scope.company_id), "amr": ["pwd"]},
    )
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=user.id,
        action="auth.mfa_challenged",
        entity_type="user",
        entity_id=user.id,
    )
    return MFAChallenge(mfa_token=challenge, expires_in=ttl)


async def complete_mfa_sign_in(resources: Resources, challenge: str, code: str) -> TokenPair:
    """The second step of signing in with MFA: a live, unused challenge and a current TOTP
    code of its user start the session."""
    try:
        claims = resources.codec.decode(challenge, TokenType.MFA_CHALLENGE)
        user_id = uuid.UUID(str(claims["sub"]))
        company_id = uuid.UUID(str(claims["company_id"]))
    except (InvalidToken, KeyError, ValueError):
        raise InvalidMFAChallenge() from None
    async with resources.db.tenant_session(company_id) as session:
        scope = TenantScope(session, company_id)
        user = await repository.get_user(scope, user_id)
        if user is None or not user.mfa_enabled:
            raise InvalidMFAChallenge()
        used_key = f"{USED_CHALLENGE_PREFIX}:{claims['jti']}"
        # A used challenge is refused before its code costs an MFA attempt; a wrong code
        # leaves the challenge usable for another try.
        if await _challenge_used(resources, used_key):
            raise InvalidMFAChallenge()
        await mfa.check_code(resources, user.id, mfa.stored_secret(resources, user), code)
        await _burn_challenge(resources, used_key, int(claims["exp"]))
        opened = await _open_session(resources, scope, user)
    return opened.tokens(resources)


async def _challenge_used(resources: Resources, used_key: str) -> bool:
    try:
        return bool(await resources.redis.exists(used_key))
    except RedisError:
        raise ServiceUnavailable("MFA cannot be checked right now; try again.") from None


async def _burn_challenge(resources: Resources, used_key: str, expires_at: int) -> None:
    keep_s = max(1, expires_at - int(_now().timestamp()) + 60)
    try:
        first = await resources.redis.set(used_key, "1", nx=True, ex=keep_s)
    except RedisError:
        raise ServiceUnavailable("MFA cannot be checked right now; try again.") from None
    if not first:
        raise InvalidMFAChallenge()


async def _record_failed_sign_in(resources: Resources, account: repository.Account) -> None:
    async with resources.db.tenant_session(account.company_id) as session:
        await audit.record(
            session,
            company_id=account.company_id,
            actor_user_id=None,
            action="auth.sign_in_failed",
            entity_type="user",
            entity_id=account.user_id,
        )


def _refresh_claims(codec: TokenCodec, token: str) -> tuple[uuid.UUID, uuid.UUID]:
    """(company_id, jti) of a genuine, unexpired refresh token."""
    try:
        claims = codec.decode(token, TokenType.REFRESH)
        return uuid.UUID(str(claims["company_id"])), uuid.UUID(str(claims["jti"]))
    except (InvalidToken, KeyError, ValueError):
        raise InvalidRefreshToken() from None


REFRESH_RACE_S = timedelta(seconds=5)
"""A used refresh token presented again within this long of its use is a race (two tabs, a
retried request), refused without revoking the session; later, it is a reuse."""


async def refresh(resources: Resources, token: str) -> TokenPair:
    """Rotate: the presented token dies and its successor is issued. Of concurrent refreshes
    of one token exactly one succeeds; presenting a used token again revokes its whole family
    (unless within `REFRESH_RACE_S` of its use: the refresh it raced keeps its tokens)."""
    company_id, jti = _refresh_claims(resources.codec, token)
    now = _now()
    refusal: CRMError | None = None
    successor: RefreshToken | None = None
    roles: list[str] = []
    async with resources.db.tenant_session(company_id) as session:
        scope = TenantScope(session, company_id)
        claimed = await repository.claim_refresh_token(scope, jti, now)
        if claimed is None:
            # Committed on purpose before answering: a detected reuse must stay revoked.
            refusal = await _refuse_refresh(scope, resources.sessions, jti, now)
        else:
            family_id, user_id, family_expires_at = claimed
            user = await repository.get_user(scope, user_id)
            company = await repository.get_company(scope)
            if user is None or company is None or not (user.is_active and company.is_active):
                await repository.revoke_family(scope, family_id, "account_disabled", now)
                await resources.sessions.sessions_revoked(
                    [family_id], user_id, session=scope.session
                )
                refusal = AccountDisabled()
            else:
                roles = await repository.role_names(scope, user_id)
                policy = session_policy(resources.settings, company.settings)
                successor = repository.add_refresh_token(
                    scope,
                    RefreshToken(
                        jti=uuid.uuid4(),
                        family_id=family_id,
                        user_id=user_id,
                        parent_jti=jti,
                        issued_at=now,
                        expires_at=min(now + timedelta(seconds=policy.idle_s), family_expires_at),
                        family_expires_at=family_expires_at,
                    ),
                )
    if refusal is not None:
        raise refusal
    assert successor is not None
    return issue_tokens(
        resources.codec,
        resources.settings,
        company_id=company_id,
        roles=roles,
        refresh=successor,
        now=now,
    )


async def _refuse_refresh(
    scope: TenantScope, sessions: SessionStore, jti: uuid.UUID, now: datetime
) -> CRMError:
    """Why the token could not be claimed; a used (rotated) token revokes its family."""
    stored = await repository.get_refresh_token(scope, jti)
    if stored is None or stored.revoked_at is not None:
        return InvalidRefreshToken()
    if stored.used_at is not None and now - stored.used_at <= REFRESH_RACE_S:
        # Two tabs (or a retry after a timeout) refreshed at once: one won, and its new
        # tokens must keep working. The loser is refused; nothing is revoked.
        log.info("refresh_token_raced", user_id=str(stored.user_id))
        return RefreshTokenReused()
    if stored.used_at is not None:
        revoked = await repository.revoke_family(scope, stored.family_id, "reuse_detected", now)
        await sessions.sessions_revoked([stored.family_id], stored.user_id, session=scope.session)
        await audit.record(
            scope.session,
            company_id=scope.company_id,
            actor_user_id=stored.user_id,
            action="auth.refresh_reuse_detected",
            entity_type="user",
            entity_id=stored.user_id,
            new_values={"session_id": str(stored.family_id), "revoked_tokens": revoked},
        )
        log.warning(
            "refresh_token_reuse", user_id=str(stored.user_id), session_id=str(stored.family_id)
        )
        return RefreshTokenReused()
    return SessionExpired()


async def logout(
    resources: Resources,
    principal: Principal | None,
    refresh_token: str | None,
    all_sessions: bool,
) -> None:
    """End the session of `refresh_token`, else the caller's current one (or every session
    of the user with `all_sessions`)."""
    if refresh_token is not None:
        company_id, jti = _refresh_claims(resources.codec, refresh_token)
        async with resources.db.tenant_session(company_id) as session:
            scope = TenantScope(session, company_id)
            stored = await repository.get_refresh_token(scope, jti)
            if stored is None:
                raise InvalidRefreshToken()
            await _end_sessions(
                scope, resources.sessions, stored.user_id, stored.family_id, all_sessions
            )
        return
    if principal is None:
        raise NotAuthenticated("Send the refresh token or an access token to sign out.")
    session_id = principal.claims.get("sid")
    if session_id is None and not all_sessions:
        raise ValidationFailed(
            "This access token names no session: send the refresh token or all_sessions.",
            details={"fields": {"refresh_token": ["required for this token"]}},
        )
    async with resources.db.tenant_session(principal.company_id) as session:
        scope = TenantScope(session, principal.company_id)
        family = uuid.UUID(str(session_id)) if session_id is not None else None
        await _end_sessions(scope, resources.sessions, principal.user_id, family, all_sessions)


async def _end_sessions(
    scope: TenantScope,
    sessions: SessionStore,
    user_id: uuid.UUID,
    family_id: uuid.UUID | None,
    all_sessions: bool,
) -> None:
    now = _now()
    if all_sessions or family_id is None:
        ended = await repository.revoke_user_tokens(scope, user_id, "signed_out", now)
        revoked, session_ids = ended.count, set(ended.session_ids)
    else:
        revoked = await repository.revoke_family(scope, family_id, "signed_out", now)
        session_ids = set()
    if family_id is not None:
        # The current session ends even when its tokens were already revoked.
        session_ids.add(family_id)
    await sessions.sessions_revoked(session_ids, user_id, session=scope.session)
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=user_id,
        action="auth.signed_out",
        entity_type="user",
        entity_id=user_id,
        new_values={
            "session_id": None if all_sessions or family_id is None else str(family_id),
            "all_sessions": all_sessions,
            "revoked_tokens": revoked,
        },
    )


async def end_user_sessions(
    scope: TenantScope, sessions: SessionStore, user_id: uuid.UUID, reason: str
) -> int:
    """Revoke every session of a user (deactivation, password reset); returns how many
    tokens died. The user's access tokens stop working within a second."""
    ended = await repository.revoke_user_tokens(scope, user_id, reason, _now())
    await sessions.sessions_revoked(ended.session_ids, user_id, session=scope.session)
    return ended.count


async def change_password(
    scope: TenantScope,
    sessions: SessionStore,
    principal: Principal,
    current_password: str,
    new_password: str,
) -> None:
    """Replace the caller's password; every other session of theirs is ended."""
    user = await repository.get_user(scope, principal.user_id, for_update=True)
    if user is None:
        raise NotFound("The user was not found.")
    if not await asyncio.to_thread(verify_password, user.password_hash, current_password):
        raise WrongCurrentPassword(details={"fields": {"current_password": ["is wrong"]}})
    if current_password == new_password:
        raise ValidationFailed(
            "The new password must differ from the current one.",
            details={"fields": {"new_password": ["must differ from the current password"]}},
        )
    now = _now()
    user.password_hash = await asyncio.to_thread(hash_password, new_password)
    user.password_changed_at = now
    sid = principal.claims.get("sid")
    keep = uuid.UUID(str(sid)) if sid is not None else None
    ended = await repository.revoke_user_tokens(
        scope, user.id, "password_changed", now, keep_family=keep
    )
    await sessions.sessions_revoked(ended.session_ids, user.id, session=scope.session)
    revoked = ended.count
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action="user.password_changed",
        entity_type="user",
        entity_id=user.id,
        new_values={"revoked_tokens": revoked},
    )


async def me(scope: TenantScope, principal: Principal) -> Me:
    """The caller's profile, company, roles and permissions as stored now."""
    user = await repository.get_user(scope, principal.user_id)
    company = await repository.get_company(scope)
    if user is None or company is None:
        raise NotFound("The user was not found.")
    roles = await repository.role_names(scope, user.id)
    expires = datetime.fromtimestamp(principal.expires_at, UTC) if principal.expires_at else None
    return Me(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        company=CompanyRef(id=company.id, name=company.name, slug=company.slug),
        roles=roles,
        permissions=sorted(p.value for p in permissions_for(roles)),
        mfa_enabled=user.mfa_enabled,
        last_login_at=user.last_login_at,
        session_expires_at=expires,
    )
