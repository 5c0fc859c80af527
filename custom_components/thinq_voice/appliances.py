"""The account's appliances: LG's device list, each appliance's profile (kept in storage), HA's devices.

A profile is asked of LG once per appliance and model: after that it comes from the cache
(device_cache.py), so a restart sets every appliance up again with one request, the device list.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .api import DeviceInfo, DeviceProfile, DeviceState, Priority, PropertyKey, ThinQConnectClient, ThinQError
from .const import CONF_EXCLUDED_DEVICES, DEVICE_LIST_INTERVAL, DOMAIN, LOGGER
from .device_cache import DeviceCache

# Where the agent keeps the actions that wait for a time or an appliance's event (agent/schedule.py
# and agent/when.py name their stores `thinq_voice.<entry>.<kind>`).
ACTION_STORE_KINDS = ("schedules", "when")
_ACTION_STORE_VERSION = 1


@dataclass(slots=True)
class Appliance:
    """One appliance: what the account says of it, its profile and its last known state."""

    info: DeviceInfo
    profile: DeviceProfile
    state: DeviceState | None = None
    online: bool = True
    updated_at: datetime | None = None
    # The state before the latest read, so entities can tell what changed (run ended, door opened).
    previous_state: DeviceState | None = field(default=None, repr=False)
    # When LG stamped the last pushed value of each property, so a late message changes nothing newer.
    report_times: dict[PropertyKey, str] = field(default_factory=dict, repr=False)
    # The state is the one kept from before a restart: shown, but no command is skipped for it.
    restored: bool = False


class ApplianceCatalog:
    """Which appliances the account has and what each can do, read from LG as rarely as possible."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry[Any], client: ThinQConnectClient, cache: DeviceCache
    ) -> None:
        """Start knowing nothing; the coordinator's refreshes fill it in."""
        self._hass = hass
        self._entry = entry
        self._client = client
        self.cache = cache
        self.known_devices: dict[str, DeviceInfo] = {}
        self.profiles: dict[str, DeviceProfile] = {}
        self._list_read_at: datetime | None = None

    @property
    def excluded_devices(self) -> set[str]:
        """Return the ids of the appliances the user left out in the options."""
        return set(self._entry.options.get(CONF_EXCLUDED_DEVICES, []))

    @property
    def list_due(self) -> bool:
        """Return whether the device list is to be read at this refresh."""
        read_at = self._list_read_at
        return read_at is None or dt_util.utcnow() - read_at >= DEVICE_LIST_INTERVAL

    @callback
    def read_list_soon(self) -> None:
        """Read the device list at the next refresh (LG announced an appliance added or removed)."""
        self._list_read_at = None

    async def async_read_device_list(self, priority: Priority) -> set[str]:
        """Read the account's appliances, forget removed ones; return those whose model changed."""
        now = dt_util.utcnow()
        devices = {
            device.device_id: device for device in await self._client.async_get_devices(priority=priority)
        }
        changed = {
            device_id
            for device_id, info in devices.items()
            if (known := self.known_devices.get(device_id)) is not None
            and (known.device_type, known.model_name) != (info.device_type, info.model_name)
        }
        for device_id in (self.profiles.keys() - devices.keys()) | changed:
            self.profiles.pop(device_id, None)
        for device_id in changed:
            self.cache.forget(device_id)
        self.cache.forget_others(set(devices))
        self.cache.keep_devices(devices)
        self.known_devices = devices
        self._list_read_at = now
        self._remove_stale_devices()
        return changed

    def take_kept_list(self) -> bool:
        """Set up from the device list kept by the last run (the budget holds LG's back); False if none.

        The list is read from LG at the next refresh the budget allows.
        """
        self.known_devices = self.cache.devices()
        return bool(self.known_devices)

    @callback
    def forget(self, device_id: str) -> None:
        """Forget an appliance's profiles (LG registered it again: it may be another one now)."""
        self.profiles.pop(device_id, None)
        self.cache.forget(device_id)

    async def async_learn_profiles(self, priority: Priority, has_state: Callable[[str], bool]) -> None:
        """Take the profiles still missing from the cache, else from LG as far as the budget allows.

        An appliance asked of LG costs its profile and, without a kept state, a state read this
        round: a large account needs more than LG allows in an hour, so its appliances join over
        the following refreshes instead of the whole setup failing.
        """
        missing = self.known_devices.keys() - self.profiles.keys() - self.excluded_devices
        for device_id in sorted(missing):
            if (kept := self.cache.profile(self.known_devices[device_id])) is not None:
                self.profiles[device_id] = kept
        for device_id in sorted(missing - self.profiles.keys()):
            reads = sum(1 for known in self.profiles if not has_state(known))
            if self._client.budget.available(priority) < reads + 2:
                if not self.profiles:
                    # Not one appliance fits: setting up waits for the budget instead of showing none.
                    self._client.budget.check(priority, count=2)
                LOGGER.debug(
                    "Postponing %s appliances to stay within the hourly budget",
                    len(missing - self.profiles.keys()),
                )
                return
            info = self.known_devices[device_id]
            raw = await self._client.async_get_device_profile_json(device_id, priority=priority)
            self.profiles[device_id] = DeviceProfile.from_json(raw)
            self.cache.keep_profile(info, raw)

    async def async_check_oldest_profile(self) -> bool:
        """Read the oldest kept profile again (background); return whether LG's differs (set up again)."""
        device_id = self.cache.stalest_profile(set(self.profiles))
        if device_id is None or self._client.budget.available(Priority.BACKGROUND) < 1:
            return False
        try:
            raw = await self._client.async_get_device_profile_json(device_id, priority=Priority.BACKGROUND)
        except ThinQError as err:
            LOGGER.debug("Checking a kept profile failed: %s", err)
            return False
        if self.cache.same_profile(device_id, raw):
            return False
        LOGGER.info("LG changed the profile of an appliance: setting it up again")
        self.cache.keep_profile(self.known_devices[device_id], raw)
        return True

    @callback
    def _remove_stale_devices(self) -> None:
        """Remove devices that left the account or were excluded from this entry.

        The agent's own service device (named by the entry id) stays. A device belongs to one
        config entry since HA 2026.11, so it is removed rather than detached.
        """
        registry = dr.async_get(self._hass)
        keep = (self.known_devices.keys() - self.excluded_devices) | {self._entry.entry_id}
        for device in dr.async_entries_for_config_entry(registry, self._entry.entry_id):
            ids = {identifier[1] for identifier in device.identifiers if identifier[0] == DOMAIN}
            if ids and not ids & keep:
                registry.async_remove_device(device.id)


async def async_waiting_appliances(hass: HomeAssistant, entry_id: str) -> set[str]:
    """Return the LG ids of the appliances that actions kept by the agent wait to act on or for.

    After a restart they are read first: what they do next decides what the agent does.
    """
    found: set[str] = set()
    for kind in ACTION_STORE_KINDS:
        store: Store[dict[str, Any]] = Store(hass, _ACTION_STORE_VERSION, f"{DOMAIN}.{entry_id}.{kind}")
        try:
            stored = await store.async_load()
        except HomeAssistantError:  # a newer agent's format: it is read by the agent alone
            continue
        actions = stored.get("actions") if isinstance(stored, dict) else None
        for action in actions if isinstance(actions, list) else []:
            if isinstance(action, dict):
                found |= {
                    value
                    for key in ("thinq_device_id", "watched")
                    if isinstance(value := action.get(key), str)
                }
    return found
