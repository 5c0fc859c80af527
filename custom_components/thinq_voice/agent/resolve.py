"""Which appliances each part of a sentence is about, or the question to ask, or why none.

Every part is resolved before anything is done: a sentence is carried out whole or not at all.
A part names its appliance ("거실 에어컨"), refers back to one ("그거", "더 낮춰" after the last
action), or names none and means the appliances that can do it ("급속냉동 켜줘"). Several
candidates are asked about ("거실 에어컨이요, 안방 에어컨이요?") unless the words say all.
"""

from dataclasses import replace
from typing import TypeGuard

from homeassistant.core import HomeAssistant

from ..voice import parse_fragment
from ..voice.model import Action, Command, DeviceType, Intent, Question, QuestionIntent, TargetPhrase
from .context import Conversation, Step
from .entities import supports
from .later import Later
from .speech import speech
from .targets import TargetAppliance, match, name_key

# More candidates than this are not read out as a choice: the user is asked to name one.
MAX_CHOICES = 4
# Changes "더 올려" / "turn it up" can mean, by the last change in the conversation.
_RELATIVE_INTENTS = {
    Intent.SET_TEMPERATURE,
    Intent.SET_FAN_SPEED,
    Intent.SET_HUMIDITY,
    Intent.SET_VOLUME,
    Intent.SET_CHANNEL,
}

type Resolved = Step | str | None
"""A part's appliances (or the choice to ask about), why it has none (a message), or None: not ours."""


def resolve_parts(
    hass: HomeAssistant,
    later: Later,
    appliances: list[TargetAppliance],
    context: Conversation | None,
    language: str,
    parts: list[Action],
) -> list[Step] | str | None:
    """Return a step for every part; else why one has no appliance, or None when one names nothing of ours."""
    return Resolver(hass, later, appliances, context, language).resolve_all(parts)


def _about_everything(part: Action) -> TypeGuard[Question]:
    """Return whether a part asks about the whole home ("지금 돌아가는 거 뭐 있어?", "예약된 거 뭐 있어?")."""
    return (
        isinstance(part, Question)
        and part.intent in (QuestionIntent.WHAT_IS_RUNNING, QuestionIntent.SCHEDULES)
        and part.target is None
    )


def implied_by(part: Action, context: Conversation) -> Action:
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


def picks_all(text: str) -> bool:
    """Return whether a reply to "which one?" picks every option ("둘 다", "both of them")."""
    return any(target.every and not target.key for target in parse_fragment(text))


def picked(text: str, options: list[TargetAppliance]) -> list[TargetAppliance]:
    """Return the options a reply to "which one?" names: "거실", "the bedroom one"; maybe none."""
    # The reply itself, or the names and areas it contains.
    said = {name_key(text.rstrip("?.!요"))} | {
        key for target in parse_fragment(text) for key in (target.key, name_key(target.area or "")) if key
    }
    return [
        option
        for option in options
        if any(
            word and (word in key or key in word) for word in said for key in option.keys | option.area_keys
        )
    ]


def _names_cover(target: TargetPhrase, candidates: list[TargetAppliance]) -> bool:
    """Return whether the words of a target that are no kind or area are in the appliances' names."""
    keys = {key for appliance in candidates for key in appliance.keys | appliance.area_keys}
    return all(any(name_key(word) in key for key in keys) for word in target.unplaced)


