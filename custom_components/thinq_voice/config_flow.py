"""Config flow for ThinQ Voice: a ThinQ Connect account (personal access token) or an LG TV on the LAN."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, override
import uuid

from homeassistant.config_entries import ConfigEntry, ConfigFlowResult, OptionsFlowWithReload
from homeassistant.const import CONF_ACCESS_TOKEN, CONF_COUNTRY
from homeassistant.core import HomeAssistant, callback
from homeassistant.data_entry_flow import section
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import (
    CountrySelector,
    CountrySelectorConfig,
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
    TimeSelector,
)
import voluptuous as vol
from yarl import URL

from .api import (
    SUPPORTED_COUNTRIES,
    ThinQAuthenticationError,
    ThinQConnectClient,
    ThinQError,
    ThinQRateLimitError,
    ThinQUnsupportedCountryError,
)
from .api.models import DeviceInfo
from .const import (
    CLIENT_ID_PREFIX,
    CONF_ADVANCED,
    CONF_ANNOUNCE_DEVICES,
    CONF_ANNOUNCEMENTS,
    CONF_BASE_URL,
    CONF_CLIENT_ID,
    CONF_CONFIRM_START,
    CONF_EXCLUDED_DEVICES,
    CONF_FALLBACK_AGENT,
    CONF_INCLUDED_DEVICES,
    CONF_NOTIFY_TARGET,
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REFRESH_INTERVAL,
    CONFIRMABLE_TYPES,
    DEFAULT_FALLBACK_AGENT,
    DEFAULT_REFRESH_INTERVAL,
    DOMAIN,
    LOGGER,
    MAX_REFRESH_INTERVAL,
    MIN_REFRESH_INTERVAL,
    NO_FALLBACK_AGENT,
)
from .entry_kinds import is_tv_entry
from .form_input import HOST, InvalidInput
from .tv.config_flow import TvSteps

DEFAULT_COUNTRY = "KR"
# The addresses the account form shows: placeholders, since translations carry no URL (hassfest).
ACCOUNT_FORM_PLACEHOLDERS = {
    "pat_url": "https://connect-pat.lgthinq.com",
    "base_url_example": "http://192.168.1.10:8990",
}
# LG's personal access tokens are long opaque strings; anything shorter is a paste error.
MIN_TOKEN_LENGTH = 16


@dataclass(slots=True, frozen=True)
class Account:
    """What validating a token tells about the account behind it."""

    unique_id: str
    device_ids: frozenset[str]


def account_unique_id(devices: list[DeviceInfo]) -> str:
    """Return a stable id for the account that owns these appliances.

    ThinQ Connect has no account endpoint and the token changes on every renewal, so the
    account is named by its first-registered-looking appliance: the smallest device id.
    """
    return min(device.device_id for device in devices)


def clean_token(raw: object) -> str:
    """Return the token without surrounding blanks, or raise InvalidInput."""
    token = str(raw or "").strip()
    if not token:
        raise InvalidInput(CONF_ACCESS_TOKEN, "token_required")
    if len(token) < MIN_TOKEN_LENGTH or any(char.isspace() for char in token):
        raise InvalidInput(CONF_ACCESS_TOKEN, "invalid_token_format")
    return token


def clean_base_url(raw: object) -> str | None:
    """Return a normalized http(s) base URL, None when left blank, or raise InvalidInput."""
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        url = URL(text)
    except ValueError as err:
        raise InvalidInput(CONF_BASE_URL, "invalid_base_url") from err
    if (
        url.scheme not in ("http", "https")
        or not url.raw_host
        or not HOST.fullmatch(url.raw_host)
        or url.query_string
        or url.fragment
    ):
        raise InvalidInput(CONF_BASE_URL, "invalid_base_url")
    return str(url).rstrip("/")


async def validate_account(
    hass: HomeAssistant, token: str, country: str, client_id: str, base_url: str | None
) -> Account:
    """List the account's appliances with the token; raise InvalidInput on any failure."""
    client = ThinQConnectClient(
        async_get_clientsession(hass),
        access_token=token,
        country=country,
        client_id=client_id,
        base_url=base_url,
    )
    try:
        devices = await client.async_get_devices()
    except ThinQAuthenticationError as err:
        raise InvalidInput(CONF_ACCESS_TOKEN, "invalid_token") from err
    except ThinQUnsupportedCountryError as err:
        raise InvalidInput(CONF_COUNTRY, "unsupported_country") from err
    except ThinQRateLimitError as err:
        raise InvalidInput("base", "exceeded_api_calls") from err
    except ThinQError as err:
        LOGGER.debug("Validating the account failed: %s", err)
        raise InvalidInput("base", "cannot_connect") from err
    if not devices:
        raise InvalidInput("base", "no_devices")
    return Account(account_unique_id(devices), frozenset(device.device_id for device in devices))


