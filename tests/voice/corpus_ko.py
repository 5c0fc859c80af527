"""Korean corpus: utterance | expected parse (format in tests/voice/spec.py)."""

from custom_components.thinq_voice.voice.korean import josa

# (spoken name, target spec) for the simulator's ko fleet.
FLEET = (
    ("거실 에어컨", "거실에어컨:ac@거실"),
    ("안방 에어컨", "안방에어컨:ac@안방"),
    ("냉장고", "냉장고:fridge"),
    ("김치냉장고", "김치냉장고:kimchi"),
    ("세탁기", "세탁기:washer"),
    ("건조기", "건조기:dryer"),
    ("식기세척기", "식기세척기:dish"),
    ("공기청정기", "공기청정기:purifier"),
    ("로봇청소기", "로봇청소기:robot"),
    ("오븐", "오븐:oven"),
    ("스타일러", "스타일러:styler"),
    ("제습기", "제습기:dehum"),
)
RUNNERS = FLEET[4:7] + FLEET[8:11]

ON_ENDINGS = (
    "켜",
    "켜줘",
    "켜 줘",
    "켜줘요",
    "켜주세요",
    "켜 주세요",
    "켜줄래",
    "켜줄래요",
    "켜 줄 수 있어?",
    "켜 주시겠어요?",
    "켜요",
    "켜라",
    "켜봐",
    "틀어줘",
    "켜 줄래?",
    "켜세요",
)
OFF_ENDINGS = (
    "꺼",
    "꺼줘",
    "꺼 줘",
    "꺼줘요",
    "꺼주세요",
    "꺼 주세요",
    "꺼줄래",
    "꺼줄래요",
    "꺼 줄 수 있어?",
    "꺼 주시겠어요?",
    "꺼요",
    "꺼라",
    "꺼봐",
    "끄세요",
    "꺼 줄래요?",
    "꺼 놔",
)
START_ENDINGS = (
    "돌려줘",
    "작동시켜줘",
    "시작해",
    "가동해 주세요",
    "돌려 줄래?",
    "시작해주세요",
    "작동시켜 주세요",
    "시작",
    "돌리세요",
    "실행해줘",
)
STOP_ENDINGS = ("멈춰", "정지해줘", "중지해 주세요", "정지", "멈춰 줄래?", "중지")

FORMS = ("{name} {verb}", "{object} {verb}", "{name} 좀 {verb}", "{topic} {verb}")


def _generated() -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for index, (name, target) in enumerate(FLEET):
        variants = {"name": name, "object": josa(name, "을/를"), "topic": josa(name, "은/는")}
        for form_index, form in enumerate(FORMS):
            on = ON_ENDINGS[(index * 4 + form_index) % len(ON_ENDINGS)]
            off = OFF_ENDINGS[(index * 4 + form_index + 3) % len(OFF_ENDINGS)]
            cases.append((form.format(verb=on, **variants), f"turn_on {target}"))
            cases.append((form.format(verb=off, **variants), f"turn_off {target}"))
    for index, (name, target) in enumerate(RUNNERS):
        for offset in range(4):
            verb = START_ENDINGS[(index * 4 + offset) % len(START_ENDINGS)]
            subject = (name, josa(name, "을/를"), f"{name} 좀", name.replace(" ", ""))[offset]
            cases.append((f"{subject} {verb}", f"start {target}"))
            stop = STOP_ENDINGS[(index * 2 + offset) % len(STOP_ENDINGS)]
            cases.append((f"{subject} {stop}", f"stop {target}"))
    return cases


