"""LG-format device profiles: the bundled templates and validation of control bodies against them."""

from dataclasses import dataclass
import functools
import json
import math
from pathlib import Path
from typing import Any

from .errors import ApiError

type JsonObject = dict[str, Any]
type State = JsonObject | list[JsonObject]

PROFILE_DIR = Path(__file__).parent / "profiles"

# Keys inside a control resource that pick *which* value to write rather than being written.
QUALIFIERS = ("locationName", "unit")


@dataclass(frozen=True, slots=True)
class Template:
    """A device type as shipped in `simulator/profiles/<name>.json`."""

    name: str
    device_type: str
    model_name: str
    profile: JsonObject
    state: State


@dataclass(frozen=True, slots=True)
class Write:
    """One validated property write from a control body."""

    location: str | None
    resource: str
    selector: dict[str, str]
    prop: str
    value: Any


@functools.cache
def templates() -> dict[str, Template]:
    """All bundled templates by name (`washer`, `air_conditioner`, ...)."""
    found = {}
    for path in sorted(PROFILE_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = Template(
            path.stem, doc["deviceType"], doc["modelName"], doc["profile"], doc["state"]
        )
    return found


def find_template(kind: str) -> Template:
    """Look a template up by name (`washer`) or LG device type (`DEVICE_WASHER`)."""
    by_name = templates()
    if kind in by_name:
        return by_name[kind]
    for template in by_name.values():
        if template.device_type == kind:
            return template
    raise KeyError(f"unknown device type {kind!r}; known: {', '.join(by_name)}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_value(spec: JsonObject, value: Any, name: str) -> None:
    """Raise 1102 unless `value` is an allowed write for the property `spec`."""
    kind = spec.get("type")
    allowed = spec.get("value", {}).get("w")
    match kind:
        case "enum":
            ok = isinstance(value, str) and isinstance(allowed, list) and value in allowed
        case "boolean":
            ok = isinstance(value, bool) and (allowed is None or value in allowed)
        case "range":
            ok = _is_number(value) and _in_range(allowed, value)
        case "number":
            ok = _is_number(value)
        case "string":
            ok = isinstance(value, str)
        case _:
            ok = False
    if not ok:
        raise ApiError("1102", f"{name}={value!r} is not allowed ({kind} {allowed})")


def _in_range(allowed: JsonObject, value: float) -> bool:
    low, high = allowed["min"], allowed["max"]
    step = allowed.get("step") or 1
    steps = (value - low) / step
    return (
        low <= value <= high
        and math.isclose(steps, round(steps), abs_tol=1e-9)
        and value not in allowed.get("except", [])
    )


def profile_part(profile: JsonObject, location: str | None) -> tuple[str | None, JsonObject]:
    """The property block for `location` and the location actually meant (laundry and ovens have several)."""
    parts = profile["property"]
    if isinstance(parts, dict):
        if location is not None:
            raise ApiError("1102", "this device has no locations")
        return None, parts
    names = [part["location"]["locationName"] for part in parts]
    if location is None:
        if len(parts) > 1:
            raise ApiError("1101", f"location.locationName is required, one of {names}")
        return names[0], parts[0]
    if location not in names:
        raise ApiError("1102", f"unknown location {location!r}, one of {names}")
    return location, parts[names.index(location)]


def _select(items: list[JsonObject], selector: dict[str, str], resource: str) -> JsonObject:
    """The item of a per-compartment (or per-unit) resource list that the selector names."""
    for item in items:
        if isinstance(item.get("locationName"), str) and "locationName" not in selector:
            raise ApiError("1101", f"{resource}.locationName is required")
        if all(
            item.get(key, value) == value for key, value in selector.items() if isinstance(item.get(key), str)
        ):
            return item
    raise ApiError("1102", f"{resource} has no entry for {selector}")


def parse_control(profile: JsonObject, body: Any) -> list[Write]:
    """Validate a control body against the profile and split it into writes."""
    if not isinstance(body, dict) or not body:
        raise ApiError("1101", "the body must be a non-empty JSON object")
    location = None
    if "location" in body:
        location = body["location"].get("locationName") if isinstance(body["location"], dict) else None
        if not isinstance(location, str):
            raise ApiError("1102", "location.locationName must be a string")
    location, part = profile_part(profile, location)
    writes = []
    for resource, values in body.items():
        if resource == "location":
            continue
        spec = part.get(resource)
        if spec is None:
            raise ApiError("2207", f"unknown resource {resource!r}")
        if not isinstance(values, dict) or not values:
            raise ApiError("1102", f"{resource} must be a non-empty object")
        selector = {key: values[key] for key in QUALIFIERS if key in values}
        if isinstance(spec, list):
            spec = _select(spec, selector, resource)
        elif "unit" in selector and selector["unit"] not in spec.get("unit", {}).get("value", {}).get(
            "r", []
        ):
            raise ApiError("1102", f"{resource}.unit {selector['unit']!r} is not supported")
        props = {key: value for key, value in values.items() if key not in QUALIFIERS}
        if not props:
            raise ApiError("1101", f"nothing to set in {resource}")
        for prop, value in props.items():
            prop_spec = spec.get(prop)
            if not isinstance(prop_spec, dict) or "w" not in prop_spec.get("mode", []):
                raise ApiError("2207", f"{resource}.{prop} is not writable")
            check_value(prop_spec, value, f"{resource}.{prop}")
            writes.append(Write(location, resource, selector, prop, value))
    return writes


def _item_key(item: Any) -> Any:
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("location"), dict):
        return ("location", item["location"].get("locationName"))
    return (item.get("locationName"), item.get("unit"))


def diff_state(old: Any, new: Any) -> Any:
    """The part of `new` that differs from `old`, shaped like LG's partial `report`; None if equal."""
    if isinstance(old, dict) and isinstance(new, dict):
        changed = {}
        for key, value in new.items():
            delta = diff_state(old.get(key), value) if key in old else value
            if delta is not None:
                changed[key] = delta
        return changed or None
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        previous = {_item_key(item): item for item in old}
        report = []
        for item in new:
            delta = diff_state(previous.get(_item_key(item)), item)
            if delta is None:
                continue
            if isinstance(item.get("location"), dict):
                report.append({"location": item["location"], **delta})
            else:
                report.append(item)
        return report or None
    return None if old == new else new


def merge_state(state: Any, patch: Any) -> Any:
    """Deep-merge an LG-shaped partial state into `state`; location-keyed list items merge by key."""
    if isinstance(state, dict) and isinstance(patch, dict):
        for key, value in patch.items():
            state[key] = merge_state(state[key], value) if key in state else value
        return state
    if isinstance(state, list) and isinstance(patch, list):
        by_key = {_item_key(item): item for item in state}
        for item in patch:
            key = _item_key(item)
            if key in by_key and key != (None, None):
                merge_state(by_key[key], item)
            else:
                state.append(item)
        return state
    return patch