def _token_field() -> TextSelector:
    return TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="off"))


class ThinQVoiceConfigFlow(TvSteps, domain=DOMAIN):
    """Set up, re-authenticate and reconfigure a ThinQ Connect account, or a TV (its steps in `TvSteps`)."""

    VERSION = 1

    @override
    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask what to add: a ThinQ Connect account or a TV on the LAN."""
        return self.async_show_menu(step_id="user", menu_options=["cloud", "tv"])

    async def async_step_cloud(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for the token, the country and, optionally, another API base URL."""
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                token = clean_token(user_input.get(CONF_ACCESS_TOKEN))
                country = user_input[CONF_COUNTRY]
                base_url = clean_base_url(user_input.get(CONF_ADVANCED, {}).get(CONF_BASE_URL))
                client_id = f"{CLIENT_ID_PREFIX}-{uuid.uuid4()}"
                account = await validate_account(self.hass, token, country, client_id, base_url)
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                for entry in self._async_current_entries(include_ignore=False):
                    if _is_same_account(self.hass, entry, account):
                        return self.async_abort(reason="already_configured")
                await self.async_set_unique_id(account.unique_id)
                self._abort_if_unique_id_configured()
                data = {CONF_ACCESS_TOKEN: token, CONF_COUNTRY: country, CONF_CLIENT_ID: client_id}
                if base_url:
                    data[CONF_BASE_URL] = base_url
                return self.async_create_entry(title=f"ThinQ ({country})", data=data)
        return self.async_show_form(
            step_id="cloud",
            data_schema=self.add_suggested_values_to_schema(self._account_schema(), user_input or {}),
            description_placeholders=ACCOUNT_FORM_PLACEHOLDERS,
            errors=errors,
        )

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """Start re-authentication after LG rejected the stored token, or the TV our key."""
        if is_tv_entry(self._get_reauth_entry()):
            return await self.async_step_reauth_tv()
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for a new token for the same account."""
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                token = clean_token(user_input.get(CONF_ACCESS_TOKEN))
                account = await validate_account(
                    self.hass,
                    token,
                    entry.data[CONF_COUNTRY],
                    entry.data[CONF_CLIENT_ID],
                    entry.data.get(CONF_BASE_URL),
                )
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                if not _is_same_account(self.hass, entry, account):
                    return self.async_abort(reason="wrong_account")
                return self.async_update_reload_and_abort(entry, data_updates={CONF_ACCESS_TOKEN: token})
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=vol.Schema({vol.Required(CONF_ACCESS_TOKEN): _token_field()}),
            description_placeholders={"title": entry.title},
            errors=errors,
        )

    async def async_step_reconfigure(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Change the token, country or API base URL of an account already set up."""
        entry = self._get_reconfigure_entry()
        if is_tv_entry(entry):
            return await self.async_step_reconfigure_tv()
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                token = clean_token(user_input.get(CONF_ACCESS_TOKEN))
                country = user_input[CONF_COUNTRY]
                base_url = clean_base_url(user_input.get(CONF_ADVANCED, {}).get(CONF_BASE_URL))
                account = await validate_account(
                    self.hass, token, country, entry.data[CONF_CLIENT_ID], base_url
                )
            except InvalidInput as err:
                errors[err.field] = err.error
            else:
                if not _is_same_account(self.hass, entry, account):
                    return self.async_abort(reason="wrong_account")
                data = {**entry.data, CONF_ACCESS_TOKEN: token, CONF_COUNTRY: country}
                data.pop(CONF_BASE_URL, None)
                if base_url:
                    data[CONF_BASE_URL] = base_url
                return self.async_update_reload_and_abort(entry, data=data)
        suggested: dict[str, Any] = user_input or {
            CONF_ACCESS_TOKEN: entry.data[CONF_ACCESS_TOKEN],
            CONF_COUNTRY: entry.data[CONF_COUNTRY],
            CONF_ADVANCED: {CONF_BASE_URL: entry.data.get(CONF_BASE_URL, "")},
        }
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(self._account_schema(), suggested),
            description_placeholders=ACCOUNT_FORM_PLACEHOLDERS,
            errors=errors,
        )

    def _account_schema(self) -> vol.Schema:
        """Return the form of an account: token, country and the collapsed advanced section."""
        country = self.hass.config.country
        default_country = country if country in SUPPORTED_COUNTRIES else DEFAULT_COUNTRY
        fields: dict[Any, Any] = {vol.Required(CONF_ACCESS_TOKEN): _token_field()}
        fields[vol.Required(CONF_COUNTRY, default=default_country)] = CountrySelector(
            CountrySelectorConfig(countries=sorted(SUPPORTED_COUNTRIES))
        )
        fields[vol.Required(CONF_ADVANCED)] = section(
            vol.Schema(
                {vol.Optional(CONF_BASE_URL): TextSelector(TextSelectorConfig(type=TextSelectorType.URL))}
            ),
            {"collapsed": True},
        )
        return vol.Schema(fields)

    @staticmethod
    @callback
    @override
    def async_get_options_flow(config_entry: ConfigEntry) -> ThinQVoiceOptionsFlow:
        """Return the options flow."""
        return ThinQVoiceOptionsFlow()

    @classmethod
    @callback
    @override
    def async_supports_options_flow(cls, config_entry: ConfigEntry) -> bool:
        """Offer options for accounts only: a TV has nothing to choose."""
        return not is_tv_entry(config_entry)


