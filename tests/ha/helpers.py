"""Helpers for tests that act on the simulator's appliances through Home Assistant actions."""

from datetime import timedelta
from typing import Any

from homeassistant.components import conversation
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator


def entity_by_unique_id(hass: HomeAssistant, platform: str, unique_id: str) -> str:
    """Return an entity id by its unique id."""
    found = er.async_get(hass).async_get_entity_id(platform, DOMAIN, unique_id)
    assert found is not None, unique_id
    return found


def entity_id(hass: HomeAssistant, simulator: Simulator, platform: str, alias: str, suffix: str) -> str:
    """Return the entity id of an appliance's entity from its unique id (`<device id>_<suffix>`)."""
    return entity_by_unique_id(hass, platform, f"{simulator.find(alias).device_id}_{suffix}")


def ha_device(hass: HomeAssistant, simulator: Simulator, alias: str) -> dict[str, str]:
    """Return the `device_id` field of an action for an appliance."""
    entry_id = hass.config_entries.async_entries(DOMAIN)[0].entry_id
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, simulator.find(alias).device_id), entry_id
    )
    assert device is not None
    return {"device_id": device.id}


def bodies(simulator: Simulator, device_id: str) -> list[Any]:
    """Return the bodies of the accepted controls sent to a device."""
    return [
        entry.body for entry in simulator.control_log if entry.device_id == device_id and entry.code is None
    ]


def sent(simulator: Simulator, alias: str) -> list[Any]:
    """Return the bodies of the accepted controls sent to an appliance, by its alias."""
    return bodies(simulator, simulator.find(alias).device_id)


async def call(hass: HomeAssistant, domain: str, service: str, target: str, **data: Any) -> None:
    """Call an entity action and wait for it."""
    await hass.services.async_call(domain, service, {ATTR_ENTITY_ID: target, **data}, blocking=True)


async def press(hass: HomeAssistant, simulator: Simulator, alias: str, suffix: str) -> None:
    """Press one of an appliance's buttons and wait for the action."""
    await call(hass, "button", "press", entity_id(hass, simulator, "button", alias, suffix))


AGENT = "conversation.thinq_voice"


async def say(hass: HomeAssistant, text: str, language: str = "ko") -> str:
    """Say a sentence to the agent, let the appliances report back; return the answer."""
    result = await conversation.async_converse(hass, text, None, Context(), language=language, agent_id=AGENT)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])
