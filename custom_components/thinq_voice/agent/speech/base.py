"""The shape of a language the agent speaks: its messages, its words for values, its grammar.

A language is one subclass of `Speech` (see `korean`, `english`): a table of messages by key, the
tables naming modes, fan speeds, apps and compartments, and the few methods whose grammar differs
(how a time, a temperature or a question is said).
"""

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
import re

from ...voice.model import App, FanSpeed, Location, Mode

_SLOT = re.compile(r"\{(\w+)(?:\|([^}]+))?\}")


def number_words(value: float | str) -> str:
    """Write a number (or a numeric sensor's state) without a needless ".0"."""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


class Speech(ABC):
    """Everything the agent says in one language.

    Messages are templates with `{name}` slots; a slot may carry a particle (`{device|을/를}`),
    chosen by `particle` from how the value is read, for languages that have them.
    """

    code: str
    messages: Mapping[str, str]
    modes: Mapping[Mode, str]
    fan_speeds: Mapping[FanSpeed, str]
    locations: Mapping[str, str]
    # How the speeds of a fan with a few ordered speeds are said, by how many it has.
    speed_steps: Mapping[int, Sequence[str]]
    # Home Assistant's HVAC modes and the options LG's modes come as, as people say them.
    mode_readings: Mapping[str, str]
    # Particulate sensors by device class, as they are named in an answer.
    particulates: Mapping[str, str]
    # What separates the items of a spoken list of what is planned.
    list_separator: str
    # The particle of `choices` ("을/를") that follows how a text is read; none in a language without them.
    particle: Callable[[str, str], str]
    # Replies that say yes to "정말 시작할까요?", and those that drop an open question.
    yes_words: frozenset[str]
    cancel_words: frozenset[str]

    def say(self, key: str, **values: object) -> str:
        """Return message `key` with the values filled in."""

        def fill(match: re.Match[str]) -> str:
            text = str(values[match.group(1)])
            particle = match.group(2)
            return text + self.particle(text, particle) if particle else text

        return _SLOT.sub(fill, self.messages[key])

    def mode(self, mode: Mode) -> str:
        """Name an operating mode."""
        return self.modes[mode]

    def fan_speed(self, speed: FanSpeed) -> str:
        """Name a fan speed."""
        return self.fan_speeds[speed]

    def mode_reading(self, raw: str) -> str | None:
        """Name the mode an appliance reports (an HVAC mode or an LG option), if this language has a word."""
        return self.mode_readings.get(raw.lower())

    def unnamed_mode(self, raw: str) -> str | None:
        """Name a mode nothing translates; None where LG's value is no word of this language."""
        return None

    def mode_named(self, text: str) -> str:
        """Say a mode's translated name inside a sentence."""
        return text

    def speed_step(self, position: int, count: int) -> str:
        """Name speed `position` (from 1) of a fan with `count` ordered speeds."""
        words = self.speed_steps.get(count)
        return words[position - 1] if words else self.numbered_speed(position)

    @abstractmethod
    def numbered_speed(self, position: int) -> str:
        """Name a speed by its number, for a fan whose speeds have no names."""

    @abstractmethod
    def app(self, app: App) -> str:
        """Name a TV app as it is said."""

    def with_location(self, device: str, location: Location | None) -> str:
        """Name a part of an appliance: "냉장고 냉동실", "Refrigerator freezer"."""
        return device if location is None else f"{device} {self.locations[location.value]}"

    @abstractmethod
    def degrees(self, value: float, unit: str) -> str:
        """Write a temperature the way it is said; `unit` is Home Assistant's temperature unit."""

    @abstractmethod
    def door(self, opened: bool) -> str:
        """Say whether a door is open."""

    @abstractmethod
    def switched(self, on: bool) -> str:
        """Say an on/off state."""

    @abstractmethod
    def state(self, text: str) -> str:
        """Say a state named by its translation, with its ending."""

    @abstractmethod
    def as_of(self, as_of: str, answer: str) -> str:
        """Put "as of N minutes ago" before an answer."""

    @abstractmethod
    def duration(self, duration: timedelta) -> str:
        """Write a duration: "1시간 5분", "1 hour 5 minutes"."""

    @abstractmethod
    def clock(self, local: datetime) -> str:
        """Write a local clock time: "오후 3시 20분", "3:20 PM"."""

    @abstractmethod
    def weekday_date(self, day: date) -> str:
        """Write a date some days ahead with its weekday: "12월 5일 (토)", "Saturday 5 December"."""

    @abstractmethod
    def date(self, day: date) -> str:
        """Write a date of the coming days: "12월 3일", "Dec 3"."""

    def when_in(self, delay: timedelta, local: datetime) -> str:
        """Say when a command kept for later runs: "2시간 뒤(오후 3시)에"; a day or more ahead with its date."""
        if delay < timedelta(days=1):
            return self.say("when_in", delay=self.duration(delay), clock=self.clock(local))
        return self.say(
            "when_in_days",
            delay=self.duration(delay),
            date=self.weekday_date(local.date()),
            clock=self.clock(local),
        )

    def moment(self, local: datetime, delay: timedelta) -> str:
        """Say the time a delay ends: its clock, with its date when it is a day or more away."""
        if delay < timedelta(days=1):
            return self.clock(local)
        return self.say("dated_clock", date=self.weekday_date(local.date()), clock=self.clock(local))

    def which(self, names: Sequence[str]) -> str:
        """Ask the user to pick one of the named appliances."""
        return self.say("which", options=", ".join(names))
