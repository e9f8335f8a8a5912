"""A lean HTTP/1.1 client for the load benches: one keep-alive connection per virtual user,
requests written in one buffer, responses read by Content-Length (or chunks).

A load generator on the machine it measures takes CPU from the server it measures; httpx
spends about a millisecond of CPU on each request (its pool, its models, its event hooks),
so at 150 users it took most of a core from a 2-core machine. This client does only what the
benches need (JSON in, JSON out, query strings, headers) and spends a small fraction of that.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any
from urllib.parse import urlencode, urlsplit


class LightHTTPError(Exception):
    """The connection failed or the server answered something this client cannot read."""


class LightResponse:
    __slots__ = ("content", "headers", "status_code")

    def __init__(self, status_code: int, headers: dict[str, str], content: bytes) -> None:
        self.status_code = status_code
        self.headers = headers
        self.content = content

    def json(self) -> Any:
        return json.loads(self.content)

    @property
    def text(self) -> str:
        return self.content.decode()


class LightClient:
    """One connection; concurrent callers take turns (a virtual user awaits each answer)."""

    def __init__(self, base_url: str, timeout_s: float = 60.0) -> None:
        parts = urlsplit(base_url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.host_header = parts.netloc.encode()
        self.timeout_s = timeout_s
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._turn = asyncio.Lock()

    async def request(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        params: dict[str, Any] | None = None,
        json: Any = None,
    ) -> LightResponse:
        target = f"{path}?{urlencode(params)}" if params else path
        body = b"" if json is None else _dumps(json)
        lines = [f"{method} {target} HTTP/1.1".encode(), b"Host: " + self.host_header]
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}".encode())
        if json is not None:
            lines.append(b"Content-Type: application/json")
        if body or method in ("POST", "PUT", "PATCH"):
            lines.append(b"Content-Length: " + str(len(body)).encode())
        message = b"\r\n".join(lines) + b"\r\n\r\n" + body
        for attempt in (1, 2):  # a kept-alive connection the server closed: one fresh try
            fresh = self._writer is None
            try:
                async with self._turn:
                    return await asyncio.wait_for(self._exchange(message), self.timeout_s)
            except (OSError, asyncio.IncompleteReadError, LightHTTPError, TimeoutError) as exc:
                await self.aclose()
                if fresh or attempt == 2:
                    raise LightHTTPError(f"{method} {path}: {type(exc).__name__}") from exc
        raise AssertionError("unreachable")

    async def _exchange(self, message: bytes) -> LightResponse:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(message)
        head = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        parts = status_line.split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise LightHTTPError(f"not an HTTP/1.1 answer: {status_line[:80]!r}")
        headers: dict[str, str] = {}
        for line in header_lines:
            name, _, value = line.partition(b":")
            headers[name.decode().strip().lower()] = value.decode().strip()
        if "content-length" in headers:
            content = await self._reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            content = await self._read_chunks()
        else:
            content = b""
        if headers.get("connection", "").lower() == "close":
            await self.aclose()
        return LightResponse(int(parts[1]), headers, content)

    async def _read_chunks(self) -> bytes:
        assert self._reader is not None
        chunks: list[bytes] = []
        while True:
            size = int((await self._reader.readuntil(b"\r\n"))[:-2].split(b";")[0], 16)
            if size == 0:
                await self._reader.readuntil(b"\r\n")
                return b"".join(chunks)
            chunks.append(await self._reader.readexactly(size))
            await self._reader.readexactly(2)

    async def aclose(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


def _dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()