WRITTEN = """
지니야 거실 에어컨 켜줘 | turn_on 거실에어컨:ac@거실
헤이 지니 안방 에어컨 꺼줘 | turn_off 안방에어컨:ac@안방
하이 지니 세탁기 돌려줘 | start 세탁기:washer
하이 엘지 건조기 시작해 | start 건조기:dryer
헤이 엘지, 식기세척기 돌려 | start 식기세척기:dish
빅스비 공기청정기 켜 | turn_on 공기청정기:purifier
헤이 구글 로봇청소기 청소 시작해 | start 로봇청소기:robot
오케이 구글 스타일러 작동시켜줘 | start 스타일러:styler
알렉사 제습기 켜줘 | turn_on 제습기:dehum
지니야 | ! empty
거실에어컨켜줘 | turn_on 거실에어컨:ac@거실
세탁기돌려줘 | start 세탁기:washer
안방에어컨꺼줘 | turn_off 안방에어컨:ac@안방
세탁기를돌려줘 | start 세탁기:washer
로봇청소기좀돌려줘 | start 로봇청소기:robot
거실 에어컨을 좀 켜 주세요 | turn_on 거실에어컨:ac@거실
거실의 에어컨 꺼줘 | turn_off 거실에어컨:ac@거실
안방에 있는 에어컨 꺼줘 | turn_off 안방에어컨:ac@안방
거실에어컨 23도로 맞춰줘 | set_temperature 거실에어컨:ac@거실 v=23°
에어컨 23도로 맞춰줘 | set_temperature 에어컨:ac v=23°
에어컨콘 켜 | turn_on 에어컨콘:ac
에어콘 켜줘 | turn_on 에어콘:ac
AC 꺼줘 | turn_off ac:ac
거실 AC 켜줘 | turn_on 거실ac:ac@거실
TV 켜줘 | turn_on tv:tv
티비 꺼줘 | turn_off 티비:tv
거실 티비 켜 | turn_on 거실티비:tv@거실
거실 TV 꺼줘 | turn_off 거실tv:tv@거실
볼륨 20으로 | set_volume - v=20
거실 TV 볼륨 20으로 해줘 | set_volume 거실tv:tv@거실 v=20
TV 소리 줄여줘 | set_volume tv:tv dir=down
티비 볼륨 5 올려줘 | set_volume 티비:tv v=5 dir=up
소리 좀 키워줘 | set_volume - dir=up
음량 낮춰줘 | set_volume - dir=down
TV 음소거 해줘 | mute tv:tv v=on
음소거 해제해줘 | mute - v=off
음소거 꺼줘 | mute - v=off
소리 꺼줘 | mute - v=on
티비 소리 켜줘 | mute 티비:tv v=off
유튜브 틀어줘 | launch_app - v=youtube
티비에서 넷플릭스 틀어줘 | launch_app 티비:tv v=netflix
넷플 켜줘 | launch_app - v=netflix
디즈니플러스 틀어 줘 | launch_app - v=disney_plus
채널 11번 | set_channel - v=11
TV 채널 7번으로 돌려줘 | set_channel tv:tv v=7
채널 올려줘 | set_channel - dir=up
채널 내려 | set_channel - dir=down
LG 스타일러 시작 | start lg스타일러:styler
김냉 위칸 온도 1도 올려줘 | set_temperature 김냉:kimchi/TOP v=1° dir=up
김치냉장고 아래칸 영하 1도로 맞춰줘 | set_temperature 김치냉장고:kimchi/BOTTOM v=-1°
김치냉장고 중간칸 온도 내려줘 | set_temperature 김치냉장고:kimchi/MIDDLE dir=down
김치냉장고 상단 2도로 설정해줘 | set_temperature 김치냉장고:kimchi/TOP v=2°
식세기 돌려줘 | start 식세기:dish
공청기 켜줘 | turn_on 공청기:purifier
로청 돌려 | start 로청:robot
로청 충전대로 보내줘 | return_to_base 로청:robot
로봇청소기 충전대로 돌아가 | return_to_base 로봇청소기:robot
로봇청소기 복귀해 | return_to_base 로봇청소기:robot
로봇청소기 집으로 돌아가줘 | return_to_base 로봇청소기:robot
로봇청소기 충전해줘 | return_to_base 로봇청소기:robot
로봇청소기 충전하러 가 | return_to_base 로봇청소기:robot
로봇청소기 충전대로 돌려보내줘 | return_to_base 로봇청소기:robot
로봇청소기 충전하러 보내줘 | return_to_base 로봇청소기:robot
로봇청소기 집으로 보내 | return_to_base 로봇청소기:robot
로봇청소기 복귀시켜줘 | return_to_base 로봇청소기:robot
로봇청소기 충전대로 보내고 식기세척기 멈춰줘 | return_to_base 로봇청소기:robot ; stop 식기세척기:dish
로봇청소기 복귀하고 식기세척기 멈춰줘 | return_to_base 로봇청소기:robot ; stop 식기세척기:dish
로봇청소기 충전대로 돌려보내고 세탁기 꺼줘 | return_to_base 로봇청소기:robot ; turn_off 세탁기:washer
로청 충전하러 보내고 건조기 돌려줘 | return_to_base 로청:robot ; start 건조기:dryer
로봇청소기 집으로 보내고 공기청정기 켜줘 | return_to_base 로봇청소기:robot ; turn_on 공기청정기:purifier
로봇청소기 복귀시키고 세탁기 멈춰 | return_to_base 로봇청소기:robot ; stop 세탁기:washer
로봇청소기 충전하고 식기세척기 돌려 | return_to_base 로봇청소기:robot ; start 식기세척기:dish
로봇청소기 청소해줘 | start 로봇청소기:robot
청소해줘 | start 청소:robot
청소 시작해 | start 청소:robot
빨래 돌려줘 | start 빨래:washer
설거지 시작해줘 | start 설거지:dish
설거지해 줘 | start 설거지:dish
세탁 시작 | start 세탁:washer
에어컨 23도로 맞춰 | set_temperature 에어컨:ac v=23°
에어컨 온도를 23도로 맞춰줘 | set_temperature 에어컨:ac v=23°
거실 에어컨 온도 24도로 설정해 주세요 | set_temperature 거실에어컨:ac@거실 v=24°
안방 에어컨 26도로 바꿔줘 | set_temperature 안방에어컨:ac@안방 v=26°
안방 에어컨 이십육 도로 변경해줘 | set_temperature 안방에어컨:ac@안방 v=26°
에어컨 이십삼도로 맞춰줘 | set_temperature 에어컨:ac v=23°
에어컨 이십 삼 도로 맞춰 | set_temperature 에어컨:ac v=23°
에어컨 스물세 도로 해줘 | set_temperature 에어컨:ac v=23°
에어컨 스물셋 도로 맞춰 | set_temperature 에어컨:ac v=23°
에어컨 열여덟 도로 맞춰줘 | set_temperature 에어컨:ac v=18°
에어컨 십팔도로 해줘 | set_temperature 에어컨:ac v=18°
에어컨 23 도로 맞춰줘 | set_temperature 에어컨:ac v=23°
에어컨 23도 반으로 맞춰줘 | set_temperature 에어컨:ac v=23.5°
에어컨 23.5도로 맞춰줘 | set_temperature 에어컨:ac v=23.5°
에어컨 이십삼 점 오 도로 맞춰줘 | set_temperature 에어컨:ac v=23.5°
에어컨 이십삼점오도로 맞춰줘 | set_temperature 에어컨:ac v=23.5°
에어컨 23점5도로 맞춰 | set_temperature 에어컨:ac v=23.5°
에어컨 23℃로 맞춰줘 | set_temperature 에어컨:ac v=23°C
에어컨 23°C로 맞춰줘 | set_temperature 에어컨:ac v=23°C
에어컨 23으로 맞춰줘 | set_temperature 에어컨:ac v=23
에어컨 이십삼으로 맞춰 | set_temperature 에어컨:ac v=23
에어컨 23도 | set_temperature 에어컨:ac v=23°
거실 에어컨 25도로 | set_temperature 거실에어컨:ac@거실 v=25°
에어컨 100도로 맞춰줘 | set_temperature 에어컨:ac v=100°
에어컨 23도로 켜줘 | turn_on 에어컨:ac ; set_temperature 에어컨:ac v=23°
냉동실 영하 20도로 설정해줘 | set_temperature :fridge/FREEZER v=-20°
냉장고 냉동실 온도를 영하 18도로 맞춰줘 | set_temperature 냉장고:fridge/FREEZER v=-18°
냉동실 마이너스 20도로 맞춰줘 | set_temperature :fridge/FREEZER v=-20°
냉동실 -20도로 해줘 | set_temperature :fridge/FREEZER v=-20°
냉동실 영하 이십 도로 맞춰 | set_temperature :fridge/FREEZER v=-20°
냉동실을 영하20도로 바꿔줘 | set_temperature :fridge/FREEZER v=-20°
냉장실 3도로 맞춰줘 | set_temperature :fridge/FRIDGE v=3°
냉장고 냉장실 온도 4도로 | set_temperature 냉장고:fridge/FRIDGE v=4°
냉장고 냉장실 온도 1도 내려줘 | set_temperature 냉장고:fridge/FRIDGE v=1° dir=down
냉동실 온도 올려줘 | set_temperature :fridge/FREEZER dir=up
오븐 200도로 예열해줘 | set_temperature 오븐:oven v=200°
오븐 예열해줘 | start 오븐:oven
오븐 상단 180도로 맞춰줘 | set_temperature 오븐:oven/UPPER v=180°
오븐 하단 시작해 | start 오븐:oven/LOWER
오븐 꺼줘 | turn_off 오븐:oven
2도 올려줘 | set_temperature - v=2° dir=up
에어컨 2도 올려줘 | set_temperature 에어컨:ac v=2° dir=up
에어컨 온도 1도 낮춰줘 | set_temperature 에어컨:ac v=1° dir=down
거실 에어컨 온도 좀 내려줘 | set_temperature 거실에어컨:ac@거실 dir=down
에어컨 온도 높여줘 | set_temperature 에어컨:ac dir=up
에어컨 두 도 올려줘 | set_temperature 에어컨:ac v=2° dir=up
에어컨 시원하게 해줘 | set_temperature 에어컨:ac dir=down
에어컨 따뜻하게 해 줘 | set_temperature 에어컨:ac dir=up
제습기 습도 50%로 맞춰줘 | set_humidity 제습기:dehum v=50%
제습기 습도를 오십 퍼센트로 설정해줘 | set_humidity 제습기:dehum v=50%
제습기 45프로로 해줘 | set_humidity 제습기:dehum v=45%
제습기 50으로 맞춰 | set_humidity 제습기:dehum v=50
제습기 습도 55로 맞춰줘 | set_humidity 제습기:dehum v=55
제습기 습도 올려줘 | set_humidity 제습기:dehum dir=up
제습기 습도 5% 낮춰 | set_humidity 제습기:dehum v=5% dir=down
에어컨 냉방으로 바꿔줘 | set_mode 에어컨:ac v=cool
거실 에어컨 난방 모드로 해줘 | set_mode 거실에어컨:ac@거실 v=heat
에어컨 제습 모드로 변경해 | set_mode 에어컨:ac v=dry
에어컨 송풍으로 해 | set_mode 에어컨:ac v=fan
에어컨 자동 모드로 설정해줘 | set_mode 에어컨:ac v=auto
에어컨 냉방 모드 켜줘 | turn_on 에어컨:ac ; set_mode 에어컨:ac v=cool
에어컨 냉방으로 | set_mode 에어컨:ac v=cool
안방 에어컨 제습으로 돌려줘 | set_mode 안방에어컨:ac@안방 v=dry
에어컨 공기청정 모드로 바꿔 | set_mode 에어컨:ac v=air_clean
공기청정기 수면 모드로 해줘 | set_mode 공기청정기:purifier v=sleep
공기청정기 자동 모드로 바꿔줘 | set_mode 공기청정기:purifier v=auto
공기청정기 터보로 해 | set_mode 공기청정기:purifier v=turbo
공기청정기 취침 모드로 | set_mode 공기청정기:purifier v=sleep
공기청정기 저소음 모드로 바꿔줘 | set_mode 공기청정기:purifier v=silent
제습기 자동 모드로 해줘 | set_mode 제습기:dehum v=auto
에어컨 바람 강풍으로 | set_fan_speed 에어컨:ac v=high
에어컨 약풍으로 해줘 | set_fan_speed 에어컨:ac v=low
에어컨 바람 세기 중풍으로 바꿔줘 | set_fan_speed 에어컨:ac v=mid
에어컨 바람 자동으로 해줘 | set_fan_speed 에어컨:ac v=auto
에어컨 풍량 약하게 해줘 | set_fan_speed 에어컨:ac v=low
에어컨 바람 세게 해줘 | set_fan_speed 에어컨:ac v=high
공기청정기 풍량 강으로 | set_fan_speed 공기청정기:purifier v=high
공기청정기 바람 줄여줘 | set_fan_speed 공기청정기:purifier dir=down
에어컨 바람 올려 | set_fan_speed 에어컨:ac dir=up
에어컨 미풍으로 | set_fan_speed 에어컨:ac v=low
급속냉동 켜줘 | express_freeze - v=on
냉장고 급속냉동 켜 | express_freeze 냉장고:fridge v=on
냉장고 급속 냉동 꺼줘 | express_freeze 냉장고:fridge v=off
급냉 시작해줘 | express_freeze - v=on
급속냉동 해줘 | express_freeze - v=on
냉장고 문 열어줘 | open_door 냉장고:fridge
냉장고 문을 열어 줄래? | open_door 냉장고:fridge
냉장고문 닫아줘 | close_door 냉장고:fridge
오븐 문 열어 | open_door 오븐:oven
김치냉장고 문 닫아 주세요 | close_door 김치냉장고:kimchi
세탁기 2시간 뒤에 돌려줘 | start 세탁기:washer delay=7200
세탁기 두 시간 뒤에 돌려줘 | start 세탁기:washer delay=7200
세탁기 2시간 후에 시작해줘 | start 세탁기:washer delay=7200
세탁기 3시간 예약해줘 | start 세탁기:washer delay=10800
식기세척기 1시간 30분 뒤에 돌려 | start 식기세척기:dish delay=5400
건조기 한 시간 반 뒤에 돌려줘 | start 건조기:dryer delay=5400
40분 있다가 꺼줘 | turn_off - delay=2400
에어컨 40분 있다가 꺼줘 | turn_off 에어컨:ac delay=2400
에어컨 사십 분 뒤에 꺼 | turn_off 에어컨:ac delay=2400
에어컨 30분 후에 꺼줘 | turn_off 에어컨:ac delay=1800
공기청정기 두시간반 뒤에 꺼줘 | turn_off 공기청정기:purifier delay=9000
에어컨 10초 뒤에 켜줘 | turn_on 에어컨:ac delay=10
그거 꺼줘 | turn_off : pron
에어컨 다 꺼줘 | turn_off 에어컨:ac every
에어컨 모두 켜줘 | turn_on 에어컨:ac every
모든 에어컨 꺼줘 | turn_off 에어컨:ac every
에어컨이랑 공기청정기 전부 꺼줘 | turn_off 에어컨:ac every ; turn_off 공기청정기:purifier every
둘 다 꺼줘 | turn_off : every
안방 에어컨 켜서 26도로 맞춰줘 | turn_on 안방에어컨:ac@안방 ; set_temperature 안방에어컨:ac@안방 v=26°
세탁기 돌려서 건조기도 시작해 | start 세탁기:washer ; start 건조기:dryer
거실 거 꺼줘 | turn_off 거실:@거실
안방 것도 꺼줘 | turn_off 안방:@안방
조금 더 시원하게 | set_temperature - dir=down
좀 더 따뜻하게 해줘 | set_temperature - dir=up
바람 한 단계 올려줘 | set_fan_speed - dir=up
바람 한 단계 내려줘 | set_fan_speed - dir=down
바람 한 단계 더 약하게 | set_fan_speed - dir=down
바람 좀 더 세게 | set_fan_speed - dir=up
바람 약하게 한 단계 | set_fan_speed - dir=down
거실 에어컨 바람 한 단계 더 강하게 해줘 | set_fan_speed 거실에어컨:ac@거실 dir=up
바람 조금 더 약하게 해줘 | set_fan_speed - dir=down
습도 10% 올려줘 | set_humidity - v=10% dir=up
건조기한테 뭐라고 할 수 있어? | capabilities 건조기:dryer
거실 에어컨으로 뭘 할 수 있어? | capabilities 거실에어컨:ac@거실
세탁기한테 무슨 말 할 수 있어? | capabilities 세탁기:washer
그거 다시 켜줘 | turn_on : pron
이거 멈춰 | stop : pron
저거 돌려줘 | start : pron
그걸 꺼 줘 | turn_off : pron
켜줘 | turn_on -
꺼 | turn_off -
온도 23도로 맞춰줘 | set_temperature - v=23°
세탁기 일시정지 | pause 세탁기:washer
세탁기 일시정지해줘 | pause 세탁기:washer
세탁기 일시 정지해 주세요 | pause 세탁기:washer
건조기 일시중지 | pause 건조기:dryer
세탁기 잠깐 멈춰 | pause 세탁기:washer
식기세척기 잠시 멈춰줘 | pause 식기세척기:dish
로봇청소기 잠깐 정지 | pause 로봇청소기:robot
세탁기 다시 시작해 | resume 세탁기:washer
세탁기 다시 돌려줘 | resume 세탁기:washer
건조기 계속해 | resume 건조기:dryer
건조기 계속 돌려 | resume 건조기:dryer
식기세척기 재개해줘 | resume 식기세척기:dish
세탁기 이어서 해줘 | resume 세탁기:washer
로봇청소기 다시 청소 시작해 | resume 로봇청소기:robot
세탁기 그만 돌려 | stop 세탁기:washer
세탁기 그만해 | stop 세탁기:washer
세탁기 종료해줘 | stop 세탁기:washer
건조기 취소해 | stop 건조기:dryer
식기세척기 돌리고 로봇청소기도 시작해 | start 식기세척기:dish ; start 로봇청소기:robot
세탁기 끄고 건조기 돌려줘 | turn_off 세탁기:washer ; start 건조기:dryer
에어컨 켜고 23도로 맞춰줘 | turn_on 에어컨:ac ; set_temperature 에어컨:ac v=23°
거실 에어컨 켜고 안방 에어컨은 꺼줘 | turn_on 거실에어컨:ac@거실 ; turn_off 안방에어컨:ac@안방
에어컨 냉방으로 하고 바람 세게 해줘 | set_mode 에어컨:ac v=cool ; set_fan_speed 에어컨:ac v=high
세탁기랑 건조기 꺼줘 | turn_off 세탁기:washer ; turn_off 건조기:dryer
세탁기하고 건조기 돌려줘 | start 세탁기:washer ; start 건조기:dryer
에어컨과 공기청정기 켜줘 | turn_on 에어컨:ac ; turn_on 공기청정기:purifier
세탁기와 건조기를 멈춰줘 | stop 세탁기:washer ; stop 건조기:dryer
거실 에어컨이랑 안방 에어컨 꺼 | turn_off 거실에어컨:ac@거실 ; turn_off 안방에어컨:ac@안방
세탁기, 건조기 꺼줘 | turn_off 세탁기:washer ; turn_off 건조기:dryer
세탁기 그리고 건조기 꺼줘 | turn_off 세탁기:washer ; turn_off 건조기:dryer
에어컨 켜줘 그리고 공기청정기도 켜줘 | turn_on 에어컨:ac ; turn_on 공기청정기:purifier
로봇청소기도 돌려줘 | start 로봇청소기:robot
세탁기는 꺼줘 | turn_off 세탁기:washer
세탁기만 꺼줘 | turn_off 세탁기:washer
거실 에어컨만 꺼줘 | turn_off 거실에어컨:ac@거실
1도만 내려줘 | set_temperature - v=1° dir=down
에어컨 2도만 올려줘 | set_temperature 에어컨:ac v=2° dir=up
제습기 습도 5%만 낮춰 | set_humidity 제습기:dehum v=5% dir=down
냉장고로 | ! no_intent
세탁기 뭐해? | state 세탁기:washer
세탁기 뭐 해 | state 세탁기:washer
세탁기 상태 어때? | state 세탁기:washer
세탁기 상태 알려줘 | state 세탁기:washer
건조기는 지금 어떤 상태야? | state 건조기:dryer
에어컨 켜져 있어? | state 에어컨:ac
거실 에어컨 꺼져 있어? | state 거실에어컨:ac@거실
세탁기 돌아가고 있어? | state 세탁기:washer
세탁기 작동 중이야? | state 세탁기:washer
세탁기 작동하고 있어? | state 세탁기:washer
세탁기 돌아가? | state 세탁기:washer
식기세척기 다 됐어? | state 식기세척기:dish
빨래 끝났어? | state 빨래:washer
로봇청소기 뭐 하고 있어? | state 로봇청소기:robot
건조 얼마나 남았어? | remaining_time 건조:dryer
건조기 얼마나 남았어 | remaining_time 건조기:dryer
세탁기 언제 끝나? | remaining_time 세탁기:washer
세탁 몇 분 남았어? | remaining_time 세탁:washer
식기세척기 남은 시간 알려줘 | remaining_time 식기세척기:dish
설거지 언제 다 돼? | remaining_time 설거지:dish
스타일러 끝나려면 얼마나 걸려? | remaining_time 스타일러:styler
세탁기 몇 시간 남았어 | remaining_time 세탁기:washer
거실 몇 도야? | current_temperature 거실:@거실
지금 온도 | current_temperature -
지금 거실 온도 알려줘 | current_temperature 거실:@거실
안방 온도 어때? | current_temperature 안방:@안방
에어컨 현재 온도 몇 도야? | current_temperature 에어컨:ac
거실 온도는? | current_temperature 거실:@거실
냉동실 몇 도야? | current_temperature :fridge/FREEZER
에어컨 설정 온도 몇 도야? | target_temperature 에어컨:ac
거실 에어컨 희망 온도 알려줘 | target_temperature 거실에어컨:ac@거실
냉동실 몇 도로 설정돼 있어? | target_temperature :fridge/FREEZER
냉장고 설정 온도 어때? | target_temperature 냉장고:fridge
냉장고 문 열려 있어? | door 냉장고:fridge
냉장고 문이 열려 있니? | door 냉장고:fridge
오븐 문 닫혀 있어? | door 오븐:oven
냉장고 문 잘 닫혔어? | door 냉장고:fridge
김치냉장고 문 열렸어? | door 김치냉장고:kimchi
공기 어때? | air_quality -
거실 공기 어때? | air_quality 거실:@거실
미세먼지 어때? | air_quality -
초미세먼지 알려줘 | air_quality -
공기청정기 미세먼지 어때 | air_quality 공기청정기:purifier
공기질 좋아? | air_quality -
안방 습도 어때? | current_humidity 안방:@안방
제습기 습도 몇이야? | current_humidity 제습기:dehum
지금 돌아가는 거 뭐 있어? | what_is_running -
작동 중인 가전 있어? | what_is_running -
켜져 있는 거 뭐야? | what_is_running -
지금 뭐 돌아가고 있어? | what_is_running -
어떤 기기가 작동하고 있어? | what_is_running -
세 탁 기 켜 | turn_on 세탁기:washer
세탁기  켜줘 | turn_on 세탁기:washer
  거실   에어컨   꺼줘   | turn_off 거실에어컨:ac@거실
세탁기 켜줘!! | turn_on 세탁기:washer
세탁기 켜줘~ | turn_on 세탁기:washer
세탁기 켜줘.. | turn_on 세탁기:washer
세탁기 on | turn_on 세탁기:washer
에어컨 off 해줘 | turn_off 에어컨:ac
제발 에어컨 좀 꺼줘 | turn_off 에어컨:ac
혹시 세탁기 좀 돌려 줄 수 있어요? | start 세탁기:washer
지금 바로 세탁기 멈춰 | stop 세탁기:washer
빨리 에어컨 켜 | turn_on 에어컨:ac
에어컨 전원 켜줘 | turn_on 에어컨:ac
세탁기 전원 꺼 | turn_off 세탁기:washer
가습기 켜줘 | turn_on 가습기:hum
정수기 꺼 | turn_off 정수기:water_purifier
포도 켜줘 | turn_on 포도:
포도도 켜줘 | turn_on 포도:
사과 꺼줘 | turn_off 사과:
냉장고 | ! no_intent
거실 에어컨 | ! no_intent
에어컨 맞춰줘 | ! missing_value
에어컨 설정해줘 | ! missing_value
아아아아 | ! no_intent
ㅋㅋㅋㅋ | ! no_intent
세탁기 이상해 | ! missing_value
오늘 날씨 어때 | ! no_intent
"""

