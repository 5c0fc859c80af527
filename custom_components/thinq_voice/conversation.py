"""The ThinQ Voice conversation agent: Korean and English appliance commands through Assist."""

from dataclasses import dataclass, replace
from datetime import datetime
import logging
from typing import Literal, TypeGuard, override

from homeassistant.components import conversation, persistent_notification
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import Context, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import intent
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .agent.actions import (
    ActionError,
    async_answer,
    async_cancel_device_timers,
    async_execute,
    async_set_device_timer,
    device_timers,
    supports,
    undo_command,
)
from .agent.confirmations import async_unconfirmed
from .agent.context import Conversation, ConversationMemory, Step
from .agent.phrases import Phrases, expand, load_phrases
from .agent.retry import Attempt, UnattendedCommand
from .agent.schedule import LONGEST_AHEAD, ScheduledAction, Scheduler, due_at, new_action
from .agent.speech import (
    CANCEL_WORDS,
    SUPPORTED_LANGUAGES,
    YES_WORDS,
    clock_words,
    duration_words,
    language_code,
    say,
    speech,
)
from .agent.targets import ApplianceIndex, TargetAppliance, match, name_key
from .agent.when import WhenAction, WhenBook, new_when_action, why_never
from .announce import Offer, async_take_offer
from .const import (
    CONF_CONFIRM_START,
    CONF_FALLBACK_AGENT,
    DEFAULT_FALLBACK_AGENT,
    DOMAIN,
    EVENT_SCHEDULED_ACTION,
    NO_FALLBACK_AGENT,
)
from .coordinator import ThinQVoiceConfigEntry
from .errors import MAX_ECHO, log_safe
from .voice import NotUnderstood, is_correction, parse, parse_fragment
from .voice.model import (
    DECLINED,
    Action,
    Command,
    DeviceType,
    Intent,
    ParseResult,
    Question,
    QuestionIntent,
    TargetPhrase,
)

_LOGGER = logging.getLogger(__name__)

