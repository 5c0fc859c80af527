"""Fleets: defaults, generated, from files."""

import json
from pathlib import Path

import pytest

from simulator import Simulator
from simulator.fleet import ALIASES, device_id_for

KO = [
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
]


def test_korean_fleet_has_stable_ids() -> None:
    first, second = Simulator(fleet="ko", speed=0), Simulator(fleet="ko", speed=0)
    assert [first.device(i).alias for i in first.device_ids] == KO
    assert first.device_ids == second.device_ids
    assert first.device_ids[4] == device_id_for("ko", "세탁기")
    assert set(first.device_ids).isdisjoint(Simulator(fleet="en", speed=0).device_ids)


@pytest.mark.parametrize("fleet", ["ko", "en"])
def test_laundry_starts_with_remote_control_enabled(fleet: str) -> None:
    sim = Simulator(fleet=fleet, speed=0)
    for index in (4, 5, 6, 10):
        device = sim.device(sim.device_ids[index])
        assert device.part()["remoteControlEnable"]["remoteControlEnabled"] is True, device.alias
        assert device.online


def test_unknown_fleet() -> None:
    with pytest.raises(ValueError):
        Simulator(fleet="fr")
    with pytest.raises(ValueError):
        Simulator(fleet="fr", devices=3)
    with pytest.raises(ValueError):
        Simulator(devices=-1)


def test_generated_fleet() -> None:
    sim = Simulator(fleet="ko", devices=30, speed=0)
    assert len(sim.device_ids) == 30
    aliases = [sim.device(i).alias for i in sim.device_ids]
    assert aliases[0] == "거실 에어컨 1"
    assert aliases[12] == "거실 에어컨 2"
    assert aliases[29] == "건조기 3"
    assert len(set(sim.device_ids)) == 30
    assert sim.device_ids == Simulator(fleet="ko", devices=30, speed=0).device_ids
    assert {sim.device(i).device_type for i in sim.device_ids} >= {"DEVICE_WASHER", "DEVICE_OVEN"}


def test_yaml_fleet_file(tmp_path: Path) -> None:
    path = tmp_path / "home.yaml"
    path.write_text(
        """
name: test-home
devices:
  - alias: Kitchen Fridge
    type: refrigerator
  - alias: Laundry
    type: DEVICE_WASHER
    id: washer-1
    model: F21VDSK
    state:
      remoteControlEnable: {remoteControlEnabled: false}
  - alias: Garage Purifier
    type: air_purifier
    online: false
""",
        encoding="utf-8",
    )
    sim = Simulator(fleet_file=path, speed=0)
    assert sim.fleet == "test-home"
    assert sim.device_ids[0] == device_id_for("test-home", "Kitchen Fridge")
    washer = sim.device("washer-1")
    assert washer.model_name == "F21VDSK"
    assert washer.part()["remoteControlEnable"]["remoteControlEnabled"] is False
    assert not sim.find("Garage Purifier").online


def test_json_fleet_file_with_custom_device(tmp_path: Path) -> None:
    path = tmp_path / "fleet.json"
    doc = {
        "devices": [
            {
                "alias": "Oven",
                "type": "oven",
                "state": [
                    {
                        "location": {"locationName": "UPPER"},
                        "remoteControlEnable": {"remoteControlEnabled": False},
                    }
                ],
            },
            {"alias": "Cellar", "type": "DEVICE_WINE_CELLAR", "profile": {"property": {}}, "state": {}},
        ]
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    sim = Simulator(fleet_file=str(path), speed=0)
    assert sim.fleet == "fleet"
    oven = sim.find("Oven")
    assert oven.part("UPPER")["remoteControlEnable"]["remoteControlEnabled"] is False
    assert oven.part("LOWER")["remoteControlEnable"]["remoteControlEnabled"] is True
    assert sim.find("Cellar").model_name == "SIMULATED"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("[]", TypeError),
        ("devices: 3", TypeError),
        ("devices: [{alias: x}]", ValueError),
        ("devices: [{alias: x, type: toaster}]", ValueError),
        ("devices: [{alias: x, type: washer}, {alias: x, type: washer}]", ValueError),
        ("devices: [{alias: x, type: DEVICE_HOOD, profile: {property: {}}}]", ValueError),
    ],
)
def test_bad_fleet_files(tmp_path: Path, content: str, error: type[Exception]) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error):
        Simulator(fleet_file=path)


def test_aliases_contract() -> None:
    assert list(ALIASES["ko"]) == KO
