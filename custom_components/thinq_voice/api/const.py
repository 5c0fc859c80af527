"""Fixed values of the ThinQ Connect API: key, regions, device types and error codes."""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from .errors import RefusalReason, ThinQUnsupportedCountryError

# LG prints this key in its public API spec ("The key is a fixed value"); it is not a secret.
API_KEY = "v6GFvkweNo7DK7yD3ylIZ9w52aKBU0eJ7wLXkSR3"
SERVICE_PHASE = "OP"

DEFAULT_REQUEST_TIMEOUT = 15.0
DEFAULT_CONTROL_INTERVAL = 3.0
# LG does not publish its per-user limit. pythinqconnect#10 got 1314 after about 120 calls
# (device list plus state every 10 s for ~10 minutes), so the local budget stays below that:
# 100 calls per rolling hour still leaves room for the initial setup (list, profiles, states)
# and a handful of controls, while state updates are expected to come from events, not polling.
DEFAULT_HOURLY_REQUEST_BUDGET = 100
# After LG answers 1306/1314 without a Retry-After header, stay silent for 15 minutes:
# the limit is counted per hour, and calling again early only prolongs the block.
DEFAULT_RATE_LIMIT_BACKOFF = 900.0

EVENT_SUBSCRIPTION_MAX_HOURS = 24
# Body that LG's SDK sends to POST /client to register an MQTT client.
CLIENT_REGISTER_BODY: Mapping[str, str | bool] = MappingProxyType(
    {"type": "MQTT", "service-code": "SVC202", "device-type": "607", "allowExist": True}
)
CLIENT_UNREGISTER_BODY: Mapping[str, str] = MappingProxyType({"type": "MQTT", "service-code": "SVC202"})


class Region(StrEnum):
    """ThinQ Connect server regions; the value is the host prefix."""

    ASIA_PACIFIC = "kic"
    AMERICAS = "aic"
    EUROPE_MIDDLE_EAST_AFRICA = "eic"


_KIC = "AU BD CN HK ID IN JP KH KR LA LK MM MY NP NZ PH SG TH TW VN"
_AIC = (
    "AG AR AW BB BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PR PY SR SV TT "
    "US UY VC VE"
)
_EIC = (
    "AE AF AL AM AO AT AZ BA BE BF BG BH BJ BY CD CF CG CH CI CM CV CY CZ DE DJ DK DZ EE EG ES ET FI FR "
    "GA GB GE GH GM GN GQ GR HR HU IE IL IQ IR IS IT JO KE KG KW KZ LB LR LT LU LV LY MA MD ME MK ML MR "
    "MT MU MW NE NG NL NO OM PK PL PS PT QA RO RS RU RW SA SD SE SI SK SL SN SO ST SY TD TG TN TR TZ UA "
    "UG UZ XK YE ZA ZM"
)

COUNTRY_REGIONS: Mapping[str, Region] = MappingProxyType(
    {
        country: region
        for region, countries in (
            (Region.ASIA_PACIFIC, _KIC),
            (Region.AMERICAS, _AIC),
            (Region.EUROPE_MIDDLE_EAST_AFRICA, _EIC),
        )
        for country in countries.split()
    }
)

SUPPORTED_COUNTRIES: frozenset[str] = frozenset(COUNTRY_REGIONS)


def region_for_country(country: str) -> Region:
    """Return the server region of an ISO 3166-1 alpha-2 country code (any case).

    Raises:
        ThinQUnsupportedCountryError: ThinQ Connect does not serve the country.
    """
    try:
        return COUNTRY_REGIONS[country.upper()]
    except KeyError:
        raise ThinQUnsupportedCountryError(f"Country {country!r} is not served by ThinQ Connect") from None


def base_url_for_country(country: str) -> str:
    """Return the API base URL for a country, for example `https://api-kic.lgthinq.com` for KR.

    Raises:
        ThinQUnsupportedCountryError: ThinQ Connect does not serve the country.
    """
    return f"https://api-{region_for_country(country)}.lgthinq.com"


