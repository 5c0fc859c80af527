"""The two kinds of config entry: a ThinQ Connect account, or an LG webOS TV on the LAN.

Both share the integration's domain (HACS allows one integration per repository). This module is
the only one that knows how to tell them apart; everything else asks it for the runtime it needs.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeIs

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import CONF_HOST, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from .const import DOMAIN
from .coordinator import ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .tv.coordinator import TvConfigEntry, TvCoordinator

# Each entry is either kind.
type AnyConfigEntry = ThinQVoiceConfigEntry | TvConfigEntry


@dataclass(frozen=True, slots=True)
class EntryKind[EntryT: AnyConfigEntry]:
    """What Home Assistant's entry hooks do for one kind of entry."""

    platforms: list[Platform]
    # Sets the entry's runtime_data.
    async_setup: Callable[[HomeAssistant, EntryT], Awaitable[None]]
    # Whether the user may delete one of the entry's devices.
    may_remove_device: Callable[[EntryT, dr.DeviceEntry], bool]
    # Deletes what the entry kept for later; None where it keeps nothing.
    async_remove: Callable[[HomeAssistant, EntryT], Awaitable[None]] | None = None


def is_tv_entry(entry: ConfigEntry[Any]) -> TypeIs[TvConfigEntry]:
    """Return whether an entry is a TV on the LAN: only a TV has an address.

    Read from the entry's data, so it holds before set-up and after removal too.
    """
    return CONF_HOST in entry.data


def account_runtime(entry: ConfigEntry[Any] | None) -> ThinQVoiceCoordinator | None:
    """Return the coordinator of a loaded ThinQ Voice account entry; None for anything else."""
    if entry is None or not _is_loaded(entry) or is_tv_entry(entry):
        return None
    runtime: ThinQVoiceCoordinator = entry.runtime_data
    return runtime


def tv_runtime(entry: ConfigEntry[Any] | None) -> TvCoordinator | None:
    """Return the coordinator of a loaded ThinQ Voice TV entry; None for anything else."""
    if entry is None or not _is_loaded(entry) or not is_tv_entry(entry):
        return None
    return entry.runtime_data


def loaded_account_entries(hass: HomeAssistant) -> list[ThinQVoiceConfigEntry]:
    """Return the loaded account entries."""
    return [entry for entry in hass.config_entries.async_loaded_entries(DOMAIN) if not is_tv_entry(entry)]


def account_runtimes(hass: HomeAssistant) -> list[ThinQVoiceCoordinator]:
    """Return the coordinators of the loaded accounts."""
    return [entry.runtime_data for entry in loaded_account_entries(hass)]


def account_with_appliance(hass: HomeAssistant, thinq_device_id: str | None) -> ThinQVoiceCoordinator | None:
    """Return the coordinator of the loaded account that has the appliance with LG's id, or None."""
    return next(
        (coordinator for coordinator in account_runtimes(hass) if thinq_device_id in coordinator.data),
        None,
    )


def _is_loaded(entry: ConfigEntry[Any]) -> bool:
    return entry.domain == DOMAIN and entry.state is ConfigEntryState.LOADED
