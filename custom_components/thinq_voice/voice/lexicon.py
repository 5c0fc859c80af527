"""Word lists shared by the Korean and English grammars: appliances, areas, parts, pronouns."""

import re

from .model import App, DeviceType, Location

_D = DeviceType

# Korean names are matched inside a whitespace-free key, so missing spaces do not matter
# ("거실에어컨"); the longest name wins, so 김치냉장고 beats 냉장고 and 건조기 beats 건조.
KO_DEVICE_WORDS: dict[str, DeviceType] = {
    "에어컨": _D.AIR_CONDITIONER,
    "에어콘": _D.AIR_CONDITIONER,
    "냉난방기": _D.AIR_CONDITIONER,
    "냉방기": _D.AIR_CONDITIONER,
    "ac": _D.AIR_CONDITIONER,
    "김치냉장고": _D.KIMCHI_REFRIGERATOR,
    "김냉": _D.KIMCHI_REFRIGERATOR,
    "냉장고": _D.REFRIGERATOR,
    "냉동고": _D.REFRIGERATOR,
    "세탁기": _D.WASHER,
    "통돌이": _D.WASHER,
    "빨래": _D.WASHER,
    "세탁": _D.WASHER,
    "건조기": _D.DRYER,
    "건조": _D.DRYER,
    "식기세척기": _D.DISH_WASHER,
    "식세기": _D.DISH_WASHER,
    "설거지": _D.DISH_WASHER,
    "공기청정기": _D.AIR_PURIFIER,
    "공청기": _D.AIR_PURIFIER,
    "로봇청소기": _D.ROBOT_CLEANER,
    "로청": _D.ROBOT_CLEANER,
    "청소기": _D.ROBOT_CLEANER,
    "로봇": _D.ROBOT_CLEANER,
    "청소": _D.ROBOT_CLEANER,
    "오븐": _D.OVEN,
    "스타일러": _D.STYLER,
    "제습기": _D.DEHUMIDIFIER,
    "가습기": _D.HUMIDIFIER,
    "정수기": _D.WATER_PURIFIER,
    "전자레인지": _D.MICROWAVE_OVEN,
    "인덕션": _D.COOKTOP,
    "쿡탑": _D.COOKTOP,
    "후드": _D.HOOD,
    "와인셀러": _D.WINE_CELLAR,
    "실링팬": _D.CEILING_FAN,
    "온수기": _D.WATER_HEATER,
    "보일러": _D.SYSTEM_BOILER,
    "티비": _D.TV,
    "텔레비전": _D.TV,
    "테레비": _D.TV,
    "tv": _D.TV,
}
_KO_DEVICE_ORDER = sorted(KO_DEVICE_WORDS, key=len, reverse=True)

EN_DEVICE_WORDS: dict[str, DeviceType] = {
    "air conditioner": _D.AIR_CONDITIONER,
    "air conditioning": _D.AIR_CONDITIONER,
    "aircon": _D.AIR_CONDITIONER,
    "ac": _D.AIR_CONDITIONER,
    "kimchi fridge": _D.KIMCHI_REFRIGERATOR,
    "kimchi refrigerator": _D.KIMCHI_REFRIGERATOR,
    "refrigerator": _D.REFRIGERATOR,
    "fridge": _D.REFRIGERATOR,
    "washing machine": _D.WASHER,
    "washer": _D.WASHER,
    "laundry": _D.WASHER,
    "tumble dryer": _D.DRYER,
    "dryer": _D.DRYER,
    "drier": _D.DRYER,
    "dishwasher": _D.DISH_WASHER,
    "dish washer": _D.DISH_WASHER,
    "dishes": _D.DISH_WASHER,
    "air purifier": _D.AIR_PURIFIER,
    "purifier": _D.AIR_PURIFIER,
    "robot vacuum": _D.ROBOT_CLEANER,
    "robot cleaner": _D.ROBOT_CLEANER,
    "robovac": _D.ROBOT_CLEANER,
    "vacuum": _D.ROBOT_CLEANER,
    "robot": _D.ROBOT_CLEANER,
    "cleaning": _D.ROBOT_CLEANER,
    "vacuuming": _D.ROBOT_CLEANER,
    "oven": _D.OVEN,
    "styler": _D.STYLER,
    "dehumidifier": _D.DEHUMIDIFIER,
    "humidifier": _D.HUMIDIFIER,
    "water purifier": _D.WATER_PURIFIER,
    "microwave": _D.MICROWAVE_OVEN,
    "cooktop": _D.COOKTOP,
    "hood": _D.HOOD,
    "wine cellar": _D.WINE_CELLAR,
    "ceiling fan": _D.CEILING_FAN,
    "water heater": _D.WATER_HEATER,
    "boiler": _D.SYSTEM_BOILER,
    "tv": _D.TV,
    "television": _D.TV,
}
_EN_DEVICE_RE = re.compile(r"\b(?:" + "|".join(sorted(EN_DEVICE_WORDS, key=len, reverse=True)) + r")\b")

