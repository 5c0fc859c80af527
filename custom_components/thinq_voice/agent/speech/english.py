"""The agent's English: messages, the words for modes, speeds, apps and compartments, and grammar."""

from datetime import date, datetime, timedelta

from homeassistant.const import UnitOfTemperature

from ...voice.model import App, FanSpeed, Mode
from .base import Speech, number_words

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

MESSAGES: dict[str, str] = {
    "turned_on": "Turned on the {device}.",
    "turned_off": "Turned off the {device}.",
    "already_on": "The {device} is already on.",
    "already_off": "The {device} is already off.",
    "started": "Started the {device}.",
    "started_delayed": "The {device} will start in {delay}, at {clock}.",
    "timer_on_set": "Set the {device} timer: it turns on in {delay}, at {clock}.",
    "timer_off_set": "Set the {device} timer: it turns off in {delay}, at {clock}.",
    "scheduled": "OK, the {device} will {action} {when}.",
    "when_in": "in {delay} ({clock})",
    "when_in_days": "in {delay}, {date} at {clock}",
    "dated_clock": "{clock} on {date}",
    "when_at": "at {clock}",
    "when_tomorrow_at": "tomorrow at {clock}",
    "when_on": "on {date} at {clock}",
    "put_back": "Put the {device} back as it was.",
    "too_far_ahead": "I can only schedule up to a week ahead, so I didn't change anything.",
    "schedule_item": "the {device} will {action} {when}",
    "schedules_list": "Scheduled: {items}.",
    "schedules_none": "Nothing is scheduled.",
    "schedules_none_device": "Nothing is scheduled for the {device}.",
    "schedule_cancelled": "Cancelled what was scheduled for the {device}.",
    "scheduled_failed_title": "ThinQ Voice: a scheduled action failed",
    "scheduled_failed": "The scheduled {action} of the {device} ({when}) did not run. {reason}",
    "action_turn_on": "turn on",
    "action_turn_off": "turn off",
    "action_start": "start",
    "action_pause": "pause",
    "action_resume": "resume",
    "action_stop": "stop",
    "action_return_to_base": "return to its dock",
    "action_set_temperature": "change its temperature",
    "action_set_mode": "change its mode",
    "action_set_fan_speed": "change its fan speed",
    "action_set_humidity": "change its humidity",
    "action_express_freeze": "switch express freeze",
    "action_set_volume": "change its volume",
    "action_mute": "switch mute",
    "action_launch_app": "open an app",
    "action_set_channel": "change the channel",
    "paused": "Paused the {device}.",
    "resumed": "Resumed the {device}.",
    "stopped": "Stopped the {device}.",
    "returning": "The {device} is returning to its dock.",
    "temperature_set": "Set the {device} to {temperature}.",
    "turned_on_temperature_set": "Turned on the {device} and set it to {temperature}.",
    "humidity_set": "Set the {device} humidity to {humidity}.",
    "mode_set": "Set the {device} to {mode} mode.",
    "fan_speed_set": "Set the {device} fan speed to {speed}.",
    "fan_speed_out_of_range": "The {device} has no fan speed {speed}; it has {minimum} to {maximum}.",
    "fan_speed_highest": "The {device} fan is already at its highest speed, {speed}.",
    "fan_speed_lowest": "The {device} fan is already at its lowest speed, {speed}.",
    "capabilities": "You can say this to the {device}: {examples}.",
    "example_power": "turn it on, turn it off",
    "example_start": "start it",
    "example_start_later": "start it in 2 hours",
    "example_off_later": "turn it off in 40 minutes",
    "example_schedules": "is anything scheduled?",
    "example_stop": "stop it",
    "example_return": "send it home",
    "example_temperature": "set it to 23 degrees, turn it up 2 degrees",
    "example_mode": "set it to auto mode",
    "example_fan": "set the fan speed to high, fan speed up",
    "example_humidity": "set the humidity to 50 percent",
    "example_express": "turn on express freeze",
    "example_volume": "volume up",
    "example_app": "open youtube",
    "example_channel": "channel 7",
    "example_remaining": "how long is left?",
    "example_state": "what is it doing?",
    "example_current_temperature": "what is the temperature?",
    "example_current_humidity": "what is the humidity?",
    "example_door": "is the door open?",
    "example_air": "how is the air?",
    "express_on": "Turned on express freeze on the {device}.",
    "express_off": "Turned off express freeze on the {device}.",
    "volume_set": "Set the {device} volume to {volume}.",
    "volume_up": "Turned the {device} volume up.",
    "volume_down": "Turned the {device} volume down.",
    "muted": "Muted the {device}.",
    "unmuted": "Unmuted the {device}.",
    "app_launched": "Opened {app} on the {device}.",
    "app_missing": "The {device} has no {app} app.",
    "channel_set": "Switched the {device} to channel {channel}.",
    "channel_up": "Switched the {device} to the next channel.",
    "channel_down": "Switched the {device} to the previous channel.",
    "battery_level": "The {device} battery is at {level}.",
    "mode_unnamed": "The {device} is in a mode I have no name for.",
    "mode_now": "The {device} is in {mode} mode.",
    "filter_left": "The {device} filter has {hours} hours left.",
    "mode_missing": "The {device} has no {mode} mode. It has: {modes}.",
    "fan_speed_missing": "The {device} has no {speed} fan speed. It has: {speeds}.",
    "power_not_remote": "The {device} can't be switched on or off remotely, so I didn't change anything.",
    "unplaced_words": "I don't know what {words} means here, so I didn't send anything.",
    "event_finished": "finishes",
    "event_started": "starts",
    "event_paused": "pauses",
    "event_error": "has an error",
    "event_preheated": "is preheated",
    "event_door_open": "door opens",
    "declined_condition": "I couldn't read the condition in that, so I didn't send anything.",
    "declined_negation": "That sounded like something not to do, so I didn't send anything.",
    "declined_time_unreadable": "I couldn't tell when you want that, so I didn't send anything. Try 'in 2 hours' or 'tomorrow at 7 am'.",
    "declined_time_too_far": "I can only schedule up to a week ahead, so I didn't send anything.",
    "declined_unplaced": "I didn't understand part of that, so I didn't send anything.",
    "not_understood": "Sorry, I didn't understand that.",
    "no_target": "I couldn't find a device called {name}.",
    "phrase_not_understood": "I didn't understand the sentence this phrase stands for in your phrases file.",
    "which_device": "Which device do you mean?",
    "which": "Which one: {options}?",
    "confirm_start": "Do you really want to start the {devices}?",
    "choice_cancelled": "OK, never mind.",
    "unsupported": "The {device} doesn't support that.",
    "door_cannot_open": "The {device} door can't be opened or closed remotely. It is {door} now.",
    "door_cannot_open_unknown": "The {device} door can't be opened or closed remotely.",
    "out_of_range": "The {device} can't be set to {temperature}; it accepts {minimum} to {maximum}.",
    "refused": "{reason}",
    "failed": "I couldn't control the {device}. Please check it.",
    "sent_unconfirmed": "I sent it to the {device}, but it hasn't confirmed yet.",
    "as_of": "As of {age} ago,",
    "as_of_restart": "As last read before the restart,",
    "state": "The {device} is {state}.",
    "remaining": "The {device} has {remaining} left; it finishes around {clock}.",
    "not_running": "The {device} isn't running.",
    "current_temperature": "The {device} is at {temperature}.",
    "target_temperature": "The {device} is set to {temperature}.",
    "current_humidity": "The {device} humidity is {humidity}.",
    "door_state": "The {device} door is {door}.",
    "air_quality": "According to the {device}: {readings}.",
    "running_list": "Running now: {devices}.",
    "partly_done": "Not done: {devices}.",
    "running_offline_item": "{device} (running when last checked, offline now)",
    "offline_last_running": "The {device} was running when last checked; it is offline now.",
    "nothing_running": "Nothing is running right now.",
    "offline": "{device} is offline: check its power and Wi-Fi.",
    "unavailable": "I can't tell what the {device} is doing right now; it may be offline.",
    # Said unasked on a satellite (announce.py), in the household's language.
    "announce_done": "The {device} has finished.",
    "announce_washer_done": "The wash is done.",
    "announce_dryer_done": "The drying is done.",
    "announce_dishwasher_done": "The dishes are done.",
    "announce_styler_done": "The styler has finished.",
    "announce_oven_done": "The cooking is done.",
    "announce_robot_done": "The cleaning is done.",
    "announce_error": "The {device} reports an error. Please check it.",
    "announce_preheated": "The {device} has finished preheating.",
    "announce_notification": "{device}: {what}.",
    "announce_offer_dryer": "Shall I start the {device}?",
    "announce_title": "ThinQ Voice",
    "offer_declined": "OK.",
    # Commands for when something happens (agent/when.py).
    "action_notify": "tell you",
    "when_event": "when the {device} {event}",
    "when_notify_kept": "OK, I'll tell you {when}.",
    "when_notify_item": "a message {when}",
    "when_never_reported": "The {device} doesn't report that, so I didn't keep it or send anything.",
    "when_never_idle": "The {device} isn't running and nothing is scheduled for it, so I didn't keep it or send anything.",
    "when_told_finished": "The {device} has finished.",
    "when_told_started": "The {device} has started.",
    "when_told_paused": "The {device} has paused.",
    "when_told_error": "The {device} reports an error.",
    "when_told_preheated": "The {device} is preheated.",
    "when_told_door_open": "The {device} door is open.",
}