class DeviceType(StrEnum):
    """The `deviceInfo.deviceType` values LG documents."""

    AIR_CONDITIONER = "DEVICE_AIR_CONDITIONER"
    SYSTEM_BOILER = "DEVICE_SYSTEM_BOILER"
    AIR_PURIFIER = "DEVICE_AIR_PURIFIER"
    DISH_WASHER = "DEVICE_DISH_WASHER"
    DRYER = "DEVICE_DRYER"
    OVEN = "DEVICE_OVEN"
    REFRIGERATOR = "DEVICE_REFRIGERATOR"
    ROBOT_CLEANER = "DEVICE_ROBOT_CLEANER"
    WASHER = "DEVICE_WASHER"
    STYLER = "DEVICE_STYLER"
    WATER_PURIFIER = "DEVICE_WATER_PURIFIER"
    HOOD = "DEVICE_HOOD"
    COOKTOP = "DEVICE_COOKTOP"
    DEHUMIDIFIER = "DEVICE_DEHUMIDIFIER"
    HUMIDIFIER = "DEVICE_HUMIDIFIER"
    MICROWAVE_OVEN = "DEVICE_MICROWAVE_OVEN"
    WINE_CELLAR = "DEVICE_WINE_CELLAR"
    CEILING_FAN = "DEVICE_CEILING_FAN"
    WATER_HEATER = "DEVICE_WATER_HEATER"
    KIMCHI_REFRIGERATOR = "DEVICE_KIMCHI_REFRIGERATOR"
    WASHTOWER_WASHER = "DEVICE_WASHTOWER_WASHER"
    WASHTOWER_DRYER = "DEVICE_WASHTOWER_DRYER"
    WASHTOWER = "DEVICE_WASHTOWER"
    STICK_CLEANER = "DEVICE_STICK_CLEANER"
    HOME_BREW = "DEVICE_HOME_BREW"
    AIR_PURIFIER_FAN = "DEVICE_AIR_PURIFIER_FAN"
    PLANT_CULTIVATOR = "DEVICE_PLANT_CULTIVATOR"
    WASHCOMBO_MAIN = "DEVICE_WASHCOMBO_MAIN"
    WASHCOMBO_MINI = "DEVICE_WASHCOMBO_MINI"


class ErrorCode(StrEnum):
    """LG's API error codes (thinqconnect 1.0.14, plus 1314 seen in the wild)."""

    UNKNOWN_ERROR = "0000"
    BAD_REQUEST = "1000"
    MISSING_PARAMETERS = "1101"
    UNACCEPTABLE_PARAMETERS = "1102"
    INVALID_TOKEN = "1103"
    INVALID_MESSAGE_ID = "1104"
    NOT_REGISTERED_ADMIN = "1201"
    NOT_REGISTERED_USER = "1202"
    NOT_REGISTERED_SERVICE = "1203"
    NOT_SUBSCRIBED_EVENT = "1204"
    NOT_EXIST_DEVICE = "1205"
    NOT_SUBSCRIBED_PUSH = "1206"
    ALREADY_SUBSCRIBED_PUSH = "1207"
    NOT_REGISTERED_SERVICE_BY_ADMIN = "1208"
    NOT_REGISTERED_USER_IN_SERVICE = "1209"
    NOT_REGISTERED_DEVICE_IN_SERVICE = "1210"
    NOT_REGISTERED_DEVICE_BY_USER = "1211"
    NOT_OWNED_DEVICE = "1212"
    NOT_REGISTERED_DEVICE = "1213"
    NOT_SUBSCRIBABLE_DEVICE = "1214"
    INCORRECT_HEADER = "1216"
    ALREADY_DEVICE_DELETED = "1217"
    INVALID_TOKEN_AGAIN = "1218"
    NOT_SUPPORTED_MODEL = "1219"
    NOT_SUPPORTED_FEATURE = "1220"
    NOT_SUPPORTED_PRODUCT = "1221"
    NOT_CONNECTED_DEVICE = "1222"
    INVALID_STATUS_DEVICE = "1223"
    INVALID_DEVICE_ID = "1224"
    DUPLICATE_DEVICE_ID = "1225"
    INVALID_SERVICE_KEY = "1301"
    NOT_FOUND_TOKEN = "1302"
    NOT_FOUND_USER = "1303"
    NOT_ACCEPTABLE_TERMS = "1304"
    NOT_ALLOWED_API = "1305"
    EXCEEDED_API_CALLS = "1306"
    NOT_SUPPORTED_COUNTRY = "1307"
    NO_CONTROL_AUTHORITY = "1308"
    NOT_ALLOWED_API_AGAIN = "1309"
    NOT_SUPPORTED_DOMAIN = "1310"
    BAD_REQUEST_FORMAT = "1311"
    EXCEEDED_NUMBER_OF_EVENT_SUBSCRIPTION = "1312"
    EXCEEDED_USER_API_CALLS = "1314"
    INTERNAL_SERVER_ERROR = "2000"
    NOT_SUPPORTED_MODEL_AGAIN = "2101"
    NOT_PROVIDED_FEATURE = "2201"
    NOT_SUPPORTED_PRODUCT_AGAIN = "2202"
    NOT_EXISTENT_MODEL_JSON = "2203"
    INVALID_DEVICE_STATUS = "2205"
    INVALID_COMMAND_ERROR = "2207"
    FAIL_DEVICE_CONTROL = "2208"
    DEVICE_RESPONSE_DELAY = "2209"
    RETRY_REQUEST = "2210"
    SYNCING = "2212"
    RETRY_AFTER_DELETING_DEVICE = "2213"
    FAIL_REQUEST = "2214"
    COMMAND_NOT_SUPPORTED_IN_REMOTE_OFF = "2301"
    COMMAND_NOT_SUPPORTED_IN_STATE = "2302"
    COMMAND_NOT_SUPPORTED_IN_ERROR = "2303"
    COMMAND_NOT_SUPPORTED_IN_POWER_OFF = "2304"
    COMMAND_NOT_SUPPORTED_IN_MODE = "2305"


