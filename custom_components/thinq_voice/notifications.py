"""Appliance notifications: LG's push codes, and the ones a change of run state stands for.

They reach the event entities, device triggers and announcements through one dispatcher signal
per entry, whether LG pushed the code or a read (or pushed report) showed the run end or fail.
"""

from .api.models import DeviceProfile, DeviceState
from .const import DOMAIN
from .properties import COMPLETE_STATES, ERROR_STATES, RUN_STATE

# Generic notifications for appliances whose profile names no push code for an ending or error.
RUN_COMPLETE = "run_complete"
RUN_ERROR = "run_error"


def signal_notification(entry_id: str) -> str:
    """Return the dispatcher signal carrying an entry's appliance notifications."""
    return f"{DOMAIN}_{entry_id}_notification"


def completion_code(profile: DeviceProfile) -> str:
    """Return the push code LG sends when a run ends, or the generic one."""
    for code in profile.push_codes:
        if code.endswith(("_IS_COMPLETE", "_IS_COMPLETED")) and not code.startswith(
            ("PREHEATING", "TIMER", "CHARGING", "FROZEN")
        ):
            return code
    return RUN_COMPLETE


def error_code(profile: DeviceProfile) -> str:
    """Return the push code LG sends when a run fails, or the generic one."""
    for code in profile.push_codes:
        if "ERROR" in code or code.endswith("_FAILED"):
            return code
    return RUN_ERROR


def derived_notifications(
    profile: DeviceProfile, before: DeviceState | None, after: DeviceState
) -> list[tuple[str, str | None]]:
    """Return the (push code, location) notifications a change of run state stands for."""
    if before is None:
        return []
    found: list[tuple[str, str | None]] = []
    for key, value in after.values.items():
        if (key.resource, key.name) != RUN_STATE:
            continue
        previous = before.values.get(key)
        if previous is None or previous == value:
            continue
        if value in COMPLETE_STATES and previous not in COMPLETE_STATES:
            found.append((completion_code(profile), key.location))
        elif value in ERROR_STATES:
            found.append((error_code(profile), key.location))
    return found
