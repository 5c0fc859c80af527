"""English grammar: politeness and contractions, verb phrases, values and target phrases.

The words and patterns are in `vocabulary_en`.
"""

from dataclasses import replace
import re

from .clause import Clause, Prop, Verb
from .lexicon import (
    EN_APP_WORDS,
    EN_PRONOUNS,
    en_area,
    en_device_type,
    en_joined_devices,
    en_singular,
    en_without_device,
    fit_location,
    location_device_type,
    take_en_location,
)
from .model import FanSpeed, Mode, Quantity, QuestionIntent, Reason, TargetPhrase
from .numbers import english_words_to_digits
from .time_en import FAR, TIME_WORDS, take_clock, take_delay
from .vocabulary_en import (
    APP,
    CLAUSE_BREAK,
    CONTRACTIONS,
    DESTINATION,
    EXPRESS,
    FAN,
    FAN_LEVELS,
    FAN_MODE,
    FAN_PROP,
    FILLERS,
    HESITATIONS,
    MODE,
    MODE_NEEDS_SUFFIX,
    MODES,
    MODIFIERS,
    MUTE,
    NEGATION,
    NEUTRAL_WORDS,
    NOT_THIS,
    NUMBER,
    POLITENESS,
    PROPS,
    QUANTIFIER,
    QUANTITY,
    QUESTION_START,
    QUESTION_WORDS,
    QUESTIONS,
    SPLIT_PHRASAL,
    STATEMENT_QUESTION,
    STEP,
    TRAILING_VERBS,
    UNITS,
    UNKNOWN_UNIT,
    UP_DOWN,
    VERBS,
    WAKE,
)


def prepare(text: str) -> str:
    """Remove a wake word, hesitations and politeness, expand contractions, write numbers as digits."""
    text = WAKE.sub("", text)
    for pattern, replacement in CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = HESITATIONS.sub(" ", text)
    return " ".join(POLITENESS.sub(" ", english_words_to_digits(text)).split()).strip(" ,")


def read_targets(text: str) -> list[TargetPhrase]:
    """Read words that only name appliances ("the washer") as target phrases."""
    return _targets(prepare(text))


def parse_clauses(text: str, question_mark: bool) -> list[Clause]:
    """Read a normalised English sentence (lower-case, no punctuation) as clauses."""
    text = prepare(text)
    if not text:
        return []
    if not QUESTION_START.match(text) or text.startswith(("do not ", "does not ", "did not ")):
        for pattern in NOT_THIS:
            text = " ".join(pattern.sub(" ", text).split())
        if NEGATION.search(text):
            return [Clause(refusal=Reason.NEGATION)]
    segments: list[str] = []
    for segment in filter(None, CLAUSE_BREAK.split(text)):
        # "start the dryer and the styler": a segment without a verb continues the previous one.
        if segments and not _starts_clause(segment):
            segments[-1] += f" and {segment}"
        else:
            segments.append(segment)
    return [_read_clause(segment, question_mark) for segment in segments]


def _starts_clause(segment: str) -> bool:
    return any(pattern.match(segment) for _, pattern in VERBS) or bool(QUESTION_START.match(segment))


def _read_clause(text: str, question_mark: bool) -> Clause:
    clause = Clause()
    # "could you turn on the tv?" is a request: a leading verb outweighs the question mark.
    command = any(pattern.match(text) for _, pattern in VERBS)
    if QUESTION_START.match(text) or (not command and (question_mark or STATEMENT_QUESTION.search(text))):
        # "is the air conditioner running?": "air" is a question word, but not inside an appliance name.
        words = [
            word.replace("_", " ")
            for word in en_joined_devices(text).split()
            if word not in QUESTION_WORDS and not NUMBER.fullmatch(word)
        ]
        targets = _targets(" ".join(words))
        intent = next((intent for intent, pattern in QUESTIONS if pattern.search(text)), None)
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
    text = " ".join(STEP.sub(" ", text).split())
    text = _take_verb(text, clause)
    text = _take_quantity(text, clause)
    text, found = EXPRESS.subn(" ", text)
    if found:
        clause.props.add(Prop.EXPRESS_FREEZE)
    text = _take_fan(text, clause)
    for prop, pattern in PROPS:
        text, found = pattern.subn(" ", text)
        if found:
            clause.props.add(prop)
    text = _take_mode(text, clause)
    text = _take_tv(text, clause)
    for modifier, pattern in MODIFIERS:
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