AUTHENTICATION_ERROR_CODES = frozenset(
    {
        ErrorCode.INVALID_TOKEN,
        ErrorCode.INVALID_TOKEN_AGAIN,
        ErrorCode.INVALID_SERVICE_KEY,
        ErrorCode.NOT_FOUND_TOKEN,
    }
)
RATE_LIMIT_ERROR_CODES = frozenset({ErrorCode.EXCEEDED_API_CALLS, ErrorCode.EXCEEDED_USER_API_CALLS})
DEVICE_OFFLINE_ERROR_CODES = frozenset({ErrorCode.NOT_CONNECTED_DEVICE})
NOT_FOUND_ERROR_CODES = frozenset(
    {
        ErrorCode.NOT_SUBSCRIBED_EVENT,
        ErrorCode.NOT_EXIST_DEVICE,
        ErrorCode.NOT_SUBSCRIBED_PUSH,
        ErrorCode.NOT_REGISTERED_DEVICE_IN_SERVICE,
        ErrorCode.NOT_REGISTERED_DEVICE_BY_USER,
        ErrorCode.NOT_OWNED_DEVICE,
        ErrorCode.NOT_REGISTERED_DEVICE,
        ErrorCode.ALREADY_DEVICE_DELETED,
        ErrorCode.INVALID_DEVICE_ID,
        ErrorCode.NOT_FOUND_USER,
    }
)
UNSUPPORTED_COUNTRY_ERROR_CODES = frozenset({ErrorCode.NOT_SUPPORTED_COUNTRY})
# Server-side failures worth retrying later; every other 22xx code except 2207 is one too.
SERVER_ERROR_CODES = frozenset(
    {ErrorCode.UNKNOWN_ERROR, ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.NOT_SUPPORTED_MODEL_AGAIN}
    | {code for code in ErrorCode if code.startswith("22") and code != ErrorCode.INVALID_COMMAND_ERROR}
)
COMMAND_REFUSED_REASONS: Mapping[str, RefusalReason] = MappingProxyType(
    {
        ErrorCode.COMMAND_NOT_SUPPORTED_IN_REMOTE_OFF: "remote_control_off",
        ErrorCode.COMMAND_NOT_SUPPORTED_IN_STATE: "in_state",
        ErrorCode.COMMAND_NOT_SUPPORTED_IN_ERROR: "in_error",
        ErrorCode.COMMAND_NOT_SUPPORTED_IN_POWER_OFF: "power_off",
        ErrorCode.COMMAND_NOT_SUPPORTED_IN_MODE: "in_mode",
    }
)
