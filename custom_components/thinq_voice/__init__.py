"""ThinQ Voice: LG appliances in Home Assistant, with a Korean and English voice agent."""

from homeassistant.const import CONF_ACCESS_TOKEN, CONF_COUNTRY, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.typing import ConfigType

from .agent.exposure import async_expose_new_entities
from .api import ThinQConnectClient
from .const import CONF_BASE_URL, CONF_CLIENT_ID, DOMAIN
from .coordinator import HOURLY_REQUEST_BUDGET, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .services import async_setup_services

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CLIMATE,
    Platform.CONVERSATION,
    Platform.EVENT,
    Platform.FAN,
    Platform.HUMIDIFIER,
    Platform.NUMBER,
    Platform.SELECT,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.VACUUM,
    Platform.WATER_HEATER,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, so automations validate even while no entry is loaded."""
    async_setup_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: ThinQVoiceConfigEntry) -> bool:
    """Connect to the account, read its appliances and set up the platforms."""
    client = ThinQConnectClient(
        async_get_clientsession(hass),
        access_token=entry.data[CONF_ACCESS_TOKEN],
        country=entry.data[CONF_COUNTRY],
        client_id=entry.data[CONF_CLIENT_ID],
        base_url=entry.data.get(CONF_BASE_URL),
        hourly_request_budget=HOURLY_REQUEST_BUDGET,
    )
    coordinator = ThinQVoiceCoordinator(hass, entry, client)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    entry.async_on_unload(coordinator.async_cancel_confirms)
    entry.async_on_unload(async_expose_new_entities(hass, entry))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ThinQVoiceConfigEntry) -> bool:
    """Unload the platforms."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, device: dr.DeviceEntry
) -> bool:
    """Let the user delete a device that is no longer on the account."""
    return not any(
        identifier[0] == DOMAIN and identifier[1] in entry.runtime_data.known_devices
        for identifier in device.identifiers
    )