def _announcement_options(chosen: dict[str, Any] | None, current: Mapping[str, Any]) -> dict[str, Any]:
    """Return the announcement options to store: fields left empty are not stored; no section keeps them."""
    keys = (CONF_ANNOUNCE_DEVICES, CONF_NOTIFY_TARGET, CONF_QUIET_START, CONF_QUIET_END)
    if chosen is None:
        return {key: current[key] for key in keys if key in current}
    return {key: chosen[key] for key in keys if chosen.get(key)}


def _is_same_account(hass: HomeAssistant, entry: ConfigEntry, account: Account) -> bool:
    """Tell whether an account's appliances belong to the account of an entry.

    The entry's unique id is one of its appliances; if that one has since left the
    account, any appliance the entry still has in the device registry counts too.
    """
    if entry.unique_id in account.device_ids:
        return True
    registry = dr.async_get(hass)
    return any(
        identifier[1] in account.device_ids
        for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
        for identifier in device.identifiers
        if identifier[0] == DOMAIN
    )


class ThinQVoiceOptionsFlow(OptionsFlowWithReload):
    """Refresh interval and which appliances to include."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Show the options."""
        known = self.config_entry.runtime_data.known_devices
        if user_input is not None:
            # Stored as exclusions so that appliances added to the account later show up.
            included = set(user_input[CONF_INCLUDED_DEVICES])
            return self.async_create_entry(
                data={
                    CONF_REFRESH_INTERVAL: int(user_input[CONF_REFRESH_INTERVAL]),
                    CONF_EXCLUDED_DEVICES: sorted(set(known) - included),
                    CONF_FALLBACK_AGENT: user_input[CONF_FALLBACK_AGENT],
                    CONF_CONFIRM_START: user_input[CONF_CONFIRM_START],
                    **_announcement_options(user_input.get(CONF_ANNOUNCEMENTS), self.config_entry.options),
                }
            )
        options = [SelectOptionDict(value=device_id, label=info.alias) for device_id, info in known.items()]
        excluded = set(self.config_entry.options.get(CONF_EXCLUDED_DEVICES, []))
        schema = vol.Schema(
            {
                vol.Required(
                    CONF_REFRESH_INTERVAL,
                    default=self.config_entry.options.get(
                        CONF_REFRESH_INTERVAL, int(DEFAULT_REFRESH_INTERVAL.total_seconds())
                    ),
                ): NumberSelector(
                    NumberSelectorConfig(
                        min=MIN_REFRESH_INTERVAL.total_seconds(),
                        max=MAX_REFRESH_INTERVAL.total_seconds(),
                        step=10,
                        unit_of_measurement="s",
                        mode=NumberSelectorMode.BOX,
                    )
                ),
                vol.Required(
                    CONF_INCLUDED_DEVICES,
                    default=[device_id for device_id in known if device_id not in excluded],
                ): SelectSelector(SelectSelectorConfig(options=options, multiple=True)),
                vol.Required(
                    CONF_FALLBACK_AGENT,
                    default=self.config_entry.options.get(CONF_FALLBACK_AGENT, DEFAULT_FALLBACK_AGENT),
                ): SelectSelector(
                    SelectSelectorConfig(options=self._fallback_agents(), translation_key=CONF_FALLBACK_AGENT)
                ),
                vol.Optional(
                    CONF_CONFIRM_START, default=self.config_entry.options.get(CONF_CONFIRM_START, [])
                ): SelectSelector(
                    SelectSelectorConfig(
                        options=list(CONFIRMABLE_TYPES), multiple=True, translation_key=CONF_CONFIRM_START
                    )
                ),
                vol.Optional(CONF_ANNOUNCEMENTS): section(
                    self._announcements_schema(options),
                    {"collapsed": not self.config_entry.options.get(CONF_ANNOUNCE_DEVICES)},
                ),
            }
        )
        return self.async_show_form(step_id="init", data_schema=schema)

    def _announcements_schema(self, options: list[SelectOptionDict]) -> vol.Schema:
        """Return the announcement options: which appliances, a notify entity, quiet hours."""
        current = self.config_entry.options
        fields: dict[Any, Any] = {
            vol.Optional(
                CONF_ANNOUNCE_DEVICES, default=current.get(CONF_ANNOUNCE_DEVICES, [])
            ): SelectSelector(SelectSelectorConfig(options=options, multiple=True)),
        }
        for key, selector in (
            (CONF_NOTIFY_TARGET, EntitySelector(EntitySelectorConfig(domain="notify"))),
            (CONF_QUIET_START, TimeSelector()),
            (CONF_QUIET_END, TimeSelector()),
        ):
            if key in current:
                fields[vol.Optional(key, description={"suggested_value": current[key]})] = selector
            else:
                fields[vol.Optional(key)] = selector
        return vol.Schema(fields)

    def _fallback_agents(self) -> list[SelectOptionDict]:
        """Return the agents a sentence ThinQ Voice does not understand can go to, or none."""
        ours = er.async_get(self.hass).async_get_entity_id(
            "conversation", DOMAIN, f"{self.config_entry.entry_id}_agent"
        )
        agents = [
            SelectOptionDict(value=state.entity_id, label=state.name)
            for state in self.hass.states.async_all("conversation")
            if state.entity_id != ours
        ]
        return [*agents, SelectOptionDict(value=NO_FALLBACK_AGENT, label=NO_FALLBACK_AGENT)]