PARALLEL_UPDATES = 0
# More candidates than this are not read out as a choice: the user is asked to name one.
MAX_CHOICES = 4


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
        self.scheduler: Scheduler | None = None
        # Scheduled actions trying again after a failure that may pass.
        self._unattended: set[UnattendedCommand] = set()
        self.whens: WhenBook | None = None
        self.appliances: ApplianceIndex | None = None

    @override
    async def async_added_to_hass(self) -> None:
        """Read the user's phrases and take up the scheduled actions."""
        await super().async_added_to_hass()
        self.phrases = await self.hass.async_add_executor_job(load_phrases, self.hass.config.config_dir)
        self.appliances = ApplianceIndex(self.hass)
        self.async_on_remove(self.appliances.async_start())
        self.scheduler = Scheduler(self.hass, self.entry.entry_id, self._async_run_scheduled)
        await self.scheduler.async_load()
        self.async_on_remove(self.scheduler.async_stop)
        self.async_on_remove(self._cancel_unattended)
        self.whens = WhenBook(self.hass, self.entry.entry_id, self._async_run_when)
        await self.whens.async_load()
        self.async_on_remove(self.whens.async_start())

    @callback
    def _cancel_unattended(self) -> None:
        """Drop the next attempts of scheduled actions (they stay saved for the next start)."""
        for run in self._unattended:
            run.cancel()
        self._unattended.clear()

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
        language = language_code(user_input.language)
        conversation_id = chat_log.conversation_id
        assert self.appliances is not None  # set when the agent was added
        appliances = self.appliances.get()
        context = self.memory.get(conversation_id)
        if (offer := async_take_offer(self.hass, user_input.satellite_id)) is not None:
            answered = await self._async_answer_offer(user_input, chat_log, offer, appliances)
            if answered is not None:
                return answered
        if context is not None and context.pending:
            pending = context.pending
            self.memory.drop_pending(conversation_id)
            if context.confirming:
                reply = await self._async_confirmed(user_input, chat_log, pending, context.language)
            else:
                reply = await self._async_continue_choice(user_input, chat_log, pending, context.language)
            if reply is not None:
                return reply
        sentences = expand(self.phrases, user_input.text, language)
        parsed = [parse(sentence, language) for sentence in sentences]
        understood = [result for result in parsed if not isinstance(result, NotUnderstood)]
        parts: list[Action] = [part for result in understood for part in result.parts]
        if declined := _declined(parsed, language):
            # Understood well enough to say why not: another agent could act on the part it reads.
            return self._reply(
                user_input,
                chat_log,
                language,
                declined,
                asked=False,
                error=intent.IntentResponseErrorCode.FAILED_TO_HANDLE,
            )
        if understood:
            language = understood[0].language.value
        fragment = len(understood) < len(parsed)
        take_back: list[tuple[TargetAppliance, Command]] = []
        if fragment:
            if sentences != [user_input.text]:
                return self._reply(
                    user_input,
                    chat_log,
                    language,
                    say(language, "phrase_not_understood"),
                    False,
                    error=intent.IntentResponseErrorCode.NO_INTENT_MATCH,
                )
            # "아니, 거실 거", "and the bedroom one too": the last action on other appliances.
            targets = parse_fragment(user_input.text)
            if context is None or context.last_action is None or not targets:
                return await self._async_fallback(user_input, chat_log, language)
            parts = [replace(context.last_action, target=target) for target in targets]
            if is_correction(user_input.text):
                # "아니, 거실 거": the last action went to the wrong appliance; it is put back.
                take_back = context.undo
        elif context is not None:
            # "더 올려" after "바람 세게 해줘": the fan speed goes up, not the temperature.
            parts = [_implied_by(part, context) for part in parts]
        # Every part is resolved before anything is done: a sentence is carried out whole or not at all.
        steps: list[Step] = []
        for part in parts:
            step = (
                self._when_never(part, appliances, language)
                or _same_as_before(self.hass, part, steps)
                or self._resolve(part, appliances, context, language)
            )
            if step is None and len(parts) > 1 and part.target is not None:
                # "start the dishwasher and turn on the heater": the sentence is ours, one name is not.
                step = say(language, "no_target", name=part.target.text)
            if step is None or isinstance(step, str):
                if fragment or step is None:
                    # Words that name no appliance ("오늘 날씨 어때", "불 꺼줘") are for the fallback agent.
                    return await self._async_fallback(user_input, chat_log, language)
                return self._reply(
                    user_input,
                    chat_log,
                    language,
                    step,
                    asked=False,
                    error=intent.IntentResponseErrorCode.NO_VALID_TARGETS,
                )
            steps.append(step)
        redirected = {
            appliance.device_id or appliance.name for step in steps for appliance in step.appliances
        }
        take_back = [
            (appliance, command)
            for appliance, command in take_back
            if (appliance.device_id or appliance.name) not in redirected
        ]
        return await self._async_run(user_input, chat_log, steps, language, take_back=take_back)

    async def _async_run(
        self,
        user_input: conversation.ConversationInput,
        chat_log: conversation.ChatLog,
        steps: list[Step],
        language: str,
        *,
        confirmed: bool = False,
        take_back: list[tuple[TargetAppliance, Command]] | None = None,
    ) -> conversation.ConversationResult:
        """Ask about the first ambiguous step or for a confirmation, or carry out every step in order.

        `take_back` puts appliances back as they were after a correction, once the steps ran.
        """
        if ambiguous := next((step for step in steps if step.options), None):
            self.memory.ask(chat_log.conversation_id, steps, language)
            return self._reply(user_input, chat_log, language, _ask_which(language, ambiguous.options), True)
        if not confirmed and (starts := self._starts_to_confirm(steps)):
            self.memory.ask(chat_log.conversation_id, steps, language, confirming=True)
            return self._reply(
                user_input, chat_log, language, say(language, "confirm_start", devices=starts), True
            )
        answers: list[str] = []
        undo: list[tuple[TargetAppliance, Command]] = []
        # The answers that tell of a command carried out, by position, with the appliance it went to.
        carried_out: list[tuple[int, TargetAppliance]] = []
        failed: list[TargetAppliance] = []
        for step in steps:
            if isinstance(step.part, Command) and not step.part.later and step.part.when is None:
                undo.extend(
                    (appliance, inverse)
                    for appliance in step.appliances
                    if (inverse := undo_command(self.hass, appliance, step.part)) is not None
                )
            if _about_everything(step.part):
                if step.part.intent is QuestionIntent.SCHEDULES:
                    answers.append(self._schedules_answer(step.appliances, language, whole_home=True))
                else:
                    answers.append(await async_answer(self.hass, step.appliances, step.part, language))
                continue
            # A refusal (remote start off, out of range, offline) is told and the rest still runs.
            for appliance in step.appliances:
                outcome = await self._async_act(user_input, step.part, appliance, language)
                if outcome.sent:
                    carried_out.append((len(answers), appliance))
                if outcome.failed:
                    failed.append(appliance)
                answers.append(outcome.speech)
        for appliance, command in take_back or []:
            outcome = await self._async_put_back(user_input, appliance, command, language)
            if outcome.sent:
                carried_out.append((len(answers), appliance))
            if outcome.failed:
                failed.append(appliance)
            answers.append(outcome.speech)
        # "Done" only once the appliance reports it; otherwise the command was only sent.
        unconfirmed = await async_unconfirmed(
            self.hass, user_input.context.id, [appliance for _, appliance in carried_out]
        )
        for index, appliance in carried_out:
            if appliance.thinq_device_id in unconfirmed:
                answers[index] = say(language, "sent_unconfirmed", device=appliance.name)
        # "What is running?" is about the whole home: "그거" after it must not mean every appliance.
        if named := [step for step in steps if not _about_everything(step.part)]:
            self.memory.done(chat_log.conversation_id, named[-1].part, named[-1].appliances, language, undo)
        if failed and len(answers) > len(failed):
            # Part of a sentence was done: the answer ends naming what was not.
            names = ", ".join(dict.fromkeys(appliance.name for appliance in failed))
            answers.append(say(language, "partly_done", devices=names))
        return self._reply(
            user_input,
            chat_log,
            language,
            " ".join(answers),
            asked=False,
            error=intent.IntentResponseErrorCode.FAILED_TO_HANDLE if failed else None,
            query=all(isinstance(step.part, Question) for step in steps),
        )

    async def _async_answer_offer(
        self,
        user_input: conversation.ConversationInput,
        chat_log: conversation.ChatLog,
        offer: Offer,
        appliances: list[TargetAppliance],
    ) -> conversation.ConversationResult | None:
        """Answer what an announcement asked ("건조기를 돌릴까요?"); None means the reply is a new sentence."""
        reply = name_key(user_input.text.rstrip("?.!요"))
        language = offer.language
        if reply in CANCEL_WORDS:
            return self._reply(user_input, chat_log, language, say(language, "offer_declined"), False)
        if reply not in YES_WORDS:
            return None
        appliance = next(
            (found for found in appliances if found.thinq_device_id == offer.thinq_device_id), None
        )
        if appliance is None:
            return self._reply(
                user_input, chat_log, language, say(language, "no_target", name=offer.name), False
            )
        # The same path as "건조기 돌려줘": refusals (remote start off) are said the same way.
        steps = [Step(Command(Intent.START), [appliance])]
        return await self._async_run(user_input, chat_log, steps, language, confirmed=True)

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

    async def _async_confirmed(
        self,
        user_input: conversation.ConversationInput,
        chat_log: conversation.ChatLog,
        steps: list[Step],
        language: str,
    ) -> conversation.ConversationResult | None:
        """Read the reply to "정말 시작할까요?"; None means the reply is a new sentence instead."""
        reply = name_key(user_input.text.rstrip("?.!요"))
        if reply in YES_WORDS:
            return await self._async_run(user_input, chat_log, steps, language, confirmed=True)
        if reply in CANCEL_WORDS:
            return self._reply(user_input, chat_log, language, say(language, "choice_cancelled"), False)
        return None

    def _resolve(
        self, part: Action, appliances: list[TargetAppliance], context: Conversation | None, language: str
    ) -> Step | str | None:
        """Return the appliances a part is about, the choices to ask about, or why it has none.

        None: the part names nothing of ours (no appliance word, no appliance's name).
        """
        if _about_everything(part):
            return Step(part, appliances)
        target = part.target
        unnamed = target is None or (not target.key and target.device_type is None)
        if unnamed and context is not None:
            # "그거 꺼줘", "더 낮춰", "둘 다 꺼줘": the appliances of the last action.
            recent = [
                appliance for appliance in context.last_appliances if supports(self.hass, appliance, part)
            ]
            if recent:
                return Step(part, recent)
        every = target is not None and target.every
        if target is not None and target.pronoun and not every:
            return say(language, "which_device")
        candidates = self._candidates(part, appliances)
        if isinstance(part, Command) and part.intent is Intent.CANCEL_SCHEDULE and target is None:
            # "예약 취소해줘": what has something scheduled, not every appliance.
            candidates = [appliance for appliance in candidates if self._has_schedules(appliance)]
            if not candidates:
                return say(language, "schedules_none")
        if context is not None and target is not None and target.device_type is None and len(candidates) > 1:
            # "거실 거 꺼줘" after the bedroom AC: the living-room appliance of the same kind.
            kinds = {appliance.device_type for appliance in context.last_appliances}
            candidates = [
                appliance for appliance in candidates if appliance.device_type in kinds
            ] or candidates
        if not candidates:
            if target is not None and target.text:
                if named := match(appliances, target):
                    # "공기청정기 필터 얼마나 남았어?" with no filter reading: the appliance is known.
                    return say(language, "unsupported", device=named[0].name)
                if target.device_type is None and target.location is None and target.unplaced:
                    return None
                return say(language, "no_target", name=target.text)
            return say(language, "which_device")
        if isinstance(part, Command) and target is not None and not _names_cover(target, candidates):
            # "다음 달 세탁기", "세탁기 건조기": words that are neither a kind nor a name said here.
            return say(language, "unplaced_words", words=f"'{' '.join(target.unplaced)}'")
        awaited = part.when.target if isinstance(part, Command) and part.when is not None else None
        if awaited is not None and not _names_cover(awaited, match(appliances, awaited)):
            # "포도나무 끝나면 알려줘" with only a "포도": the awaited appliance must be named too.
            return say(language, "unplaced_words", words=f"'{' '.join(awaited.unplaced)}'")
        if every:
            return Step(part, candidates)
        if len(candidates) > MAX_CHOICES:
            return say(language, "which_device")
        if len(candidates) > 1:
            return Step(part, [], options=candidates)
        return Step(part, candidates)

    def _candidates(self, part: Action, appliances: list[TargetAppliance]) -> list[TargetAppliance]:
        """Return the appliances a part may mean that can also do what it asks."""
        if isinstance(part, Command) and part.intent is Intent.NOTIFY and part.when is not None:
            # "빨래 끝나면 알려줘": what is told about is the appliance awaited.
            return match(appliances, part.when.target)
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
        self,
        user_input: conversation.ConversationInput,
        part: Action,
        appliance: TargetAppliance,
        language: str,
    ) -> Outcome:
        """Carry out a command or answer a question about one appliance."""
        try:
            if isinstance(part, Question):
                if part.intent is QuestionIntent.SCHEDULES:
                    return Outcome(self._schedules_answer([appliance], language, whole_home=False))
                return Outcome(await async_answer(self.hass, [appliance], part, language))
            if part.intent is Intent.CANCEL_SCHEDULE:
                return Outcome(
                    await self._async_cancel_schedules(appliance, language, user_input.context), sent=True
                )
            if part.when is not None:
                return Outcome(await self._async_keep_when(part, appliance, language, user_input), sent=True)
            if part.later:
                return Outcome(
                    await self._async_schedule(part, appliance, language, user_input.context), sent=True
                )
            return Outcome(
                await async_execute(self.hass, appliance, part, language, user_input.context), sent=True
            )
        except ActionError as err:
            return Outcome(err.speech, failed=True)

    async def _async_put_back(
        self,
        user_input: conversation.ConversationInput,
        appliance: TargetAppliance,
        command: Command,
        language: str,
    ) -> Outcome:
        """Undo the last action on an appliance the user did not mean."""
        try:
            await async_execute(self.hass, appliance, command, language, user_input.context)
        except ActionError as err:
            return Outcome(err.speech, failed=True)
        return Outcome(say(language, "put_back", device=appliance.name), sent=True)

    # Commands for later ---------------------------------------------------------------------------

    async def _async_schedule(
        self, command: Command, appliance: TargetAppliance, language: str, context: Context
    ) -> str:
        """Set the appliance's own timer where it has one for this, else keep a scheduled action."""
        now = dt_util.utcnow()
        due = due_at(command, now) or now
        if due - now > LONGEST_AHEAD:
            raise ActionError(say(language, "too_far_ahead"))
        answer = await async_set_device_timer(self.hass, appliance, command, due, language, context)
        if answer is not None:
            return answer
        assert self.scheduler is not None  # set when the agent was added
        action = new_action(due, appliance, command, language)
        await self.scheduler.async_add(action)
        when = (
            say(
                language,
                "when_in",
                delay=duration_words(command.delay, language),
                clock=clock_words(due, language),
            )
            if command.delay is not None
            else _when_at(due, language)
        )
        return say(
            language,
            "scheduled",
            when=when,
            device=appliance.name,
            action=_action_words(command.intent, language),
        )

    def _scheduled_for(self, appliance: TargetAppliance) -> list[ScheduledAction]:
        """Return ThinQ Voice's scheduled actions for an appliance."""
        if self.scheduler is None:
            return []
        return [action for action in self.scheduler.actions if action.is_for(appliance)]

    def _whens_for(self, appliance: TargetAppliance) -> list[WhenAction]:
        """Return the when-actions that go to an appliance or wait for it."""
        if self.whens is None:
            return []
        return [
            when
            for when in self.whens.actions
            if when.action.is_for(appliance) or when.watched == appliance.thinq_device_id
        ]

    def _has_schedules(self, appliance: TargetAppliance) -> bool:
        return bool(
            self._scheduled_for(appliance)
            or self._whens_for(appliance)
            or device_timers(self.hass, appliance)
        )

    def _schedules_answer(self, appliances: list[TargetAppliance], language: str, *, whole_home: bool) -> str:
        """List what is set for later: ThinQ Voice's actions and the appliances' own timers."""
        kept = (
            self.scheduler.actions
            if whole_home and self.scheduler is not None
            else [action for appliance in appliances for action in self._scheduled_for(appliance)]
        )
        # (when, which appliance, what it will do), from ThinQ Voice and from the appliances.
        planned = [(action.due, action.name, action.command.intent) for action in kept] + [
            (timer.due, appliance.name, timer.intent)
            for appliance in appliances
            for timer in device_timers(self.hass, appliance)
        ]
        items = [
            (
                due,
                say(
                    language,
                    "schedule_item",
                    when=_when_at(due, language),
                    device=name,
                    action=_action_words(intent, language),
                ),
            )
            for due, name, intent in planned
        ]
        whens = (
            self.whens.actions
            if whole_home and self.whens is not None
            else list(
                {id(when): when for appliance in appliances for when in self._whens_for(appliance)}.values()
            )
        )
        items.sort(key=lambda item: item[0])
        items += [(when.action.due, _when_item(when, language)) for when in whens]
        if not items:
            if whole_home or len(appliances) != 1:
                return say(language, "schedules_none")
            return say(language, "schedules_none_device", device=appliances[0].name)
        separator = speech(language).list_separator
        return say(
            language, "schedules_list", count=len(items), items=separator.join(text for _, text in items)
        )

    async def _async_cancel_schedules(
        self, appliance: TargetAppliance, language: str, context: Context
    ) -> str:
        """Cancel ThinQ Voice's actions and the appliance's own timers."""
        kept = self._scheduled_for(appliance)
        if self.scheduler is not None and kept:
            await self.scheduler.async_cancel(kept)
        whens = self._whens_for(appliance)
        if self.whens is not None and whens:
            await self.whens.async_cancel(whens)
        had_timers = await async_cancel_device_timers(self.hass, appliance, language, context)
        if not kept and not whens and not had_timers:
            return say(language, "schedules_none_device", device=appliance.name)
        return say(language, "schedule_cancelled", device=appliance.name)

    async def _async_run_scheduled(self, action: ScheduledAction) -> None:
        """Run an action that fell due, again while its failure may pass (`agent.retry`)."""
        scheduler = self.scheduler
        assert scheduler is not None  # it runs this

        def _find() -> TargetAppliance | None:
            appliances = self.appliances.get() if self.appliances else []
            return next((candidate for candidate in appliances if action.is_for(candidate)), None)

        async def _async_outcome(attempt: Attempt) -> None:
            self._unattended.discard(run)
            await scheduler.async_finish(action)
            self._tell_scheduled_outcome(action, attempt, run.context)

        run = UnattendedCommand(
            self.hass,
            _find,
            action.command,
            action.language,
            action.name,
            Context(),
            _async_outcome,
            wanted=lambda: scheduler.is_waiting(action),
        )
        self._unattended.add(run)
        await run.async_run()

    @callback
    def _tell_scheduled_outcome(
        self, action: ScheduledAction, attempt: Attempt, context: Context, *, notify: bool = True
    ) -> None:
        """Tell how a scheduled action ended, once: an event, and a notification when it failed.

        A when-action (`notify` False) tells its outcome itself, where it was asked for.
        """
        language = action.language
        speech, succeeded, confirmed = attempt.speech, attempt.succeeded, attempt.confirmed
        self.hass.bus.async_fire(
            EVENT_SCHEDULED_ACTION,
            {
                "device_id": action.device_id,
                "entity_id": action.entity_id,
                "name": action.name,
                "intent": action.command.intent.value,
                "due": action.due.isoformat(),
                "succeeded": succeeded,
                "confirmed": confirmed,
                "speech": speech,
                "tries": attempt.tries,
            },
            context=context,
        )
        if succeeded:
            _LOGGER.info("Ran the scheduled %s of %s", action.command.intent.value, log_safe(action.name))
            return
        _LOGGER.warning(
            "The scheduled %s of %s failed after %s tries: %s",
            action.command.intent.value,
            log_safe(action.name),
            attempt.tries,
            log_safe(speech, 4 * MAX_ECHO),
        )
        if not notify:
            return
        persistent_notification.async_create(
            self.hass,
            say(
                language,
                "scheduled_failed",
                when=_when_at(action.due, language),
                device=action.name,
                action=_action_words(action.command.intent, language),
                reason=speech,
            ),
            title=say(language, "scheduled_failed_title"),
            notification_id=f"{DOMAIN}_schedule_{action.action_id}",
        )

    # Commands for when something happens -------------------------------------------------------

    async def _async_keep_when(
        self,
        command: Command,
        appliance: TargetAppliance,
        language: str,
        user_input: conversation.ConversationInput,
    ) -> str:
        """Keep a command for when an appliance reports an event; say at once when that can never come."""
        assert command.when is not None and self.whens is not None and self.appliances is not None
        awaited = (
            appliance if command.intent is Intent.NOTIFY else self._awaited(command, self.appliances.get())
        )
        if isinstance(awaited, str):
            return say(language, awaited, name=command.when.target.text)
        event = command.when.event
        if reason := why_never(self.hass, awaited, event, self._plans_a_run(awaited)):
            return say(language, reason, device=awaited.name)
        await self.whens.async_add(
            new_when_action(appliance, command, awaited, language, user_input.satellite_id)
        )
        when = say(language, "when_event", device=awaited.name, event=say(language, f"event_{event.value}"))
        if command.intent is Intent.NOTIFY:
            return say(language, "when_notify_kept", when=when)
        return say(
            language,
            "scheduled",
            when=when,
            device=appliance.name,
            action=_action_words(command.intent, language),
        )

    def _awaited(self, command: Command, appliances: list[TargetAppliance]) -> TargetAppliance | str:
        """Return the ThinQ appliance whose event a command waits for, or why there is none (a message key).

        Of several that fit the words, the ones that can report the event now count ("세탁 끝나면":
        the washer that is running).
        """
        assert command.when is not None
        found = [
            candidate for candidate in match(appliances, command.when.target) if candidate.thinq_device_id
        ]
        event = command.when.event
        # None can: the first one's reason is said (they are all of the kind named).
        found = [
            candidate for candidate in found if not why_never(self.hass, candidate, event, False)
        ] or found[:1]
        if not found:
            return "no_target"
        return found[0] if len(found) == 1 else "which_device"

    def _when_never(self, part: Action, appliances: list[TargetAppliance], language: str) -> str | None:
        """Say at once why a command's condition can never come, before anything else is asked."""
        if not isinstance(part, Command) or part.when is None:
            return None
        targets = (
            [appliance for appliance in match(appliances, part.when.target) if appliance.thinq_device_id]
            if part.intent is Intent.NOTIFY
            else [self._awaited(part, appliances)]
        )
        awaited = [target for target in targets if not isinstance(target, str)]
        if len(awaited) != 1:
            return None  # named nothing, or several: resolving the parts says so
        reason = why_never(self.hass, awaited[0], part.when.event, self._plans_a_run(awaited[0]))
        return say(language, reason, device=awaited[0].name) if reason else None

    def _plans_a_run(self, appliance: TargetAppliance) -> bool:
        """Return whether a run of the appliance is planned: its timer, a scheduled start, a when-action."""
        starts = (Intent.START, Intent.RESUME, Intent.TURN_ON)
        return (
            bool(device_timers(self.hass, appliance))
            or any(action.command.intent in starts for action in self._scheduled_for(appliance))
            or (self.whens is not None and self.whens.waits_to_start(appliance.thinq_device_id or ""))
        )

    async def _async_run_when(self, when: WhenAction) -> None:
        """Do what was asked for when the event came, tried again like a scheduled action; tell the user."""
        action = when.action
        told = say(action.language, f"when_told_{when.event.value}", device=when.watched_name)
        if action.command.intent is Intent.NOTIFY:
            await self._async_tell(when, told)
            return

        def _find() -> TargetAppliance | None:
            appliances = self.appliances.get() if self.appliances else []
            return next((candidate for candidate in appliances if action.is_for(candidate)), None)

        async def _async_outcome(attempt: Attempt) -> None:
            self._unattended.discard(run)
            self._tell_scheduled_outcome(action, attempt, run.context, notify=False)
            await self._async_tell(when, f"{told} {attempt.speech}")

        run = UnattendedCommand(
            self.hass, _find, action.command, action.language, action.name, Context(), _async_outcome
        )
        self._unattended.add(run)
        await run.async_run()

    async def _async_tell(self, when: WhenAction, speech: str) -> None:
        """Say it on the satellite the command was said to; else leave it as a notification."""
        satellite = when.satellite_id
        if satellite and (state := self.hass.states.get(satellite)) and state.state != STATE_UNAVAILABLE:
            try:
                await self.hass.services.async_call(
                    "assist_satellite", "announce", {"entity_id": satellite, "message": speech}, blocking=True
                )
            except HomeAssistantError as err:
                _LOGGER.info("Could not tell %s on %s: %s", log_safe(speech), satellite, err)
            else:
                return
        persistent_notification.async_create(
            self.hass,
            speech,
            title=say(when.action.language, "announce_title"),
            notification_id=f"{DOMAIN}_when_{when.action.action_id}",
        )

    async def _async_continue_choice(
        self,
        user_input: conversation.ConversationInput,
        chat_log: conversation.ChatLog,
        steps: list[Step],
        language: str,
    ) -> conversation.ConversationResult | None:
        """Read the reply to "which one?"; None means the reply is a new sentence instead."""
        reply = name_key(user_input.text.rstrip("?.!요"))
        if reply in CANCEL_WORDS:
            return self._reply(user_input, chat_log, language, say(language, "choice_cancelled"), False)
        asked = next(step for step in steps if step.options)
        options = asked.options
        targets = parse_fragment(user_input.text)
        if any(target.every and not target.key for target in targets):
            picked = options  # "둘 다", "both of them"
        else:
            # "거실", "the bedroom one": the reply itself, or the names and areas it contains.
            said = {reply} | {
                key for target in targets for key in (target.key, name_key(target.area or "")) if key
            }
            picked = [
                option
                for option in options
                if any(
                    word and (word in key or key in word)
                    for word in said
                    for key in option.keys | option.area_keys
                )
            ]
            if not picked:
                return None
            if len(picked) > 1:
                asked.options = picked
                self.memory.ask(chat_log.conversation_id, steps, language)
                return self._reply(user_input, chat_log, language, _ask_which(language, picked), True)
        # One answer settles every part that asked the same question ("에어컨 켜고 23도로 맞춰줘").
        for step in steps:
            if step.options == options:
                step.appliances, step.options = list(picked), []
        return await self._async_run(user_input, chat_log, steps, language)

    async def _async_fallback(
        self, user_input: conversation.ConversationInput, chat_log: conversation.ChatLog, language: str
    ) -> conversation.ConversationResult:
        """Hand a sentence we do not understand to the fallback agent, in the same conversation."""
        agent_id = self.entry.options.get(CONF_FALLBACK_AGENT, DEFAULT_FALLBACK_AGENT)
        if agent_id in {NO_FALLBACK_AGENT, self.entity_id}:
            return self._reply(
                user_input,
                chat_log,
                language,
                say(language, "not_understood"),
                asked=False,
                error=intent.IntentResponseErrorCode.NO_INTENT_MATCH,
            )
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
        *,
        error: intent.IntentResponseErrorCode | None = None,
        query: bool = False,
    ) -> conversation.ConversationResult:
        """Record the answer in the chat log and return it.

        A failure, a refusal or a sentence done only in part is an error response with its code,
        so Assist clients and automations do not take it for success; an answer to a question
        is a query answer.
        """
        chat_log.async_add_assistant_content_without_tools(
            conversation.AssistantContent(agent_id=user_input.agent_id, content=speech)
        )
        response = intent.IntentResponse(language=language)
        if error is not None:
            response.async_set_error(error, speech)
        else:
            response.async_set_speech(speech)
            if query:
                response.response_type = intent.IntentResponseType.QUERY_ANSWER
        return conversation.ConversationResult(
            response=response, conversation_id=chat_log.conversation_id, continue_conversation=asked
        )


