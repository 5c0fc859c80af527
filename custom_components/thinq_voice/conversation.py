"""The ThinQ Voice conversation agent: Korean and English appliance commands through Assist."""

from typing import Literal, override

from homeassistant.components import conversation
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .agent.actions import ActionError, async_answer, async_execute, supports
from .agent.answers import say
from .agent.context import ConversationMemory
from .agent.phrases import Phrases, expand, load_phrases
from .agent.targets import Appliance, collect_appliances, match, name_key
from .const import CONF_FALLBACK_AGENT, DEFAULT_FALLBACK_AGENT, DOMAIN, NO_FALLBACK_AGENT
from .coordinator import ThinQVoiceConfigEntry
from .voice import NotUnderstood, parse
from .voice.korean import has_final_consonant
from .voice.model import Action, Command, DeviceType, Question, QuestionIntent

PARALLEL_UPDATES = 0
SUPPORTED_LANGUAGES = ["ko", "en"]
# More candidates than this are not read out as a choice: the user is asked to name one.
MAX_CHOICES = 4
# Replies that drop an open question ("취소할게", "never mind").
CANCEL_KEYS = {
    "취소",
    "취소할게",
    "취소해",
    "됐어",
    "아니",
    "아냐",
    "그만",
    "cancel",
    "nevermind",
    "forgetit",
    "no",
}


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ThinQVoiceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the agent of this config entry."""
    async_add_entities([ThinQVoiceAgent(entry)])


class ThinQVoiceAgent(conversation.ConversationEntity):
    """Understands appliance commands and questions and acts through Home Assistant services."""

    _attr_has_entity_name = True
    _attr_name = None
    _attr_supported_features = conversation.ConversationEntityFeature.CONTROL

    def __init__(self, entry: ThinQVoiceConfigEntry) -> None:
        """Create the agent of an entry, on a service device of its own."""
        self.entry = entry
        self._attr_unique_id = f"{entry.entry_id}_agent"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name="ThinQ Voice",
            manufacturer="ThinQ Voice",
            entry_type=DeviceEntryType.SERVICE,
        )
        self.memory = ConversationMemory()
        self.phrases: Phrases = {}

    @override
    async def async_added_to_hass(self) -> None:
        """Read the user's phrases when the agent starts."""
        await super().async_added_to_hass()
        self.phrases = await self.hass.async_add_executor_job(load_phrases, self.hass.config.config_dir)

    @property
    @override
    def supported_languages(self) -> list[str] | Literal["*"]:
        """Return the languages the agent understands."""
        return SUPPORTED_LANGUAGES

    @override
    async def _async_handle_message(
        self, user_input: conversation.ConversationInput, chat_log: conversation.ChatLog
    ) -> conversation.ConversationResult:
        """Answer one turn: finish an open question, or read and carry out the sentence."""
        language = "ko" if (user_input.language or "").lower().startswith("ko") else "en"
        conversation_id = chat_log.conversation_id
        appliances = collect_appliances(self.hass)
        pending = self.memory.take(conversation_id)
        if pending is not None:
            speech, asked = await self._async_continue_choice(
                user_input, pending.action, pending.options, pending.language
            )
            if speech is not None:
                return self._reply(user_input, chat_log, pending.language, speech, asked)
        sentences = expand(self.phrases, user_input.text, language)
        parsed = [parse(sentence, language) for sentence in sentences]
        understood = [result for result in parsed if not isinstance(result, NotUnderstood)]
        if len(understood) < len(parsed):
            if sentences == [user_input.text]:
                return await self._async_fallback(user_input, chat_log, language)
            return self._reply(
                user_input, chat_log, language, say(language, "phrase_not_understood"), asked=False
            )
        language = understood[0].language.value
        answers: list[str] = []
        for part in (part for result in understood for part in result.parts):
            answer, options = await self._async_run_part(user_input, part, appliances, language)
            if options:
                self.memory.remember(conversation_id, part, options, language)
                answers.append(answer)
                return self._reply(user_input, chat_log, language, " ".join(answers), asked=True)
            answers.append(answer)
        return self._reply(user_input, chat_log, language, " ".join(answers), asked=False)

    async def _async_run_part(
        self,
        user_input: conversation.ConversationInput,
        part: Action,
        appliances: list[Appliance],
        language: str,
    ) -> tuple[str, list[Appliance]]:
        """Resolve and carry out one part; return the answer and, if ambiguous, the choices."""
        if (
            isinstance(part, Question)
            and part.intent is QuestionIntent.WHAT_IS_RUNNING
            and part.target is None
        ):
            return await async_answer(self.hass, appliances, part, language), []
        candidates = self._candidates(part, appliances)
        if not candidates:
            if part.target is None or not part.target.text:
                return say(language, "which_device"), []
            return say(language, "no_target", name=part.target.text), []
        if len(candidates) > MAX_CHOICES:
            return say(language, "which_device"), []
        if len(candidates) > 1:
            return _ask_which(language, candidates), candidates
        return await self._async_act(user_input, part, candidates[0], language), []

    def _candidates(self, part: Action, appliances: list[Appliance]) -> list[Appliance]:
        """Return the appliances a part may mean that can also do what it asks."""
        target = part.target
        if target is None:
            # "급속냉동 켜줘": only the appliances that can do it are meant; "공기 어때?" asks
            # the air purifier first, the appliance made to measure the air.
            able = [appliance for appliance in appliances if supports(self.hass, appliance, part)]
            if isinstance(part, Question) and part.intent is QuestionIntent.AIR_QUALITY:
                purifiers = [a for a in able if a.device_type is DeviceType.AIR_PURIFIER]
                return purifiers[:1] or able[:1]
            return able
        return [appliance for appliance in match(appliances, target) if supports(self.hass, appliance, part)]

    async def _async_act(
        self, user_input: conversation.ConversationInput, part: Action, appliance: Appliance, language: str
    ) -> str:
        """Carry out a command or answer a question about one appliance."""
        try:
            if isinstance(part, Command):
                return await async_execute(self.hass, appliance, part, language, user_input.context)
            return await async_answer(self.hass, [appliance], part, language)
        except ActionError as err:
            return err.speech

    async def _async_continue_choice(
        self,
        user_input: conversation.ConversationInput,
        action: Action,
        options: list[Appliance],
        language: str,
    ) -> tuple[str | None, bool]:
        """Read the reply to "which one?"; None means the reply is a new sentence instead."""
        reply = name_key(user_input.text.rstrip("?.!요"))
        if reply in CANCEL_KEYS:
            return say(language, "choice_cancelled"), False
        picked = [
            option
            for option in options
            if reply and any(reply in key or key in reply for key in option.keys | option.area_keys)
        ]
        if len(picked) == 1:
            return await self._async_act(user_input, action, picked[0], language), False
        if len(picked) > 1 or not reply:
            self.memory.remember(user_input.conversation_id or "", action, picked or options, language)
            return _ask_which(language, picked or options), True
        return None, False

    async def _async_fallback(
        self, user_input: conversation.ConversationInput, chat_log: conversation.ChatLog, language: str
    ) -> conversation.ConversationResult:
        """Hand a sentence we do not understand to the fallback agent, in the same conversation."""
        agent_id = self.entry.options.get(CONF_FALLBACK_AGENT, DEFAULT_FALLBACK_AGENT)
        if agent_id in {NO_FALLBACK_AGENT, self.entity_id}:
            return self._reply(user_input, chat_log, language, say(language, "not_understood"), asked=False)
        return await conversation.async_converse(
            self.hass,
            user_input.text,
            chat_log.conversation_id,
            user_input.context,
            language=user_input.language,
            agent_id=agent_id,
            device_id=user_input.device_id,
            satellite_id=user_input.satellite_id,
        )

    def _reply(
        self,
        user_input: conversation.ConversationInput,
        chat_log: conversation.ChatLog,
        language: str,
        speech: str,
        asked: bool,
    ) -> conversation.ConversationResult:
        """Record the answer in the chat log and return it."""
        chat_log.async_add_assistant_content_without_tools(
            conversation.AssistantContent(agent_id=user_input.agent_id, content=speech)
        )
        response = intent.IntentResponse(language=language)
        response.async_set_speech(speech)
        return conversation.ConversationResult(
            response=response, conversation_id=chat_log.conversation_id, continue_conversation=asked
        )


def _ask_which(language: str, options: list[Appliance]) -> str:
    """Return the question that asks the user to pick one appliance."""
    if language == "ko":
        # "거실 에어컨이요, 안방 에어컨이요?": 이요 after a final consonant, 요 after a vowel.
        return (
            ", ".join(
                f"{option.name}{'이요' if has_final_consonant(option.name) else '요'}" for option in options
            )
            + "?"
        )
    return say(language, "which", options=", ".join(option.name for option in options))
