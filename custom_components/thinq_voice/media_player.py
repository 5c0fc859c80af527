"""Media player platform: the TV of a TV entry."""

from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .tv.coordinator import TvConfigEntry
from .tv.media_player import TvMediaPlayer

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant, entry: TvConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the TV."""
    async_add_entities([TvMediaPlayer(entry.runtime_data)])
