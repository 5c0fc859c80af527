"""The ThinQ Voice conversation agent: Korean and English appliance commands through Assist.

The entity and the dialogue: a turn finishes an open question ("which one?", "정말 시작할까요?")
or reads a new sentence (`voice`), resolves its parts (`agent.resolve`), then carries them out:
commands now (`agent.commands`), questions (`agent.questions`), commands for later
(`agent.later`). What it says is in `agent.speech`.
"""

from dataclasses import dataclass, replace
from typing import Literal, override

from homeassistant.components import conversation
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .agent.appliance_command import ActionError, ApplianceCommand
from .agent.commands import async_command, async_execute
from .agent.confirmations import async_unconfirmed
from .agent.context import Conversation, ConversationMemory, Step
from .agent.later import Later
from .agent.phrases import Phrases, expand, load_phrases
from .agent.questions import async_answer
from .agent.resolve import implied_by, picked, picks_all, resolve_parts
from .agent.speech import CANCEL_WORDS, SUPPORTED_LANGUAGES, YES_WORDS, language_code, speech
from .agent.targets import ApplianceIndex, TargetAppliance, name_key
from .announce import Offer, async_take_offer
from .const import CONF_CONFIRM_START, CONF_FALLBACK_AGENT, DEFAULT_FALLBACK_AGENT, DOMAIN, NO_FALLBACK_AGENT
from .coordinator import ThinQVoiceConfigEntry
from .voice import NotUnderstood, is_correction, parse, parse_fragment
from .voice.model import DECLINED, Action, Command, Intent, ParseResult, Question, QuestionIntent

PARALLEL_UPDATES = 0
_ERROR = intent.IntentResponseErrorCode


