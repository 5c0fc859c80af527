"""What the browser tests read, click and type, per UI language.

ThinQ Voice's own words come from its translations, so a test fails when the UI does not show them;
Home Assistant's words are written here as its 2026.11 frontend shows them.
"""

from dataclasses import dataclass, field
import json
from pathlib import Path
from typing import Any

TRANSLATIONS = Path(__file__).parents[2] / "custom_components" / "thinq_voice" / "translations"


@dataclass(frozen=True)
class Command:
    """A sentence typed into Assist and the appliance (by its name in the simulator) it changes."""

    text: str
    appliance: str


@dataclass(frozen=True)
class UiStrings:
    """One UI language: Home Assistant's frontend words, the household's names and what is said."""

    language: str
    locale: str
    username: str
    password: str
    log_in: str
    add_integration: str
    search_brand: str
    submit: str
    skip_and_finish: str
    finish: str
    configure: str
    add_assistant: str
    conversation_agent: str
    create: str
    assist: str
    request: str
    tv_name: str
    washer: str
    air_conditioner: str
    korean: Command
    english: Command
    translations: dict[str, Any] = field(repr=False, default_factory=dict)

    def ours(self, key: str) -> str:
        """Return ThinQ Voice's translation at a dotted key, e.g. "config.step.cloud.title"."""
        value: Any = self.translations
        for part in key.split("."):
            value = value[part]
        return str(value)


def _translations(language: str) -> dict[str, Any]:
    translations: dict[str, Any] = json.loads((TRANSLATIONS / f"{language}.json").read_text())
    return translations


UI_STRINGS = {
    "ko": UiStrings(
        language="ko",
        locale="ko-KR",
        username="사용자 이름",
        password="비밀번호",
        log_in="로그인",
        add_integration="통합 구성 요소 추가",
        search_brand="브랜드 이름 검색",
        submit="확인",
        skip_and_finish="건너뛰고 완료",
        finish="완료",
        configure="구성",
        add_assistant="어시스턴트 추가",
        conversation_agent="대화 에이전트",
        create="생성",
        assist="Assist (A)",
        request="요청을 입력하세요",
        tv_name="거실 TV",
        washer="세탁기",
        air_conditioner="거실 에어컨",
        korean=Command("거실 에어컨 켜줘", "거실 에어컨"),
        english=Command("start the washer", "세탁기"),
        translations=_translations("ko"),
    ),
    "en": UiStrings(
        language="en",
        locale="en-US",
        username="Username",
        password="Password",
        log_in="Log in",
        add_integration="Add integration",
        search_brand="Search for a brand name",
        submit="Submit",
        skip_and_finish="Skip and finish",
        finish="Finish",
        configure="Configure",
        add_assistant="Add assistant",
        conversation_agent="Conversation agent",
        create="Create",
        assist="Assist (A)",
        request="Enter a request",
        tv_name="Living Room TV",
        washer="Washer",
        air_conditioner="Living Room AC",
        korean=Command("세탁기 돌려줘", "Washer"),
        english=Command("turn on the living room AC", "Living Room AC"),
        translations=_translations("en"),
    ),
}
