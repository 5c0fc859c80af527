"""Announcements in the appliance's room: "세탁이 끝났어요. 건조기를 돌릴까요?".

For the appliances the user picked in the options, an ending, an error, preheating done and LG's
attention codes (filter, salt, water tank, door…) are said on the assist satellites of the
appliance's area, in the household's language; where no satellite is in that area (or in quiet
hours, when nothing is said aloud) the message goes to the notify entity picked in the options.
A washer that finishes while a dryer stands idle asks whether to start it: the satellite starts a
conversation, and its answer ("응", "아니") comes to the ThinQ Voice agent with the offer left here.
"""

from dataclasses import dataclass
from datetime import time, timedelta
import logging
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .agent.speech import language_code, say
from .agent.when import is_watched
from .appliance_events import ApplianceEventType, RunPhase, code_meaning, run_phases
from .const import (
    CONF_ANNOUNCE_DEVICES,
    CONF_NOTIFY_TARGET,
    CONF_QUIET_END,
    CONF_QUIET_START,
    DOMAIN,
    EVENT_APPLIANCE,
)
from .coordinator import Appliance, ThinQVoiceConfigEntry
from .notifications import RUN_COMPLETE, RUN_ERROR

_LOGGER = logging.getLogger(__name__)

SATELLITE = "assist_satellite"
# How long a question asked on a satellite ("건조기를 돌릴까요?") waits for its answer.
OFFER_LIFETIME = timedelta(minutes=2)
WASHER, DRYER = "DEVICE_WASHER", "DEVICE_DRYER"
# What a finished appliance did, for "세탁이 끝났어요" rather than "세탁기가 끝났어요".
_FINISHED_KEYS = {
    WASHER: "announce_washer_done",
    DRYER: "announce_dryer_done",
    "DEVICE_DISH_WASHER": "announce_dishwasher_done",
    "DEVICE_STYLER": "announce_styler_done",
    "DEVICE_OVEN": "announce_oven_done",
    "DEVICE_ROBOT_CLEANER": "announce_robot_done",
}
OFFERS: HassKey[dict[str, Offer]] = HassKey(f"{DOMAIN}_offers")


@dataclass(frozen=True, slots=True)
class Offer:
    """A question asked on a satellite: start this appliance if the answer is yes."""

    thinq_device_id: str
    name: str
    language: str
    expires: float


@callback
def async_take_offer(hass: HomeAssistant, satellite_id: str | None) -> Offer | None:
    """Return (and forget) the question still open on a satellite, if any."""
    if satellite_id is None:
        return None
    offer = hass.data.get(OFFERS, {}).pop(satellite_id, None)
    if offer is None or offer.expires < hass.loop.time():
        return None
    return offer


def household_language(hass: HomeAssistant) -> str:
    """Return the household's language for what is said unasked: Korean or English."""
    return language_code(hass.config.language)


