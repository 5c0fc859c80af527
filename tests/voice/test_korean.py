"""Korean helpers: final consonants, particle choice for answers, particle stripping."""

import pytest

from custom_components.thinq_voice.voice import has_final_consonant, josa, particle_for
from custom_components.thinq_voice.voice.korean import split_particle


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("에어컨", "을/를", "에어컨을"),
        ("세탁기", "을/를", "세탁기를"),
        ("세탁기", "이/가", "세탁기가"),
        ("에어컨", "이/가", "에어컨이"),
        ("오븐", "은/는", "오븐은"),
        ("스타일러", "은/는", "스타일러는"),
        ("거실", "으로/로", "거실로"),
        ("냉장고", "으로/로", "냉장고로"),
        ("안방", "으로/로", "안방으로"),
        ("23도", "으로/로", "23도로"),
        ("23도", "을/를", "23도를"),
        ("건조기", "과/와", "건조기와"),
        ("에어컨", "과/와", "에어컨과"),
        ("지니", "아/야", "지니야"),
        ("민정", "아/야", "민정아"),
        ("냉장고", "이에요/예요", "냉장고예요"),
        ("에어컨", "이에요/예요", "에어컨이에요"),
        ("세탁기", "를/을", "세탁기를"),
        ("TV", "을/를", "TV를"),
        ("AC", "을/를", "AC를"),
        ("LG", "이/가", "LG가"),
        ("HDMI", "을/를", "HDMI를"),
        ("FAN", "을/를", "FAN을"),
        ("Oven", "을/를", "Oven을"),
        ("Washer", "을/를", "Washer를"),
        ("Robot", "이/가", "Robot이"),
        ("Kimchi Fridge", "을/를", "Kimchi Fridge를"),
        ("Living Room", "으로/로", "Living Room으로"),
        ("Hall", "으로/로", "Hall로"),
        ("1", "으로/로", "1로"),
        ("3", "으로/로", "3으로"),
        ("3", "을/를", "3을"),
        ("2", "을/를", "2를"),
        ("6", "이/가", "6이"),
        ("7", "으로/로", "7로"),
        ("10", "을/를", "10을"),
        ("20", "으로/로", "20으로"),
        ("100", "이/가", "100이"),
        ("1000", "을/를", "1000을"),
        ("10000", "을/를", "10000을"),
        ("100000000", "을/를", "100000000을"),
        ("0", "을/를", "0을"),
        ("2.5", "을/를", "2.5를"),
        ("80%", "으로/로", "80%로"),
        ("40%", "이/가", "40%가"),
        ("세탁기 (2층)", "을/를", "세탁기 (2층)을"),
        ("에어컨!", "을/를", "에어컨!을"),
        ("", "을/를", "을(를)"),
        ("★", "이/가", "★이(가)"),
    ],
)
def test_josa(word: str, pair: str, expected: str) -> None:
    assert josa(word, pair) == expected


def test_particle_for_and_final_consonant() -> None:
    assert particle_for("세탁기", "을/를") == "를"
    assert has_final_consonant("에어컨")
    assert not has_final_consonant("세탁기")
    assert has_final_consonant("거실")
    assert not has_final_consonant("")
    with pytest.raises(ValueError, match="unsupported particle pair"):
        particle_for("세탁기", "에/에서")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("에어컨을", ("에어컨", "을")),
        ("세탁기를", ("세탁기", "를")),
        ("거실로", ("거실", "로")),
        ("냉장고로", ("냉장고", "로")),
        ("안방으로", ("안방", "으로")),
        ("거실에서", ("거실", "에서")),
        ("세탁기랑", ("세탁기", "랑")),
        ("에어컨이랑", ("에어컨", "이랑")),
        ("TV를", ("TV", "를")),
        ("AC로", ("AC", "로")),
        ("Oven을", ("Oven", "을")),
        ("에어컨를", ("에어컨를", "")),
        ("세탁기을", ("세탁기을", "")),
        ("사과", ("사과", "")),
        ("포도", ("포도", "")),
        ("하나", ("하나", "")),
        ("을", ("을", "")),
    ],
)
def test_split_particle(token: str, expected: tuple[str, str]) -> None:
    assert split_particle(token) == expected
