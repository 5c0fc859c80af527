"""Language understanding for the ThinQ Voice conversation agent (no Home Assistant imports).

Text in, structured actions out; the agent resolves targets to entities and calls services::

    from custom_components.thinq_voice.voice import Command, NotUnderstood, Question, parse

    result = parse("거실 에어컨 23도로 맞춰줘", "ko")
    # Utterance(language=Language.KO, parts=(Command(intent=Intent.SET_TEMPERATURE,
    #     target=TargetPhrase(text="거실 에어컨", key="거실에어컨", device_type=AIR_CONDITIONER,
    #     area="거실", ...), value=Quantity(23.0, Unit.DEGREES)),))

`parse` never raises: it returns an `Utterance` (one or more `Command` / `Question` parts, in
spoken order) or a `NotUnderstood` with a `Reason`. It is deterministic, needs no model or
network, and reads a sentence in well under a millisecond.

Command intents (`Intent`): turn_on, turn_off, start, pause, resume, stop, return_to_base,
set_temperature, set_mode, set_fan_speed, set_humidity, express_freeze (value True/False),
open_door, close_door (the agent answers that doors cannot be opened remotely),
cancel_schedule ("세탁기 예약 취소해줘", "cancel the AC timer"; "예약 다 취소해줘" / "cancel all
timers" has an `every` target without text: every schedule in the home); for TVs
set_volume (a number, or UP/DOWN), mute (True mutes), launch_app (an `App`), set_channel
(a number, or UP/DOWN).
Question intents (`QuestionIntent`): state, remaining_time, current_temperature,
target_temperature, current_humidity, door, air_quality, what_is_running, capabilities,
schedules ("예약된 거 뭐 있어?", "when will the washer start?"; target None = the whole home).

Command details:

* ``value``: a `Quantity` (amount and `Unit`; not range-checked: the agent checks the profile),
  a `Mode`, a `FanSpeed`, or a bool for express_freeze.
* ``direction``: UP/DOWN for relative changes ("2도 올려줘", "소리 키워줘"); ``value`` is then the
  step or None ("조금 올려줘": the agent picks a step). ``Command.relative`` and ``Command.delta``
  are conveniences.
* ``implied``: a relative change that did not say what to change ("더 올려", "turn it up"); the
  intent is then a guess (temperature, volume for a TV) the agent may replace with the property of
  the conversation's last change. False when a property word or a degree/percent unit was said.
* ``delay``: a `timedelta` for "2시간 뒤에 돌려줘" / "turn it off in 40 minutes".
* ``at``: a `ClockTime` for "오후 7시에 꺼줘" / "at 7:30 pm" / "내일 아침 7시에"; never set with
  ``delay``. ``hour`` is on the 24-hour clock when ``meridiem_known``, else 1-12 as said ("7시에",
  "at 7"). A time that cannot be one ("25시에", "at 13 pm") makes the sentence `NotUnderstood`
  with ``Reason.MISSING_VALUE``. ``Command.later`` is True when either is set.
* ``target``: a `TargetPhrase` or None when nothing was named ("켜줘"). A part without its own
  target reuses the previous part's ("에어컨 켜고 23도로 맞춰줘"). ``TargetPhrase.pronoun`` marks
  "그거" / "it"; ``TargetPhrase.matches(name)`` compares a device name or alias with what was said,
  exact name first, then with one particle stripped.

When-then: "세탁 끝나면 건조기 돌려줘", "tell me when the oven is preheated" give commands whose
``when`` is a `WhenEvent` (the appliance and the `ApplianceEvent` awaited); "빨래 끝나면 알려줘" is
a ``notify`` command without a target. Such a command is never for now. A condition that cannot
be read ("세탁기 돌면 …", "if it rains …") makes the sentence `NotUnderstood` with
``Reason.CONDITION``; the reasons in ``model.DECLINED`` (condition, negation, unreadable or too
distant time, unplaced words) are told to the user, never handed to another agent.

Follow-ups: `parse_fragment` reads a sentence that only names appliances ("아니, 거실 거", "and the
bedroom one too") as target phrases; `is_correction` says whether it takes back the last target
("아니", "그거 말고", "no", "not that one", "I meant") rather than adding one.

Korean particle helpers for answers are in `korean`: `josa`, `particle_for`, `has_final_consonant`.
"""

from .korean import has_final_consonant, josa, particle_for
from .model import (
    Action,
    App,
    ApplianceEvent,
    ClockTime,
    Command,
    DeviceType,
    Direction,
    FanSpeed,
    Intent,
    Language,
    Location,
    Mode,
    NotUnderstood,
    ParseResult,
    Quantity,
    Question,
    QuestionIntent,
    Reason,
    TargetPhrase,
    Unit,
    Utterance,
    Value,
    WhenEvent,
)
from .parser import MAX_LENGTH, is_correction, parse, parse_fragment

__all__ = [
    "MAX_LENGTH",
    "Action",
    "App",
    "ApplianceEvent",
    "ClockTime",
    "Command",
    "DeviceType",
    "Direction",
    "FanSpeed",
    "Intent",
    "Language",
    "Location",
    "Mode",
    "NotUnderstood",
    "ParseResult",
    "Quantity",
    "Question",
    "QuestionIntent",
    "Reason",
    "TargetPhrase",
    "Unit",
    "Utterance",
    "Value",
    "WhenEvent",
    "has_final_consonant",
    "is_correction",
    "josa",
    "parse",
    "parse_fragment",
    "particle_for",
]