def _names_cover(target: TargetPhrase, candidates: list[TargetAppliance]) -> bool:
    """Return whether the words of a target that are no kind or area are in the appliances' names."""
    keys = {key for appliance in candidates for key in appliance.keys | appliance.area_keys}
    return all(any(name_key(word) in key for key in keys) for word in target.unplaced)


def _declined(parsed: list[ParseResult], language: str) -> str | None:
    """Say why a sentence is not acted on though it was read: a condition, a negation, a time."""
    for result in parsed:
        if isinstance(result, NotUnderstood) and result.reason in DECLINED:
            if result.language is not None:
                language = result.language.value
            return say(language, f"declined_{result.reason.value}")
    return None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What acting on one appliance came to: the answer, whether a command went out, whether it failed."""

    speech: str
    sent: bool = False
    failed: bool = False


def _about_everything(part: Action) -> TypeGuard[Question]:
    """Return whether a part asks about the whole home ("지금 돌아가는 거 뭐 있어?", "예약된 거 뭐 있어?")."""
    return (
        isinstance(part, Question)
        and part.intent in (QuestionIntent.WHAT_IS_RUNNING, QuestionIntent.SCHEDULES)
        and part.target is None
    )


# Changes "더 올려" / "turn it up" can mean, by the last change in the conversation.
_RELATIVE_INTENTS = {
    Intent.SET_TEMPERATURE,
    Intent.SET_FAN_SPEED,
    Intent.SET_HUMIDITY,
    Intent.SET_VOLUME,
    Intent.SET_CHANNEL,
}


def _implied_by(part: Action, context: Conversation) -> Action:
    """Give a relative change said without its property the property of the last change."""
    last = context.last_action
    if (
        isinstance(part, Command)
        and part.implied
        and (part.target is None or part.target.pronoun)
        and isinstance(last, Command)
        and last.intent in _RELATIVE_INTENTS
    ):
        return replace(part, intent=last.intent)
    return part


def _same_as_before(hass: HomeAssistant, part: Action, steps: list[Step]) -> Step | None:
    """Resolve "it" to the appliance named earlier in the same sentence ("켜서 40%로 맞춰줘").

    The part before may still be a question to the user: "it" then waits for the same answer.
    """
    if not steps or part.target is None or not part.target.pronoun or part.target.every:
        return None
    before = steps[-1]
    if before.options:
        return Step(part, [], options=before.options)
    able = [appliance for appliance in before.appliances if supports(hass, appliance, part)]
    return Step(part, able) if able else None


def _when_item(when: WhenAction, language: str) -> str:
    """Say one when-action in the list of what is planned."""
    event = say(
        language, "when_event", device=when.watched_name, event=say(language, f"event_{when.event.value}")
    )
    if when.action.command.intent is Intent.NOTIFY:
        return say(language, "when_notify_item", when=event)
    return say(
        language,
        "schedule_item",
        when=event,
        device=when.action.name,
        action=_action_words(when.action.command.intent, language),
    )


def _action_words(intent: Intent, language: str) -> str:
    """Name what a command does, as a noun in Korean ("시작") and a verb in English ("start")."""
    return say(language, f"action_{intent.value}")


def _when_at(moment: datetime, language: str) -> str:
    """Say a moment as a clock time, "tomorrow" included when it is not today."""
    day = dt_util.as_local(moment).date()
    days_ahead = (day - dt_util.as_local(dt_util.utcnow()).date()).days
    if days_ahead <= 0:
        return say(language, "when_at", clock=clock_words(moment, language))
    if days_ahead == 1:
        return say(language, "when_tomorrow_at", clock=clock_words(moment, language))
    date = speech(language).date(day)
    return say(language, "when_on", date=date, clock=clock_words(moment, language))


def _ask_which(language: str, options: list[TargetAppliance]) -> str:
    """Return the question that asks the user to pick one appliance."""
    return speech(language).which([option.name for option in options])
