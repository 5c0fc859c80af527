"""Korean words and patterns `grammar_ko` reads a sentence with.

Predicates (verb + ending), connectives, questions, numbers and units, fan levels, modes, property
words, negation, hesitations and fillers: a new way of saying something is usually a change here.
"""

import re

from .clause import Modifier, Prop, Verb
from .lexicon import KO_APP_WORDS, KO_AREAS, KO_DEVICE_WORDS, KO_LOCATIONS, app_pattern
from .model import FanSpeed, Mode, QuestionIntent, Unit
from .numbers import NATIVE_PATTERN

WAKE = re.compile(
    r"^(?:(?:헤이|하이|오케이)\s?(?:지니|엘지|구글|빅스비)|지니야|지니|빅스비|알렉사|엘지야|"
    r"hey google|ok google|okay google|hey genie|alexa)(?:야|아)?(?:[\s,]+|$)"
)
# Softeners anywhere; 좀 also attaches to the word before it ("세탁기좀").
SOFTENERS = re.compile(r"좀|제발|혹시|please")

# Auxiliary endings after the 어/아 form of a verb: 켜 + 줘, 켜 주세요, 켜줄래요, 켜 줄 수 있어...
_AUX_WORDS = (
    r"주(?:세요|시겠어요|시겠습니까|실래요|실래|십시오|실\s?수\s?(?:있나요|있어요|있을까요)|라|렴)",
    r"줘(?:요|\s?봐(?:요)?)?",
    r"줄(?:래요|래|까요|까)",
    r"줄\s?수\s?(?:있어요|있어|있니|있나요|있을까요|있을까|있겠어요|있겠어|있겠니|있습니까)",
    r"봐(?:요)?|보세요|볼래(?:요)?",
    r"놔(?:\s?줘(?:요)?|\s?주세요|요)?|둬(?:요)?|놓(?:을래요?|을까요?|아\s?줘(?:요)?|아\s?주세요)",
)
_AUX = rf"(?:\s?(?:{'|'.join(_AUX_WORDS)})|요|라|도\s?(?:돼|되|괜찮아|좋아|될까|돼요|될까요)(?:요)?)?"
# Endings after the plain stem: 끄세요, 켜기, 돌리자.
_BASE_END = r"(?:세요|십시오|시겠어요|시죠|기|자)"


def _verb(a_forms: tuple[str, ...], stems: tuple[str, ...] = ()) -> list[str]:
    forms = [f"(?:{'|'.join(a_forms)}){_AUX}"]
    if stems:
        forms.append(f"(?:{'|'.join(stems)}){_BASE_END}")
    return forms


def _hada(nouns: tuple[str, ...], *, bare: bool = True, sikida: bool = False) -> list[str]:
    """Forms of a 하다 verb: 시작해(줘), 시작하세요, 시작 (bare noun), 작동시켜줘 (with 시키다)."""
    noun = f"(?:{'|'.join(nouns)})"
    forms = [rf"{noun}\s?해{_AUX}", rf"{noun}\s?하{_BASE_END}", rf"{noun}\s?할래(?:요)?"]
    if sikida:
        forms += [rf"{noun}\s?시켜{_AUX}", rf"{noun}\s?시키{_BASE_END}"]
    if bare:
        forms.append(noun)
    return forms


# English verbs said in Korean ("에어컨 turn off", "TV 볼륨 up", "세탁기 start 해줘").
_ENGLISH_VERB = r"(?<![a-z]){}(?:\s?해" + _AUX + ")?"
_DESTINATION = r"(?:충전\s?(?:대|기|독|스테이션|기지)?|집|홈|베이스|도크|독)\s?(?:으로|로|에)?\s?"
ACTIVITIES = ("청소", "설거지", "세탁", "빨래", "건조")

