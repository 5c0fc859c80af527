"""Coordinator of an LG webOS TV entry: one SSAP connection over the LAN, state pushed by the TV."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_HOST
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed, HomeAssistantError
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from ..api import webos
from ..api.webos import (
    TvState,
    WebOsClient,
    WebOsCommandError,
    WebOsConnectionError,
    WebOsPairingRefusedError,
    WebOsTimeoutError,
)
from ..api.wol import async_send_magic_packet
from ..const import CONF_CLIENT_KEY, CONF_MAC, DOMAIN, LOGGER, TV_RECONNECT_INTERVAL
from ..in_flight import IN_FLIGHT_LIFETIME

type TvConfigEntry = ConfigEntry[TvCoordinator]

# How much longer than the request timeout a slow TV's answer is awaited.
LATE_ANSWER_WAIT = 15.0


class TvCoordinator(DataUpdateCoordinator[TvState]):
    """Holds the TV's client; the TV pushes its state, so nothing is polled.

    While the TV is unreachable the client retries with back-off up to TV_RECONNECT_INTERVAL;
    a TV that is off is normal, so it shows as off rather than failing the entry.
    """

    config_entry: TvConfigEntry

    def __init__(self, hass: HomeAssistant, entry: TvConfigEntry) -> None:
        """Create the client from the entry's host and key."""
        super().__init__(hass, LOGGER, config_entry=entry, name=f"{DOMAIN} TV", update_interval=None)
        self.client = WebOsClient(
            async_get_clientsession(hass),
            entry.data[CONF_HOST],
            client_key=entry.data[CONF_CLIENT_KEY],
            reconnect_max_delay=TV_RECONNECT_INTERVAL.total_seconds(),
        )
        self.data = self.client.state
        self.mac: str | None = entry.data.get(CONF_MAC)
        # The power command sent last (on or off) and when: until the TV shows it, "already on" is stale.
        self._power_sent: tuple[bool, datetime] | None = None

    @property
    def is_on(self) -> bool:
        """Return whether the TV is on: a TV in standby does not answer."""
        return self.client.connected and self.data.power is not None

    @property
    def headed_on(self) -> bool:
        """Return whether the TV is on, or was just told to turn on (and not off since)."""
        return self._power_sent[0] if self.power_in_flight and self._power_sent else self.is_on

    @property
    def power_in_flight(self) -> bool:
        """Return whether a power command was sent that the TV has not shown yet."""
        if self._power_sent is None:
            return False
        on, sent_at = self._power_sent
        return on != self.is_on and dt_util.utcnow() - sent_at < IN_FLIGHT_LIFETIME

    async def async_start(self) -> None:
        """Connect once (a TV that is off is fine), then keep the connection up in the background.

        Raises:
            ConfigEntryAuthFailed: the TV no longer accepts the stored key.
        """
        try:
            await self.client.async_connect()
        except WebOsPairingRefusedError as err:
            raise ConfigEntryAuthFailed(translation_domain=DOMAIN, translation_key="tv_pairing_lost") from err
        except (WebOsConnectionError, WebOsTimeoutError) as err:
            LOGGER.debug("The TV at %s is not reachable now (%s); it is probably off", self.client.host, err)
        self.config_entry.async_on_unload(self.client.add_state_callback(self._state_changed))
        self.client.on_pairing_lost = self._pairing_lost
        self.client.start_keeping_connected()

    async def async_stop(self) -> None:
        """Close the connection."""
        await self.client.async_close()

    @callback
    def _state_changed(self, state: TvState) -> None:
        self.async_set_updated_data(state)

    @callback
    def _pairing_lost(self) -> None:
        self.config_entry.async_start_reauth(self.hass)

    async def async_request(self, uri: str, payload: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Send a request to the TV; failures become translated errors.

        A TV that does not answer in time may be busy, not gone: it often carries the request out
        and answers late, so its answer is awaited a while longer before anything is said.
        """
        try:
            try:
                return await self.client.async_request(uri, payload)
            except WebOsTimeoutError as err:
                LOGGER.debug("The TV is slow to answer %s; waiting for its answer", uri)
                return await self.client.async_late_answer(uri, err, LATE_ANSWER_WAIT)
        except WebOsTimeoutError as err:
            # It may still carry it out: not "unreachable", which would be untrue.
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="tv_no_answer") from err
        except WebOsCommandError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="tv_command_failed",
                translation_placeholders={"error": str(err)},
            ) from err
        except WebOsConnectionError as err:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="tv_not_connected") from err

    async def async_wake(self) -> None:
        """Send the Wake-on-LAN packet to the TV's MAC address."""
        if self.mac is None:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="tv_turn_on_unsupported")
        self._power_sent = (True, dt_util.utcnow())
        await async_send_magic_packet(self.mac)

    async def async_turn_off(self) -> None:
        """Put the TV in standby."""
        self._power_sent = (False, dt_util.utcnow())
        await self.async_request(webos.TURN_OFF)
