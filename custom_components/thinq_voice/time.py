"""Times: an appliance's start and stop timers set to a clock time (an AC's start at 13:14)."""

from datetime import time
from typing import override

from homeassistant.components.time import TimeEntity
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoiceEntity, async_add_appliance_entities, number_value
from .properties import naming

PARALLEL_UPDATES = 1

TIMER = "timer"
# LG's flag beside a timer's hour and minute; UNSET means no timer, whatever the hour says.
UNSET = "UNSET"
# Which timer: the part of LG's property names (`absoluteHourToStart`) and our translation key.
WHICH = {"Start": "start_time", "Stop": "stop_time"}


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a time entity for every clock-time timer the profile lets us set."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceTime]:
        profile = appliance.profile
        return [
            ThinQVoiceTime(coordinator, appliance, which, location)
            for location in (None, *profile.locations)
            for which in WHICH
            if (spec := profile.get(TIMER, f"absoluteHourTo{which}", location)) is not None and spec.writable
        ]

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceTime(ThinQVoiceEntity, TimeEntity):
    """A start or stop timer at a clock time; unknown while no such timer is set."""

    def __init__(
        self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, which: str, location: str | None
    ) -> None:
        """Attach the entity to the timer's hour and minute."""
        key = f"{TIMER}_absolute_{which.lower()}" + (f"_{location}" if location else "")
        super().__init__(coordinator, appliance.info.device_id, key)
        self._which = which
        self._location = location
        named = naming(appliance.profile, WHICH[which], location)
        self._attr_translation_key = named.translation_key
        self._attr_translation_placeholders = named.placeholders
        minute = appliance.profile.get(TIMER, f"absoluteMinuteTo{which}", location)
        self._minute_writable = minute is not None and minute.writable

    @property
    @override
    def native_value(self) -> time | None:
        """Return the timer's clock time."""
        if self.state_value(TIMER, f"absolute{self._which}Timer", self._location) == UNSET:
            return None
        hour = number_value(self.state_value(TIMER, f"absoluteHourTo{self._which}", self._location))
        minute = number_value(self.state_value(TIMER, f"absoluteMinuteTo{self._which}", self._location))
        if hour is None or not 0 <= hour < 24:
            return None
        return time(int(hour), int(minute or 0) % 60)

    @override
    async def async_set_value(self, value: time) -> None:
        """Set the timer: hour and minute in one body, as LG's SDK sends them."""
        together = {(TIMER, f"absoluteMinuteTo{self._which}"): value.minute} if self._minute_writable else {}
        await self.async_send(
            TIMER, f"absoluteHourTo{self._which}", value.hour, self._location, together=together
        )