KO_AREAS = (
    "거실",
    "안방",
    "침실",
    "작은방",
    "큰방",
    "아이방",
    "애들방",
    "아기방",
    "공부방",
    "옷방",
    "주방",
    "부엌",
    "서재",
    "드레스룸",
    "다용도실",
    "베란다",
    "세탁실",
    "욕실",
    "현관",
)
EN_AREAS = (
    "living room",
    "family room",
    "master bedroom",
    "bedroom",
    "kids room",
    "guest room",
    "kitchen",
    "laundry room",
    "utility room",
    "office",
    "study",
    "dining room",
    "basement",
    "garage",
    "bathroom",
    "hallway",
    "nursery",
)
_EN_AREA_RE = re.compile(r"\b(?:" + "|".join(sorted(EN_AREAS, key=len, reverse=True)) + r")\b")

KO_LOCATIONS: dict[str, Location] = {
    "냉동실": Location.FREEZER,
    "냉동칸": Location.FREEZER,
    "냉장실": Location.FRIDGE,
    "냉장칸": Location.FRIDGE,
    "위칸": Location.TOP,
    "윗칸": Location.TOP,
    "상칸": Location.TOP,
    "상단": Location.TOP,
    "중간칸": Location.MIDDLE,
    "가운데칸": Location.MIDDLE,
    "중칸": Location.MIDDLE,
    "아래칸": Location.BOTTOM,
    "아랫칸": Location.BOTTOM,
    "하칸": Location.BOTTOM,
    "하단": Location.BOTTOM,
}
EN_LOCATIONS: dict[str, Location] = {
    "freezer compartment": Location.FREEZER,
    "freezer": Location.FREEZER,
    "fridge compartment": Location.FRIDGE,
    "refrigerator compartment": Location.FRIDGE,
    "fridge section": Location.FRIDGE,
    "fresh food compartment": Location.FRIDGE,
    "upper": Location.UPPER,
    "top": Location.TOP,
    "middle": Location.MIDDLE,
    "lower": Location.LOWER,
    "bottom": Location.BOTTOM,
}
_EN_LOCATION_RE = re.compile(
    r"\b(?P<base>"
    + "|".join(sorted(EN_LOCATIONS, key=len, reverse=True))
    + r")(?: (?:drawer|compartment|section|shelf))?\b"
)

KO_PRONOUNS = frozenset(
    {
        "그거",
        "그것",
        "그걸",
        "그건",
        "이거",
        "이것",
        "이걸",
        "이건",
        "저거",
        "저것",
        "저걸",
        "저건",
        "걔",
        "얘",
        "쟤",
    }
)
EN_PRONOUNS = frozenset({"it", "that", "this", "them", "those", "that one", "this one"})

_OVEN_LOCATIONS = {Location.TOP: Location.UPPER, Location.BOTTOM: Location.LOWER}
_DRAWER_LOCATIONS = {Location.UPPER: Location.TOP, Location.LOWER: Location.BOTTOM}


def ko_device_type(key: str) -> DeviceType | None:
    """Return the appliance kind named inside a whitespace-free Korean key, longest name first."""
    best = max((word for word in _KO_DEVICE_ORDER if word in key), key=len, default=None)
    return None if best is None else KO_DEVICE_WORDS[best]


