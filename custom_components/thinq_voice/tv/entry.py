"""What Home Assistant's entry hooks do for a TV entry."""

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from ..agent.exposure import async_expose_new_entities
from ..entry_kinds import EntryKind
from .coordinator import TvConfigEntry, TvCoordinator


async def _async_setup(hass: HomeAssistant, entry: TvConfigEntry) -> None:
    """Connect to the TV (it may be off)."""
    coordinator = TvCoordinator(hass, entry)
    await coordinator.async_start()
    entry.runtime_data = coordinator
    entry.async_on_unload(coordinator.async_stop)
    entry.async_on_unload(async_expose_new_entities(hass, entry))


def _may_remove_device(entry: TvConfigEntry, device: dr.DeviceEntry) -> bool:
    """Return False: the entry's one device is its TV."""
    return False


# A TV entry has its own, smaller set of platforms: the TV, its screen and its toasts. It keeps
# nothing for later, so removing it deletes nothing.
TV_KIND = EntryKind[TvConfigEntry](
    [Platform.MEDIA_PLAYER, Platform.NOTIFY, Platform.SWITCH], _async_setup, _may_remove_device
)
