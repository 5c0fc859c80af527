"""ThinQ Voice: LG appliances in Home Assistant, with a Korean and English voice agent."""

from typing import Any

from homeassistant.const import CONF_ACCESS_TOKEN, CONF_COUNTRY, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.typing import ConfigType

from .agent.exposure import async_expose_new_entities
from .agent.schedule import async_remove_schedules
from .agent.when import async_remove_when_actions
from .announce import Announcer
from .api import ThinQConnectClient
from .appliance_events import ApplianceWatcher
from .budget_store import BudgetStore, async_remove_budget
from .const import CONF_BASE_URL, CONF_CLIENT_ID, DOMAIN
from .coordinator import (
    CONTROL_RESERVE,
    HOURLY_REQUEST_BUDGET,
    PEOPLE_RESERVE,
    ThinQVoiceConfigEntry,
    ThinQVoiceCoordinator,
)
from .device_cache import DeviceCache
from .entry_kinds import AnyConfigEntry, EntryKind, is_tv_entry
from .push import async_remove_push
from .services import async_setup_services
from .tv.entry import TV_KIND

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
    Platform.TIME,
    Platform.VACUUM,
    Platform.WATER_HEATER,
]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions, so automations validate even while no entry is loaded."""
    async_setup_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AnyConfigEntry) -> bool:
    """Set up a ThinQ Connect account or a TV on the LAN, then its platforms."""
    kind = _kind(entry)
    await kind.async_setup(hass, entry)
    await hass.config_entries.async_forward_entry_setups(entry, kind.platforms)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: AnyConfigEntry) -> bool:
    """Unload the platforms."""
    return await hass.config_entries.async_unload_platforms(entry, _kind(entry).platforms)


async def async_remove_entry(hass: HomeAssistant, entry: AnyConfigEntry) -> None:
    """Delete what the entry kept for later: the account or TV is gone."""
    if (async_remove := _kind(entry).async_remove) is not None:
        await async_remove(hass, entry)


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: AnyConfigEntry, device: dr.DeviceEntry
) -> bool:
    """Let the user delete a device that is no longer on the account; a TV entry is its TV."""
    return _kind(entry).may_remove_device(entry, device)


async def _async_setup_account(hass: HomeAssistant, entry: ThinQVoiceConfigEntry) -> None:
    """Connect to the account and read its appliances; push and the watchers start beside."""
    client = _account_client(hass, entry)
    # The hour's requests outlive a reload or restart; saved again when the entry unloads,
    # also after a setup that failed.
    budget_store = BudgetStore(hass, entry.entry_id, client.budget)
    await budget_store.async_load()
    entry.async_on_unload(budget_store.async_save)
    entry.async_on_unload(budget_store.async_start())
    coordinator = ThinQVoiceCoordinator(hass, entry, client)
    # Profiles and states kept by earlier runs: setting up again reads only what they lack.
    await coordinator.async_load_kept()
    entry.async_on_unload(coordinator.catalog.cache.async_save)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator
    await coordinator.energy.async_setup()
    entry.async_on_unload(coordinator.async_cancel_confirms)
    # Push is set up beside the platforms: until it connects (or where LG offers none) polling serves.
    entry.async_create_background_task(hass, coordinator.push.async_start(), "thinq_voice push set-up")
    entry.async_on_unload(coordinator.push.async_stop)
    entry.async_on_unload(ApplianceWatcher(hass, coordinator).async_start(entry))
    entry.async_on_unload(Announcer(hass, entry).async_start())
    entry.async_on_unload(async_expose_new_entities(hass, entry))


async def _async_remove_account(hass: HomeAssistant, entry: ThinQVoiceConfigEntry) -> None:
    """Delete the agent's schedules and when-actions, and the hour's budget."""
    await async_remove_schedules(hass, entry.entry_id)
    await async_remove_when_actions(hass, entry.entry_id)
    # LG's push client ends with the entry (an unload keeps it for the next start).
    client = _account_client(hass, entry)
    await BudgetStore(hass, entry.entry_id, client.budget).async_load()
    await async_remove_push(hass, entry.entry_id, client)
    await DeviceCache(hass, entry.entry_id).async_remove()
    await async_remove_budget(hass, entry.entry_id)


def _account_client(hass: HomeAssistant, entry: ThinQVoiceConfigEntry) -> ThinQConnectClient:
    """Return the client of an account entry, with LG's hourly budget and the people's reserves."""
    return ThinQConnectClient(
        async_get_clientsession(hass),
        access_token=entry.data[CONF_ACCESS_TOKEN],
        country=entry.data[CONF_COUNTRY],
        client_id=entry.data[CONF_CLIENT_ID],
        base_url=entry.data.get(CONF_BASE_URL),
        hourly_request_budget=HOURLY_REQUEST_BUDGET,
        people_reserve=PEOPLE_RESERVE,
        control_reserve=CONTROL_RESERVE,
    )


def _account_may_remove_device(entry: ThinQVoiceConfigEntry, device: dr.DeviceEntry) -> bool:
    """Return whether the device is gone from the account."""
    return not any(
        identifier[0] == DOMAIN and identifier[1] in entry.runtime_data.known_devices
        for identifier in device.identifiers
    )


ACCOUNT_KIND = EntryKind[ThinQVoiceConfigEntry](
    PLATFORMS, _async_setup_account, _account_may_remove_device, _async_remove_account
)


def _kind(entry: AnyConfigEntry) -> EntryKind[Any]:
    """Return what to do for the entry: the one place its kind is looked at."""
    return TV_KIND if is_tv_entry(entry) else ACCOUNT_KIND