class English(Speech):
    """The agent speaking English; also for a conversation in a language it does not speak."""

    code = "en"
    messages = MESSAGES
    modes = {mode: mode.value.replace("_", " ") for mode in Mode}
    fan_speeds = {speed: speed.value for speed in FanSpeed}
    locations = {
        "FRIDGE": "fridge",
        "FREEZER": "freezer",
        "UPPER": "upper oven",
        "LOWER": "lower oven",
        "TOP": "top compartment",
        "MIDDLE": "middle compartment",
        "BOTTOM": "bottom compartment",
    }
    speed_steps = {3: ("low", "mid", "high"), 4: ("low", "mid", "high", "turbo")}
    mode_readings = {"fan_only": "fan only", "heat_cool": "auto", "air_clean": "air purifying"}
    particulates = {"pm1": "PM1", "pm25": "PM2.5", "pm10": "PM10"}
    # English templates carry no particles.
    particle = staticmethod(lambda _text, _choices: "")
    list_separator = "; "
    yes_words = frozenset({"yes", "yeah", "yep", "sure", "ok", "okay", "doit", "goahead"})
    cancel_words = frozenset({"cancel", "nevermind", "forgetit", "no"})

    def numbered_speed(self, position: int) -> str:
        """Name a speed by its number: "speed 2"."""
        return f"speed {position}"

    def unnamed_mode(self, raw: str) -> str | None:
        """Name a mode nothing translates by LG's own English: "smart_humidity" is "smart humidity"."""
        return raw.replace("_", " ").lower() or None

    def mode_named(self, text: str) -> str:
        """Say a translated mode name inside a sentence: "Smart humidity" is "smart humidity"."""
        return text.lower()

    def app(self, app: App) -> str:
        """Name a TV app: "Disney Plus"."""
        return app.value.replace("_", " ").title()

    def degrees(self, value: float, unit: str) -> str:
        """Write a temperature with Home Assistant's unit: "23°C"."""
        shown = unit if unit in (UnitOfTemperature.CELSIUS, UnitOfTemperature.FAHRENHEIT) else "°"
        return f"{number_words(value)}{shown}"

    def door(self, opened: bool) -> str:
        """Say whether a door is open."""
        return "open" if opened else "closed"

    def switched(self, on: bool) -> str:
        """Say an on/off state as Home Assistant names it."""
        return "on" if on else "off"

    def state(self, text: str) -> str:
        """Say a state: "dry_clean" is "dry clean"."""
        return text.replace("_", " ")

    def as_of(self, as_of: str, answer: str) -> str:
        """Put "As of 5 minutes ago," before an answer, which goes on in lower case."""
        return f"{as_of} {answer[0].lower()}{answer[1:]}"

    def duration(self, duration: timedelta) -> str:
        """Write a duration: "1 hour 5 minutes", "3 days"."""
        hours, minutes = divmod(round(duration.total_seconds() / 60), 60)
        days, hours = divmod(hours, 24)
        words = []
        if days:
            words.append(f"{days} day{'s' if days != 1 else ''}")
        if hours:
            words.append(f"{hours} hour{'s' if hours != 1 else ''}")
        if minutes or not (days or hours):
            words.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
        return " ".join(words)

    def clock(self, local: datetime) -> str:
        """Write a clock time: "3:20 PM"."""
        return f"{local.hour % 12 or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"

    def weekday_date(self, day: date) -> str:
        """Write a date with its weekday: "Saturday 5 December"."""
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"

    def date(self, day: date) -> str:
        """Write a date: "Dec 3"."""
        return day.strftime("%b %-d")


ENGLISH = English()
