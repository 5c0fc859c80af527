"""What diagnostics show of a TV entry (redacted by the caller, as every entry's are)."""

from typing import Any

from .coordinator import TvConfigEntry


def tv_diagnostics(entry: TvConfigEntry) -> dict[str, Any]:
    """Return the entry, the connection, what the TV is and its state."""
    client = entry.runtime_data.client
    state = client.state
    return {
        "entry": {"data": dict(entry.data), "options": dict(entry.options)},
        "connected": client.connected,
        "model_name": client.info.model_name if client.info else None,
        "software_version": client.info.software_version if client.info else None,
        "state": {
            "power": state.power,
            "volume": state.volume,
            "muted": state.muted,
            "app_id": state.app_id,
            "channel": state.channel.number if state.channel else None,
            "apps": len(state.apps),
            "inputs": list(state.inputs),
        },
    }
