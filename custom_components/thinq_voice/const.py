"""Constants for ThinQ Voice."""

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "thinq_voice"
LOGGER = logging.getLogger(__package__)

CONF_CLIENT_ID: Final = "client_id"
CONF_BASE_URL: Final = "base_url"
CONF_ADVANCED: Final = "advanced"
CONF_REFRESH_INTERVAL: Final = "refresh_interval"
CONF_INCLUDED_DEVICES: Final = "included_devices"
CONF_EXCLUDED_DEVICES: Final = "excluded_devices"

# Prefix of the one client id each config entry keeps for life: LG blocks accounts whose
# callers keep inventing new client ids.
CLIENT_ID_PREFIX: Final = "thinq-voice"

# LG publishes no rate limit; 10 s polling got accounts blocked (pythinqconnect#10).
# Three minutes keeps a 12-appliance home at about 250 state reads an hour.
DEFAULT_REFRESH_INTERVAL: Final = timedelta(minutes=3)
MIN_REFRESH_INTERVAL: Final = timedelta(seconds=30)
MAX_REFRESH_INTERVAL: Final = timedelta(hours=1)
# New and removed appliances show up in the device list; it changes rarely and LG asks
# callers not to read it on every poll.
DEVICE_LIST_INTERVAL: Final = timedelta(hours=1)
# LG reports the effect of a control a few seconds later; one read after this delay
# confirms it without polling the device in a loop.
CONFIRM_DELAY: Final = timedelta(seconds=2)
CONF_FALLBACK_AGENT: Final = "fallback_agent"
# Sentences the agent does not understand go to Home Assistant's own agent unless the user
# picks another one, or none.
DEFAULT_FALLBACK_AGENT: Final = "conversation.home_assistant"
NO_FALLBACK_AGENT: Final = "none"
# Appliance kinds (voice DeviceType values) whose start the agent confirms first ("정말 시작할까요?").
CONF_CONFIRM_START: Final = "confirm_start"
# Fired when a scheduled action ran (or failed): automations can follow up on it.
EVENT_SCHEDULED_ACTION: Final = "thinq_voice_scheduled_action"
# Fired when something happens to an appliance (a cycle ends, a door opens, LG sends a code):
# device triggers, commands for "when …" and announcements follow it.
EVENT_APPLIANCE: Final = "thinq_voice_appliance_event"
# Announcements (options): which appliances are announced, where else to send them, and when not.
CONF_ANNOUNCE_DEVICES: Final = "announce_devices"
CONF_NOTIFY_TARGET: Final = "notify_target"
CONF_QUIET_START: Final = "quiet_start"
CONF_QUIET_END: Final = "quiet_end"
CONF_ANNOUNCEMENTS: Final = "announcements"
CONFIRMABLE_TYPES: Final = ("washer", "dryer", "dish_washer", "styler", "oven", "robot_cleaner")

# TV entries (LG webOS over the LAN): the key the TV gave at pairing, and its MAC for Wake-on-LAN.
CONF_CLIENT_KEY: Final = "client_key"
CONF_MAC: Final = "mac"
# While the TV is unreachable (usually: it is off), try again this often at most.
TV_RECONNECT_INTERVAL: Final = timedelta(seconds=10)
