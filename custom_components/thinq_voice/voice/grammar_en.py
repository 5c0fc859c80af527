"""English grammar: politeness and contractions, verb phrases, values and target phrases."""

from dataclasses import replace
import re

from .clause import Clause, Modifier, Prop, Verb
from .lexicon import (
    EN_APP_WORDS,
    EN_PRONOUNS,
    app_pattern,
    en_area,
    en_device_type,
    en_joined_devices,
    en_singular,
    en_without_device,
    fit_location,
    location_device_type,
    take_en_location,
)
from .model import FanSpeed, Mode, Quantity, QuestionIntent, Reason, TargetPhrase, Unit
from .numbers import english_words_to_digits
from .time_en import FAR, TIME_WORDS, take_clock, take_delay

_WAKE = re.compile(r"^(?:(?:hey|hi|ok|okay)\s(?:google|genie|lg|bixby|alexa|siri)|alexa|bixby|genie)\b[\s,]*")
_CONTRACTIONS = (
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
_POLITENESS = re.compile(
    r"\b(?:please|pls|plz|kindly|could you|can you|would you(?: mind)?|will you|would you be able to"
    r"|i (?:want|need|would like) you to|i would like to|i want to|i need to|i wanna|go ahead and|let us"
    r"|for me|thanks|thank you|right now|now|just|quickly|i (?:want|need|would like))\b"
)
_CLAUSE_BREAK = re.compile(r"\s*(?:,|;|\band then\b|\bthen\b|\band\b|\balso\b)\s*")
_QUESTION_START = re.compile(
    r"^(?:is|are|was|were|does|do|did|has|have|what|how|when|which|where|tell me|let me know|show me|check|status)\b"
)
# Questions said as statements: "time remaining on the washer", "dryer status".
_STATEMENT_QUESTION = re.compile(
    r"\b(?:time (?:left|remaining)|remaining time|status|air quality|fine dust)\b"
)
_SCHEDULE_WORD = (
    r"\b(?:delayed start|delay start|(?:sleep |delay |off |on |start )?timers?|schedules?|scheduled (?:start|run|cycle)"
    r"|reservations?)\b"
)
_QUESTIONS: tuple[tuple[QuestionIntent, re.Pattern[str]], ...] = tuple(
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
_QUESTION_WORDS = frozenset(
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

_VERBS: tuple[tuple[Verb, re.Pattern[str]], ...] = tuple(
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
_TRAILING_VERBS: tuple[tuple[Verb, re.Pattern[str]], ...] = (
    (Verb.ON, re.compile(r"\bon$")),
    (Verb.OFF, re.compile(r"\boff$")),
    (Verb.START, re.compile(r"\bstart$")),
    (Verb.STOP, re.compile(r"\bstop$")),
    (Verb.UP, re.compile(r"\bup$")),
    (Verb.DOWN, re.compile(r"\bdown$")),
    (Verb.PAUSE, re.compile(r"\bpause$")),
    (Verb.RESUME, re.compile(r"\bresume$")),
)
_NUMBER = re.compile(r"(?:pm)?[\d.]+")
# "lower" only last: elsewhere it can name an oven part ("set the lower oven to 200").
_UP_DOWN = re.compile(r"\b(?:up|down|higher)\b|\blower$")
# "fan speed down one step": one step is what a relative change without a number does anyway.
_STEP = re.compile(r"\b(?:by )?(?:one|a|1|a single) (?:step|notch)\b")
_DESTINATION = re.compile(
    r"\b(?:(?:go|head|come|return|get) )?(?:back )?(?:home|to (?:the |its |your )?(?:dock|base|charger|"
    r"charging (?:station|base|dock)|docking station|home base))\b"
)
# "turn off the bedroom ac, not the living room one", "not the washer but the dryer", "instead of":
# what is rejected is dropped; any other negation refuses the sentence.
_NOT_THIS = (
    re.compile(r"\bnot (?:the|my|that|this|in the) [\w ]+?,? but (?:the )?"),
    re.compile(r",? (?:and |but )?not (?:the|my|that|this|in the) [\w ]+$"),
    re.compile(r",? (?:instead of|rather than) (?:the |my )?[\w ]+?(?=,|$)"),
    re.compile(r"\binstead\b"),
)
_NEGATION = re.compile(
    r"\b(?:do not|does not|dont|never(?! mind)|no need|not|cannot|nothing|none|neither|nor)\b"
)
_HESITATIONS = re.compile(
    r"\b(?:u+m+|u+h+|e+r+m*|hmm+|oh wait|oh|wait|well|you know|actually|i mean|so|okay so|ok so|hey|sorry"
    r"|oh right|right|let me see|lets see|let us see)\b,?"
)
_QUANTITY = re.compile(
    r"(?:\b(?P<neg>minus|negative) |(?P<sign>-))?(?P<num>\d+(?:\.\d+)?)\s?"
    r"(?P<unit>degrees? (?:celsius|centigrade|c|fahrenheit|f)\b|degrees?\b|°[cf]?|celsius\b|fahrenheit\b"
    r"|percent\b|per cent\b|%)?"
)
_EXPRESS = re.compile(
    r"\b(?:express|quick|rapid|fast) (?:freez(?:e|ing|er)|mode|cool(?:ing)?)\b|\bice plus\b"
)
_FAN = re.compile(
    r"\b(?<!ceiling )(?:fan speed|fan|speed|wind(?: strength| speed)?|airflow)(?: (?:to|on|at))? (?P<level>low|lowest|minimum|min|"
    r"medium|mid|high|highest|maximum|max|auto|automatic)\b"
    r"|\b(?P<bare>low|lowest|medium|mid|high|highest|maximum|max)\b(?: (?:fan|speed|fan speed))?"
)
_FAN_LEVELS = {
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
_FAN_MODE = re.compile(r"\bfan (?:only|mode)\b")
_FAN_PROP = re.compile(r"\b(?<!ceiling )(?:fan speed|fan|speed|wind(?: strength| speed)?|airflow)\b")
_MODE = re.compile(
    r"\b(?P<mode>cool(?:ing)?|heat(?:ing)?|dry(?:ing)?|dehumidif(?:y|ying|ication)|fan only|auto(?:matic)?|sleep"
    r"|turbo|power|purif(?:y|ying|ication)|air clean(?:ing)?|clean(?:ing)?|silent|quiet|fan)(?P<suffix> mode)?\b"
)
# Mode words that are also ordinary words count only next to "mode" ("start cleaning" is a robot job).
_MODE_NEEDS_SUFFIX = frozenset({"power", "clean", "cleaning", "fan"})
_MODES = {
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
_PROPS: tuple[tuple[Prop, re.Pattern[str]], ...] = (
    (Prop.TEMPERATURE, re.compile(r"\b(?:target |set )?(?:temperature|temp|thermostat)\b")),
    (Prop.HUMIDITY, re.compile(r"\bhumidity(?: level)?\b")),
    (Prop.MODE, re.compile(r"\bmode\b")),
    (Prop.VOLUME, re.compile(r"\b(?:volume|sound)\b")),
    (Prop.CHANNEL, re.compile(r"\bchannel\b")),
    (Prop.DOOR, re.compile(r"\bdoors?\b")),
    (Prop.SCHEDULE, re.compile(_SCHEDULE_WORD)),
)
_MODIFIERS: tuple[tuple[Modifier, re.Pattern[str]], ...] = (
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
_FILLERS = frozenset(
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
_UNITS = {
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


def prepare(text: str) -> str:
    """Remove a wake word, hesitations and politeness, expand contractions, write numbers as digits."""
    text = _WAKE.sub("", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = _HESITATIONS.sub(" ", text)
    return " ".join(_POLITENESS.sub(" ", english_words_to_digits(text)).split()).strip(" ,")


def read_targets(text: str) -> list[TargetPhrase]:
    """Read words that only name appliances ("the washer") as target phrases."""
    return _targets(prepare(text))


def parse_clauses(text: str, question_mark: bool) -> list[Clause]:
    """Read a normalised English sentence (lower-case, no punctuation) as clauses."""
    text = prepare(text)
    if not text:
        return []
    if not _QUESTION_START.match(text) or text.startswith(("do not ", "does not ", "did not ")):
        for pattern in _NOT_THIS:
            text = " ".join(pattern.sub(" ", text).split())
        if _NEGATION.search(text):
            return [Clause(refusal=Reason.NEGATION)]
    segments: list[str] = []
    for segment in filter(None, _CLAUSE_BREAK.split(text)):
        # "start the dryer and the styler": a segment without a verb continues the previous one.
        if segments and not _starts_clause(segment):
            segments[-1] += f" and {segment}"
        else:
            segments.append(segment)
    return [_read_clause(segment, question_mark) for segment in segments]


def _starts_clause(segment: str) -> bool:
    return any(pattern.match(segment) for _, pattern in _VERBS) or bool(_QUESTION_START.match(segment))


def _read_clause(text: str, question_mark: bool) -> Clause:
    clause = Clause()
    # "could you turn on the tv?" is a request: a leading verb outweighs the question mark.
    command = any(pattern.match(text) for _, pattern in _VERBS)
    if _QUESTION_START.match(text) or (not command and (question_mark or _STATEMENT_QUESTION.search(text))):
        # "is the air conditioner running?": "air" is a question word, but not inside an appliance name.
        words = [
            word.replace("_", " ")
            for word in en_joined_devices(text).split()
            if word not in _QUESTION_WORDS and not _NUMBER.fullmatch(word)
        ]
        targets = _targets(" ".join(words))
        intent = next((intent for intent, pattern in _QUESTIONS if pattern.search(text)), None)
        if intent is QuestionIntent.WHAT_IS_RUNNING and targets:
            intent = QuestionIntent.STATE
        # "check the styler": a question about a named appliance with no other cue asks its state.
        if intent is None and any(t.device_type or t.area or t.pronoun for t in targets):
            intent = QuestionIntent.STATE
        if intent is not None:
            clause.question = intent
            clause.targets = targets
            return clause
    far = bool(FAR.search(text))
    text = take_delay(text, clause)
    text, bare_hour = take_clock(text, clause)
    text = " ".join(_STEP.sub(" ", text).split())
    text = _take_verb(text, clause)
    text = _take_quantity(text, clause)
    text, found = _EXPRESS.subn(" ", text)
    if found:
        clause.props.add(Prop.EXPRESS_FREEZE)
    text = _take_fan(text, clause)
    for prop, pattern in _PROPS:
        text, found = pattern.subn(" ", text)
        if found:
            clause.props.add(prop)
    text = _take_mode(text, clause)
    text = _take_tv(text, clause)
    for modifier, pattern in _MODIFIERS:
        text, found = pattern.subn(" ", text)
        if found:
            clause.modifiers.add(modifier)
    if bare_hour is not None and clause.verb is Verb.SET and not clause.has_value:
        # "set the ac at 23": with nothing else to set, a bare "at N" is the setting, not a time.
        clause.set_clock(None)
        clause.bad_time = False
        clause.quantity = Quantity(bare_hour)
    clause.targets = _targets(text)
    clause.refusal = clause.refusal or _leftover(text, far)
    return clause


def _leftover(text: str, far: bool) -> Reason | None:
    """Return why words left once everything was read stop the clause: a time or a number."""
    if far:
        return Reason.TIME_TOO_FAR
    for word in text.split():
        if word in TIME_WORDS:
            return Reason.TIME_UNREADABLE
        if any(char.isdigit() for char in word):
            return Reason.UNPLACED
    return None


_UNKNOWN_UNIT = re.compile(
    r"\s?(?:lit(?:er|re)s?|l|kg|kilos?|grams?|g|met(?:er|re)s?|m|cm|mm|km|inch(?:es)?|feet|foot|ft|volts?|watts?"
    r"|kelvin|k|pounds?|lbs?|ounces?|oz|cups?|miles?|levels?|notches|steps|times|rpm|kw|kwh)\b"
)
# Brand and possessive words that name nothing by themselves ("the LG washer", "our dryer").
_NEUTRAL_WORDS = frozenset({"lg", "thinq", "smart", "our", "my", "the", "this", "that", "home", "house"})
_QUANTIFIER = re.compile(r"\b(?:all|every|each|both)(?: of)?\b")
_APP = app_pattern(EN_APP_WORDS, r"(?: app)?(?=\s|$)")
_MUTE = re.compile(r"\b(?P<un>un)?mute\b")


def _take_tv(text: str, clause: Clause) -> str:
    """Take an app name and "mute"/"unmute"."""
    if match := _APP.search(text):
        clause.app = EN_APP_WORDS[" ".join(match["app"].split())]
        text = f"{text[: match.start()]} {text[match.end() :]}"
    if match := _MUTE.search(text):
        clause.mute = not match["un"]
        text = f"{text[: match.start()]} {text[match.end() :]}"
    return text


# Phrasal verbs split around their object: "fire the washer up" is "fire up the washer".
_SPLIT_PHRASAL = re.compile(
    r"^(?P<verb>fire|kick|start|shut|power|boot|crank|bump) (?P<object>.+?) (?P<particle>up|off|down)"
    r"(?P<rest> (?:to|by) .+)?$"
)


def _take_verb(text: str, clause: Clause) -> str:
    """Set the verb from the start of the clause ("turn on", "set") or its end ("tv on")."""
    if (split := _SPLIT_PHRASAL.match(text)) and not split["object"].endswith(("volume", "temperature")):
        text = f"{split['verb']} {split['particle']} {split['object']}{split['rest'] or ''}"
    if match := _DESTINATION.search(text):
        clause.verb = Verb.RETURN
        text = text[: match.start()] + text[match.end() :]
    best: re.Match[str] | None = None
    for verb, pattern in _VERBS:
        match = pattern.match(text)
        if match is not None and (best is None or match.end() > best.end()):
            best = match
            if clause.verb is not Verb.RETURN:
                clause.verb = verb
    if best is not None:
        text = text[best.end() :]
    # "turn the washer on", "switch the tv off", "washer start".
    for verb, pattern in _TRAILING_VERBS:
        # "shut the ac off": "shut" closes doors, "shut ... off" switches off.
        shut_off = clause.verb is Verb.CLOSE and verb is Verb.OFF
        if (match := pattern.search(text)) and (
            clause.verb in {None, Verb.SET, Verb.ON, Verb.OFF} or shut_off
        ):
            clause.verb = verb
            text = text[: match.start()]
    # "turn the ac up by 2", "turn it down", and without a verb "volume down by 5", "a bit higher".
    if clause.verb in {None, Verb.SET} and (match := _UP_DOWN.search(text)):
        clause.verb = Verb.UP if match.group() in {"up", "higher"} else Verb.DOWN
        text = f"{text[: match.start()]} {text[match.end() :]}"
    return text


def _take_quantity(text: str, clause: Clause) -> str:
    match = _QUANTITY.search(text)
    if match is None:
        return text
    amount = float(match["num"])
    if match["neg"] or match["sign"]:
        amount = -amount
    unit = match["unit"]
    clause.add_quantity(Quantity(amount, (_UNITS.get(unit) or _UNITS[unit.split()[-1]]) if unit else None))
    if not unit and _UNKNOWN_UNIT.match(text[match.end() :]):
        clause.refusal = Reason.UNPLACED  # "set the ac to 25 liters"
    # "lower it to 22", "preheat the oven to 350": the number is the new setting, not a step.
    clause.destination = text[: match.start()].endswith(("to ", "at "))
    return f"{text[: match.start()]} {text[match.end() :]}"


def _take_fan(text: str, clause: Clause) -> str:
    if match := _FAN.search(text):
        clause.fan_speed = _FAN_LEVELS[match["level"] or match["bare"]]
        clause.props.add(Prop.FAN)
        text = f"{text[: match.start()]} {text[match.end() :]}"
    if clause.fan_speed is None and not _FAN_MODE.search(text):
        text, found = _FAN_PROP.subn(" ", text)
        if found:
            clause.props.add(Prop.FAN)
    return text


def _take_mode(text: str, clause: Clause) -> str:
    match = _MODE.search(text)
    if match is None:
        return text
    word = match["mode"]
    if not match["suffix"] and Prop.MODE not in clause.props and clause.verb not in {Verb.SET, Verb.ON, None}:
        return text
    if not match["suffix"] and Prop.MODE not in clause.props and word in _MODE_NEEDS_SUFFIX:
        return text
    if _MODES[word] is Mode.AUTO and Prop.FAN in clause.props:
        clause.fan_speed = FanSpeed.AUTO
    else:
        clause.mode = _MODES[word]
    return f"{text[: match.start()]} {text[match.end() :]}"


def _targets(text: str) -> list[TargetPhrase]:
    """Split the remaining words into target phrases at "and" ("the dryer and the styler")."""
    text, every = _QUANTIFIER.subn(" ", text)
    groups = re.split(r"\band\b|&", en_singular(text))
    targets = [target for group in groups if (target := _target(group)) is not None]
    if every:
        # "turn off all the acs", "both of them": every appliance each phrase fits.
        return [replace(target, every=True, pronoun=False) for target in targets] or [
            TargetPhrase(text="", key="", raw_key="", every=True)
        ]
    return targets


def _target(group: str) -> TargetPhrase | None:
    group, location = take_en_location(group)
    words = [word for word in group.split() if word not in _FILLERS]
    pronoun = False
    phrase = " ".join(words)
    for candidate in ("that one", "this one"):
        if candidate in phrase:
            pronoun, phrase = True, phrase.replace(candidate, " ")
    words = []
    for word in phrase.split():
        if word in EN_PRONOUNS:
            pronoun = True
        else:
            words.append(word)
    if not words and location is None and not pronoun:
        return None
    text = " ".join(words)
    area = en_area(text)
    device_type = en_device_type(text) or location_device_type(location)
    key = "".join(words)
    rest = en_without_device(text.replace(area, " ", 1) if area else text)
    unplaced = tuple(word for word in rest.split() if word not in _NEUTRAL_WORDS)
    return TargetPhrase(
        text=text,
        key=key,
        raw_key=key,
        device_type=device_type,
        location=fit_location(location, device_type),
        area=area,
        pronoun=pronoun and not (words and area),
        unplaced=unplaced,
    )