async def async_setup_entry(
    hass: HomeAssistant,
    entry: ThinQVoiceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the agent of this config entry."""
    async_add_entities([ThinQVoiceAgent(entry)])


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a conversation: what was said, its chat log, and the language answered in."""

    user_input: conversation.ConversationInput
    chat_log: conversation.ChatLog
    language: str

    def say(self, key: str, **values: object) -> str:
        """Return a message in the turn's language."""
        return speech(self.language).say(key, **values)

    def reply(
        self, speech: str, asked: bool = False, *, error: _ERROR | None = None, query: bool = False
    ) -> conversation.ConversationResult:
        """Record the answer in the chat log and return it.

        A failure, a refusal or a sentence done only in part is an error response with its code,
        so Assist clients and automations do not take it for success; an answer to a question
        is a query answer.
        """
        self.chat_log.async_add_assistant_content_without_tools(
            conversation.AssistantContent(agent_id=self.user_input.agent_id, content=speech)
        )
        response = intent.IntentResponse(language=self.language)
        if error is not None:
            response.async_set_error(error, speech)
        else:
            response.async_set_speech(speech)
            if query:
                response.response_type = intent.IntentResponseType.QUERY_ANSWER
        return conversation.ConversationResult(
            response=response, conversation_id=self.chat_log.conversation_id, continue_conversation=asked
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What acting on one appliance came to: the answer, whether a command went out, whether it failed."""

    speech: str
    sent: bool = False
    failed: bool = False
    # What puts the appliance back as it was before a command carried out now.
    undo: Command | None = None


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
        self.appliances: ApplianceIndex | None = None
        self.later: Later | None = None

    @override
    async def async_added_to_hass(self) -> None:
        """Read the user's phrases and take up the commands for later."""
        await super().async_added_to_hass()
        self.phrases = await self.hass.async_add_executor_job(load_phrases, self.hass.config.config_dir)
        self.appliances = ApplianceIndex(self.hass)
        self.async_on_remove(self.appliances.async_start())
        self.later = Later(self.hass, self.entry.entry_id, self.appliances)
        self.async_on_remove(await self.later.async_start())

    @property
    @override
    def supported_languages(self) -> list[str] | Literal["*"]:
        """Return the languages the agent understands."""
        return SUPPORTED_LANGUAGES

    @override
    async def _async_handle_message(
        self, user_input: conversation.ConversationInput, chat_log: conversation.ChatLog
    ) -> conversation.ConversationResult:
        """Answer one turn: finish an open question, or read, resolve and carry out the sentence."""
        turn = Turn(user_input, chat_log, language_code(user_input.language))
        conversation_id = chat_log.conversation_id
        context = self.memory.get(conversation_id)
        if (offer := async_take_offer(self.hass, user_input.satellite_id)) is not None:
            if (answered := await self._async_answer_offer(turn, offer)) is not None:
                return answered
        if context is not None and context.pending:
            pending = context.pending
            # The open question is answered, cancelled or replaced by this sentence.
            context.pending = []
            asked = replace(turn, language=context.language)
            if context.confirming:
                reply = await self._async_confirmed(asked, pending)
            else:
                reply = await self._async_continue_choice(asked, pending)
            if reply is not None:
                return reply
        return await self._async_read(turn, context)

    async def _async_read(self, turn: Turn, context: Conversation | None) -> conversation.ConversationResult:
        """Read a new sentence, resolve every part of it, and carry it out."""
        text = turn.user_input.text
        sentences = expand(self.phrases, text, turn.language)
        parsed = [parse(sentence, turn.language) for sentence in sentences]
        understood = [result for result in parsed if not isinstance(result, NotUnderstood)]
        parts: list[Action] = [part for result in understood for part in result.parts]
        if declined := _declined(parsed, turn.language):
            # Understood well enough to say why not: another agent could act on the part it reads.
            return turn.reply(declined, error=_ERROR.FAILED_TO_HANDLE)
        if understood:
            turn = replace(turn, language=understood[0].language.value)
        fragment = len(understood) < len(parsed)
        take_back: list[tuple[TargetAppliance, Command]] = []
        if fragment:
            if sentences != [text]:
                return turn.reply(turn.say("phrase_not_understood"), error=_ERROR.NO_INTENT_MATCH)
            # "아니, 거실 거", "and the bedroom one too": the last action on other appliances.
            targets = parse_fragment(text)
            if context is None or context.last_action is None or not targets:
                return await self._async_fallback(turn)
            parts = [replace(context.last_action, target=target) for target in targets]
            if is_correction(text):
                # "아니, 거실 거": the last action went to the wrong appliance; it is put back.
                take_back = context.undo
        elif context is not None:
            # "더 올려" after "바람 세게 해줘": the fan speed goes up, not the temperature.
            parts = [implied_by(part, context) for part in parts]
        assert self.appliances is not None and self.later is not None  # set when the agent was added
        steps = resolve_parts(self.hass, self.later, self.appliances.get(), context, turn.language, parts)
        if steps is None or (isinstance(steps, str) and fragment):
            # Words that name no appliance ("오늘 날씨 어때", "불 꺼줘") are for the fallback agent.
            return await self._async_fallback(turn)
        if isinstance(steps, str):
            return turn.reply(steps, error=_ERROR.NO_VALID_TARGETS)
        redirected = {
            appliance.device_id or appliance.name for step in steps for appliance in step.appliances
        }
        take_back = [
            (appliance, command)
            for appliance, command in take_back
            if (appliance.device_id or appliance.name) not in redirected
        ]
        return await self._async_run(turn, steps, take_back=take_back)

    async def _async_run(
        self,
        turn: Turn,
        steps: list[Step],
        *,
        confirmed: bool = False,
        take_back: list[tuple[TargetAppliance, Command]] | None = None,
    ) -> conversation.ConversationResult:
        """Ask about the first ambiguous step or for a confirmation, or carry out every step in order.

        `take_back` puts appliances back as they were after a correction, once the steps ran.
        """
        conversation_id = turn.chat_log.conversation_id
        if ambiguous := next((step for step in steps if step.options), None):
            self.memory.ask(conversation_id, steps, turn.language)
            return turn.reply(
                speech(turn.language).which([option.name for option in ambiguous.options]), True
            )
        if not confirmed and (starts := self._starts_to_confirm(steps)):
            self.memory.ask(conversation_id, steps, turn.language, confirming=True)
            return turn.reply(turn.say("confirm_start", devices=starts), True)
        undo: list[tuple[TargetAppliance, Command]] = []
        # What each step came to, in order, with the appliance it went to (None: the whole home).
        outcomes: list[tuple[TargetAppliance | None, Outcome]] = []
        for step in steps:
            if step.whole_home:
                outcomes.append((None, Outcome(await self._async_about_everything(step, turn.language))))
                continue
            # A refusal (remote start off, out of range, offline) is told and the rest still runs.
            for appliance in step.appliances:
                outcome = await self._async_act(turn, step.part, appliance)
                if outcome.undo is not None:
                    undo.append((appliance, outcome.undo))
                outcomes.append((appliance, outcome))
        for appliance, command in take_back or []:
            outcomes.append((appliance, await self._async_put_back(turn, appliance, command)))
        answers = await self._async_answers(turn, outcomes)
        if named := [step for step in steps if not step.whole_home]:
            # "What is running?" is about the whole home: "그거" after it must not mean every appliance.
            self.memory.done(conversation_id, named[-1].part, named[-1].appliances, turn.language, undo)
        failed = [appliance for appliance, outcome in outcomes if appliance and outcome.failed]
        if failed and len(answers) > len(failed):
            # Part of a sentence was done: the answer ends naming what was not.
            names = ", ".join(dict.fromkeys(appliance.name for appliance in failed))
            answers.append(turn.say("partly_done", devices=names))
        return turn.reply(
            " ".join(answers),
            error=_ERROR.FAILED_TO_HANDLE if failed else None,
            query=all(isinstance(step.part, Question) for step in steps),
        )

    async def _async_answers(
        self, turn: Turn, outcomes: list[tuple[TargetAppliance | None, Outcome]]
    ) -> list[str]:
        """Return the answers, in order: "done" only once the appliance reports it, else "sent"."""
        sent = [appliance for appliance, outcome in outcomes if appliance and outcome.sent]
        unconfirmed = await async_unconfirmed(self.hass, turn.user_input.context.id, sent)
        return [
            turn.say("sent_unconfirmed", device=appliance.name)
            if appliance and outcome.sent and appliance.thinq_device_id in unconfirmed
            else outcome.speech
            for appliance, outcome in outcomes
        ]

    async def _async_about_everything(self, step: Step, language: str) -> str:
        """Answer a question about the whole home: what is running, what is planned."""
        assert self.later is not None and isinstance(step.part, Question)
        if step.part.intent is QuestionIntent.SCHEDULES:
            return self.later.plans_answer(step.appliances, language, whole_home=True)
        return await async_answer(self.hass, step.appliances, step.part, language)

    async def _async_act(self, turn: Turn, part: Action, appliance: TargetAppliance) -> Outcome:
        """Carry out a command or answer a question about one appliance."""
        assert self.later is not None  # set when the agent was added
        language, later = turn.language, self.later
        if isinstance(part, Question):
            if part.intent is QuestionIntent.SCHEDULES:
                return Outcome(later.plans_answer([appliance], language, whole_home=False))
            return Outcome(await async_answer(self.hass, [appliance], part, language))
        if part.intent is not Intent.CANCEL_SCHEDULE and part.when is None and not part.later:
            done = await async_command(self.hass, appliance, part, language, turn.user_input.context)
            return Outcome(done.speech, sent=not done.failed, failed=done.failed, undo=done.undo)
        act = ApplianceCommand(self.hass, appliance, language, turn.user_input.context)
        try:
            if part.intent is Intent.CANCEL_SCHEDULE:
                return Outcome(await later.async_cancel(act), sent=True)
            if part.when is not None:
                return Outcome(
                    await later.async_keep_when(act, part, turn.user_input.satellite_id), sent=True
                )
            return Outcome(await later.async_schedule(act, part), sent=True)
        except ActionError as err:
            return Outcome(err.speech, failed=True)

    async def _async_put_back(self, turn: Turn, appliance: TargetAppliance, command: Command) -> Outcome:
        """Undo the last action on an appliance the user did not mean."""
        try:
            await async_execute(self.hass, appliance, command, turn.language, turn.user_input.context)
        except ActionError as err:
            return Outcome(err.speech, failed=True)
        return Outcome(turn.say("put_back", device=appliance.name), sent=True)

    async def _async_answer_offer(self, turn: Turn, offer: Offer) -> conversation.ConversationResult | None:
        """Answer what an announcement asked ("건조기를 돌릴까요?"); None means the reply is a new sentence."""
        reply = name_key(turn.user_input.text.rstrip("?.!요"))
        turn = replace(turn, language=offer.language)
        if reply in CANCEL_WORDS:
            return turn.reply(turn.say("offer_declined"))
        if reply not in YES_WORDS:
            return None
        assert self.appliances is not None  # set when the agent was added
        appliances = self.appliances.get()
        appliance = next(
            (found for found in appliances if found.thinq_device_id == offer.thinq_device_id), None
        )
        if appliance is None:
            return turn.reply(turn.say("no_target", name=offer.name))
        # The same path as "건조기 돌려줘": refusals (remote start off) are said the same way.
        return await self._async_run(turn, [Step(Command(Intent.START), [appliance])], confirmed=True)

    def _starts_to_confirm(self, steps: list[Step]) -> str:
        """Name the appliances the user wants a start of confirmed first (options), or ""."""
        kinds = set(self.entry.options.get(CONF_CONFIRM_START, []))
        return ", ".join(
            appliance.name
            for step in steps
            if isinstance(step.part, Command) and step.part.intent is Intent.START and step.part.when is None
            for appliance in step.appliances
            if appliance.device_type in kinds
        )

    async def _async_confirmed(self, turn: Turn, steps: list[Step]) -> conversation.ConversationResult | None:
        """Read the reply to "정말 시작할까요?"; None means the reply is a new sentence instead."""
        reply = name_key(turn.user_input.text.rstrip("?.!요"))
        if reply in YES_WORDS:
            return await self._async_run(turn, steps, confirmed=True)
        if reply in CANCEL_WORDS:
            return turn.reply(turn.say("choice_cancelled"))
        return None

    async def _async_continue_choice(
        self, turn: Turn, steps: list[Step]
    ) -> conversation.ConversationResult | None:
        """Read the reply to "which one?"; None means the reply is a new sentence instead."""
        text = turn.user_input.text
        if name_key(text.rstrip("?.!요")) in CANCEL_WORDS:
            return turn.reply(turn.say("choice_cancelled"))
        asked = next(step for step in steps if step.options)
        options = asked.options
        chosen = options if picks_all(text) else picked(text, options)
        if not chosen:
            return None
        if chosen is not options and len(chosen) > 1:
            asked.options = chosen
            self.memory.ask(turn.chat_log.conversation_id, steps, turn.language)
            return turn.reply(speech(turn.language).which([option.name for option in chosen]), True)
        # One answer settles every part that asked the same question ("에어컨 켜고 23도로 맞춰줘").
        for step in steps:
            if step.options == options:
                step.appliances, step.options = list(chosen), []
        return await self._async_run(turn, steps)

    async def _async_fallback(self, turn: Turn) -> conversation.ConversationResult:
        """Hand a sentence we do not understand to the fallback agent, in the same conversation."""
        agent_id = self.entry.options.get(CONF_FALLBACK_AGENT, DEFAULT_FALLBACK_AGENT)
        if agent_id in {NO_FALLBACK_AGENT, self.entity_id}:
            return turn.reply(turn.say("not_understood"), error=_ERROR.NO_INTENT_MATCH)
        user_input = turn.user_input
        return await conversation.async_converse(
            self.hass,
            user_input.text,
            turn.chat_log.conversation_id,
            user_input.context,
            language=user_input.language,
            agent_id=agent_id,
            device_id=user_input.device_id,
            satellite_id=user_input.satellite_id,
        )


def _declined(parsed: list[ParseResult], language: str) -> str | None:
    """Say why a sentence is not acted on though it was read: a condition, a negation, a time."""
    for result in parsed:
        if isinstance(result, NotUnderstood) and result.reason in DECLINED:
            if result.language is not None:
                language = result.language.value
            return speech(language).say(f"declined_{result.reason.value}")
    return None