def ko_area(key: str) -> str | None:
    """Return the first area word inside a whitespace-free Korean key."""
    return next((area for area in KO_AREAS if area in key), None)


def en_device_type(text: str) -> DeviceType | None:
    """Return the appliance kind named in an English phrase (whole words, longest first)."""
    match = _EN_DEVICE_RE.search(text)
    return None if match is None else EN_DEVICE_WORDS[match.group()]


_EN_PLURAL_RE = re.compile(r"\b(" + "|".join(sorted(EN_DEVICE_WORDS, key=len, reverse=True)) + r")(?:s|es)\b")


def en_singular(text: str) -> str:
    """Return the text with plural appliance words made singular ("all the acs" → "all the ac")."""
    return _EN_PLURAL_RE.sub(r"\1", text)


def en_joined_devices(text: str) -> str:
    """Join the words of multi-word appliance names with "_" ("air_conditioner"), to keep them whole."""
    return _EN_DEVICE_RE.sub(lambda match: match.group().replace(" ", "_"), text)


def en_without_device(text: str) -> str:
    """Return English text without its first appliance word ("lg washer" → "lg")."""
    return _EN_DEVICE_RE.sub(" ", text, count=1)


def en_area(text: str) -> str | None:
    """Return the area words in an English phrase."""
    match = _EN_AREA_RE.search(text)
    return None if match is None else match.group()


def take_en_location(text: str) -> tuple[str, Location | None]:
    """Remove a location phrase ("freezer", "upper", "top drawer") from English text and return it."""
    match = _EN_LOCATION_RE.search(text)
    if match is None:
        return text, None
    return f"{text[: match.start()]} {text[match.end() :]}".strip(), EN_LOCATIONS[match.group("base")]


def fit_location(location: Location | None, device_type: DeviceType | None) -> Location | None:
    """Name an upper/lower part the way the appliance does: ovens UPPER/LOWER, drawers TOP/BOTTOM."""
    if location is None:
        return None
    if device_type is DeviceType.OVEN:
        return _OVEN_LOCATIONS.get(location, location)
    if device_type is DeviceType.KIMCHI_REFRIGERATOR:
        return _DRAWER_LOCATIONS.get(location, location)
    return location


def location_device_type(location: Location | None) -> DeviceType | None:
    """Return the appliance kind a location implies on its own (냉동실 → refrigerator)."""
    if location in {Location.FREEZER, Location.FRIDGE}:
        return DeviceType.REFRIGERATOR
    if location in {Location.UPPER, Location.LOWER}:
        return DeviceType.OVEN
    return None


# TV apps by the names people say; matched like device words, longest first.
KO_APP_WORDS: dict[str, App] = {
    "유튜브": App.YOUTUBE,
    "유투브": App.YOUTUBE,
    "넷플릭스": App.NETFLIX,
    "넷플": App.NETFLIX,
    "디즈니플러스": App.DISNEY_PLUS,
    "디즈니": App.DISNEY_PLUS,
    "티빙": App.TVING,
    "웨이브": App.WAVVE,
    "쿠팡플레이": App.COUPANG_PLAY,
    "왓챠": App.WATCHA,
    "프라임비디오": App.PRIME_VIDEO,
}
EN_APP_WORDS: dict[str, App] = {
    "youtube": App.YOUTUBE,
    "netflix": App.NETFLIX,
    "disney plus": App.DISNEY_PLUS,
    "disney+": App.DISNEY_PLUS,
    "disney": App.DISNEY_PLUS,
    "tving": App.TVING,
    "wavve": App.WAVVE,
    "coupang play": App.COUPANG_PLAY,
    "watcha": App.WATCHA,
    "prime video": App.PRIME_VIDEO,
    "amazon prime": App.PRIME_VIDEO,
}


def app_pattern(words: dict[str, App], tail: str) -> re.Pattern[str]:
    """Return a pattern finding an app name (longest first) followed by `tail` (particles)."""
    names = sorted(words, key=len, reverse=True)
    return re.compile(
        "(?P<app>" + "|".join(re.escape(name).replace(r"\ ", r"\s?") for name in names) + ")" + tail
    )