class Resolver:
    """Resolves the parts of one sentence against the appliances exposed to Assist."""

    def __init__(
        self,
        hass: HomeAssistant,
        later: Later,
        appliances: list[TargetAppliance],
        context: Conversation | None,
        language: str,
    ) -> None:
        """Resolve against `appliances`, in a conversation's `context` (None: a new one)."""
        self.hass = hass
        self.later = later
        self.appliances = appliances
        self.context = context
        self.speech = speech(language)

    def resolve_all(self, parts: list[Action]) -> list[Step] | str | None:
        """Return a step for every part; else why one has no appliance, or None when one names nothing of ours."""
        steps: list[Step] = []
        for part in parts:
            step = (
                self.later.never_comes(part, self.appliances, self.speech.code)
                or self._same_as_before(part, steps)
                or self._resolve(part)
            )
            if step is None and len(parts) > 1 and part.target is not None:
                # "start the dishwasher and turn on the heater": the sentence is ours, one name is not.
                step = self.speech.say("no_target", name=part.target.text)
            if step is None or isinstance(step, str):
                return step
            steps.append(step)
        return steps

    def _same_as_before(self, part: Action, steps: list[Step]) -> Step | None:
        """Resolve "it" to the appliance named earlier in the same sentence ("켜서 40%로 맞춰줘").

        The part before may still be a question to the user: "it" then waits for the same answer.
        """
        if not steps or part.target is None or not part.target.pronoun or part.target.every:
            return None
        before = steps[-1]
        if before.options:
            return Step(part, [], options=before.options)
        able = [appliance for appliance in before.appliances if supports(self.hass, appliance, part)]
        return Step(part, able) if able else None

    def _resolve(self, part: Action) -> Resolved:
        """Return the appliances a part is about, the choices to ask about, or why it has none."""
        if _about_everything(part):
            return Step(part, self.appliances, whole_home=True)
        target = part.target
        context = self.context
        if (target is None or (not target.key and target.device_type is None)) and context is not None:
            # "그거 꺼줘", "더 낮춰", "둘 다 꺼줘": the appliances of the last action.
            recent = [
                appliance for appliance in context.last_appliances if supports(self.hass, appliance, part)
            ]
            if recent:
                return Step(part, recent)
        if target is not None and target.pronoun and not target.every:
            return self.speech.say("which_device")
        candidates = self._candidates(part)
        if isinstance(part, Command) and part.intent is Intent.CANCEL_SCHEDULE and target is None:
            # "예약 취소해줘": what has something scheduled, not every appliance.
            candidates = [appliance for appliance in candidates if self.later.has_plans(appliance)]
            if not candidates:
                return self.speech.say("schedules_none")
        if context is not None and target is not None and target.device_type is None and len(candidates) > 1:
            # "거실 거 꺼줘" after the bedroom AC: the living-room appliance of the same kind.
            kinds = {appliance.device_type for appliance in context.last_appliances}
            candidates = [
                appliance for appliance in candidates if appliance.device_type in kinds
            ] or candidates
        if not candidates:
            return self._none_fits(target)
        return self._unplaced(part, candidates) or self._choice(part, candidates)

    def _none_fits(self, target: TargetPhrase | None) -> str | None:
        """Say why no appliance fits a part; None when its words name nothing of ours."""
        if target is None or not target.text:
            return self.speech.say("which_device")
        if named := match(self.appliances, target):
            # "공기청정기 필터 얼마나 남았어?" with no filter reading: the appliance is known.
            return self.speech.say("unsupported", device=named[0].name)
        if target.device_type is None and target.location is None and target.unplaced:
            return None
        return self.speech.say("no_target", name=target.text)

    def _unplaced(self, part: Action, candidates: list[TargetAppliance]) -> str | None:
        """Say which words of a command name neither a kind nor an appliance, if any do."""
        target = part.target
        if isinstance(part, Command) and target is not None and not _names_cover(target, candidates):
            # "다음 달 세탁기", "세탁기 건조기": words that are neither a kind nor a name said here.
            return self.speech.say("unplaced_words", words=f"'{' '.join(target.unplaced)}'")
        awaited = part.when.target if isinstance(part, Command) and part.when is not None else None
        if awaited is not None and not _names_cover(awaited, match(self.appliances, awaited)):
            # "포도나무 끝나면 알려줘" with only a "포도": the awaited appliance must be named too.
            return self.speech.say("unplaced_words", words=f"'{' '.join(awaited.unplaced)}'")
        return None

    def _choice(self, part: Action, candidates: list[TargetAppliance]) -> Step | str:
        """Return the step for the candidates: all of them when said, one, or a choice to ask about."""
        if part.target is not None and part.target.every:
            return Step(part, candidates)
        if len(candidates) > MAX_CHOICES:
            return self.speech.say("which_device")
        if len(candidates) > 1:
            return Step(part, [], options=candidates)
        return Step(part, candidates)

    def _candidates(self, part: Action) -> list[TargetAppliance]:
        """Return the appliances a part may mean that can also do what it asks."""
        if isinstance(part, Command) and part.intent is Intent.NOTIFY and part.when is not None:
            # "빨래 끝나면 알려줘": what is told about is the appliance awaited.
            return match(self.appliances, part.when.target)
        target = part.target
        if target is None:
            # "급속냉동 켜줘": only the appliances that can do it are meant; "공기 어때?" asks
            # the air purifier first, the appliance made to measure the air.
            able = [appliance for appliance in self.appliances if supports(self.hass, appliance, part)]
            if isinstance(part, Question) and part.intent is QuestionIntent.AIR_QUALITY:
                purifiers = [a for a in able if a.device_type is DeviceType.AIR_PURIFIER]
                return purifiers[:1] or able[:1]
            return able
        return [
            appliance for appliance in match(self.appliances, target) if supports(self.hass, appliance, part)
        ]
