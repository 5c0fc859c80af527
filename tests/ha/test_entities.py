"""Every simulator appliance and every shared fixture payload becomes translated entities."""

from collections import Counter
import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator

TRANSLATIONS = Path(__file__).parents[2] / "custom_components" / DOMAIN / "translations"
ICONS = Path(__file__).parents[2] / "custom_components" / DOMAIN / "icons.json"
# Attributes whose values are translated states, by platform.
STATE_ATTRIBUTES = {
    "climate": {"fan_mode": "fan_modes", "preset_mode": "preset_modes", "swing_mode": "swing_modes"},
    "fan": {"preset_mode": "preset_modes"},
    "humidifier": {"mode": "available_modes"},
    "event": {"event_type": "event_types"},
}
# Entities named after their device (the appliance's main feature).
DEVICE_NAMED = {"climate", "fan", "humidifier", "vacuum", "water_heater"}


async def _load(hass: HomeAssistant, entry: MockConfigEntry) -> list[er.RegistryEntry]:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    # The voice agent belongs to the account, not to an appliance; its own tests cover it.
    return [
        entity
        for entity in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
        if entity.domain != "conversation"
    ]


def _describe(hass: HomeAssistant, entity: er.RegistryEntry) -> dict[str, Any]:
    state = hass.states.get(entity.entity_id)
    assert state is not None
    attributes = {
        key: value
        for key, value in state.attributes.items()
        if key
        in {
            "options",
            "event_types",
            "hvac_modes",
            "fan_modes",
            "preset_modes",
            "swing_modes",
            "swing_horizontal_modes",
            "available_modes",
            "min_temp",
            "max_temp",
            "target_temp_step",
            "min",
            "max",
            "step",
            "min_humidity",
            "max_humidity",
            "operation_list",
            "supported_features",
            "device_class",
            "unit_of_measurement",
            "state_class",
        }
    }
    return {
        "unique_id": entity.unique_id,
        "translation_key": entity.translation_key,
        "entity_category": entity.entity_category,
        "enabled": entity.disabled_by is None,
        "attributes": attributes,
    }


@pytest.mark.parametrize("fleet", ["ko", "en"])
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_every_appliance_type(
    hass: HomeAssistant,
    simulator: Simulator,
    add_fixture_devices: list[str],
    config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
    fleet: str,
) -> None:
    """Each device type's entities (ids, translation keys, classes, options) match the snapshot."""
    entities = await _load(hass, config_entry)
    devices = [
        device
        for device in dr.async_entries_for_config_entry(dr.async_get(hass), config_entry.entry_id)
        if any(identifier[1] in simulator.device_ids for identifier in device.identifiers)
    ]
    assert len(devices) == len(simulator.device_ids)
    for device in devices:
        assert device.manufacturer == "LG Electronics"
    by_device: dict[str, list[dict[str, Any]]] = {}
    names = {device.id: device.name for device in devices}
    for entity in sorted(entities, key=lambda e: e.unique_id):
        by_device.setdefault(str(names[entity.device_id]), []).append(_describe(hass, entity))
    assert by_device == snapshot
    assert all(hass.states.get(e.entity_id).state != "unavailable" for e in entities)  # type: ignore[union-attr]


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_every_entity_is_translated(
    hass: HomeAssistant, simulator: Simulator, add_fixture_devices: list[str], config_entry: MockConfigEntry
) -> None:
    """Every entity's name, enum state and state attribute has English and Korean text and an icon."""
    entities = await _load(hass, config_entry)
    icons = json.loads(ICONS.read_text(encoding="utf-8"))["entity"]
    for language in ("en", "ko"):
        strings = json.loads((TRANSLATIONS / f"{language}.json").read_text(encoding="utf-8"))["entity"]
        for entity in entities:
            platform, key = entity.domain, entity.translation_key
            assert key is not None, entity.entity_id
            text = strings[platform][key]
            if platform not in DEVICE_NAMED:
                assert text["name"], (language, platform, key)
                assert key in icons.get(platform, {}) or platform in {"sensor", "binary_sensor"}, key
            state = hass.states.get(entity.entity_id)
            assert state is not None
            if platform in {"sensor", "select"} and (options := state.attributes.get("options")):
                assert set(options) <= set(text["state"]), (language, key, set(options) - set(text["state"]))
            for attribute, values in STATE_ATTRIBUTES.get(platform, {}).items():
                listed = state.attributes.get(values) or []
                if listed:
                    known = set(text["state_attributes"][attribute]["state"])
                    assert set(listed) <= known, (language, key, attribute, set(listed) - known)


@pytest.mark.usefixtures("init_integration")
async def test_default_home_entity_counts(hass: HomeAssistant, config_entry: MockConfigEntry) -> None:
    """The twelve-appliance home: one device each, the specialised platforms where they belong."""
    entities = er.async_entries_for_config_entry(er.async_get(hass), config_entry.entry_id)
    platforms = Counter(entity.domain for entity in entities)
    assert platforms["climate"] == 2
    assert platforms["vacuum"] == 1
    assert platforms["humidifier"] == 1
    assert platforms["fan"] == 1
    assert platforms["event"] == 12
    # Disabled by default: the entities most users never look at.
    assert any(entity.disabled_by is er.RegistryEntryDisabler.INTEGRATION for entity in entities)