_PREDICATES: tuple[tuple[Verb, list[str]], ...] = (
    (
        Verb.ON,
        [*_verb(("켜", "틀어"), ("켜", "틀")), _ENGLISH_VERB.format("(?:(?:turn|switch|power)\\s)?on")],
    ),
    (Verb.OFF, [*_verb(("꺼",), ("끄",)), _ENGLISH_VERB.format("(?:(?:turn|switch|power)\\s)?off")]),
    (
        Verb.START,
        [
            *_verb(("돌려",), ("돌리",)),
            *_hada(("시작", "작동", "가동", "실행", "예약", "예열"), sikida=True),
            *_hada(("운전", "동작", *ACTIVITIES), bare=False, sikida=True),
            _ENGLISH_VERB.format("start"),
        ],
    ),
    (Verb.PAUSE, [*_hada((r"일시\s?정지", r"일시\s?중지")), _ENGLISH_VERB.format("pause")]),
    (Verb.RESUME, [*_hada(("재개", "재시작", "계속")), r"이어서\s?(?:해|돌려|진행해)" + _AUX]),
    (
        Verb.STOP,
        [
            *_verb(("멈춰", "세워", r"그만\s?(?:해|돌려)"), ("멈추", "세우")),
            *_hada(("정지", "중지", "중단", "종료", "취소", "그만")),
            _ENGLISH_VERB.format("stop"),
        ],
    ),
    (
        Verb.RETURN,
        [
            *_verb(
                (
                    _DESTINATION + r"(?:돌아가|돌아와|(?:돌려\s?)?보내|가|이동해|복귀해|귀환해)",
                    r"충전하러\s?(?:가|보내)",
                )
            ),
            # sikida: without it "복귀시켜줘" would end in the ON predicate 켜줘.
            *_hada(("복귀", "귀환", "충전", "도킹"), sikida=True),
        ],
    ),
    (
        Verb.SET,
        [
            *_verb(("맞춰", "바꿔", "해", "만들어"), ("맞추", "바꾸", "하")),
            *_hada(("설정", "변경", "조정", "조절", "세팅", "셋팅")),
        ],
    ),
    (
        Verb.UP,
        [*_verb(("올려", "높여", "키워"), ("올리", "높이", "키우")), _ENGLISH_VERB.format("(?:up|업)")],
    ),
    (
        Verb.DOWN,
        [*_verb(("내려", "낮춰", "줄여"), ("내리", "낮추", "줄이")), _ENGLISH_VERB.format("(?:down|다운)")],
    ),
    (Verb.OPEN, _verb(("열어",), ("열",))),
    (Verb.CLOSE, _verb(("닫아",), ("닫",))),
    (Verb.CANCEL, [*_verb(("지워", "없애"), ("지우", "없애")), *_hada(("삭제", "해제"))]),
)
PREDICATE_RES = tuple((verb, re.compile(f"(?:{'|'.join(forms)})$")) for verb, forms in _PREDICATES)
# Predicates are short: looking only at the end keeps matching linear in the sentence length.
PREDICATE_WINDOW = 40

# "2시간 뒤에 꺼지게 예약해줘": what is scheduled is said before 예약 / 해줘.
SCHEDULED_POWER = re.compile(r"(?P<power>꺼지|켜지|켜|끄)(?:게|도록)\s?$")

# Clause connectives: a verb stem + 고 ends a clause ("식기세척기 돌리고 로봇청소기도 시작해").
CONNECTIVE_STEMS: dict[str, Verb] = {
    "켜": Verb.ON,
    "켜주": Verb.ON,
    "틀": Verb.ON,
    "틀어주": Verb.ON,
    "끄": Verb.OFF,
    "꺼주": Verb.OFF,
    "돌리": Verb.START,
    "돌려주": Verb.START,
    "시작하": Verb.START,
    "작동시키": Verb.START,
    "작동하": Verb.START,
    "가동하": Verb.START,
    "실행하": Verb.START,
    "일시정지하": Verb.PAUSE,
    "멈추": Verb.STOP,
    "정지하": Verb.STOP,
    "중지하": Verb.STOP,
    "종료하": Verb.STOP,
    "맞추": Verb.SET,
    "맞춰주": Verb.SET,
    "설정하": Verb.SET,
    "바꾸": Verb.SET,
    "변경하": Verb.SET,
    "으로 하": Verb.SET,
    "으로하": Verb.SET,
    "로 하": Verb.SET,
    "로하": Verb.SET,
    "올리": Verb.UP,
    "높이": Verb.UP,
    "키우": Verb.UP,
    "내리": Verb.DOWN,
    "낮추": Verb.DOWN,
    "줄이": Verb.DOWN,
    "열": Verb.OPEN,
    "닫": Verb.CLOSE,
}
# ... and the 어서 form ("안방 에어컨 켜서 26도로 맞춰줘": turn it on, then set it).
SEQUENTIAL_FORMS: dict[str, Verb] = {
    "켜": Verb.ON,
    "켜줘": Verb.ON,
    "틀어": Verb.ON,
    "돌려": Verb.START,
    "시작해": Verb.START,
    "꺼": Verb.OFF,
    "맞춰": Verb.SET,
}
# ... and going home, which takes its destination along ("충전대로 보내고", "복귀하고"): left in
# the clause, the destination would be read as part of an appliance name.
_RETURN_CONNECTIVE = (
    rf"{_DESTINATION}(?:돌아가|(?:돌려\s?)?보내|가|이동하|복귀하|귀환하)"
    r"|충전하러\s?(?:가|보내)|(?:복귀|귀환|충전|도킹)\s?(?:하|시키)"
)
CONNECTIVE = re.compile(
    "(?:(?P<stem>"
    + "|".join(sorted(CONNECTIVE_STEMS, key=len, reverse=True))
    + rf")고(?!\s?있)|(?P<home>{_RETURN_CONNECTIVE})고|(?P<form>"
    + "|".join(sorted(SEQUENTIAL_FORMS, key=len, reverse=True))
    + r")서)(?:\s|$)"
)
CLAUSE_BREAK = re.compile(r"\s*(?:,|그리고|그\s?다음에?|다음에)\s*")

