"""What LG told about each appliance, kept in Home Assistant's storage so a restart need not ask again.

Profiles (as LG sent them, read again with today's parser) and energy profiles change only when
the appliance does: they are kept until LG's device list shows another model or type, LG
announces the appliance registered again, or they grow old (then they are read again in the
background). The last known state of each appliance is kept too: after a restart the entities show
it until a read or the appliance's first pushed report replaces it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .api import DeviceInfo, DeviceProfile, DeviceState, JsonValue, PropertyKey, ThinQInvalidResponseError
from .const import DOMAIN, LOGGER

STORAGE_VERSION = 1
# States change all the time: written a little after the last change (and when HA stops).
SAVE_DELAY = 15.0
# Firmware updates can change a profile without LG's device list saying so: read again this often.
PROFILE_MAX_AGE = timedelta(days=7)


# The stored form: each part ("profiles", "energy", "states") by LG device id.
type StoredDevices = dict[str, dict[str, Any]]
_PARTS = ("devices", "profiles", "energy", "states")


@dataclass(frozen=True, slots=True)
class RestoredState:
    """An appliance's last known state from before the restart."""

    state: DeviceState
    online: bool
    updated_at: datetime | None


def storage_key(entry_id: str) -> str:
    """Return the storage key of an entry's appliance cache."""
    return f"{DOMAIN}.devices.{entry_id}"


def _model(info: DeviceInfo) -> list[str | None]:
    return [info.device_type, info.model_name]


class DeviceCache:
    """An entry's kept profiles, energy profiles and last states."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Tie the cache to the entry's storage; `async_load` reads it."""
        self._store: Store[StoredDevices] = Store(hass, STORAGE_VERSION, storage_key(entry_id))
        self._data: StoredDevices = {part: {} for part in _PARTS}

    async def async_load(self) -> None:
        """Read what an earlier run kept; what is unreadable is left out (and asked of LG again)."""
        stored = await self._store.async_load()
        if isinstance(stored, dict):
            for part in _PARTS:
                if isinstance(value := stored.get(part), dict):
                    self._data[part] = value

    def schedule_save(self) -> None:
        """Save a little later (Home Assistant writes what is pending when it stops)."""
        self._store.async_delay_save(lambda: self._data, SAVE_DELAY)

    async def async_save(self) -> None:
        """Save now (on unload: the next setup reads it at once)."""
        await self._store.async_save(self._data)

    async def async_remove(self) -> None:
        """Delete the stored cache (the entry is deleted)."""
        await self._store.async_remove()

    # The device list

    def devices(self) -> dict[str, DeviceInfo]:
        """Return the account's appliances as LG's device list last named them (empty: never read)."""
        found: dict[str, DeviceInfo] = {}
        for entry in self._data["devices"].values():
            try:
                info = DeviceInfo.from_json(entry)
            except ThinQInvalidResponseError:
                continue
            found[info.device_id] = info
        return found

    def keep_devices(self, devices: dict[str, DeviceInfo]) -> None:
        """Keep LG's device list, in LG's own shape."""
        self._data["devices"] = {
            device_id: {
                "deviceId": device_id,
                "deviceInfo": {
                    "deviceType": info.device_type,
                    "modelName": info.model_name,
                    "alias": info.alias,
                    "reportable": info.reportable,
                    "groupId": info.group_id,
                },
            }
            for device_id, info in devices.items()
        }
        self.schedule_save()

    # Profiles

    def profile(self, info: DeviceInfo) -> DeviceProfile | None:
        """Return the kept profile of an appliance, or None when there is none for its model."""
        kept = self._data["profiles"].get(info.device_id)
        if not isinstance(kept, dict) or kept.get("model") != _model(info):
            return None
        try:
            return DeviceProfile.from_json(kept.get("profile"))
        except ThinQInvalidResponseError:
            return None

    def keep_profile(self, info: DeviceInfo, profile: JsonValue) -> None:
        """Keep a profile as LG sent it."""
        self._data["profiles"][info.device_id] = {
            "model": _model(info),
            "profile": profile,
            "read_at": dt_util.utcnow().isoformat(),
        }
        self.schedule_save()

    def same_profile(self, device_id: str, profile: JsonValue) -> bool:
        """Return whether LG's profile is the one kept (and note that it was checked now)."""
        kept = self._data["profiles"].get(device_id)
        if not isinstance(kept, dict) or kept.get("profile") != profile:
            return False
        kept["read_at"] = dt_util.utcnow().isoformat()
        self.schedule_save()
        return True

    def stalest_profile(self, device_ids: set[str]) -> str | None:
        """Return the appliance whose kept profile is older than `PROFILE_MAX_AGE`, the oldest first."""
        due = dt_util.utcnow() - PROFILE_MAX_AGE
        aged = [
            (read_at, device_id)
            for device_id in device_ids
            if (read_at := _time(self._data["profiles"].get(device_id, {}).get("read_at"))) is None
            or read_at <= due
        ]
        return min(aged, key=lambda item: (item[0] is not None, item[0]))[1] if aged else None

    # Energy profiles

    def energy(self, device_id: str) -> tuple[bool, str | None]:
        """Return (known, metered property) of an appliance's energy profile."""
        kept = self._data["energy"].get(device_id)
        if not isinstance(kept, dict) or "property" not in kept:
            return False, None
        prop = kept["property"]
        return True, prop if isinstance(prop, str) else None

    def keep_energy(self, device_id: str, prop: str | None) -> None:
        """Keep which property LG meters an appliance by (None: it does not meter it)."""
        self._data["energy"][device_id] = {"property": prop}
        self.schedule_save()

    # States

    def state(self, device_id: str) -> RestoredState | None:
        """Return an appliance's last known state, or None when none was kept (or it is unreadable)."""
        kept = self._data["states"].get(device_id)
        if not isinstance(kept, dict) or not isinstance(values := kept.get("values"), list):
            return None
        state: dict[PropertyKey, JsonValue] = {}
        for item in values:
            if not (isinstance(item, list) and len(item) == 5 and _key_parts(item[:4])):
                return None
            state[PropertyKey(item[0], item[1], item[2], item[3])] = item[4]
        return RestoredState(
            DeviceState(state), kept.get("online") is not False, _time(kept.get("updated_at"))
        )

    def keep_state(
        self, device_id: str, state: DeviceState, online: bool, updated_at: datetime | None
    ) -> None:
        """Keep an appliance's latest state."""
        self._data["states"][device_id] = {
            "values": [
                [key.resource, key.name, key.location, key.unit, value] for key, value in state.values.items()
            ],
            "online": online,
            "updated_at": updated_at.isoformat() if updated_at else None,
        }
        self.schedule_save()

    def forget(self, device_id: str, *, state: bool = True) -> None:
        """Forget what is kept of an appliance (it left, or LG registered it again)."""
        LOGGER.debug("Forgetting the kept profiles of %s", device_id)
        for part in ("devices", "profiles", "energy", *(("states",) if state else ())):
            self._data[part].pop(device_id, None)
        self.schedule_save()

    def forget_others(self, device_ids: set[str]) -> None:
        """Forget the appliances no longer on the account."""
        gone = {device_id for part in self._data.values() for device_id in part} - device_ids
        for device_id in gone:
            self.forget(device_id)


def _key_parts(parts: list[Any]) -> bool:
    """Return whether stored parts make a property key: resource and name, then location and unit or None."""
    return all(isinstance(part, str) for part in parts[:2]) and all(
        part is None or isinstance(part, str) for part in parts[2:]
    )


def _time(text: object) -> datetime | None:
    return dt_util.parse_datetime(text) if isinstance(text, str) else None