def _take_tv(text: str, clause: Clause) -> str:
    """Take an app name and "mute"/"unmute"."""
    if match := APP.search(text):
        clause.app = EN_APP_WORDS[" ".join(match["app"].split())]
        text = f"{text[: match.start()]} {text[match.end() :]}"
    if match := MUTE.search(text):
        clause.mute = not match["un"]
        text = f"{text[: match.start()]} {text[match.end() :]}"
    return text


def _take_verb(text: str, clause: Clause) -> str:
    """Set the verb from the start of the clause ("turn on", "set") or its end ("tv on")."""
    if (split := SPLIT_PHRASAL.match(text)) and not split["object"].endswith(("volume", "temperature")):
        text = f"{split['verb']} {split['particle']} {split['object']}{split['rest'] or ''}"
    if match := DESTINATION.search(text):
        clause.verb = Verb.RETURN
        text = text[: match.start()] + text[match.end() :]
    best: re.Match[str] | None = None
    for verb, pattern in VERBS:
        match = pattern.match(text)
        if match is not None and (best is None or match.end() > best.end()):
            best = match
            if clause.verb is not Verb.RETURN:
                clause.verb = verb
    if best is not None:
        text = text[best.end() :]
    # "turn the washer on", "switch the tv off", "washer start".
    for verb, pattern in TRAILING_VERBS:
        # "shut the ac off": "shut" closes doors, "shut ... off" switches off.
        shut_off = clause.verb is Verb.CLOSE and verb is Verb.OFF
        if (match := pattern.search(text)) and (
            clause.verb in {None, Verb.SET, Verb.ON, Verb.OFF} or shut_off
        ):
            clause.verb = verb
            text = text[: match.start()]
    # "turn the ac up by 2", "turn it down", and without a verb "volume down by 5", "a bit higher".
    if clause.verb in {None, Verb.SET} and (match := UP_DOWN.search(text)):
        clause.verb = Verb.UP if match.group() in {"up", "higher"} else Verb.DOWN
        text = f"{text[: match.start()]} {text[match.end() :]}"
    return text


def _take_quantity(text: str, clause: Clause) -> str:
    match = QUANTITY.search(text)
    if match is None:
        return text
    amount = float(match["num"])
    if match["neg"] or match["sign"]:
        amount = -amount
    unit = match["unit"]
    clause.add_quantity(Quantity(amount, (UNITS.get(unit) or UNITS[unit.split()[-1]]) if unit else None))
    if not unit and UNKNOWN_UNIT.match(text[match.end() :]):
        clause.refusal = Reason.UNPLACED  # "set the ac to 25 liters"
    # "lower it to 22", "preheat the oven to 350": the number is the new setting, not a step.
    clause.destination = text[: match.start()].endswith(("to ", "at "))
    return f"{text[: match.start()]} {text[match.end() :]}"


def _take_fan(text: str, clause: Clause) -> str:
    if match := FAN.search(text):
        clause.fan_speed = FAN_LEVELS[match["level"] or match["bare"]]
        clause.props.add(Prop.FAN)
        text = f"{text[: match.start()]} {text[match.end() :]}"
    if clause.fan_speed is None and not FAN_MODE.search(text):
        text, found = FAN_PROP.subn(" ", text)
        if found:
            clause.props.add(Prop.FAN)
    return text


def _take_mode(text: str, clause: Clause) -> str:
    match = MODE.search(text)
    if match is None:
        return text
    word = match["mode"]
    if not match["suffix"] and Prop.MODE not in clause.props and clause.verb not in {Verb.SET, Verb.ON, None}:
        return text
    if not match["suffix"] and Prop.MODE not in clause.props and word in MODE_NEEDS_SUFFIX:
        return text
    if MODES[word] is Mode.AUTO and Prop.FAN in clause.props:
        clause.fan_speed = FanSpeed.AUTO
    else:
        clause.mode = MODES[word]
    return f"{text[: match.start()]} {text[match.end() :]}"


def _targets(text: str) -> list[TargetPhrase]:
    """Split the remaining words into target phrases at "and" ("the dryer and the styler")."""
    text, every = QUANTIFIER.subn(" ", text)
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
    words = [word for word in group.split() if word not in FILLERS]
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
    unplaced = tuple(word for word in rest.split() if word not in NEUTRAL_WORDS)
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
