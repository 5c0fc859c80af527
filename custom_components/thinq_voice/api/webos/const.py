"""The webOS protocol's figures: ports, timeouts and the SSAP endpoints this client uses."""

from typing import Any, Final

type JsonObject = dict[str, Any]

DEFAULT_PORT: Final = 3000
DEFAULT_SECURE_PORT: Final = 3001
CONNECT_TIMEOUT: Final = 5.0
REQUEST_TIMEOUT: Final = 10.0
# The user has to find the remote and press OK: give them a minute.
PAIRING_TIMEOUT: Final = 60.0
# Channel and app lists of a real TV run into megabytes.
MAX_MESSAGE_SIZE: Final = 8 * 1024 * 1024
RECONNECT_FIRST_DELAY: Final = 1.0
RECONNECT_MAX_DELAY: Final = 10.0

# SSAP endpoints this client uses.
TURN_OFF: Final = "ssap://system/turnOff"
GET_SYSTEM_INFO: Final = "ssap://system/getSystemInfo"
GET_SOFTWARE_INFO: Final = "ssap://com.webos.service.update/getCurrentSWInformation"
GET_POWER_STATE: Final = "ssap://com.webos.service.tvpower/power/getPowerState"
TURN_OFF_SCREEN: Final = "ssap://com.webos.service.tvpower/power/turnOffScreen"
TURN_ON_SCREEN: Final = "ssap://com.webos.service.tvpower/power/turnOnScreen"
GET_VOLUME: Final = "ssap://audio/getVolume"
SET_VOLUME: Final = "ssap://audio/setVolume"
VOLUME_UP: Final = "ssap://audio/volumeUp"
VOLUME_DOWN: Final = "ssap://audio/volumeDown"
SET_MUTE: Final = "ssap://audio/setMute"
LAUNCH: Final = "ssap://com.webos.applicationManager/launch"
LIST_LAUNCH_POINTS: Final = "ssap://com.webos.applicationManager/listLaunchPoints"
GET_FOREGROUND_APP: Final = "ssap://com.webos.applicationManager/getForegroundAppInfo"
GET_INPUTS: Final = "ssap://tv/getExternalInputList"
SWITCH_INPUT: Final = "ssap://tv/switchInput"
OPEN_CHANNEL: Final = "ssap://tv/openChannel"
CHANNEL_UP: Final = "ssap://tv/channelUp"
CHANNEL_DOWN: Final = "ssap://tv/channelDown"
GET_CURRENT_CHANNEL: Final = "ssap://tv/getCurrentChannel"
PLAY: Final = "ssap://media.controls/play"
PAUSE: Final = "ssap://media.controls/pause"
CREATE_TOAST: Final = "ssap://system.notifications/createToast"
