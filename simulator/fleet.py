"""Fleets: the default Korean and English homes, generated fleets for scale tests, and fleet files."""

import copy
from dataclasses import dataclass
import json
from pathlib import Path
from typing import Any
import uuid

import yaml

from .devices import Device, make_device
from .profile import JsonObject, State, find_template, merge_state

# Fixed namespace so a device's id depends only on its fleet and alias (stable across runs).
ID_NAMESPACE = uuid.UUID("6f1c3a52-58d8-4c1e-9a8e-2b7f0c4e9d11")

_TYPES = (
    "air_conditioner",
    "air_conditioner",
    "refrigerator",
    "kimchi_refrigerator",
    "washer",
    "dryer",
    "dish_washer",
    "air_purifier",
    "robot_cleaner",
    "oven",
    "styler",
    "dehumidifier",
)
ALIASES: dict[str, tuple[str, ...]] = {
    "ko": (
        "거실 에어컨",
        "안방 에어컨",
        "냉장고",
        "김치냉장고",
        "세탁기",
        "건조기",
        "식기세척기",
        "공기청정기",
        "로봇청소기",
        "오븐",
        "스타일러",
        "제습기",
    ),
    "en": (
        "Living Room AC",
        "Bedroom AC",
        "Refrigerator",
        "Kimchi Fridge",
        "Washer",
        "Dryer",
        "Dishwasher",
        "Air Purifier",
        "Robot Vacuum",
        "Oven",
        "Styler",
        "Dehumidifier",
    ),
}
# The second AC sits in a cooler bedroom so the two ACs don't look cloned.
_OVERRIDES: dict[int, JsonObject] = {1: {"temperature": {"currentTemperature": 26, "targetTemperature": 25}}}


@dataclass(frozen=True, slots=True)
class DeviceSpec:
    """What a fleet says about one device before it is built."""

    alias: str
    kind: str
    device_id: str | None = None
    model_name: str | None = None
    online: bool = True
    state: Any = None
    profile: JsonObject | None = None


def device_id_for(fleet: str, alias: str) -> str:
    """The stable id of `alias` in `fleet`."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{fleet}/{alias}"))


def build_device(fleet: str, spec: DeviceSpec) -> Device:
    """Make a device from a template (or a full custom profile and state)."""
    if spec.profile is not None:
        if spec.state is None:
            raise ValueError(f"{spec.alias}: a custom profile needs a state")
        device_type, model, profile, state = (
            spec.kind,
            spec.model_name or "SIMULATED",
            spec.profile,
            spec.state,
        )
    else:
        template = find_template(spec.kind)
        device_type, model = template.device_type, spec.model_name or template.model_name
        profile, state = copy.deepcopy(template.profile), copy.deepcopy(template.state)
        if spec.state is not None:
            state = _patch(state, spec.state)
    device = make_device(
        spec.device_id or device_id_for(fleet, spec.alias), spec.alias, device_type, model, profile, state
    )
    device.online = spec.online
    return device


def _patch(state: State, patch: Any) -> State:
    if isinstance(state, list) and isinstance(patch, dict):
        merge_state(state[0], patch)  # a bare object patches the first (often only) location
        return state
    merged: State = merge_state(state, copy.deepcopy(patch))
    return merged


def default_fleet(fleet: str) -> list[Device]:
    """The twelve-device home in Korean (`ko`) or English (`en`)."""
    if fleet not in ALIASES:
        raise ValueError(f"unknown fleet {fleet!r}; use one of {', '.join(ALIASES)}")
    return [
        build_device(fleet, DeviceSpec(alias, kind, state=_OVERRIDES.get(index)))
        for index, (alias, kind) in enumerate(zip(ALIASES[fleet], _TYPES, strict=True))
    ]


def generated_fleet(fleet: str, count: int) -> list[Device]:
    """`count` devices cycling through the twelve types, aliases numbered (`세탁기 3`)."""
    if fleet not in ALIASES:
        raise ValueError(f"unknown fleet {fleet!r}; use one of {', '.join(ALIASES)}")
    if count < 0:
        raise ValueError("the device count must be >= 0")
    names = ALIASES[fleet]
    return [
        build_device(
            fleet,
            DeviceSpec(f"{names[index % len(names)]} {index // len(names) + 1}", _TYPES[index % len(names)]),
        )
        for index in range(count)
    ]


def load_fleet_file(path: Path) -> tuple[str, list[Device]]:
    """Read a JSON or YAML fleet file; returns the fleet name (the id namespace) and the devices."""
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(doc, dict) or not isinstance(doc.get("devices"), list):
        raise TypeError(f"{path}: expected a mapping with a 'devices' list")
    name = str(doc.get("name", path.stem))
    devices = []
    for index, entry in enumerate(doc["devices"]):
        if not isinstance(entry, dict) or "alias" not in entry or "type" not in entry:
            raise ValueError(f"{path}: device {index} needs 'alias' and 'type'")
        spec = DeviceSpec(
            alias=str(entry["alias"]),
            kind=str(entry["type"]),
            device_id=entry.get("id"),
            model_name=entry.get("model"),
            online=bool(entry.get("online", True)),
            state=entry.get("state"),
            profile=entry.get("profile"),
        )
        try:
            devices.append(build_device(name, spec))
        except KeyError as err:
            raise ValueError(f"{path}: device {index}: {err.args[0]}") from err
    ids = [device.device_id for device in devices]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: device ids (or aliases) must be unique")
    return name, devices