def in_quiet_hours(now: time, start: time | None, end: time | None) -> bool:
    """Return whether a clock time falls in quiet hours (which may run past midnight)."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end


class Announcer:
    """Says what happens to an account's appliances in their rooms, when the user asked for it."""

    def __init__(self, hass: HomeAssistant, entry: ThinQVoiceConfigEntry) -> None:
        """Announce for one account entry; its options say which appliances, where and when not."""
        self.hass = hass
        self.entry = entry

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow the appliance events; return the function that stops it."""
        return self.hass.bus.async_listen(EVENT_APPLIANCE, self._async_event)

    async def _async_event(self, event: Event[dict[str, Any]]) -> None:
        data = event.data
        options = self.entry.options
        lg_id = str(data.get("thinq_device_id"))
        if lg_id not in options.get(CONF_ANNOUNCE_DEVICES, []):
            return
        appliance = self.entry.runtime_data.data.get(lg_id)
        if appliance is None:
            return
        language = household_language(self.hass)
        message = await self._async_message(appliance, data, language)
        if message is None:
            return
        quiet = in_quiet_hours(
            dt_util.now().time(), _time(options.get(CONF_QUIET_START)), _time(options.get(CONF_QUIET_END))
        )
        satellites = [] if quiet else self._satellites(appliance)
        if not satellites:
            await self._async_notify(message, language)
            return
        # A when-action waiting for this ending ("세탁 끝나면 건조기 돌려줘") has the last word.
        offer = data["type"] == ApplianceEventType.FINISHED and not is_watched(self.hass, lg_id, data["type"])
        dryer = self._idle_dryer(appliance) if offer else None
        for satellite in satellites:
            if dryer is not None and await self._async_ask(satellite, message, dryer, language):
                continue
            await self._async_call(SATELLITE, "announce", {ATTR_ENTITY_ID: satellite, "message": message})

    async def _async_message(self, appliance: Appliance, data: dict[str, Any], language: str) -> str | None:
        """Return what to say about an event, or None when it is not worth saying."""
        name = appliance.info.alias
        match data["type"]:
            case ApplianceEventType.FINISHED:
                return say(
                    language, _FINISHED_KEYS.get(appliance.info.device_type, "announce_done"), device=name
                )
            case ApplianceEventType.ERROR:
                return say(language, "announce_error", device=name)
            case ApplianceEventType.PREHEATED:
                return say(language, "announce_preheated", device=name)
            case ApplianceEventType.NOTIFICATION:
                code = str(data.get("code", "")).upper()
                # Endings, failures and preheating are told by their own events.
                if code in (RUN_COMPLETE.upper(), RUN_ERROR.upper()) or code_meaning(appliance.profile, code):
                    return None
                translations = await async_get_translations(self.hass, language, "entity", [DOMAIN])
                key = f"component.{DOMAIN}.entity.event.notification.state_attributes.event_type.state.{code.lower()}"
                return say(
                    language, "announce_notification", device=name, what=translations.get(key, code.lower())
                )
        return None

    def _satellites(self, appliance: Appliance) -> list[str]:
        """Return the available assist satellites in the appliance's area."""
        devices = dr.async_get(self.hass)
        device = devices.async_get_device_by_identifier(
            (DOMAIN, appliance.info.device_id), self.entry.entry_id
        )
        if device is None or device.area_id is None:
            return []
        found = []
        for entry in er.async_get(self.hass).entities.values():
            if entry.domain != SATELLITE or entry.disabled:
                continue
            satellite_device = devices.async_get(entry.device_id) if entry.device_id else None
            area = entry.area_id or (satellite_device.area_id if satellite_device else None)
            state = self.hass.states.get(entry.entity_id)
            if area == device.area_id and state is not None and state.state != "unavailable":
                found.append(entry.entity_id)
        return found

    def _idle_dryer(self, washer: Appliance) -> Appliance | None:
        """Return the dryer to offer once a wash is done: one that is online and not running."""
        if washer.info.device_type != WASHER:
            return None
        dryers = [
            appliance
            for appliance in self.entry.runtime_data.data.values()
            if appliance.info.device_type == DRYER
            and appliance.online
            and not run_phases(appliance) & {RunPhase.RUNNING, RunPhase.PAUSED, RunPhase.RESERVED}
        ]
        return dryers[0] if len(dryers) == 1 else None

    async def _async_ask(self, satellite: str, message: str, dryer: Appliance, language: str) -> bool:
        """Ask on a satellite whether to start the dryer; False when the satellite cannot ask."""
        question = f"{message} {say(language, 'announce_offer_dryer', device=dryer.info.alias)}"
        offers = self.hass.data.setdefault(OFFERS, {})
        offers[satellite] = Offer(
            dryer.info.device_id,
            dryer.info.alias,
            language,
            self.hass.loop.time() + OFFER_LIFETIME.total_seconds(),
        )
        if await self._async_call(
            SATELLITE, "start_conversation", {ATTR_ENTITY_ID: satellite, "start_message": question}
        ):
            return True
        offers.pop(satellite, None)
        return False

    async def _async_notify(self, message: str, language: str) -> None:
        if target := self.entry.options.get(CONF_NOTIFY_TARGET):
            await self._async_call(
                "notify",
                "send_message",
                {ATTR_ENTITY_ID: target, "message": message, "title": say(language, "announce_title")},
            )

    async def _async_call(self, domain: str, service: str, data: dict[str, Any]) -> bool:
        """Call a service; a satellite that cannot do it (busy, no agent that converses) is logged."""
        try:
            await self.hass.services.async_call(domain, service, data, blocking=True)
        except HomeAssistantError as err:
            _LOGGER.info("Could not %s.%s on %s: %s", domain, service, data.get(ATTR_ENTITY_ID), err)
            return False
        return True


def _time(value: Any) -> time | None:
    return dt_util.parse_time(value) if isinstance(value, str) else None