# "예약", "타이머", "꺼짐 예약", "예약된 거": what is set for later.
_SCHEDULE_WORD = (
    r"(?:(?:꺼짐|켜짐|종료|시작|취침|운전)\s?)?(?:예약|타이머)"
    r"(?:\s?(?:된|돼\s?있는|되어\s?있는|걸린|걸려\s?있는|설정된)\s?(?:거|것|게|건))?"
)
QUESTIONS: tuple[tuple[QuestionIntent, re.Pattern[str]], ...] = tuple(
    (intent, re.compile(pattern))
    for intent, pattern in (
        (
            QuestionIntent.CAPABILITIES,
            r"뭐라고\s?(?:말|할|하면)|(?:뭘|뭐|무엇을|무슨\s?말을?)\s?(?:할|시킬)\s?수|(?:무슨|어떤)\s?(?:명령|말)"
            r"|할\s?수\s?있는\s?(?:거|것|게|말|명령)",
        ),
        (QuestionIntent.FILTER, r"필터\s?(?:수명|교체|상태|얼마|어때|언제|몇|남|은|는|가|이)"),
        (QuestionIntent.BATTERY, r"배터리|충전\s?(?:량|상태|얼마|몇\s?(?:퍼센트|프로))"),
        (
            QuestionIntent.MODE,
            r"(?:무슨|어떤|뭔|무엇|어느)\s?모드|모드\s?(?:가|는|이)?\s?(?:뭐|무엇|어떻게|어때|뭔|확인)",
        ),
        (
            QuestionIntent.SCHEDULES,
            rf"{_SCHEDULE_WORD}\s?(?:이|가|은|는|도)?\s?(?:뭐|뭔|무엇|있|언제|몇\s?시|확인|알려|상태|목록|어떻게)"
            r"|(?:언제|몇\s?시에)\s?(?:시작|켜지|꺼지|돌아가|작동)",
        ),
        (
            QuestionIntent.WHAT_IS_RUNNING,
            r"(?:돌아가|작동\s?하|작동\s?중|가동\s?중|켜져\s?있|실행\s?중|돌고\s?있)(?:는|인)\s?(?:거|것|게|기기|가전|제품|애)"
            r"|뭐(?:가)?\s?(?:돌아가|작동|켜져|돌고)"
            r"|(?:어떤|무슨)\s?(?:기기|가전|제품)(?:이|가)?\s?(?:돌아|작동|켜져)",
        ),
        (
            QuestionIntent.REMAINING_TIME,
            r"얼마나\s?(?:더\s?)?남|몇\s?(?:분|시간)\s?(?:더\s?)?남|남은\s?시간|언제\s?(?:다\s?)?(?:끝|돼|되|완료)"
            r"|끝나려면|끝날|끝나는\s?시간|완료\s?시간|종료\s?시간",
        ),
        (QuestionIntent.DOOR, r"(?:문|도어)\s?(?:이|은|가)?\s?(?:열려|닫혀|열렸|닫혔|열린|닫힌|잘\s?닫)"),
        (
            QuestionIntent.AIR_QUALITY,
            r"미세\s?먼지|초미세|공기\s?질|공기\s?(?:상태|어때|어떄|괜찮|좋|나쁘|나빠|깨끗)|pm\s?\d",
        ),
        (QuestionIntent.CURRENT_HUMIDITY, r"습도\s?(?:가|는)?\s?(?:어때|몇|알려|얼마|확인|높|낮|어떻)"),
        (
            QuestionIntent.TARGET_TEMPERATURE,
            r"(?:설정|희망|목표)\s?(?:된\s?)?온도\s?(?:가|는)?\s?(?:어때|몇|알려|얼마|확인|뭐|어떻)"
            r"|몇\s?도로\s?(?:설정|맞춰|되어|돼|되)",
        ),
        (
            QuestionIntent.CURRENT_TEMPERATURE,
            r"몇\s?도|온도\s?(?:가|는)?\s?(?:어때|몇|알려|얼마|확인|뭐|어떻)|(?:현재|지금)\s?온도$|온도는$"
            r"|(?:더워|덥|추워|춥)(?:니|나|지|어요|워요)?$",
        ),
        (
            QuestionIntent.STATE,
            r"뭐\s?(?:해|하|하고|하는)|상태|어떻게\s?(?:돼|되|됐)|(?:켜져|꺼져)\s?있"
            r"|(?:돌아가|작동하|동작하|가동하|돌고|켜지|꺼지)(?:고\s?있|는\s?중|니|나요|나)"
            r"|(?:작동|가동|동작|운전)\s?중|다\s?(?:됐|되었|끝났)|끝났|켜졌|꺼졌",
        ),
    )
)
# "세탁기 돌아가?" is a question only with a question mark: without one it is a command to go.
BARE_STATE_QUESTION = re.compile(r"(?:돌아가|작동해|켜져|꺼져)(?:요)?$")

