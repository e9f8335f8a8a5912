"""The performance rates' base: messages delivered where the provider reports deliveries,
else messages sent (an SMTP relay, the default email sender, reports none), the same base the
live `campaign.performance_update` event divides by."""

from datetime import UTC, date, datetime
from decimal import Decimal

from campaign_api.campaigns.performance import summarise
from crm_common.models.delivery import METRIC_COUNTERS


def row(channel: str, **counters: int) -> tuple[object, ...]:
    values = [counters.get(name, 0) for name in METRIC_COUNTERS]
    day = date(2026, 12, 1)
    return (channel, *values, Decimal("0"), Decimal("0"), day, day, datetime.now(UTC))


def test_without_delivery_reports_the_rates_are_per_message_sent() -> None:
    performance = summarise(
        [row("email", sent=200, unique_opens=50, unique_clicks=10, unsubscribes=2)]
    )
    assert performance.delivery_rate is None
    assert performance.open_rate == 0.25
    assert performance.click_rate == 0.05
    assert performance.unsubscribe_rate == 0.01


def test_with_delivery_reports_the_rates_are_per_message_delivered() -> None:
    performance = summarise([row("sms", sent=100, delivered=80, unique_clicks=8)])
    assert performance.delivery_rate == 0.8
    assert performance.click_rate == 0.1


def test_nothing_sent_has_no_rates() -> None:
    performance = summarise([])
    assert (performance.delivery_rate, performance.open_rate, performance.click_rate) == (
        None,
        None,
        None,
    )
