"""Korean grammar: clause splitting, predicates (verb + ending), values and target phrases.

The predicate is matched at the end of a clause, so a missing space before it does not matter
("세탁기돌려줘"); values are found anywhere; what is left, with particles, softeners and property
words removed, names the target. The words and patterns are in `vocabulary_ko`.
"""

from dataclasses import replace
import re

from .clause import TIME_UNITS, Clause, Prop, Verb
from .korean import CONJUNCTIONS, split_particle
from .lexicon import (
    EN_DEVICE_WORDS,
    KO_APP_WORDS,
    KO_DEVICE_WORDS,
    KO_LOCATIONS,
    KO_PRONOUNS,
    en_device_type,
    fit_location,
    ko_area,
    ko_device_type,
    location_device_type,
)
from .model import FanSpeed, Quantity, QuestionIntent, Reason, TargetPhrase
from .numbers import parse_korean_number
from .time_ko import FAR, TIME_WORDS, take_clock, take_day_span
from .vocabulary_ko import (
    ACTIVITIES,
    APP,
    BARE_PARTICLES,
    BARE_STATE_QUESTION,
    CLAUSE_BREAK,
    CONNECTIVE,
    CONNECTIVE_STEMS,
    FAN,
    FAN_LEVELS,
    FAN_STEP,
    FAN_STEP_MODIFIERS,
    FILLERS,
    HESITATIONS,
    LANDMARKS,
    LONG_WORD,
    MODE,
    MODES,
    MODIFIERS,
    MUTE,
    NEGATION,
    NEUTRAL_WORDS,
    NOT_THIS,
    ONE,
    PAUSED_ONE,
    PREDICATE_RES,
    PREDICATE_WINDOW,
    PROPS,
    PROTECTED,
    QUANTIFIERS,
    QUANTITY,
    QUESTIONS,
    SCHEDULED_POWER,
    SEQUENTIAL_FORMS,
    SOFTENERS,
    STEP,
    UNITS,
    UNMUTE,
    WAKE,
)


def strip_wake_word(text: str) -> str:
    """Remove a leading wake word ("지니야", "헤이 구글") that leaked into the transcript."""
    return WAKE.sub("", text, count=1).strip()


def prepare(text: str) -> str:
    """Space run-together words, remove a wake word, softeners (좀, 제발) and hesitations ("어", "저기")."""
    text = " ".join(SOFTENERS.sub(" ", strip_wake_word(_respace(text))).split())
    # A sentence of hesitations only ("아아아아") stays as it is: it is not empty, just not ours.
    return " ".join(HESITATIONS.sub(" ", text).split()) or text


def _respace(text: str) -> str:
    """Put spaces around landmarks in words too long to be one ("지니야에어컨온도를18도로맞춰줘")."""
    words = []
    for word in text.split():
        if len(word) >= LONG_WORD:
            word = LANDMARKS.sub(lambda match: f" {match['word']} ", word)
        words.append(word)
    return " ".join(" ".join(words).split())


def read_targets(text: str) -> list[TargetPhrase]:
    """Read words that only name appliances ("세탁기가", "빨래") as target phrases."""
    return _targets(prepare(text), Clause())


def parse_clauses(text: str, question_mark: bool) -> list[Clause]:
    """Read a normalised Korean sentence (lower-case, no punctuation) as clauses."""
    text = prepare(text)
    clauses: list[Clause] = []
    if not text:
        return clauses
    for segment in CLAUSE_BREAK.split(text):
        segment = _without_not_this(segment)
        if NEGATION.search(segment):
            return [Clause(refusal=Reason.NEGATION)]
        start = 0
        for match in CONNECTIVE.finditer(segment):
            if match["stem"]:
                verb = CONNECTIVE_STEMS[match["stem"]]
            elif match["home"]:
                verb = Verb.RETURN
            else:
                verb = SEQUENTIAL_FORMS[match["form"]]
            clauses.append(_read_clause(segment[start : match.start()], verb))
            start = match.end()
        if segment[start:].strip() or not clauses:
            clauses.append(_read_clause(segment[start:], None, question_mark=question_mark))
    return clauses


def _without_not_this(segment: str) -> str:
    """Drop what "말고" rejects: "세탁기 말고 건조기 돌려줘" → "건조기 돌려줘".

    A rejected action or value keeps its appliance: "에어컨 끄지 말고 바람 약하게 해줘" and
    "에어컨 25도 말고 24도로" still mean the air conditioner.
    """
    match = NOT_THIS.match(segment)
    if match is None:
        return segment
    this, that = match["this"].split(), match["that"]
    negated_verb = bool(this) and this[-1].endswith("지")
    rejected = _read_clause(" ".join(this[:-1] if negated_verb else this), Verb.SET)
    if negated_verb or rejected.has_value:
        named = " ".join(target.text for target in rejected.targets)
        return _without_not_this(f"{named} {that}".strip())
    return _without_not_this(that)


