"""English words and patterns `grammar_en` reads a sentence with.

Contractions, politeness, questions, verbs, numbers and units, fan levels, modes, property words,
negation, hesitations and fillers: a new way of saying something is usually a change here.
"""

import re

from .clause import Modifier, Prop, Verb
from .lexicon import EN_APP_WORDS, app_pattern
from .model import FanSpeed, Mode, QuestionIntent, Unit

WAKE = re.compile(r"^(?:(?:hey|hi|ok|okay)\s(?:google|genie|lg|bixby|alexa|siri)|alexa|bixby|genie)\b[\s,]*")
CONTRACTIONS = (
    (re.compile(r"\bwhat's\b"), "what is"),
    (re.compile(r"\bit's\b"), "it is"),
    (re.compile(r"\bhow's\b"), "how is"),
    (re.compile(r"\bthat's\b"), "that is"),
    (re.compile(r"\bwhere's\b"), "where is"),
    (re.compile(r"\bwhen's\b"), "when is"),
    (re.compile(r"\bisn't\b"), "is not"),
    (re.compile(r"\baren't\b"), "are not"),
    (re.compile(r"\bdon't\b"), "do not"),
    (re.compile(r"\bcan't\b"), "cannot"),
    (re.compile(r"\bi'd\b"), "i would"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"'s\b"), ""),
    (re.compile(r"'"), ""),
    (re.compile(r"\ba/c\b"), "ac"),
    (re.compile(r"\ba degree\b"), "1 degree"),
)
POLITENESS = re.compile(
    r"\b(?:please|pls|plz|kindly|could you|can you|would you(?: mind)?|will you|would you be able to"
    r"|i (?:want|need|would like) you to|i would like to|i want to|i need to|i wanna|go ahead and|let us"
    r"|for me|thanks|thank you|right now|now|just|quickly|i (?:want|need|would like))\b"
)
CLAUSE_BREAK = re.compile(r"\s*(?:,|;|\band then\b|\bthen\b|\band\b|\balso\b)\s*")
QUESTION_START = re.compile(
    r"^(?:is|are|was|were|does|do|did|has|have|what|how|when|which|where|tell me|let me know|show me|check|status)\b"
)
# Questions said as statements: "time remaining on the washer", "dryer status".
STATEMENT_QUESTION = re.compile(
    r"\b(?:time (?:left|remaining)|remaining time|status|air quality|fine dust)\b"
)
_SCHEDULE_WORD = (
    r"\b(?:delayed start|delay start|(?:sleep |delay |off |on |start )?timers?|schedules?|scheduled (?:start|run|cycle)"
    r"|reservations?)\b"
)
QUESTIONS: tuple[tuple[QuestionIntent, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern))
    for intent, pattern in (
        (
            QuestionIntent.CAPABILITIES,
            r"^what (?:can|could|should) (?:i|we|you) (?:say|ask|tell|do)\b|^what can (?:the |my )?.+ do$"
            r"|\bwhat commands\b",
        ),
        (QuestionIntent.FILTER, r"\bfilters?\b"),
        (QuestionIntent.BATTERY, r"\bbattery\b|\bcharge level\b|\bhow charged\b"),
        (QuestionIntent.MODE, r"\b(?:what|which) mode\b|\bcurrent mode\b|\bmode is\b|\bmode\b.*\b(?:in|on)$"),
        (
            QuestionIntent.SCHEDULES,
            rf"{_SCHEDULE_WORD}|\bscheduled\b|\bwhen (?:will|does|is|do)\b.*\b(?:start|begin|turn (?:on|off)|run)\b",
        ),
        (
            QuestionIntent.WHAT_IS_RUNNING,
            r"^(?:what|which(?: \w+)?|is (?:anything|something)|are any(?: \w+)?|anything)"
            r"(?: \w+)?(?: is| are)? (?:running|on|working|in use|going)$",
        ),
        (
            QuestionIntent.REMAINING_TIME,
            r"\bhow (?:long|much (?:longer|time)|many (?:minutes|hours)|soon)\b|\btime (?:left|remaining)\b"
            r"|\bremaining time\b|\bwhen (?:will|does|is|do)\b.*\b(?:finish|finished|done|end|ready|complete)\b",
        ),
        (
            QuestionIntent.DOOR,
            r"\bdoors?\b.*\b(?:open|opened|closed|shut|ajar)\b|\b(?:open|closed|shut)\b.*\bdoor\b",
        ),
        (
            QuestionIntent.AIR_QUALITY,
            r"\bair quality\b|\bair\b(?! (?:purifier|conditioner|conditioning))|\bfine dust\b|\bdust\b"
            r"|\bpm ?(?:2\.?5|10|1)\b|\bpollution\b",
        ),
        (QuestionIntent.CURRENT_HUMIDITY, r"\bhumid(?:ity)?\b"),
        (
            QuestionIntent.TARGET_TEMPERATURE,
            r"\b(?:target|set|desired) (?:temperature|temp)\b|\bset ?point\b|\bset (?:to|at)\b",
        ),
        (
            QuestionIntent.CURRENT_TEMPERATURE,
            r"\btemperature\b|\btemp\b|\bhow (?:hot|warm|cold|cool)\b|\bdegrees\b",
        ),
        (
            QuestionIntent.STATE,
            r"\b(?:status|state|doing|running|on|off|done|finished|working|busy|idle|ready|going)\b",
        ),
    )
)
QUESTION_WORDS = frozenset(
    [
        "can",
        "could",
        "should",
        "i",
        "we",
        "you",
        "say",
        "ask",
        "commands",
        "is",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
        "has",
        "have",
        "what",
        "how",
        "when",
        "which",
        "where",
        "tell",
        "me",
        "let",
        "know",
        "show",
        "check",
        "status",
        "state",
        "doing",
        "running",
        "on",
        "off",
        "done",
        "finished",
        "finish",
        "finishes",
        "working",
        "busy",
        "idle",
        "ready",
        "going",
        "long",
        "much",
        "longer",
        "time",
        "left",
        "remaining",
        "until",
        "till",
        "will",
        "be",
        "soon",
        "many",
        "minutes",
        "hours",
        "end",
        "complete",
        "door",
        "doors",
        "open",
        "opened",
        "closed",
        "shut",
        "ajar",
        "air",
        "quality",
        "fine",
        "dust",
        "pm",
        "pollution",
        "humidity",
        "humid",
        "target",
        "set",
        "desired",
        "temperature",
        "temp",
        "point",
        "setpoint",
        "hot",
        "warm",
        "cold",
        "cool",
        "degrees",
        "currently",
        "current",
        "right",
        "now",
        "there",
        "at",
        "to",
        "yet",
        "still",
        "anything",
        "something",
        "any",
        "appliance",
        "appliances",
        "device",
        "devices",
        "machines",
        "scheduled",
        "schedule",
        "schedules",
        "timer",
        "timers",
        "delayed",
        "start",
        "starts",
        "begin",
        "turn",
        "battery",
        "charge",
        "level",
        "charged",
        "filter",
        "filters",
        "life",
        "mode",
        "in",
        "much",
        "does",
        "got",
    ]
)

