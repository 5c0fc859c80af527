"""What the agent says, in Korean and English.

Korean templates mark a particle after a value as `{name|을/를}`; it is chosen from how the
value is read (`voice.korean`), so a name never gets "을(를)".
"""

import re

from ..voice.korean import particle_for

_SLOT = re.compile(r"\{(\w+)(?:\|([^}]+))?\}")

MESSAGES: dict[str, dict[str, str]] = {
    "turned_on": {"ko": "{device|을/를} 켰어요.", "en": "Turned on the {device}."},
    "turned_off": {"ko": "{device|을/를} 껐어요.", "en": "Turned off the {device}."},
    "already_on": {"ko": "{device|은/는} 이미 켜져 있어요.", "en": "The {device} is already on."},
    "already_off": {"ko": "{device|은/는} 이미 꺼져 있어요.", "en": "The {device} is already off."},
    "started": {"ko": "{device|을/를} 시작했어요.", "en": "Started the {device}."},
    "started_delayed": {
        "ko": "{device|이/가} {delay} 뒤, {clock}에 시작하도록 예약했어요.",
        "en": "The {device} will start in {delay}, at {clock}.",
    },
    "timer_on_set": {
        "ko": "{device|이/가} {delay} 뒤, {clock}에 켜지도록 기기 타이머를 맞췄어요.",
        "en": "Set the {device} timer: it turns on in {delay}, at {clock}.",
    },
    "timer_off_set": {
        "ko": "{device|이/가} {delay} 뒤, {clock}에 꺼지도록 기기 타이머를 맞췄어요.",
        "en": "Set the {device} timer: it turns off in {delay}, at {clock}.",
    },
    "scheduled": {
        "ko": "{when} {device} {action|을/를} 예약했어요.",
        "en": "OK, the {device} will {action} {when}.",
    },
    "when_in": {"ko": "{delay} 뒤({clock})에", "en": "in {delay} ({clock})"},
    "when_at": {"ko": "{clock}에", "en": "at {clock}"},
    "when_tomorrow_at": {"ko": "내일 {clock}에", "en": "tomorrow at {clock}"},
    "when_on": {"ko": "{date} {clock}에", "en": "on {date} at {clock}"},
    "put_back": {"ko": "{device|은/는} 원래대로 되돌렸어요.", "en": "Put the {device} back as it was."},
    "too_far_ahead": {
        "ko": "일주일보다 먼 예약은 할 수 없어요. 아무것도 바꾸지 않았어요.",
        "en": "I can only schedule up to a week ahead, so I didn't change anything.",
    },
    "schedule_item": {"ko": "{when} {device} {action}", "en": "the {device} will {action} {when}"},
    "schedules_list": {"ko": "예약된 건 {count}개예요: {items}.", "en": "Scheduled: {items}."},
    "schedules_none": {"ko": "예약된 건 없어요.", "en": "Nothing is scheduled."},
    "schedules_none_device": {
        "ko": "{device}에는 예약된 게 없어요.",
        "en": "Nothing is scheduled for the {device}.",
    },
    "schedule_cancelled": {
        "ko": "{device} 예약을 취소했어요.",
        "en": "Cancelled what was scheduled for the {device}.",
    },
    "scheduled_failed_title": {
        "ko": "ThinQ Voice 예약 실행 실패",
        "en": "ThinQ Voice: a scheduled action failed",
    },
    "scheduled_failed": {
        "ko": "{when} 예약한 {device} {action|이/가} 실행되지 않았어요. {reason}",
        "en": "The scheduled {action} of the {device} ({when}) did not run. {reason}",
    },
    "action_turn_on": {"ko": "켜기", "en": "turn on"},
    "action_turn_off": {"ko": "끄기", "en": "turn off"},
    "action_start": {"ko": "시작", "en": "start"},
    "action_pause": {"ko": "일시정지", "en": "pause"},
    "action_resume": {"ko": "다시 시작", "en": "resume"},
    "action_stop": {"ko": "정지", "en": "stop"},
    "action_return_to_base": {"ko": "충전대 복귀", "en": "return to its dock"},
    "action_set_temperature": {"ko": "온도 변경", "en": "change its temperature"},
    "action_set_mode": {"ko": "모드 변경", "en": "change its mode"},
    "action_set_fan_speed": {"ko": "바람 세기 변경", "en": "change its fan speed"},
    "action_set_humidity": {"ko": "습도 변경", "en": "change its humidity"},
    "action_express_freeze": {"ko": "급속냉동 변경", "en": "switch express freeze"},
    "action_set_volume": {"ko": "볼륨 변경", "en": "change its volume"},
    "action_mute": {"ko": "음소거 변경", "en": "switch mute"},
    "action_launch_app": {"ko": "앱 실행", "en": "open an app"},
    "action_set_channel": {"ko": "채널 변경", "en": "change the channel"},
    "paused": {"ko": "{device|을/를} 일시정지했어요.", "en": "Paused the {device}."},
    "resumed": {"ko": "{device|을/를} 다시 시작했어요.", "en": "Resumed the {device}."},
    "stopped": {"ko": "{device|을/를} 멈췄어요.", "en": "Stopped the {device}."},
    "returning": {"ko": "{device|이/가} 충전대로 돌아가요.", "en": "The {device} is returning to its dock."},
    "temperature_set": {
        "ko": "{device} 온도를 {temperature|으로/로} 맞췄어요.",
        "en": "Set the {device} to {temperature}.",
    },
    "turned_on_temperature_set": {
        "ko": "{device|을/를} 켜고 온도를 {temperature|으로/로} 맞췄어요.",
        "en": "Turned on the {device} and set it to {temperature}.",
    },
    "humidity_set": {
        "ko": "{device} 습도를 {humidity|으로/로} 맞췄어요.",
        "en": "Set the {device} humidity to {humidity}.",
    },
    "mode_set": {"ko": "{device|을/를} {mode} 모드로 바꿨어요.", "en": "Set the {device} to {mode} mode."},
    "fan_speed_set": {
        "ko": "{device} 바람 세기를 {speed|으로/로} 바꿨어요.",
        "en": "Set the {device} fan speed to {speed}.",
    },
    "fan_speed_highest": {
        "ko": "{device} 바람 세기는 이미 가장 센 {speed|이에요/예요}.",
        "en": "The {device} fan is already at its highest speed, {speed}.",
    },
    "fan_speed_lowest": {
        "ko": "{device} 바람 세기는 이미 가장 약한 {speed|이에요/예요}.",
        "en": "The {device} fan is already at its lowest speed, {speed}.",
    },
    "capabilities": {
        "ko": "{device}에는 이렇게 말할 수 있어요: {examples}.",
        "en": "You can say this to the {device}: {examples}.",
    },
    "example_power": {"ko": "켜줘, 꺼줘", "en": "turn it on, turn it off"},
    "example_start": {"ko": "시작해", "en": "start it"},
    "example_start_later": {"ko": "2시간 뒤에 돌려줘", "en": "start it in 2 hours"},
    "example_off_later": {"ko": "40분 있다가 꺼줘", "en": "turn it off in 40 minutes"},
    "example_schedules": {"ko": "예약된 거 있어?", "en": "is anything scheduled?"},
    "example_stop": {"ko": "멈춰", "en": "stop it"},
    "example_return": {"ko": "충전대로 돌아가", "en": "send it home"},
    "example_temperature": {
        "ko": "23도로 맞춰줘, 2도 올려줘",
        "en": "set it to 23 degrees, turn it up 2 degrees",
    },
    "example_mode": {"ko": "자동 모드로 바꿔줘", "en": "set it to auto mode"},
    "example_fan": {
        "ko": "바람 세게 해줘, 바람 한 단계 올려줘",
        "en": "set the fan speed to high, fan speed up",
    },
    "example_humidity": {"ko": "습도 50%로 맞춰줘", "en": "set the humidity to 50 percent"},
    "example_express": {"ko": "급속냉동 켜줘", "en": "turn on express freeze"},
    "example_volume": {"ko": "볼륨 올려줘", "en": "volume up"},
    "example_app": {"ko": "유튜브 틀어줘", "en": "open youtube"},
    "example_channel": {"ko": "7번 채널 틀어줘", "en": "channel 7"},
    "example_remaining": {"ko": "얼마나 남았어?", "en": "how long is left?"},
    "example_state": {"ko": "뭐 해?", "en": "what is it doing?"},
    "example_current_temperature": {"ko": "지금 몇 도야?", "en": "what is the temperature?"},
    "example_current_humidity": {"ko": "습도 어때?", "en": "what is the humidity?"},
    "example_door": {"ko": "문 열려 있어?", "en": "is the door open?"},
    "example_air": {"ko": "공기 어때?", "en": "how is the air?"},
    "express_on": {"ko": "{device} 급속 냉동을 켰어요.", "en": "Turned on express freeze on the {device}."},
    "express_off": {"ko": "{device} 급속 냉동을 껐어요.", "en": "Turned off express freeze on the {device}."},
    "volume_set": {
        "ko": "{device} 볼륨을 {volume|으로/로} 맞췄어요.",
        "en": "Set the {device} volume to {volume}.",
    },
    "volume_up": {"ko": "{device} 소리를 키웠어요.", "en": "Turned the {device} volume up."},
    "volume_down": {"ko": "{device} 소리를 줄였어요.", "en": "Turned the {device} volume down."},
    "muted": {"ko": "{device|을/를} 음소거했어요.", "en": "Muted the {device}."},
    "unmuted": {"ko": "{device} 음소거를 풀었어요.", "en": "Unmuted the {device}."},
    "app_launched": {"ko": "{device}에서 {app|을/를} 틀었어요.", "en": "Opened {app} on the {device}."},
    "app_missing": {"ko": "{device}에 {app|이/가} 없어요.", "en": "The {device} has no {app} app."},
    "channel_set": {
        "ko": "{device|을/를} {channel}번으로 돌렸어요.",
        "en": "Switched the {device} to channel {channel}.",
    },
    "channel_up": {"ko": "{device} 채널을 올렸어요.", "en": "Switched the {device} to the next channel."},
    "channel_down": {
        "ko": "{device} 채널을 내렸어요.",
        "en": "Switched the {device} to the previous channel.",
    },
    "battery_level": {"ko": "{device} 배터리는 {level}예요.", "en": "The {device} battery is at {level}."},
    "mode_now": {"ko": "{device|은/는} 지금 {mode} 모드예요.", "en": "The {device} is in {mode} mode."},
    "filter_left": {
        "ko": "{device} 필터는 {hours}시간 더 쓸 수 있어요.",
        "en": "The {device} filter has {hours} hours left.",
    },
    "mode_missing": {
        "ko": "{device}에는 {mode} 모드가 없어요. 있는 모드: {modes}.",
        "en": "The {device} has no {mode} mode. It has: {modes}.",
    },
    "fan_speed_missing": {
        "ko": "{device}에는 {speed} 바람 세기가 없어요. 있는 세기: {speeds}.",
        "en": "The {device} has no {speed} fan speed. It has: {speeds}.",
    },
    "power_not_remote": {
        "ko": "{device|은/는} 원격으로 켜거나 끌 수 없어요. 아무것도 바꾸지 않았어요.",
        "en": "The {device} can't be switched on or off remotely, so I didn't change anything.",
    },
    "unplaced_words": {
        "ko": "{words|이/가} 무슨 뜻인지 몰라서 아무것도 보내지 않았어요.",
        "en": "I don't know what {words} means here, so I didn't send anything.",
    },
    "event_finished": {"ko": "끝나면", "en": "finishes"},
    "event_started": {"ko": "시작하면", "en": "starts"},
    "event_paused": {"ko": "멈추면", "en": "pauses"},
    "event_error": {"ko": "오류가 나면", "en": "has an error"},
    "event_preheated": {"ko": "예열되면", "en": "is preheated"},
    "event_door_open": {"ko": "문이 열리면", "en": "door opens"},
    "declined_condition": {
        "ko": "조건(~하면)을 알아듣지 못해서 아무것도 보내지 않았어요.",
        "en": "I couldn't read the condition in that, so I didn't send anything.",
    },
    "declined_negation": {
        "ko": "하지 말라는 말씀으로 들어서 아무것도 보내지 않았어요.",
        "en": "That sounded like something not to do, so I didn't send anything.",
    },
    "declined_time_unreadable": {
        "ko": "언제 할지 알아듣지 못해서 아무것도 보내지 않았어요. '2시간 뒤에'나 '내일 아침 7시에'처럼 말씀해 주세요.",
        "en": "I couldn't tell when you want that, so I didn't send anything. Try 'in 2 hours' or 'tomorrow at 7 am'.",
    },
    "declined_time_too_far": {
        "ko": "일주일보다 먼 예약은 할 수 없어요. 아무것도 보내지 않았어요.",
        "en": "I can only schedule up to a week ahead, so I didn't send anything.",
    },
    "declined_unplaced": {
        "ko": "문장의 일부를 알아듣지 못해서 아무것도 보내지 않았어요.",
        "en": "I didn't understand part of that, so I didn't send anything.",
    },
    "not_understood": {"ko": "죄송해요, 무슨 말씀인지 모르겠어요.", "en": "Sorry, I didn't understand that."},
    "no_target": {
        "ko": "{name|이/가} 어떤 기기인지 찾지 못했어요.",
        "en": "I couldn't find a device called {name}.",
    },
    "phrase_not_understood": {
        "ko": "사용자 문구 파일의 이 문구가 가리키는 문장을 이해하지 못했어요.",
        "en": "I didn't understand the sentence this phrase stands for in your phrases file.",
    },
    "which_device": {"ko": "어떤 기기를 말씀하시는 건가요?", "en": "Which device do you mean?"},
    "which": {"ko": "{options} 중 어느 거요?", "en": "Which one: {options}?"},
    "confirm_start": {
        "ko": "정말 {devices|을/를} 시작할까요?",
        "en": "Do you really want to start the {devices}?",
    },
    "choice_cancelled": {"ko": "알겠어요, 취소할게요.", "en": "OK, never mind."},
    "unsupported": {
        "ko": "{device|은/는} 그 명령을 지원하지 않아요.",
        "en": "The {device} doesn't support that.",
    },
    "door_cannot_open": {
        "ko": "{device} 문은 원격으로 열거나 닫을 수 없어요. 지금은 문이 {door}.",
        "en": "The {device} door can't be opened or closed remotely. It is {door} now.",
    },
    "door_cannot_open_unknown": {
        "ko": "{device} 문은 원격으로 열거나 닫을 수 없어요.",
        "en": "The {device} door can't be opened or closed remotely.",
    },
    "out_of_range": {
        "ko": "{device|은/는} {temperature|으로/로} 맞출 수 없어요. {minimum}부터 {maximum}까지 돼요.",
        "en": "The {device} can't be set to {temperature}; it accepts {minimum} to {maximum}.",
    },
    "refused": {"ko": "{reason}", "en": "{reason}"},
    "sent_unconfirmed": {
        "ko": "{device}에 명령을 보냈어요. 아직 기기에서 확인되지 않았어요.",
        "en": "I sent it to the {device}, but it hasn't confirmed yet.",
    },
    "as_of": {"ko": "{age} 전 기준으로", "en": "As of {age} ago,"},
    "state": {"ko": "{device|은/는} 지금 {state}.", "en": "The {device} is {state}."},
    "remaining": {
        "ko": "{device|은/는} {remaining} 남았어요. {clock}쯤 끝나요.",
        "en": "The {device} has {remaining} left; it finishes around {clock}.",
    },
    "not_running": {"ko": "{device|은/는} 지금 작동 중이 아니에요.", "en": "The {device} isn't running."},
    "current_temperature": {
        "ko": "{device} 현재 온도는 {temperature}예요.",
        "en": "The {device} is at {temperature}.",
    },
    "target_temperature": {
        "ko": "{device} 설정 온도는 {temperature}예요.",
        "en": "The {device} is set to {temperature}.",
    },
    "current_humidity": {
        "ko": "{device} 습도는 {humidity}예요.",
        "en": "The {device} humidity is {humidity}.",
    },
    "door_state": {"ko": "{device} 문은 {door}.", "en": "The {device} door is {door}."},
    "air_quality": {"ko": "{device} 기준으로 {readings}.", "en": "According to the {device}: {readings}."},
    "running_list": {"ko": "지금 {devices} 작동 중이에요.", "en": "Running now: {devices}."},
    "partly_done": {"ko": "{devices}에는 하지 못했어요.", "en": "Not done: {devices}."},
    "running_offline_item": {
        "ko": "{device}(마지막 확인 때 작동 중, 지금은 연결 끊김)",
        "en": "{device} (running when last checked, offline now)",
    },
    "offline_last_running": {
        "ko": "{device|은/는} 마지막으로 확인했을 때 작동 중이었어요, 지금은 연결이 끊겨 있어요.",
        "en": "The {device} was running when last checked; it is offline now.",
    },
    "nothing_running": {"ko": "지금 작동 중인 가전은 없어요.", "en": "Nothing is running right now."},
    "offline": {
        "ko": "{device}의 연결이 끊겨 있어요. 전원과 Wi-Fi를 확인하세요.",
        "en": "{device} is offline: check its power and Wi-Fi.",
    },
    "unavailable": {
        "ko": "{device}의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요.",
        "en": "I can't tell what the {device} is doing right now; it may be offline.",
    },
    # Said unasked on a satellite (announce.py), in the household's language.
    "announce_done": {"ko": "{device} 작동이 끝났어요.", "en": "The {device} has finished."},
    "announce_washer_done": {"ko": "세탁이 끝났어요.", "en": "The wash is done."},
    "announce_dryer_done": {"ko": "건조가 끝났어요.", "en": "The drying is done."},
    "announce_dishwasher_done": {"ko": "설거지가 끝났어요.", "en": "The dishes are done."},
    "announce_styler_done": {"ko": "스타일러 코스가 끝났어요.", "en": "The styler has finished."},
    "announce_oven_done": {"ko": "요리가 다 됐어요.", "en": "The cooking is done."},
    "announce_robot_done": {"ko": "청소가 끝났어요.", "en": "The cleaning is done."},
    "announce_error": {
        "ko": "{device}에 오류가 생겼어요. 확인해 주세요.",
        "en": "The {device} reports an error. Please check it.",
    },
    "announce_preheated": {"ko": "{device} 예열이 끝났어요.", "en": "The {device} has finished preheating."},
    "announce_notification": {"ko": "{device}: {what}.", "en": "{device}: {what}."},
    "announce_offer_dryer": {"ko": "{device|을/를} 돌릴까요?", "en": "Shall I start the {device}?"},
    "announce_title": {"ko": "ThinQ Voice", "en": "ThinQ Voice"},
    "offer_declined": {"ko": "알겠어요.", "en": "OK."},
    # Commands for when something happens (agent/when.py).
    "action_notify": {"ko": "알림", "en": "tell you"},
    "when_event": {"ko": "{device|이/가} {event}", "en": "when the {device} {event}"},
    "when_notify_kept": {"ko": "{when} 알려 드릴게요.", "en": "OK, I'll tell you {when}."},
    "when_notify_item": {"ko": "{when} 알림", "en": "a message {when}"},
    "when_never_reported": {
        "ko": "{device|은/는} 그걸 알려 주지 않아서 맡지 않았어요. 아무것도 보내지 않았어요.",
        "en": "The {device} doesn't report that, so I didn't keep it or send anything.",
    },
    "when_never_idle": {
        "ko": "{device|은/는} 지금 작동하지 않고 예약된 것도 없어서 맡지 않았어요. 아무것도 보내지 않았어요.",
        "en": "The {device} isn't running and nothing is scheduled for it, so I didn't keep it or send anything.",
    },
    "when_told_finished": {"ko": "{device|이/가} 끝났어요.", "en": "The {device} has finished."},
    "when_told_started": {"ko": "{device|이/가} 시작했어요.", "en": "The {device} has started."},
    "when_told_paused": {"ko": "{device|이/가} 멈췄어요.", "en": "The {device} has paused."},
    "when_told_error": {"ko": "{device}에 오류가 났어요.", "en": "The {device} reports an error."},
    "when_told_preheated": {"ko": "{device} 예열이 끝났어요.", "en": "The {device} is preheated."},
    "when_told_door_open": {"ko": "{device} 문이 열렸어요.", "en": "The {device} door is open."},
}


def say(language: str, key: str, **values: object) -> str:
    """Return message `key` in `language` (Korean for "ko", else English) with values filled in."""
    template = MESSAGES[key]["ko" if language == "ko" else "en"]

    def fill(match: re.Match[str]) -> str:
        text = _text(values[match.group(1)])
        particle = match.group(2)
        return text + particle_for(text, particle) if particle else text

    return _SLOT.sub(fill, template)


def _text(value: object) -> str:
    """Return how a value is written in an answer (23.0 → "23")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