def _read_clause(text: str, verb: Verb | None, *, question_mark: bool = False) -> Clause:
    text = text.strip()
    clause = Clause(verb=verb)
    if verb is None:
        for intent, pattern in QUESTIONS:
            if match := pattern.search(text):
                clause.question = intent
                clause.targets = _targets(_take_props(text[: match.start()], clause), clause)
                return clause
        if question_mark and (match := BARE_STATE_QUESTION.search(text)):
            clause.question = QuestionIntent.STATE
            clause.targets = _targets(text[: match.start()], clause)
            return clause
        text, activity = _take_predicate(text, clause)
        if clause.verb in {Verb.START, Verb.SET} and (match := SCHEDULED_POWER.search(text)):
            clause.verb = Verb.OFF if match["power"] in {"꺼지", "끄"} else Verb.ON
            text = text[: match.start()]
    else:
        activity = ""
    if match := FAN_STEP.search(text):
        clause.modifiers.add(FAN_STEP_MODIFIERS[match["before"] or match["after"]])
        text = f"{text[: match.start()]} {text[match.end() :]}"
    text = PAUSED_ONE.sub(" 그거 ", STEP.sub(" ", text))
    if FAR.search(text):
        clause.refusal = Reason.TIME_TOO_FAR
    text = take_clock(text, clause)
    text = take_day_span(text, clause)
    text = _take_quantities(text, clause)
    text = _take_fan(text, clause)
    text = _take_props(text, clause)
    text = _take_mode(text, clause)
    text = _take_tv(text, clause)
    for modifier, pattern in MODIFIERS:
        text, found = pattern.subn(" ", text)
        if found:
            clause.modifiers.add(modifier)
    clause.targets = _targets(text, clause)
    if not clause.targets and activity:
        clause.targets = _targets(activity, clause)
    if clause.refusal is None:
        clause.refusal = _leftover(text)
    return clause


def _leftover(text: str) -> Reason | None:
    """Return why words left once everything was read stop the clause: a time or a number."""
    for token in text.split():
        stem, _ = split_particle(token)
        if token in TIME_WORDS or stem in TIME_WORDS:
            return Reason.TIME_UNREADABLE
        if any(char.isdigit() for char in token):
            return Reason.UNPLACED
    return None


def _take_predicate(text: str, clause: Clause) -> tuple[str, str]:
    """Remove the predicate at the end of ``text`` and set the verb; also return an activity noun."""
    offset = max(0, len(text) - PREDICATE_WINDOW)
    window = text[offset:]
    best: re.Match[str] | None = None
    for verb, pattern in PREDICATE_RES:
        match = pattern.search(window)
        if match is not None and (best is None or match.start() < best.start()):
            best, clause.verb = match, verb
    if best is None:
        return text, ""
    # 청소해줘, 빨래해 주세요: the activity noun in the predicate names the appliance.
    activity = next((word for word in ACTIVITIES if word in best.group()), "")
    return text[: offset + best.start()], activity


def _take_quantities(text: str, clause: Clause) -> str:
    kept: list[str] = []
    start = 0
    for match in QUANTITY.finditer(text):
        quantity = _quantity(match)
        if quantity is None:
            continue
        kept.append(text[start : match.start()])
        start = match.end()
        clause.add_quantity(quantity)
        if match["unit"] == "단계":
            # "바람 2단계로", "에어컨 2단계로 해줘": a step is the fan's speed, never a temperature.
            clause.props.add(Prop.FAN)
        if quantity.unit not in TIME_UNITS and ("로" in match["tail"] or "까지" in match["tail"]):
            clause.destination = True
    kept.append(text[start:])
    return " ".join(kept)


def _quantity(match: re.Match[str]) -> Quantity | None:
    """Return the quantity of a number match, or None when the number words are not a number."""
    number = match["num"]
    unit = UNITS.get(match["unit"] or "")
    if number[0].isdigit():
        value = float("".join(number.replace("점", ".").split()))
    else:
        whole, _, fraction = number.partition("점")
        integer = parse_korean_number(whole)
        # Unit-less number words are read only in "이십삼으로": elsewhere they are ordinary words.
        if integer is None or (unit is None and (len(whole.strip()) < 2 or "로" not in match["tail"])):
            return None
        value = float(integer)
        if fraction:
            value += float("0." + "".join(str(parse_korean_number(char)) for char in fraction.split()[0]))
    if match["half"]:
        value += 0.5
    if match["neg"]:
        value = -value
    return Quantity(value, unit)