_NUMBER = (
    r"(?:\d+(?:\.\d+)?(?:\s?점\s?\d+)?"
    r"|(?:(?<![가-힣])|(?<=영하)|(?<=너스))"
    r"(?:[일이삼사오육칠팔구십백천]+\s?점\s?[영일이삼사오육칠팔구]+"
    r"|[일이삼사오육칠팔구십백천]+(?:\s[일이삼사오육칠팔구십백천]+)*"
    rf"|{NATIVE_PATTERN}))"
)
QUANTITY = re.compile(
    r"(?P<neg>영하|마이너스|-)?\s?"
    rf"(?P<num>{_NUMBER})"
    # "2단계로": a numbered fan speed (단계 is no unit of a value: grammar_ko reads it as the fan's).
    r"\s?(?P<unit>도|°c|°f|°|퍼센트|프로|%|시간|분|초|번|단계)?"
    r"(?P<half>\s?반)?"
    r"(?P<tail>\s?(?:으로|로|에|까지|만큼|정도|쯤|뒤에는|후에는|뒤에|후에|뒤|후|있다가|이따가|지나서|지나면|를|을|가|이|는|은)?"
    # "1도만 내려줘": only that much.
    r"(?:만)?)(?=\s|$)"
)
# "켜지 마", "끄지 말아줘", "안 돼", "돌리지 않아도 돼": what not to do is never done.
NEGATION = re.compile(
    r"지\s?(?:마|마요|마세요|마라|말아|말아요|말아\s?(?:줘|주세요)|말라|말자|말|않아도|않게|않도록|않을래|않았으면)(?:\s|$)"
    r"|(?:^|\s)(?:안|못)(?:\s|$)|(?:^|\s)안\s?(?:돼|되)|(?:^|\s)하지\s?마|(?:^|\s)그만두"
)
# "X 말고 Y": Y is meant, never X.
NOT_THIS = re.compile(r"^(?P<this>.*?)\s?말고\s(?P<that>.+)$")
# Hesitations, fillers and brand words that name nothing: "어", "저기", "아 맞다", "그 뭐냐", "LG".
HESITATIONS = re.compile(
    r"(?:^|(?<=\s))(?:어+|음+|으음|아+|저기요?|아\s?맞다|맞다|그\s?뭐냐|그\s?뭐지|뭐냐|있잖아|그러니까|근데|일단|그)(?=\s|,|$)"
)
# "멈춘 거 이어서 해": the appliance that was paused, which the conversation knows, like "그거".
PAUSED_ONE = re.compile(
    r"(?:멈춘|멈춰\s?있는|멈췄던|멈춰\s?둔|중지된|일시\s?정지된|정지된|중단된)\s?(?:거|것|걸|애)"
)
NEUTRAL_WORDS = frozenset(
    {
        "lg",
        "엘지",
        "트롬",
        "휘센",
        "디오스",
        "퓨리케어",
        "코드제로",
        "오브제",
        "씽큐",
        "thinq",
        "우리",
        "우리집",
        "집",
        "내",
    }
)
UNITS = {
    "도": Unit.DEGREES,
    "°": Unit.DEGREES,
    "°c": Unit.CELSIUS,
    "°f": Unit.FAHRENHEIT,
    "퍼센트": Unit.PERCENT,
    "프로": Unit.PERCENT,
    "%": Unit.PERCENT,
    "시간": Unit.HOURS,
    "분": Unit.MINUTES,
    "초": Unit.SECONDS,
}
FAN_LEVELS = {
    "약풍": FanSpeed.LOW,
    "미풍": FanSpeed.LOW,
    "약하게": FanSpeed.LOW,
    "약": FanSpeed.LOW,
    "최소": FanSpeed.LOW,
    "중풍": FanSpeed.MID,
    "중간": FanSpeed.MID,
    "중": FanSpeed.MID,
    "강풍": FanSpeed.HIGH,
    "강하게": FanSpeed.HIGH,
    "세게": FanSpeed.HIGH,
    "강": FanSpeed.HIGH,
    "최대": FanSpeed.HIGH,
    "자동풍": FanSpeed.AUTO,
    "자동": FanSpeed.AUTO,
}
_FAN_WORD = r"(?:바람\s?세기|바람|풍량|풍속|팬\s?속도)"
FAN = re.compile(
    rf"{_FAN_WORD}\s?(?:을|를|은|는|이|가)?\s?(?P<level>약풍|미풍|중풍|강풍|자동풍|약하게|강하게|세게|중간|최대|최소|자동|약|중|강)"
    r"(?:으로|로|을|를)?(?=\s|$)|(?P<bare>약풍|미풍|중풍|강풍|자동풍)(?:으로|로|을|를|이|가)?"
)
MODES = {
    "냉방": Mode.COOL,
    "난방": Mode.HEAT,
    "제습": Mode.DRY,
    "송풍": Mode.FAN,
    "자동": Mode.AUTO,
    "공기청정": Mode.AIR_CLEAN,
    "청정": Mode.AIR_CLEAN,
    "수면": Mode.SLEEP,
    "취침": Mode.SLEEP,
    "터보": Mode.TURBO,
    "파워": Mode.TURBO,
    "쾌속": Mode.TURBO,
    "저소음": Mode.SILENT,
    "무소음": Mode.SILENT,
    "조용": Mode.SILENT,
}
# (?!기): 제습기, 공기청정기, 냉방기 and 냉난방기 are appliances, not modes.
MODE = re.compile(
    r"(?P<mode>냉방|난방|제습|송풍|자동|공기\s?청정|청정|수면|취침|터보|파워|쾌속|저소음|무소음|조용)(?!기)(?:\s?(?:모드|운전))?(?:으로|로|을|를|이|가|은|는)?"
)
PROPS: tuple[tuple[Prop | None, re.Pattern[str]], ...] = (
    (Prop.EXPRESS_FREEZE, re.compile(r"급속\s?냉동|특급\s?냉동|급냉|익스프레스\s?(?:냉동|모드)?")),
    (Prop.TEMPERATURE, re.compile(r"(?:설정|희망|목표|현재)?\s?온도")),
    (Prop.HUMIDITY, re.compile(r"습도")),
    (Prop.FAN, re.compile(_FAN_WORD)),
    (Prop.MODE, re.compile(r"운전\s?모드|모드")),
    (Prop.DOOR, re.compile(r"(?:문|도어)(?:을|를|이|은|는|가)?(?=\s|$)")),
    (Prop.VOLUME, re.compile(r"볼륨|음량|소리")),
    (Prop.CHANNEL, re.compile(r"채널")),
    (Prop.SCHEDULE, re.compile(_SCHEDULE_WORD)),
    (None, re.compile(r"전원")),
)
APP = app_pattern(KO_APP_WORDS, r"(?:을|를|이|가|은|는|으로|로|앱|어플)?(?=\s|$)")
# "음소거 해제/풀어줘" unmutes; any other 음소거 mutes.
UNMUTE = re.compile(r"음소거\s?(?:해제|풀어|풀)\S*")
MUTE = re.compile(r"음소거(?:를|을)?")
MODIFIERS: tuple[tuple[Modifier, re.Pattern[str]], ...] = (
    (Modifier.AGAIN, re.compile(r"다시|계속|이어서")),
    (Modifier.BRIEFLY, re.compile(r"잠깐만?|잠시만?|일시")),
    (Modifier.WARMER, re.compile(r"따뜻하게|따듯하게|덥게|뜨겁게")),
    (Modifier.COOLER, re.compile(r"시원하게|차갑게|춥게|선선하게|차게")),
)
FILLERS = frozenset(
    {
        "지금",
        "당장",
        "바로",
        "빨리",
        "얼른",
        "한번",
        "그냥",
        "꼭",
        "어서",
        "현재",
        "있는",
        "어떤",
        "무슨",
        "섭씨",
        "설정",
        "더",
        "조금",
        "조금만",
        "약간",
        "약간만",
        "살짝",
        "살짝만",
        "같이",
        "함께",
        "아니",
        "아니야",
        "아냐",
        "아뇨",
        "알려줘",
        "알려",
        "좀더",
        "및",
        "단계",
        "칸",
        "둘",
    }
)
# "에어컨 다 꺼줘": every appliance the phrase fits.
QUANTIFIERS = frozenset({"다", "모두", "전부", "전체", "둘다", "모든"})
# "거실 거", "안방 것도": "the one in ..." adds nothing to the area it follows.
ONE = re.compile(r"(?:거|것|꺼)(?:도|요|로|를|을|은|는|이|가)?")
# "바람 한 단계 올려줘": one step is what a relative change without a number does anyway.
_STEP_WORDS = r"(?:한|1)\s?(?:단계|칸)"
STEP = re.compile(_STEP_WORDS)
# "더 약하게", "한 단계 더 세게", "약하게 한 단계": a fan-speed adverb said as a comparison is a step
# from the current speed, where the adverb alone ("바람 세게") names a speed.
FAN_STEP = re.compile(
    rf"(?:(?:{_STEP_WORDS}|더)\s?)+(?P<before>약하게|세게|강하게)|(?P<after>약하게|세게|강하게)\s?{_STEP_WORDS}"
)
FAN_STEP_MODIFIERS = {"약하게": Modifier.WEAKER, "세게": Modifier.STRONGER, "강하게": Modifier.STRONGER}
# Particles left alone when the word before them was taken as a value or property ("온도를").
BARE_PARTICLES = frozenset(
    {"을", "를", "이", "가", "은", "는", "으로", "로", "에", "에서", "의", "도", "만", "과", "와", "랑"}
)
PROTECTED = frozenset(KO_DEVICE_WORDS) | frozenset(KO_AREAS) | frozenset(KO_LOCATIONS)


# Words that open or close a phrase in a run-together sentence ("세탁기말고건조기돌려줘"): an
# appliance or area word with its particle, a number with its unit, "말고", a condition.
LANDMARKS = re.compile(
    "(?P<word>(?:"
    + "|".join(sorted((word for word in KO_DEVICE_WORDS if not word.isascii()), key=len, reverse=True))
    + r")(?:을|를|이(?!틀)|가|은|는|도|만|이랑|랑|하고|과|와|에서|에|으로|로|좀)?|"
    + "|".join(sorted(KO_AREAS, key=len, reverse=True))
    + r"|말고|(?:끝나|끝났을|끝날|다\s?되|다\s?돌|멈추|시작하|켜지|에러\s?나)(?:면|자마자|고\s?나서|\s?때)"
    r"|(?:\d+(?:\.\d+)?|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)\s?(?:도|%|퍼센트|프로|시간|분|초|시|일)(?:\s?반)?"
    r"(?:으로|로|뒤에|후에|있다가|에|만)?|\d+(?:\.\d+)?(?:으로|로)?|(?:이틀|사흘|나흘)(?:\s?(?:뒤에|후에|있다가))?)"
)
LONG_WORD = 6
