"""What each provider event means for a delivery (the mapping, without a database)."""

from __future__ import annotations

import uuid

import pytest

from launch_worker.channels.callbacks.service import sendgrid_outcome, twilio_outcome

DELIVERY = uuid.uuid4()


@pytest.mark.parametrize(
    ("event", "status", "suppress"),
    [
        ({"event": "delivered"}, "delivered", None),
        ({"event": "bounce", "type": "bounce"}, "bounced", "hard_bounce"),
        ({"event": "bounce", "type": "blocked"}, "bounced", None),
        ({"event": "dropped", "reason": "Bounced Address"}, "failed", "hard_bounce"),
        ({"event": "dropped", "reason": "Spam Reporting Address"}, "failed", "complaint"),
        ({"event": "dropped", "reason": "Unsubscribed Address"}, "failed", "unsubscribe"),
        ({"event": "dropped", "reason": "Invalid SMTPAPI header"}, "failed", None),
        ({"event": "spamreport"}, None, "complaint"),
    ],
)
def test_sendgrid_events_map_to_delivery_changes(
    event: dict[str, str], status: str | None, suppress: str | None
) -> None:
    outcome = sendgrid_outcome(
        {**event, "delivery_id": str(DELIVERY), "sg_message_id": "abc123.filter0001.1.0"}
    )
    assert outcome is not None
    assert (outcome.status, outcome.suppress) == (status, suppress)
    assert outcome.delivery_id == DELIVERY
    assert outcome.provider_message_id == "abc123"


@pytest.mark.parametrize(
    "kind", ["processed", "deferred", "open", "click", "unknown", "group_resubscribe"]
)
def test_sendgrid_events_that_change_no_delivery(kind: str) -> None:
    assert sendgrid_outcome({"event": kind, "delivery_id": str(DELIVERY)}) is None


def test_a_sendgrid_event_with_a_garbled_delivery_id_names_none() -> None:
    outcome = sendgrid_outcome({"event": "delivered", "delivery_id": "not-a-uuid"})
    assert outcome is not None
    assert outcome.delivery_id is None


@pytest.mark.parametrize(
    ("params", "status", "suppress", "code"),
    [
        ({"MessageStatus": "delivered"}, "delivered", None, None),
        ({"MessageStatus": "read"}, "delivered", None, None),
        ({"MessageStatus": "undelivered", "ErrorCode": "30005"}, "bounced", "hard_bounce", "30005"),
        ({"MessageStatus": "failed", "ErrorCode": "30006"}, "bounced", "hard_bounce", "30006"),
        ({"MessageStatus": "failed", "ErrorCode": "21610"}, "failed", "unsubscribe", "21610"),
        ({"MessageStatus": "undelivered", "ErrorCode": "30003"}, "failed", None, "30003"),
        ({"MessageStatus": "failed"}, "failed", None, None),
    ],
)
def test_twilio_statuses_map_to_delivery_changes(
    params: dict[str, str], status: str, suppress: str | None, code: str | None
) -> None:
    outcome = twilio_outcome({**params, "MessageSid": "SM1"}, DELIVERY)
    assert outcome is not None
    assert (outcome.status, outcome.suppress, outcome.code) == (status, suppress, code)
    assert outcome.provider_message_id == "SM1"


@pytest.mark.parametrize("status", ["queued", "accepted", "sending", "sent", ""])
def test_intermediate_twilio_statuses_change_nothing(status: str) -> None:
    assert twilio_outcome({"MessageStatus": status, "MessageSid": "SM1"}, DELIVERY) is None
