"""The set_property and get_energy_usage actions."""

from datetime import date

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import DOMAIN
from simulator import RateLimit, Simulator


def device_field(hass: HomeAssistant, entry: MockConfigEntry, device_id: str) -> dict[str, str]:
    """Return the action's device field for an LG device id."""
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, device_id), entry.entry_id)
    assert device is not None
    return {"device_id": device.id}


async def test_set_property(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A raw property change is validated and sent with its location."""
    fridge = simulator.device_ids[2]
    await hass.services.async_call(
        DOMAIN,
        "set_property",
        {
            **device_field(hass, init_integration, fridge),
            "resource": "temperature",
            "property": "targetTemperature",
            "value": -20,
            "location": "FREEZER",
        },
        blocking=True,
    )
    assert simulator.control_log[-1].body == {
        "temperature": {"locationName": "FREEZER", "targetTemperature": -20, "unit": "C"}
    }


async def test_get_energy_usage(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Energy history comes back as a response, one row per day."""
    response = await hass.services.async_call(
        DOMAIN,
        "get_energy_usage",
        {
            **device_field(hass, init_integration, simulator.device_ids[0]),
            "period": "day",
            "start": "2026-11-01",
            "end": "2026-11-03",
        },
        blocking=True,
        return_response=True,
    )
    assert response is not None
    assert response["unit"] == "Wh"
    assert [row["date"] for row in response["usage"]] == ["2026-11-01", "2026-11-02", "2026-11-03"]  # type: ignore[index]
    assert all(row["energy"] > 0 for row in response["usage"])  # type: ignore[index,union-attr]
    monthly = await hass.services.async_call(
        DOMAIN,
        "get_energy_usage",
        {
            **device_field(hass, init_integration, simulator.device_ids[0]),
            "period": "month",
            "start": date(2026, 9, 1),
            "end": date(2026, 10, 1),
        },
        blocking=True,
        return_response=True,
    )
    assert [row["date"] for row in monthly["usage"]] == ["2026-09", "2026-10"]  # type: ignore[index,union-attr]


async def test_energy_errors(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Bad dates, unknown devices, unloaded entries and LG errors are explained."""
    field = device_field(hass, init_integration, simulator.device_ids[0])
    with pytest.raises(ServiceValidationError) as excinfo:
        await hass.services.async_call(
            DOMAIN,
            "get_energy_usage",
            {**field, "period": "day", "start": "2026-11-03", "end": "2026-11-01"},
            blocking=True,
            return_response=True,
        )
    assert excinfo.value.translation_key == "start_after_end"
    with pytest.raises(HomeAssistantError) as excinfo:
        await hass.services.async_call(
            DOMAIN,
            "get_energy_usage",
            {**field, "period": "day", "start": "2026-01-01", "end": "2026-11-01"},
            blocking=True,
            return_response=True,
        )
    assert excinfo.value.translation_key == "too_many_days"
    simulator.faults.rate_limit = RateLimit(0, 3600)
    with pytest.raises(HomeAssistantError) as excinfo:
        await hass.services.async_call(
            DOMAIN,
            "get_energy_usage",
            {**field, "period": "day", "start": "2026-11-01", "end": "2026-11-01"},
            blocking=True,
            return_response=True,
        )
    assert excinfo.value.translation_key == "rate_limited_control"
    with pytest.raises(ServiceValidationError) as excinfo:
        await hass.services.async_call(
            DOMAIN,
            "set_property",
            {"device_id": "nope", "resource": "a", "property": "b", "value": 1},
            blocking=True,
        )
    assert excinfo.value.translation_key == "invalid_device"
    await hass.config_entries.async_unload(init_integration.entry_id)
    with pytest.raises(ServiceValidationError) as excinfo:
        await hass.services.async_call(
            DOMAIN, "set_property", {**field, "resource": "a", "property": "b", "value": 1}, blocking=True
        )
    assert excinfo.value.translation_key == "device_not_loaded"
