"""Base class of the TV's entities."""

from homeassistant.helpers.device_registry import CONNECTION_NETWORK_MAC, DeviceInfo
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from ..const import DOMAIN
from ..entity import MANUFACTURER
from .coordinator import TvCoordinator


class TvEntity(CoordinatorEntity[TvCoordinator]):
    """An entity of an LG webOS TV, named by the TV's unique id (its UUID)."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: TvCoordinator, key: str | None) -> None:
        """Attach the entity to the TV; `key` (None for the TV itself) makes the unique id."""
        super().__init__(coordinator)
        entry = coordinator.config_entry
        tv_id = entry.unique_id or entry.entry_id
        self._attr_unique_id = tv_id if key is None else f"{tv_id}_{key}"
        info = coordinator.client.info
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, tv_id)},
            connections={(CONNECTION_NETWORK_MAC, coordinator.mac)} if coordinator.mac else set(),
            manufacturer=MANUFACTURER,
            model=info.model_name if info else None,
            sw_version=info.software_version if info else None,
            name=entry.title,
        )