def _take_fan(text: str, clause: Clause) -> str:
    match = FAN.search(text)
    if match is None:
        return text
    clause.fan_speed = FAN_LEVELS[match["level"] or match["bare"]]
    clause.props.add(Prop.FAN)
    return f"{text[: match.start()]} {text[match.end() :]}"


def _take_mode(text: str, clause: Clause) -> str:
    match = MODE.search(text)
    if match is None:
        return text
    word = "".join(match["mode"].split())
    if word == "자동" and Prop.FAN in clause.props:
        clause.fan_speed = FanSpeed.AUTO
    else:
        clause.mode = MODES[word]
    return f"{text[: match.start()]} {text[match.end() :]}"


def _take_tv(text: str, clause: Clause) -> str:
    """Take an app name and muting words ("유튜브", "음소거 해제")."""
    if match := APP.search(text):
        clause.app = KO_APP_WORDS[match["app"].replace(" ", "")]
        text = f"{text[: match.start()]} {text[match.end() :]}"
    for pattern, mute in ((UNMUTE, False), (MUTE, True)):
        text, found = pattern.subn(" ", text)
        if found:
            clause.mute = mute
            break
    return text


def _take_props(text: str, clause: Clause) -> str:
    for prop, pattern in PROPS:
        text, found = pattern.subn(" ", text)
        if found and prop is not None:
            clause.props.add(prop)
    return text


def _targets(text: str, clause: Clause) -> list[TargetPhrase]:
    """Split the remaining words into target phrases at conjunctions ("세탁기랑 건조기")."""
    groups: list[list[tuple[str, str]]] = [[]]
    every = False
    for token in text.split():
        if token in PROTECTED:
            stem, particle = token, ""
        else:
            stem, particle = split_particle(token)
        if token in QUANTIFIERS or stem in QUANTIFIERS:
            every = True
            continue
        if stem in FILLERS or token in FILLERS or token in BARE_PARTICLES or ONE.fullmatch(token):
            continue
        groups[-1].append((token, stem))
        if particle in CONJUNCTIONS:
            groups.append([])
    targets = [target for group in groups if group and (target := _target(group)) is not None]
    if Prop.DOOR in clause.props and not targets:
        return []
    if every:
        # The quantifier covers every phrase of the clause ("에어컨이랑 공기청정기 다 꺼줘").
        return [replace(target, every=True) for target in targets] or [
            TargetPhrase(text="", key="", raw_key="", every=True)
        ]
    return targets


def _target(group: list[tuple[str, str]]) -> TargetPhrase | None:
    words: list[str] = []
    raw: list[str] = []
    location = None
    pronoun = False
    for token, stem in group:
        word = stem
        for location_word, found in KO_LOCATIONS.items():
            if location_word in word:
                location = found
                word = word.replace(location_word, "")
        if word in KO_PRONOUNS or token in KO_PRONOUNS:
            pronoun = True
            continue
        if word:
            words.append(word)
            raw.append(token if word == stem else word)
    if not words and location is None and not pronoun:
        return None
    if len(words) > 1:
        # "로봇청소기 청소 시작해": the activity adds nothing to a named appliance.
        words = [word for word in words if word not in ACTIVITIES] or words
        raw = [token for token in raw if token not in ACTIVITIES] or raw
    key = "".join(words)
    area = ko_area(key)
    device_type = (
        ko_device_type(key.replace(area, "") if area else key)
        or en_device_type(" ".join(words))  # "dryer 좀 돌려"
        or location_device_type(location)
    )
    return TargetPhrase(
        text=" ".join(words),
        key=key,
        raw_key="".join(raw),
        device_type=device_type,
        location=fit_location(location, device_type),
        area=area,
        pronoun=pronoun,
        unplaced=_unplaced(key, area),
    )


def _unplaced(key: str, area: str | None) -> tuple[str, ...]:
    """Return what is left of a key once its area, one appliance word and brand words are taken."""
    rest = key.replace(area, "", 1) if area else key
    words = (*KO_DEVICE_WORDS, *(word.replace(" ", "") for word in EN_DEVICE_WORDS))
    if word := max((word for word in words if word in rest), key=len, default=None):
        rest = rest.replace(word, "", 1)
    for neutral in sorted(NEUTRAL_WORDS, key=len, reverse=True):
        rest = rest.replace(neutral, "")
    return (rest,) if rest else ()
