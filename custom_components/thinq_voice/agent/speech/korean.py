"""The agent's Korean: messages, the words for modes, speeds, apps and compartments, and grammar.

A template marks a particle after a value as `{name|을/를}`; it is chosen from how the value is
read (`voice.korean`), so a name never gets "을(를)".
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from ...voice.korean import has_final_consonant, particle_for
from ...voice.model import App, FanSpeed, Mode
from .base import Speech, number_words

MESSAGES: dict[str, str] = {
    "turned_on": "{device|을/를} 켰어요.",
    "turned_off": "{device|을/를} 껐어요.",
    "already_on": "{device|은/는} 이미 켜져 있어요.",
    "already_off": "{device|은/는} 이미 꺼져 있어요.",
    "started": "{device|을/를} 시작했어요.",
    "started_delayed": "{device|이/가} {delay} 뒤, {clock}에 시작하도록 예약했어요.",
    "timer_on_set": "{device|이/가} {delay} 뒤, {clock}에 켜지도록 기기 타이머를 맞췄어요.",
    "timer_off_set": "{device|이/가} {delay} 뒤, {clock}에 꺼지도록 기기 타이머를 맞췄어요.",
    "scheduled": "{when} {device} {action|을/를} 예약했어요.",
    "when_in": "{delay} 뒤({clock})에",
    "when_in_days": "{delay} 뒤 {date} {clock}에",
    "dated_clock": "{date} {clock}",
    "when_at": "{clock}에",
    "when_tomorrow_at": "내일 {clock}에",
    "when_on": "{date} {clock}에",
    "put_back": "{device|은/는} 원래대로 되돌렸어요.",
    "too_far_ahead": "일주일보다 먼 예약은 할 수 없어요. 아무것도 바꾸지 않았어요.",
    "schedule_item": "{when} {device} {action}",
    "schedules_list": "예약된 건 {count}개예요: {items}.",
    "schedules_none": "예약된 건 없어요.",
    "schedules_none_device": "{device}에는 예약된 게 없어요.",
    "schedule_cancelled": "{device} 예약을 취소했어요.",
    "scheduled_failed_title": "ThinQ Voice 예약 실행 실패",
    "scheduled_failed": "{when} 예약한 {device} {action|이/가} 실행되지 않았어요. {reason}",
    "action_turn_on": "켜기",
    "action_turn_off": "끄기",
    "action_start": "시작",
    "action_pause": "일시정지",
    "action_resume": "다시 시작",
    "action_stop": "정지",
    "action_return_to_base": "충전대 복귀",
    "action_set_temperature": "온도 변경",
    "action_set_mode": "모드 변경",
    "action_set_fan_speed": "바람 세기 변경",
    "action_set_humidity": "습도 변경",
    "action_express_freeze": "급속냉동 변경",
    "action_set_volume": "볼륨 변경",
    "action_mute": "음소거 변경",
    "action_launch_app": "앱 실행",
    "action_set_channel": "채널 변경",
    "paused": "{device|을/를} 일시정지했어요.",
    "resumed": "{device|을/를} 다시 시작했어요.",
    "stopped": "{device|을/를} 멈췄어요.",
    "returning": "{device|이/가} 충전대로 돌아가요.",
    "temperature_set": "{device} 온도를 {temperature|으로/로} 맞췄어요.",
    "turned_on_temperature_set": "{device|을/를} 켜고 온도를 {temperature|으로/로} 맞췄어요.",
    "humidity_set": "{device} 습도를 {humidity|으로/로} 맞췄어요.",
    "mode_set": "{device|을/를} {mode} 모드로 바꿨어요.",
    "fan_speed_set": "{device} 바람 세기를 {speed|으로/로} 바꿨어요.",
    "fan_speed_out_of_range": "{device}에는 {speed}단계 바람 세기가 없어요. {minimum}부터 {maximum}까지 있어요.",
    "fan_speed_highest": "{device} 바람 세기는 이미 가장 센 {speed|이에요/예요}.",
    "fan_speed_lowest": "{device} 바람 세기는 이미 가장 약한 {speed|이에요/예요}.",
    "capabilities": "{device}에는 이렇게 말할 수 있어요: {examples}.",
    "example_power": "켜줘, 꺼줘",
    "example_start": "시작해",
    "example_start_later": "2시간 뒤에 돌려줘",
    "example_off_later": "40분 있다가 꺼줘",
    "example_schedules": "예약된 거 있어?",
    "example_stop": "멈춰",
    "example_return": "충전대로 돌아가",
    "example_temperature": "23도로 맞춰줘, 2도 올려줘",
    "example_mode": "자동 모드로 바꿔줘",
    "example_fan": "바람 세게 해줘, 바람 한 단계 올려줘",
    "example_humidity": "습도 50%로 맞춰줘",
    "example_express": "급속냉동 켜줘",
    "example_volume": "볼륨 올려줘",
    "example_app": "유튜브 틀어줘",
    "example_channel": "7번 채널 틀어줘",
    "example_remaining": "얼마나 남았어?",
    "example_state": "뭐 해?",
    "example_current_temperature": "지금 몇 도야?",
    "example_current_humidity": "습도 어때?",
    "example_door": "문 열려 있어?",
    "example_air": "공기 어때?",
    "express_on": "{device} 급속 냉동을 켰어요.",
    "express_off": "{device} 급속 냉동을 껐어요.",
    "volume_set": "{device} 볼륨을 {volume|으로/로} 맞췄어요.",
    "volume_up": "{device} 소리를 키웠어요.",
    "volume_down": "{device} 소리를 줄였어요.",
    "muted": "{device|을/를} 음소거했어요.",
    "unmuted": "{device} 음소거를 풀었어요.",
    "app_launched": "{device}에서 {app|을/를} 틀었어요.",
    "app_missing": "{device}에 {app|이/가} 없어요.",
    "channel_set": "{device|을/를} {channel}번으로 돌렸어요.",
    "channel_up": "{device} 채널을 올렸어요.",
    "channel_down": "{device} 채널을 내렸어요.",
    "battery_level": "{device} 배터리는 {level}예요.",
    "mode_unnamed": "{device|은/는} 지금 한국어 이름이 없는 모드로 작동 중이에요.",
    "mode_now": "{device|은/는} 지금 {mode} 모드예요.",
    "filter_left": "{device} 필터는 {hours}시간 더 쓸 수 있어요.",
    "mode_missing": "{device}에는 {mode} 모드가 없어요. 있는 모드: {modes}.",
    "fan_speed_missing": "{device}에는 {speed} 바람 세기가 없어요. 있는 세기: {speeds}.",
    "power_not_remote": "{device|은/는} 원격으로 켜거나 끌 수 없어요. 아무것도 바꾸지 않았어요.",
    "unplaced_words": "{words|이/가} 무슨 뜻인지 몰라서 아무것도 보내지 않았어요.",
    "event_finished": "끝나면",
    "event_started": "시작하면",
    "event_paused": "멈추면",
    "event_error": "오류가 나면",
    "event_preheated": "예열되면",
    "event_door_open": "문이 열리면",
    "declined_condition": "조건(~하면)을 알아듣지 못해서 아무것도 보내지 않았어요.",
    "declined_negation": "하지 말라는 말씀으로 들어서 아무것도 보내지 않았어요.",
    "declined_time_unreadable": "언제 할지 알아듣지 못해서 아무것도 보내지 않았어요. '2시간 뒤에'나 '내일 아침 7시에'처럼 말씀해 주세요.",
    "declined_time_too_far": "일주일보다 먼 예약은 할 수 없어요. 아무것도 보내지 않았어요.",
    "declined_unplaced": "문장의 일부를 알아듣지 못해서 아무것도 보내지 않았어요.",
    "not_understood": "죄송해요, 무슨 말씀인지 모르겠어요.",
    "no_target": "{name|이/가} 어떤 기기인지 찾지 못했어요.",
    "phrase_not_understood": "사용자 문구 파일의 이 문구가 가리키는 문장을 이해하지 못했어요.",
    "which_device": "어떤 기기를 말씀하시는 건가요?",
    "which": "{options} 중 어느 거요?",
    "confirm_start": "정말 {devices|을/를} 시작할까요?",
    "choice_cancelled": "알겠어요, 취소할게요.",
    "unsupported": "{device|은/는} 그 명령을 지원하지 않아요.",
    "door_cannot_open": "{device} 문은 원격으로 열거나 닫을 수 없어요. 지금은 문이 {door}.",
    "door_cannot_open_unknown": "{device} 문은 원격으로 열거나 닫을 수 없어요.",
    "out_of_range": "{device|은/는} {temperature|으로/로} 맞출 수 없어요. {minimum}부터 {maximum}까지 돼요.",
    "refused": "{reason}",
    "failed": "{device|을/를} 제어하지 못했어요. 기기 상태를 확인해 주세요.",
    "sent_unconfirmed": "{device}에 명령을 보냈어요. 아직 기기에서 확인되지 않았어요.",
    "as_of": "{age} 전 기준으로",
    "as_of_restart": "다시 시작하기 전 기준으로",
    "state": "{device|은/는} 지금 {state}.",
    "remaining": "{device|은/는} {remaining} 남았어요. {clock}쯤 끝나요.",
    "not_running": "{device|은/는} 지금 작동 중이 아니에요.",
    "current_temperature": "{device} 현재 온도는 {temperature}예요.",
    "target_temperature": "{device} 설정 온도는 {temperature}예요.",
    "current_humidity": "{device} 습도는 {humidity}예요.",
    "door_state": "{device} 문은 {door}.",
    "air_quality": "{device} 기준으로 {readings}.",
    "running_list": "지금 {devices} 작동 중이에요.",
    "partly_done": "{devices}에는 하지 못했어요.",
    "running_offline_item": "{device}(마지막 확인 때 작동 중, 지금은 연결 끊김)",
    "offline_last_running": "{device|은/는} 마지막으로 확인했을 때 작동 중이었어요, 지금은 연결이 끊겨 있어요.",
    "nothing_running": "지금 작동 중인 가전은 없어요.",
    "offline": "{device}의 연결이 끊겨 있어요. 전원과 Wi-Fi를 확인하세요.",
    "unavailable": "{device}의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요.",
    # Said unasked on a satellite (announce.py), in the household's language.
    "announce_done": "{device} 작동이 끝났어요.",
    "announce_washer_done": "세탁이 끝났어요.",
    "announce_dryer_done": "건조가 끝났어요.",
    "announce_dishwasher_done": "설거지가 끝났어요.",
    "announce_styler_done": "스타일러 코스가 끝났어요.",
    "announce_oven_done": "요리가 다 됐어요.",
    "announce_robot_done": "청소가 끝났어요.",
    "announce_error": "{device}에 오류가 생겼어요. 확인해 주세요.",
    "announce_preheated": "{device} 예열이 끝났어요.",
    "announce_notification": "{device}: {what}.",
    "announce_offer_dryer": "{device|을/를} 돌릴까요?",
    "announce_title": "ThinQ Voice",
    "offer_declined": "알겠어요.",
    # Commands for when something happens (agent/when.py).
    "action_notify": "알림",
    "when_event": "{device|이/가} {event}",
    "when_notify_kept": "{when} 알려 드릴게요.",
    "when_notify_item": "{when} 알림",
    "when_never_reported": "{device|은/는} 그걸 알려 주지 않아서 맡지 않았어요. 아무것도 보내지 않았어요.",
    "when_never_idle": "{device|은/는} 지금 작동하지 않고 예약된 것도 없어서 맡지 않았어요. 아무것도 보내지 않았어요.",
    "when_told_finished": "{device|이/가} 끝났어요.",
    "when_told_started": "{device|이/가} 시작했어요.",
    "when_told_paused": "{device|이/가} 멈췄어요.",
    "when_told_error": "{device}에 오류가 났어요.",
    "when_told_preheated": "{device} 예열이 끝났어요.",
    "when_told_door_open": "{device} 문이 열렸어요.",
}


class Korean(Speech):
    """The agent speaking Korean."""

    code = "ko"
    messages = MESSAGES
    modes = {
        Mode.COOL: "냉방",
        Mode.HEAT: "난방",
        Mode.DRY: "제습",
        Mode.FAN: "송풍",
        Mode.AUTO: "자동",
        Mode.AIR_CLEAN: "공기청정",
        Mode.SLEEP: "수면",
        Mode.TURBO: "터보",
        Mode.SILENT: "저소음",
    }
    fan_speeds = {FanSpeed.LOW: "약풍", FanSpeed.MID: "중풍", FanSpeed.HIGH: "강풍", FanSpeed.AUTO: "자동"}
    locations = {
        "FRIDGE": "냉장실",
        "FREEZER": "냉동실",
        "UPPER": "위 칸",
        "LOWER": "아래 칸",
        "TOP": "위 칸",
        "MIDDLE": "가운데 칸",
        "BOTTOM": "아래 칸",
    }
    speed_steps = {3: ("약풍", "중풍", "강풍"), 4: ("약풍", "중풍", "강풍", "터보")}
    mode_readings = {
        "cool": "냉방",
        "heat": "난방",
        "dry": "제습",
        "fan_only": "송풍",
        "auto": "자동",
        "heat_cool": "자동",
        "sleep": "수면",
        "silent": "저소음",
        "quiet": "저소음",
        "turbo": "터보",
        "power": "터보",
        "clean": "청정",
        "air_clean": "공기청정",
        "smart": "스마트",
        "normal": "일반",
    }
    particulates = {"pm1": "PM1", "pm25": "초미세먼지", "pm10": "미세먼지"}
    particle = staticmethod(particle_for)
    list_separator = ", "
    yes_words = frozenset({"응", "어", "네", "예", "그래", "좋아", "시작해", "해줘", "돌려줘"})
    cancel_words = frozenset({"취소", "취소할게", "취소해", "됐어", "아니", "아냐", "그만"})
    apps = {
        App.YOUTUBE: "유튜브",
        App.NETFLIX: "넷플릭스",
        App.DISNEY_PLUS: "디즈니플러스",
        App.TVING: "티빙",
        App.WAVVE: "웨이브",
        App.COUPANG_PLAY: "쿠팡플레이",
        App.WATCHA: "왓챠",
        App.PRIME_VIDEO: "프라임 비디오",
    }

    def numbered_speed(self, position: int) -> str:
        """Name a speed by its number: "2단계"."""
        return f"{position}단계"

    def app(self, app: App) -> str:
        """Name a TV app as Koreans say it."""
        return self.apps[app]

    def degrees(self, value: float, unit: str) -> str:
        """Write a temperature in degrees, below zero as "영하"."""
        return f"영하 {number_words(-value)}도" if value < 0 else f"{number_words(value)}도"

    def door(self, opened: bool) -> str:
        """Say whether a door is open."""
        return "열려 있어요" if opened else "닫혀 있어요"

    def switched(self, on: bool) -> str:
        """Say an on/off state."""
        return "켜져 있어요" if on else "꺼져 있어요"

    def state(self, text: str) -> str:
        """End a state with 이에요 after a final consonant, 예요 after a vowel."""
        return f"{text}{particle_for(text, '이에요/예요')}"

    def as_of(self, as_of: str, answer: str) -> str:
        """Put "N분 전 기준으로" before an answer."""
        return f"{as_of} {answer}"

    def duration(self, duration: timedelta) -> str:
        """Write a duration: "1시간 5분", "3일"."""
        hours, minutes = divmod(round(duration.total_seconds() / 60), 60)
        days, hours = divmod(hours, 24)
        parts = [
            f"{days}일" if days else "",
            f"{hours}시간" if hours else "",
            f"{minutes}분" if minutes or not (days or hours) else "",
        ]
        return " ".join(part for part in parts if part)

    def clock(self, local: datetime) -> str:
        """Write a clock time: "오후 3시 20분"."""
        half = "오전" if local.hour < 12 else "오후"
        return f"{half} {local.hour % 12 or 12}시" + (f" {local.minute}분" if local.minute else "")

    def weekday_date(self, day: date) -> str:
        """Write a date with its weekday: "12월 5일 (토)"."""
        return f"{day.month}월 {day.day}일 ({'월화수목금토일'[day.weekday()]})"

    def date(self, day: date) -> str:
        """Write a date: "12월 3일"."""
        return f"{day.month}월 {day.day}일"

    def which(self, names: Sequence[str]) -> str:
        """Ask "거실 에어컨이요, 안방 에어컨이요?": 이요 after a final consonant, 요 after a vowel."""
        return ", ".join(f"{name}{'이요' if has_final_consonant(name) else '요'}" for name in names) + "?"


KOREAN = Korean()
