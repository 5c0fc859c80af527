"""The hour's spent requests, kept in Home Assistant's storage so reloads and restarts keep them.

Without it every reload (a reauth, an options change) or restart would start a fresh hour, and a
restart loop could send LG far more than it allows. Times are stored as wall-clock seconds, which
is what survives a restart; the budget turns them back into its own clock.
"""

from collections.abc import Callable
import math
from typing import TypedDict

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store

from .api import RequestBudget
from .const import DOMAIN

STORAGE_VERSION = 1
# Written a little after the requests rather than after each one; Home Assistant writes what is
# still pending when it stops, and an unload writes at once.
SAVE_DELAY = 10.0


class StoredBudget(TypedDict):
    """What is stored: the wall-clock times of the requests of the last hour."""

    sent: list[float]


def storage_key(entry_id: str) -> str:
    """Return the storage key of an entry's budget."""
    return f"{DOMAIN}.request_budget.{entry_id}"


class BudgetStore:
    """Loads an entry's budget when it is set up and saves it as requests are spent."""

    def __init__(self, hass: HomeAssistant, entry_id: str, budget: RequestBudget) -> None:
        """Tie the budget of an entry to its storage."""
        self._budget = budget
        self._store: Store[StoredBudget] = Store(hass, STORAGE_VERSION, storage_key(entry_id))

    async def async_load(self) -> None:
        """Count the requests an earlier setup of the entry sent within the hour; ignore what is unreadable."""
        stored = await self._store.async_load()
        sent = stored.get("sent") if isinstance(stored, dict) else None
        if isinstance(sent, list):
            self._budget.restore(
                float(when)
                for when in sent
                if isinstance(when, int | float) and not isinstance(when, bool) and math.isfinite(when)
            )

    @callback
    def async_start(self) -> Callable[[], None]:
        """Save shortly after each request; return the function that stops it."""
        return self._budget.add_listener(lambda: self._store.async_delay_save(self._stored, SAVE_DELAY))

    async def async_save(self) -> None:
        """Save now (on unload: the next setup reads it at once)."""
        await self._store.async_save(self._stored())

    def _stored(self) -> StoredBudget:
        return {"sent": self._budget.export()}


async def async_remove_budget(hass: HomeAssistant, entry_id: str) -> None:
    """Delete an entry's stored budget once the entry itself is deleted."""
    await Store[StoredBudget](hass, STORAGE_VERSION, storage_key(entry_id)).async_remove()
