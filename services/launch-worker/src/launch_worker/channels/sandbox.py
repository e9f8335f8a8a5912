"""The sandbox adapter: records messages instead of sending them.

The default for every channel in tests and wherever no provider is configured. It keeps the
latest `keep` messages in memory (a bounded deque) and counts all of them, so a million-message
bench costs no memory beyond the bound. Tests can make given recipients fail (`fail_for`) to
exercise the dispatch's retry and failure paths.
"""

from __future__ import annotations

from collections import Counter, deque

from launch_worker.channels.base import OutgoingMessage, SendError, SendResult

NAME = "sandbox"


class SandboxAdapter:
    """Accepts every message (unless told to fail one) and remembers the latest ones."""

    name = NAME

    def __init__(self, channel: str, *, keep: int = 10_000) -> None:
        self.channel = channel
        self.messages: deque[OutgoingMessage] = deque(maxlen=keep)
        self.count = 0
        self.per_campaign: Counter[str] = Counter()
        self._failures: dict[str, SendError] = {}
        self.closed = False

    def fail_for(self, recipient: str, error: SendError) -> None:
        """Refuse every later message to `recipient` with `error` (tests and demos)."""
        self._failures[recipient] = error

    async def send(self, message: OutgoingMessage) -> SendResult:
        failure = self._failures.get(message.recipient)
        if failure is not None:
            raise failure
        self.count += 1
        self.per_campaign[str(message.campaign_id)] += 1
        self.messages.append(message)
        return SendResult(provider=NAME, provider_message_id=f"sandbox-{message.idempotency_key}")

    def sent_to(self, recipient: str) -> list[OutgoingMessage]:
        """The remembered messages to one recipient."""
        return [message for message in self.messages if message.recipient == recipient]

    async def close(self) -> None:
        self.closed = True