VERBS: tuple[tuple[Verb, re.Pattern[str]], ...] = tuple(
    (verb, re.compile(rf"^(?:{pattern})\b"))
    for verb, pattern in (
        (Verb.ON, r"(?:turn|switch|power|flip|put)(?:ing)? on|power up|enable|activate"),
        (
            Verb.OFF,
            r"(?:turn|switch|power|flip)(?:ing)? off|power down|shut (?:off|down)|disable|deactivate|kill",
        ),
        (Verb.UP, r"turn up|raise|increase|bump up|crank up|warm up|up|higher"),
        (Verb.DOWN, r"turn down|lower|decrease|reduce|drop|cool down|down"),
        (Verb.PAUSE, r"pause|hold"),
        (Verb.RESUME, r"resume|continue|unpause|restart"),
        (Verb.START, r"start up|start|run|begin|launch|kick off|fire up|preheat"),
        (Verb.STOP, r"stop|halt|cancel|abort|end"),
        (Verb.RETURN, r"dock|recharge|send|return|take"),
        (Verb.SET, r"set|change|adjust|put|make|switch|turn|power"),
        (Verb.OPEN, r"open"),
        (Verb.CLOSE, r"close|shut"),
        (Verb.CANCEL, r"clear|delete|remove"),
    )
)
TRAILING_VERBS: tuple[tuple[Verb, re.Pattern[str]], ...] = (
    (Verb.ON, re.compile(r"\bon$")),
    (Verb.OFF, re.compile(r"\boff$")),
    (Verb.START, re.compile(r"\bstart$")),
    (Verb.STOP, re.compile(r"\bstop$")),
    (Verb.UP, re.compile(r"\bup$")),
    (Verb.DOWN, re.compile(r"\bdown$")),
    (Verb.PAUSE, re.compile(r"\bpause$")),
    (Verb.RESUME, re.compile(r"\bresume$")),
)
NUMBER = re.compile(r"(?:pm)?[\d.]+")
# "lower" only last: elsewhere it can name an oven part ("set the lower oven to 200").
UP_DOWN = re.compile(r"\b(?:up|down|higher)\b|\blower$")
# "fan speed down one step": one step is what a relative change without a number does anyway.
STEP = re.compile(r"\b(?:by )?(?:one|a|1|a single) (?:step|notch)\b")
DESTINATION = re.compile(
    r"\b(?:(?:go|head|come|return|get) )?(?:back )?(?:home|to (?:the |its |your )?(?:dock|base|charger|"
    r"charging (?:station|base|dock)|docking station|home base))\b"
)
# "turn off the bedroom ac, not the living room one", "not the washer but the dryer", "instead of":
# what is rejected is dropped; any other negation refuses the sentence.
NOT_THIS = (
    re.compile(r"\bnot (?:the|my|that|this|in the) [\w ]+?,? but (?:the )?"),
    re.compile(r",? (?:and |but )?not (?:the|my|that|this|in the) [\w ]+$"),
    re.compile(r",? (?:instead of|rather than) (?:the |my )?[\w ]+?(?=,|$)"),
    re.compile(r"\binstead\b"),
)
NEGATION = re.compile(
    r"\b(?:do not|does not|dont|never(?! mind)|no need|not|cannot|nothing|none|neither|nor)\b"
)
HESITATIONS = re.compile(
    r"\b(?:u+m+|u+h+|e+r+m*|hmm+|oh wait|oh|wait|well|you know|actually|i mean|so|okay so|ok so|hey|sorry"
    r"|oh right|right|let me see|lets see|let us see)\b,?"
)
QUANTITY = re.compile(
    r"(?:\b(?P<neg>minus|negative) |(?P<sign>-))?(?P<num>\d+(?:\.\d+)?)\s?"
    r"(?P<unit>degrees? (?:celsius|centigrade|c|fahrenheit|f)\b|degrees?\b|°[cf]?|celsius\b|fahrenheit\b"
    r"|percent\b|per cent\b|%)?"
)
EXPRESS = re.compile(r"\b(?:express|quick|rapid|fast) (?:freez(?:e|ing|er)|mode|cool(?:ing)?)\b|\bice plus\b")
FAN = re.compile(
    r"\b(?<!ceiling )(?:fan speed|fan|speed|wind(?: strength| speed)?|airflow)(?: (?:to|on|at))? (?P<level>low|lowest|minimum|min|"
    r"medium|mid|high|highest|maximum|max|auto|automatic)\b"
    r"|\b(?P<bare>low|lowest|medium|mid|high|highest|maximum|max)\b(?: (?:fan|speed|fan speed))?"
)
FAN_LEVELS = {
    "low": FanSpeed.LOW,
    "lowest": FanSpeed.LOW,
    "minimum": FanSpeed.LOW,
    "min": FanSpeed.LOW,
    "medium": FanSpeed.MID,
    "mid": FanSpeed.MID,
    "high": FanSpeed.HIGH,
    "highest": FanSpeed.HIGH,
    "maximum": FanSpeed.HIGH,
    "max": FanSpeed.HIGH,
    "auto": FanSpeed.AUTO,
    "automatic": FanSpeed.AUTO,
}
FAN_MODE = re.compile(r"\bfan (?:only|mode)\b")
FAN_PROP = re.compile(r"\b(?<!ceiling )(?:fan speed|fan|speed|wind(?: strength| speed)?|airflow)\b")
MODE = re.compile(
    r"\b(?P<mode>cool(?:ing)?|heat(?:ing)?|dry(?:ing)?|dehumidif(?:y|ying|ication)|fan only|auto(?:matic)?|sleep"
    r"|turbo|power|purif(?:y|ying|ication)|air clean(?:ing)?|clean(?:ing)?|silent|quiet|fan)(?P<suffix> mode)?\b"
)
# Mode words that are also ordinary words count only next to "mode" ("start cleaning" is a robot job).
MODE_NEEDS_SUFFIX = frozenset({"power", "clean", "cleaning", "fan"})
MODES = {
    "cool": Mode.COOL,
    "cooling": Mode.COOL,
    "heat": Mode.HEAT,
    "heating": Mode.HEAT,
    "dry": Mode.DRY,
    "drying": Mode.DRY,
    "dehumidify": Mode.DRY,
    "dehumidifying": Mode.DRY,
    "dehumidification": Mode.DRY,
    "fan only": Mode.FAN,
    "fan": Mode.FAN,
    "auto": Mode.AUTO,
    "automatic": Mode.AUTO,
    "sleep": Mode.SLEEP,
    "turbo": Mode.TURBO,
    "power": Mode.TURBO,
    "purify": Mode.AIR_CLEAN,
    "purifying": Mode.AIR_CLEAN,
    "purification": Mode.AIR_CLEAN,
    "air clean": Mode.AIR_CLEAN,
    "air cleaning": Mode.AIR_CLEAN,
    "clean": Mode.AIR_CLEAN,
    "cleaning": Mode.AIR_CLEAN,
    "silent": Mode.SILENT,
    "quiet": Mode.SILENT,
}
PROPS: tuple[tuple[Prop, re.Pattern[str]], ...] = (
    (Prop.TEMPERATURE, re.compile(r"\b(?:target |set )?(?:temperature|temp|thermostat)\b")),
    (Prop.HUMIDITY, re.compile(r"\bhumidity(?: level)?\b")),
    (Prop.MODE, re.compile(r"\bmode\b")),
    (Prop.VOLUME, re.compile(r"\b(?:volume|sound)\b")),
    (Prop.CHANNEL, re.compile(r"\bchannel\b")),
    (Prop.DOOR, re.compile(r"\bdoors?\b")),
    (Prop.SCHEDULE, re.compile(_SCHEDULE_WORD)),
)
MODIFIERS: tuple[tuple[Modifier, re.Pattern[str]], ...] = (
    (Modifier.AGAIN, re.compile(r"\bagain\b")),
    (
        Modifier.BRIEFLY,
        re.compile(
            r"\bfor (?:a )?(?:moment|minute|second|sec|bit|while)\b|\bbriefly\b|\btemporarily\b|\bfor now\b"
        ),
    ),
    (Modifier.WARMER, re.compile(r"\b(?:warmer|hotter)\b")),
    (Modifier.COOLER, re.compile(r"\b(?:cooler|colder)\b")),
)
FILLERS = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "your",
        "to",
        "by",
        "at",
        "of",
        "in",
        "on",
        "for",
        "from",
        "with",
        "up",
        "down",
        "back",
        "some",
        "bit",
        "little",
        "more",
        "degrees",
        "one",
        "ones",
        "too",
        "also",
        "well",
        "setting",
        "level",
        "cycle",
        "program",
        "appliance",
        "appliances",
        "device",
        "devices",
        "machines",
        "currently",
        "current",
        "please",
        "go",
        "it's",
        "is",
        "be",
    ]
)
UNITS = {
    "degree": Unit.DEGREES,
    "degrees": Unit.DEGREES,
    "°": Unit.DEGREES,
    "°c": Unit.CELSIUS,
    "°f": Unit.FAHRENHEIT,
    "celsius": Unit.CELSIUS,
    "centigrade": Unit.CELSIUS,
    "c": Unit.CELSIUS,
    "fahrenheit": Unit.FAHRENHEIT,
    "f": Unit.FAHRENHEIT,
    "percent": Unit.PERCENT,
    "per cent": Unit.PERCENT,
    "%": Unit.PERCENT,
}


UNKNOWN_UNIT = re.compile(
    r"\s?(?:lit(?:er|re)s?|l|kg|kilos?|grams?|g|met(?:er|re)s?|m|cm|mm|km|inch(?:es)?|feet|foot|ft|volts?|watts?"
    r"|kelvin|k|pounds?|lbs?|ounces?|oz|cups?|miles?|levels?|notches|steps|times|rpm|kw|kwh)\b"
)
# Brand and possessive words that name nothing by themselves ("the LG washer", "our dryer").
NEUTRAL_WORDS = frozenset({"lg", "thinq", "smart", "our", "my", "the", "this", "that", "home", "house"})
QUANTIFIER = re.compile(r"\b(?:all|every|each|both)(?: of)?\b")
APP = app_pattern(EN_APP_WORDS, r"(?: app)?(?=\s|$)")
MUTE = re.compile(r"\b(?P<un>un)?mute\b")


# Phrasal verbs split around their object: "fire the washer up" is "fire up the washer".
SPLIT_PHRASAL = re.compile(
    r"^(?P<verb>fire|kick|start|shut|power|boot|crank|bump) (?P<object>.+?) (?P<particle>up|off|down)"
    r"(?P<rest> (?:to|by) .+)?$"
)
