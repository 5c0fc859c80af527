"""A test integration with voice satellites, a text-to-speech engine and a notify entity.

The satellites are real `AssistSatelliteEntity`s behind Home Assistant's own `assist_satellite`
actions and Assist pipeline; they only record what they were asked to say instead of playing it.
"""

from collections.abc import Iterable
from typing import Any, override

from homeassistant.components import assist_pipeline
from homeassistant.components.assist_pipeline import PipelineEvent, PipelineEventType
from homeassistant.components.assist_satellite import (
    AssistSatelliteAnnouncement,
    AssistSatelliteConfiguration,
    AssistSatelliteEntity,
    AssistSatelliteEntityFeature,
)
from homeassistant.components.notify import NotifyEntity
from homeassistant.components.tts import TextToSpeechEntity, TtsAudioType
from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.const import MAJOR_VERSION, MINOR_VERSION, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    mock_config_flow,
    mock_integration,
    mock_platform,
)

# What a non-custom integration's async_setup_entry returns when it set up: HA 2026.11 wants None
# (a boolean is an error there), HA 2026.10 a True.
SETUP_DONE: bool | None = None if (MAJOR_VERSION, MINOR_VERSION) >= (2026, 11) else True

TEST_DOMAIN = "satellite_test"
PLATFORMS = [Platform.ASSIST_SATELLITE, Platform.TTS, Platform.NOTIFY]


class RecordingSatellite(AssistSatelliteEntity):
    """A voice satellite that records announcements and conversations it starts."""

    _attr_supported_features = (
        AssistSatelliteEntityFeature.ANNOUNCE | AssistSatelliteEntityFeature.START_CONVERSATION
    )

    def __init__(self, name: str) -> None:
        """Name the satellite (its entity id follows)."""
        self._attr_name = name
        self._attr_unique_id = f"satellite_{name}"
        self.announcements: list[str] = []
        self.questions: list[str] = []
        # What the person in the room answers a question with (`assist_satellite.ask_question`).
        self.hears: str | None = None

    @override
    def async_get_configuration(self) -> AssistSatelliteConfiguration:
        return AssistSatelliteConfiguration(
            available_wake_words=[], active_wake_words=[], max_active_wake_words=1
        )

    @override
    async def async_set_configuration(self, config: AssistSatelliteConfiguration) -> None:
        """Keep the wake words (nothing to keep)."""

    @override
    def on_pipeline_event(self, event: PipelineEvent) -> None:
        """Pipelines run through the agent directly in these tests."""

    @override
    async def async_announce(self, announcement: AssistSatelliteAnnouncement) -> None:
        self.announcements.append(announcement.message)

    @override
    async def async_start_conversation(self, start_announcement: AssistSatelliteAnnouncement) -> None:
        self.questions.append(start_announcement.message)
        if self.hears is not None:
            # The satellite's speech-to-text reports the answer, as after listening to the room.
            heard = PipelineEvent(PipelineEventType.STT_END, {"stt_output": {"text": self.hears}})
            self.hass.loop.call_soon(self._internal_on_pipeline_event, heard)


class SilentTts(TextToSpeechEntity):
    """A text-to-speech engine that makes silence."""

    _attr_name = "Test TTS"
    _attr_unique_id = "test_tts"
    _attr_supported_languages = ["ko", "en"]
    _attr_default_language = "ko"

    @override
    async def async_get_tts_audio(self, message: str, language: str, options: dict[str, Any]) -> TtsAudioType:
        return "mp3", b""


class RecordingNotify(NotifyEntity):
    """A notify entity that records its messages."""

    _attr_name = "Phone"
    _attr_unique_id = "test_phone"

    def __init__(self) -> None:
        """Start with no messages."""
        self.messages: list[tuple[str, str | None]] = []

    @override
    async def async_send_message(self, message: str, title: str | None = None) -> None:
        self.messages.append((message, title))


class _Flow(ConfigFlow):
    """The test integration's (unused) config flow."""


async def async_setup_satellites(
    hass: HomeAssistant, satellites: Iterable[RecordingSatellite], notify: RecordingNotify, agent_id: str
) -> None:
    """Add the satellites, a TTS engine and a notify entity; Assist's pipeline uses `agent_id`."""
    entities: dict[Platform, list[Entity]] = {
        Platform.ASSIST_SATELLITE: list(satellites),
        Platform.TTS: [SilentTts()],
        Platform.NOTIFY: [notify],
    }

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool | None:
        await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
        return SETUP_DONE

    mock_integration(hass, MockModule(TEST_DOMAIN, async_setup_entry=setup_entry))
    mock_platform(hass, f"{TEST_DOMAIN}.config_flow")
    for platform in PLATFORMS:

        async def add(
            hass: HomeAssistant,
            entry: ConfigEntry,
            async_add_entities: AddConfigEntryEntitiesCallback,
            found: list[Entity] = entities[platform],
        ) -> None:
            async_add_entities(found)

        mock_platform(hass, f"{TEST_DOMAIN}.{platform.value}", MockPlatform(async_setup_entry=add))
    for component in ("tts", "notify", "assist_pipeline", "assist_satellite"):
        assert await async_setup_component(hass, component, {})
    entry = MockConfigEntry(domain=TEST_DOMAIN)
    entry.add_to_hass(hass)
    with mock_config_flow(TEST_DOMAIN, _Flow):
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    tts_entity = er.async_get(hass).async_get_entity_id("tts", TEST_DOMAIN, "test_tts")
    pipeline = assist_pipeline.async_get_pipeline(hass)
    await assist_pipeline.async_update_pipeline(
        hass, pipeline, conversation_engine=agent_id, tts_engine=tts_entity, tts_language="ko"
    )
