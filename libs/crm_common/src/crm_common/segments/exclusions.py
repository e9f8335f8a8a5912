"""Consent and suppression: who in a matched audience may actually be sent to.

For a single channel, a contact is sendable when the channel is in its `consented_channels`
(and that consent has not ended: implied consent past its `expires_at` counts as none even
before the expiry sweep records it) and it is not suppressed for that channel: no
suppression row for the channel or for all channels (`channel IS NULL`) names its contact
id, and none names its address for the channel
(email → email, sms → phone; compared by the keyed hashes of the normalised addresses:
lower-case, E.164); an all-channel suppression of any of its addresses counts too.
`multi_channel` fans out to the delivery channels, so a contact is sendable when it is
sendable on at least one of them. A message also needs an address on its channel (an email, a
phone number; direct mail and social are addressed otherwise), so a contact without one is not
sendable there either. Exclusion reasons are attributed in order: `no_consent` (no consent for
the channel, or for any channel with multi_channel), then `suppressed` (consented but
suppressed), then `no_address` (consented, not suppressed, but without an address on every
such channel), so matched = count + no_consent + suppressed + no_address. The launch counts
and freezes its audience with the same predicates (crm_common.segments.audience), so an
estimate's count is what a launch would send to.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, and_, any_, func, literal, not_, or_, select, true

from crm_common.enums import Channel, DeliveryChannel
from crm_common.models import Contact, ContactConsent, Suppression

contacts = Contact.__table__
suppressions = Suppression.__table__
consents = ContactConsent.__table__

DELIVERY_CHANNELS = tuple(channel.value for channel in DeliveryChannel)
# The channels whose messages need an address of the contact (direct mail and social are
# addressed otherwise): the sealed address, and its keyed hash. Addresses are sealed
# (crm_common.crypto.pii); a suppression carries the hash of its address under the same
# company key, so they match by hash (other channels are suppressed by contact id).
_ADDRESSES = {
    DeliveryChannel.EMAIL.value: (contacts.c.email, contacts.c.email_hash),
    DeliveryChannel.SMS.value: (contacts.c.phone, contacts.c.phone_hash),
}


CompanyRef = uuid.UUID | ColumnElement[Any]
"""A company id, or a bound parameter standing for one (a statement built once)."""


@dataclass(frozen=True)
class Reachability:
    """Two-valued predicates over crm_contacts for one audience channel: consented,
    consented and not suppressed (`allowed`), and that with an address (`sendable`)."""

    channel: str | None
    consented: ColumnElement[bool]
    allowed: ColumnElement[bool]
    sendable: ColumnElement[bool]


def delivery_channels(channel: str | None) -> tuple[str, ...]:
    """The delivery channels an audience channel stands for (none without a channel)."""
    if channel is None:
        return ()
    if channel == Channel.MULTI_CHANNEL:
        return DELIVERY_CHANNELS
    return (channel,)


def consent_sql(channel: str) -> ColumnElement[bool]:
    """Granted consent for `channel`: in `consented_channels` and not past its end. Implied
    consent that ended since the last expiry sweep (which takes the channel out of the array)
    is no consent already. The ended ones come from the partial index of expiring consents,
    which holds only the few rows the sweep has not reached yet, as one uncorrelated `NOT IN`:
    PostgreSQL hashes that set once, where a correlated `EXISTS` in a select list (counts,
    materialisation) would probe the consents once per contact."""
    column = contacts.c.consented_channels
    ended = select(consents.c.contact_id).where(
        consents.c.channel == channel,
        consents.c.granted,
        consents.c.expires_at.is_not(None),
        consents.c.expires_at <= func.now(),
    )
    return and_(
        column.is_not(None),
        literal(channel, String) == any_(column),
        contacts.c.id.not_in(ended),
    )


def _address_suppressed(
    address: ColumnElement[str], company_id: CompanyRef, channels: list[str | None]
) -> ColumnElement[bool]:
    named = [suppressions.c.channel == ch for ch in channels if ch is not None]
    # Rows not yet sealed have no hash: left out, so `IN` never meets a NULL (which would make
    # every contact "unknown", and NOT of it exclude them all).
    listed = select(suppressions.c.address_hash).where(
        suppressions.c.company_id == company_id,
        suppressions.c.address_hash.is_not(None),
        or_(suppressions.c.channel.is_(None), *named),
    )
    return and_(address.is_not(None), address.in_(listed))


def suppressed_sql(channel: str, company_id: CompanyRef) -> ColumnElement[bool]:
    """Whether a contact is suppressed for `channel` (a delivery channel)."""
    by_contact = contacts.c.id.in_(
        select(suppressions.c.contact_id).where(
            suppressions.c.company_id == company_id,
            suppressions.c.contact_id.is_not(None),
            or_(suppressions.c.channel.is_(None), suppressions.c.channel == channel),
        )
    )
    by_address = [
        _address_suppressed(column, company_id, [name] if name == channel else [None])
        for name, (_, column) in _ADDRESSES.items()
    ]
    return or_(by_contact, *by_address)


def addressed_sql(channel: str) -> ColumnElement[bool]:
    """Whether a contact has an address on `channel` (a delivery channel) where a message
    needs one."""
    address = _ADDRESSES.get(channel)
    return true() if address is None else address[0].is_not(None)


def allowed_sql(channel: str, company_id: CompanyRef) -> ColumnElement[bool]:
    """Consent for `channel` (a delivery channel) and not suppressed there."""
    return and_(consent_sql(channel), not_(suppressed_sql(channel, company_id)))


def sendable_sql(channel: str, company_id: uuid.UUID) -> ColumnElement[bool]:
    """Allowed on `channel` (a delivery channel) and addressable there."""
    return and_(allowed_sql(channel, company_id), addressed_sql(channel))


def reachability(channel: str | None, company_id: uuid.UUID) -> Reachability:
    """Consent and sendability for `channel`; without a channel nobody is excluded."""
    channels = delivery_channels(channel)
    if not channels:
        return Reachability(None, true(), true(), true())
    consented = or_(*(consent_sql(ch) for ch in channels))
    allowed = or_(*(allowed_sql(ch, company_id) for ch in channels))
    sendable = or_(*(sendable_sql(ch, company_id) for ch in channels))
    return Reachability(channel, consented, allowed, sendable)
