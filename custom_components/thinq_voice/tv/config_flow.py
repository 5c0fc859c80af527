"""The TV's steps of the config flow: its address (typed or discovered), pairing, pairing again, a new address."""

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_HOST, CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import TextSelector
from homeassistant.helpers.service_info.ssdp import ATTR_UPNP_FRIENDLY_NAME, ATTR_UPNP_UDN, SsdpServiceInfo
import voluptuous as vol
from yarl import URL

from ..api.webos import (
    PAIRING_TIMEOUT,
    TvInfo,
    WebOsClient,
    WebOsConnectionError,
    WebOsError,
    WebOsPairingRefusedError,
    WebOsTimeoutError,
)
from ..const import CONF_CLIENT_KEY, CONF_MAC, LOGGER
from ..form_input import HOST, InvalidInput

DEFAULT_TV_NAME = "LG webOS TV"


def clean_host(raw: object) -> str:
    """Return a TV's "host" or "host:port" without blanks, or raise InvalidInput."""
    text = str(raw or "").strip()
    if not text:
        raise InvalidInput(CONF_HOST, "host_required")
    try:
        url = URL(f"ws://{text}")
        port = url.explicit_port
    except ValueError as err:
        raise InvalidInput(CONF_HOST, "invalid_host") from err
    if (
        not url.raw_host
        or not HOST.fullmatch(url.raw_host)
        or url.raw_path not in ("", "/")
        or url.query_string
        or url.fragment
        or url.raw_user
        or text.endswith(":")
    ):
        raise InvalidInput(CONF_HOST, "invalid_host")
    host = f"[{url.raw_host}]" if ":" in url.raw_host else url.raw_host
    return host if port is None else f"{host}:{port}"


async def pair_tv(hass: HomeAssistant, host: str) -> tuple[str, TvInfo]:
    """Pair with the TV (the user accepts its prompt); return the key and what the TV is."""
    client = WebOsClient(async_get_clientsession(hass), host)
    try:
        key = await client.async_pair(PAIRING_TIMEOUT)
    except WebOsPairingRefusedError as err:
        raise InvalidInput("base", "pairing_refused") from err
    except WebOsTimeoutError as err:
        raise InvalidInput("base", "pairing_timeout") from err
    except WebOsError as err:
        LOGGER.debug("Pairing with the TV at %s failed: %s", host, err)
        raise InvalidInput("base", "tv_cannot_connect") from err
    finally:
        await client.async_close()
    return key, _tv_info(client)


async def check_tv(hass: HomeAssistant, host: str, key: str) -> TvInfo:
    """Connect to a TV with a stored key and return what it is."""
    client = WebOsClient(async_get_clientsession(hass), host, client_key=key)
    try:
        await client.async_connect()
    except WebOsPairingRefusedError as err:
        raise InvalidInput("base", "tv_key_rejected") from err
    except (WebOsConnectionError, WebOsTimeoutError) as err:
        LOGGER.debug("Connecting to the TV at %s failed: %s", host, err)
        raise InvalidInput("base", "tv_cannot_connect") from err
    finally:
        await client.async_close()
    return _tv_info(client)


def _tv_info(client: WebOsClient) -> TvInfo:
    # Set by every successful connection, before it returns.
    assert client.info is not None
    return client.info


class TvSteps(ConfigFlow):
    """The steps of a TV entry; the integration's one config flow class adds the account's."""

    def __init__(self) -> None:
        """Start with no TV chosen."""
        self._host = ""
        self._name = DEFAULT_TV_NAME

    async def async_step_tv(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for the TV's address and a name, then go on to pairing."""
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                self._host = clean_host(user_input.get(CONF_HOST))
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                self._name = str(user_input.get(CONF_NAME) or "").strip() or DEFAULT_TV_NAME
                return await self.async_step_pairing()
        schema = vol.Schema(
            {
                vol.Required(CONF_HOST): TextSelector(),
                vol.Optional(CONF_NAME): TextSelector(),
            }
        )
        return self.async_show_form(
            step_id="tv",
            data_schema=self.add_suggested_values_to_schema(schema, user_input or {}),
            errors=errors,
        )

    async def async_step_ssdp(self, discovery_info: SsdpServiceInfo) -> ConfigFlowResult:
        """Offer a TV found on the LAN; a known TV only gets its new address."""
        try:
            self._host = clean_host(URL(discovery_info.ssdp_location or "").raw_host)
        except InvalidInput:
            return self.async_abort(reason="invalid_discovery")
        self._name = str(discovery_info.upnp.get(ATTR_UPNP_FRIENDLY_NAME) or DEFAULT_TV_NAME)
        await self.async_set_unique_id(str(discovery_info.upnp[ATTR_UPNP_UDN]).removeprefix("uuid:"))
        self._abort_if_unique_id_configured(updates={CONF_HOST: self._host})
        self.context["title_placeholders"] = {"name": self._name}
        return await self.async_step_pairing()

    async def async_step_pairing(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask the user to accept the prompt on the TV, and pair."""
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                key, info = await pair_tv(self.hass, self._host)
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                await self.async_set_unique_id(info.uuid, raise_on_progress=False)
                self._abort_if_unique_id_configured(updates={CONF_HOST: self._host, CONF_CLIENT_KEY: key})
                data = {CONF_HOST: self._host, CONF_CLIENT_KEY: key}
                if info.mac:
                    data[CONF_MAC] = info.mac
                return self.async_create_entry(title=self._name, data=data)
        return self.async_show_form(
            step_id="pairing",
            description_placeholders={"name": self._name, "host": self._host},
            errors=errors,
        )

    async def async_step_reauth_tv(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Pair again with a TV that forgot our key."""
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                key, info = await pair_tv(self.hass, entry.data[CONF_HOST])
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                if info.uuid != entry.unique_id:
                    return self.async_abort(reason="wrong_tv")
                return self.async_update_reload_and_abort(entry, data_updates={CONF_CLIENT_KEY: key})
        return self.async_show_form(
            step_id="reauth_tv", description_placeholders={"name": entry.title}, errors=errors
        )

    async def async_step_reconfigure_tv(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Give a TV a new address; it must be the same TV."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                host = clean_host(user_input.get(CONF_HOST))
                info = await check_tv(self.hass, host, entry.data[CONF_CLIENT_KEY])
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                if info.uuid != entry.unique_id:
                    return self.async_abort(reason="wrong_tv")
                return self.async_update_reload_and_abort(entry, data_updates={CONF_HOST: host})
        schema = vol.Schema({vol.Required(CONF_HOST): TextSelector()})
        return self.async_show_form(
            step_id="reconfigure_tv",
            data_schema=self.add_suggested_values_to_schema(
                schema, user_input or {CONF_HOST: entry.data[CONF_HOST]}
            ),
            errors=errors,
        )