# Commands for later, schedules, volume words, implied relative changes.
LATER = """
오후 7시에 에어컨 꺼줘 | turn_off 에어컨:ac at=19:00
오후7시에 에어컨 꺼줘 | turn_off 에어컨:ac at=19:00
오후 7시에, 에어컨 꺼줘 | turn_off 에어컨:ac at=19:00
에어컨 오후 7시에 꺼 줘 | turn_off 에어컨:ac at=19:00
저녁 7시 반에 거실 에어컨 켜줘 | turn_on 거실에어컨:ac@거실 at=19:30
저녁 7시반에 에어컨 켜 주세요 | turn_on 에어컨:ac at=19:30
밤 11시에 안방 에어컨 꺼 줘 | turn_off 안방에어컨:ac@안방 at=23:00
밤 12시에 에어컨 꺼 | turn_off 에어컨:ac at=0:00
아침 8시에 세탁기 돌려줘 | start 세탁기:washer at=8:00
새벽 2시에 식기세척기 돌려 | start 식기세척기:dish at=2:00
오전 10시 30분에 로봇청소기 청소 시작해 | start 로봇청소기:robot at=10:30
낮 12시에 세탁기 돌려 | start 세탁기:washer at=12:00
7시 30분에 에어컨 켜줘 | turn_on 에어컨:ac at=7:30?
7시에 꺼줘 | turn_off - at=7:00?
세탁기 일곱 시에 돌려줘 | start 세탁기:washer at=7:00?
열한 시 반에 에어컨 꺼주세요 | turn_off 에어컨:ac at=11:30?
두 시에 건조기 돌려줄래 | start 건조기:dryer at=2:00?
세탁기 세 시에 돌려줘 | start 세탁기:washer at=3:00?
정오에 세탁기 돌려줘 | start 세탁기:washer at=12:00
자정에 공기청정기 꺼줘 | turn_off 공기청정기:purifier at=0:00
내일 아침 7시에 세탁기 돌려줘 | start 세탁기:washer at=7:00+1
세탁기 내일 오전 9시에 시작해 주세요 | start 세탁기:washer at=9:00+1
오늘 밤 10시에 제습기 꺼줘 | turn_off 제습기:dehum at=22:00
에어컨 저녁 6시 정각에 켜줘 | turn_on 에어컨:ac at=18:00
19시 30분에 에어컨 켜줘 | turn_on 에어컨:ac at=19:30
오후 7시에 에어컨 23도로 맞춰줘 | set_temperature 에어컨:ac v=23° at=19:00
거실 에어컨 오후 6시에 냉방으로 켜줘 | turn_on 거실에어컨:ac@거실 at=18:00 ; set_mode 거실에어컨:ac@거실 v=cool at=18:00
에어컨 오후 11시에 꺼지도록 해줘 | turn_off 에어컨:ac at=23:00
25시에 꺼줘 | ! missing_value
에어컨 오후 13시에 꺼줘 | ! missing_value
7시 70분에 켜줘 | ! missing_value
에어컨 2시간 뒤 7시에 꺼줘 | ! missing_value
40분 있다가 거실 에어컨 꺼줘 | turn_off 거실에어컨:ac@거실 delay=2400
40분 후에 에어컨 꺼줘 | turn_off 에어컨:ac delay=2400
2시간 뒤에 안방 에어컨 꺼 | turn_off 안방에어컨:ac@안방 delay=7200
1시간 반 뒤에 꺼줘 | turn_off - delay=5400
한 시간 있다가 공기청정기 꺼줘 | turn_off 공기청정기:purifier delay=3600
30분 뒤에 꺼줘 | turn_off - delay=1800
세탁기 한 시간 반 있다가 돌려줘 | start 세탁기:washer delay=5400
에어컨 2시간 뒤에 꺼지게 예약해줘 | turn_off 에어컨:ac delay=7200
거실 에어컨 30분 뒤에 켜지게 해 줘 | turn_on 거실에어컨:ac@거실 delay=1800
세탁기 예약 취소해줘 | cancel_schedule 세탁기:washer
세탁기 예약 취소 | cancel_schedule 세탁기:washer
세탁기 예약 취소해 줘 | cancel_schedule 세탁기:washer
세탁기 예약 취소해주세요 | cancel_schedule 세탁기:washer
세탁기 예약 취소할래 | cancel_schedule 세탁기:washer
세탁기 예약을 취소해 줘 | cancel_schedule 세탁기:washer
에어컨 꺼짐 예약 취소해 | cancel_schedule 에어컨:ac
에어컨 타이머 취소해줘 | cancel_schedule 에어컨:ac
거실 에어컨 타이머 꺼줘 | cancel_schedule 거실에어컨:ac@거실
예약 다 취소해줘 | cancel_schedule : every
예약된 거 다 취소해 | cancel_schedule : every
로봇청소기 예약 지워줘 | cancel_schedule 로봇청소기:robot
식기세척기 예약 삭제해줘 | cancel_schedule 식기세척기:dish
건조기 예약 없애 줘 | cancel_schedule 건조기:dryer
세탁기 예약 해제해 | cancel_schedule 세탁기:washer
세탁기 지워줘 | ! no_intent
취소할게 | ! no_intent
취소해 | stop -
음소거 해제 | mute - v=off
예약된 거 뭐 있어? | schedules -
예약 뭐 있어? | schedules -
예약된 거 있어? | schedules -
세탁기 예약 있어? | schedules 세탁기:washer
에어컨 타이머 언제야? | schedules 에어컨:ac
타이머 몇 시야? | schedules -
예약 확인해줘 | schedules -
세탁기 언제 시작해? | schedules 세탁기:washer
건조기 예약돼 있는 거 있어? | schedules 건조기:dryer
에어컨 꺼짐 예약 몇 시야? | schedules 에어컨:ac
거실 에어컨 예약 상태 알려줘 | schedules 거실에어컨:ac@거실
TV 소리 조금만 키워 | set_volume tv:tv dir=up
볼륨 키워 | set_volume - dir=up
소리 키워 줘 | set_volume - dir=up
소리 키워주세요 | set_volume - dir=up
TV 볼륨 키워줄래? | set_volume tv:tv dir=up
소리 5만큼 키워줘 | set_volume - v=5 dir=up
볼륨 5 올려 | set_volume - v=5 dir=up
볼륨 10 키워 | set_volume - v=10 dir=up
티비 볼륨 좀 줄여 줘 | set_volume 티비:tv dir=down
TV 소리 약간 줄여 | set_volume tv:tv dir=down
소리 3만큼 줄여줘 | set_volume - v=3 dir=down
TV 소리 키우고 유튜브 틀어줘 | set_volume tv:tv dir=up ; launch_app tv:tv v=youtube
더 올려 | set_temperature - dir=up implied
조금 더 올려줘 | set_temperature - dir=up implied
더 낮춰 | set_temperature - dir=down implied
올려줘 | set_temperature - dir=up implied
좀 더 내려 줘 | set_temperature - dir=down implied
에어컨 더 낮춰 | set_temperature 에어컨:ac dir=down implied
3 올려줘 | set_temperature - v=3 dir=up implied
TV 올려줘 | set_volume tv:tv dir=up implied
온도 올려 | set_temperature - dir=up
습도 올려 | set_humidity - dir=up
소리 키워 | set_volume - dir=up
바람 세게 | set_fan_speed - v=high
조금 더 | ! no_intent
더 | ! no_intent
"""


def cases() -> list[tuple[str, str]]:
    """All Korean cases: the written lines and the generated ending/particle combinations."""
    written = [
        tuple(part.strip() for part in line.rsplit("|", 1))
        for line in (WRITTEN + LATER).splitlines()
        if line.strip()
    ]
    return [(utterance, spec) for utterance, spec in written] + _generated()
