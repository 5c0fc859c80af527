"""One registered SSAP connection: requests answered by id, subscription updates, the heartbeat."""

import asyncio
from collections.abc import Callable, Iterator, Mapping
import contextlib
import json
import logging
from typing import Any, Final

import aiohttp

from .const import JsonObject
from .errors import WebOsCommandError, WebOsConnectionError, WebOsError, WebOsTimeoutError, tv_text

_LOGGER = logging.getLogger(__package__)

# aiowebostv's figure: a TV that stops answering pings for this long is gone.
HEARTBEAT: Final = 5.0

# Called with a subscription's endpoint and each payload the TV sends for it.
type UpdateCallback = Callable[[str, JsonObject], None]


class SsapConnection:
    """A registered socket to one TV, read in the background until it ends.

    When it ends (closed by us, by the TV, or a TV gone silent) the requests still waiting fail
    and `on_closed` is called with the connection.
    """

    def __init__(
        self,
        ws: aiohttp.ClientWebSocketResponse,
        host: str,
        ids: Iterator[int],
        on_update: UpdateCallback,
        on_closed: Callable[[SsapConnection], None],
    ) -> None:
        """Start reading the socket; `ids` numbers the messages of every connection to the TV."""
        self._ws = ws
        self._host = host
        self._ids = ids
        self._on_update = on_update
        self._on_closed = on_closed
        self._open = True
        self._pending: dict[str, asyncio.Future[JsonObject]] = {}
        self._subscription_ids: dict[str, str] = {}
        self._reader = asyncio.get_running_loop().create_task(self._async_read(), name=f"webos reader {host}")

    @property
    def closed(self) -> bool:
        """Return whether the connection ended."""
        return not self._open or self._ws.closed

    async def async_wait_closed(self) -> None:
        """Return when the connection ends (waiting is cancellable, the connection goes on)."""
        await asyncio.shield(self._reader)

    async def async_close(self) -> None:
        """Close the socket; requests still waiting fail."""
        self._open = False
        await self._ws.close()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader

    async def async_request(self, uri: str, payload: Mapping[str, Any] | None, timeout: float) -> JsonObject:
        """Send one request; return the TV's answer (the whole message)."""
        return await self._async_send("request", uri, payload, str(next(self._ids)), timeout)

    async def async_subscribe(self, uri: str, timeout: float) -> None:
        """Subscribe on the TV: its first answer and every update go to `on_update`."""
        message_id = str(next(self._ids))
        self._subscription_ids[message_id] = uri
        try:
            await self._async_send("subscribe", uri, None, message_id, timeout)
        except WebOsError:
            self._subscription_ids.pop(message_id, None)
            raise

    async def _async_send(
        self, kind: str, uri: str, payload: Mapping[str, Any] | None, message_id: str, timeout: float
    ) -> JsonObject:
        # Sent on an open connection only: WebOsClient checks before it asks.
        future: asyncio.Future[JsonObject] = asyncio.get_running_loop().create_future()
        self._pending[message_id] = future
        pending = self._pending

        def _forget(done: asyncio.Future[JsonObject]) -> None:
            # Kept until answered, failed or given up on, so a late answer still finds it.
            pending.pop(message_id, None)
            if not done.cancelled():
                done.exception()  # nobody may wait for a late answer: not an unretrieved error

        future.add_done_callback(_forget)
        try:
            await self._ws.send_json(
                {"type": kind, "id": message_id, "uri": uri, "payload": dict(payload or {})}
            )
            async with asyncio.timeout(timeout):
                message = await asyncio.shield(future)
        except TimeoutError as err:
            raise WebOsTimeoutError(f"The TV did not answer {uri}", late_answer=future) from err
        except (aiohttp.ClientError, ConnectionError) as err:
            future.cancel()
            raise WebOsConnectionError(f"Sending {uri} failed: {err}") from err
        except asyncio.CancelledError:
            future.cancel()
            raise
        return checked(uri, message)

    async def _async_read(self) -> None:
        """Route answers to their requests and updates to subscribers until the socket ends.

        A quiet socket gets a ping; a TV that then stays silent for another HEARTBEAT is gone
        (unplugged TVs close nothing).
        """
        ws = self._ws
        pinged = False
        try:
            while True:
                try:
                    message = await ws.receive(timeout=HEARTBEAT)
                except TimeoutError:
                    if pinged:
                        _LOGGER.debug("The TV at %s stopped answering", self._host)
                        break
                    pinged = True
                    await ws.ping()
                    continue
                pinged = False
                if message.type is aiohttp.WSMsgType.PING:
                    await ws.pong(message.data)
                    continue
                if message.type in (
                    aiohttp.WSMsgType.CLOSE,
                    aiohttp.WSMsgType.CLOSING,
                    aiohttp.WSMsgType.CLOSED,
                    aiohttp.WSMsgType.ERROR,
                ):
                    break
                if message.type is not aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(message.data)
                except ValueError:
                    _LOGGER.debug("Ignoring a message from the TV that is not JSON")
                    continue
                self._dispatch(data)
        finally:
            self._open = False
            await ws.close()
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(WebOsConnectionError("The connection to the TV closed"))
            self._pending.clear()
            self._subscription_ids.clear()
            _LOGGER.debug("The connection to the TV at %s closed", self._host)
            self._on_closed(self)

    def _dispatch(self, data: JsonObject) -> None:
        message_id = str(data.get("id"))
        # A subscription's first answer and its updates share the id; both go to the callback
        # here, in the order they arrived, so no update is lost or overtaken by the first answer.
        uri = self._subscription_ids.get(message_id)
        payload = data.get("payload", {})
        if uri is not None and data.get("type") == "response" and payload.get("returnValue") is not False:
            self._on_update(uri, payload)
        future = self._pending.pop(message_id, None)
        if future is not None and not future.done():
            future.set_result(data)


async def async_late_answer(uri: str, err: WebOsTimeoutError, timeout: float) -> JsonObject:
    """Wait up to `timeout` more seconds for the answer to a request that timed out; return its payload.

    Raises:
        WebOsTimeoutError: still no answer (the request is given up on).
        WebOsConnectionError: the connection closed meanwhile.
        WebOsCommandError: the TV answered with an error.
    """
    if err.late_answer is None:
        raise err
    try:
        async with asyncio.timeout(timeout):
            message = await err.late_answer
    except TimeoutError as late:
        err.late_answer.cancel()
        raise WebOsTimeoutError(f"The TV did not answer {uri}") from late
    return dict(checked(uri, message).get("payload", {}))


def checked(uri: str, message: JsonObject) -> JsonObject:
    """Return an answer, or raise the error the TV answered with."""
    answer = message.get("payload", {})
    if message.get("type") == "error" or answer.get("returnValue") is False:
        raise WebOsCommandError(uri, tv_text(message.get("error") or answer.get("errorText") or "refused"))
    return message
