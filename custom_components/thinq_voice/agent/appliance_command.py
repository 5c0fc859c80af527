"""One command on one appliance as the agent carries it out, and how a refusal is told.

Every action is a Home Assistant service call on an exposed entity, so logbook, context and
permissions apply as if the user had pressed the button. `ApplianceCommand` carries what every
handler needs (Home Assistant, the appliance and its entities, the conversation's language and
context) and makes the calls; a refusal becomes an `ActionError` that says why, in that language.
"""

from typing import Any

from homeassistant.const import ATTR_ENTITY_ID, STATE_UNAVAILABLE
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.translation import async_get_translations

from ..const import DOMAIN
from .confirmations import unavailable_error
from .entities import ApplianceEntities
from .speech import number_words, speech
from .targets import TargetAppliance

# The cause of an ActionError when an entity is unavailable and nothing tells why.
UNAVAILABLE = "unavailable"


class ActionError(Exception):
    """The action cannot be done; `speech` tells the user why.

    `cause` names the kind of failure where one is known: an exceptions.* translation key of
    ThinQ Voice (`errors.ERROR_KEYS`), or UNAVAILABLE. A scheduled action tries again on the
    causes that pass (`errors.RETRYABLE_KEYS`).
    """

    def __init__(self, speech: str, cause: str | None = None) -> None:
        """Keep the answer and the cause."""
        super().__init__(speech)
        self.speech = speech
        self.cause = cause


class ApplianceCommand:
    """Carrying out commands on one appliance, in one conversation's language and context."""

    def __init__(
        self, hass: HomeAssistant, appliance: TargetAppliance, language: str, context: Context
    ) -> None:
        """Act on `appliance` for a turn (or a scheduled action) under `context`."""
        self.hass = hass
        self.appliance = appliance
        self.entities = ApplianceEntities(hass, appliance)
        self.language = language
        self.speech = speech(language)
        self.context = context

    @property
    def device(self) -> str:
        """Return the appliance's name, as answers say it."""
        return self.appliance.name

    def say(self, key: str, **values: object) -> str:
        """Return a message about the appliance (its name unless `device` is given)."""
        return self.speech.say(key, **{"device": self.device, **values})

    def refusal(self, key: str, cause: str | None = None, **values: object) -> ActionError:
        """Return the error that tells why the command is not done."""
        return ActionError(self.say(key, **values), cause)

    def degrees(self, value: float) -> str:
        """Write a temperature the way it is said, in Home Assistant's unit."""
        return self.speech.degrees(value, self.hass.config.units.temperature_unit)

    async def async_call(self, domain: str, service: str, entity_id: str, **data: Any) -> None:
        """Call a service on an entity; a refusal becomes an ActionError carrying the translated reason."""
        await self.async_call_service(domain, service, {ATTR_ENTITY_ID: entity_id, **data})

    async def async_call_service(self, domain: str, service: str, data: dict[str, Any]) -> None:
        """Call a service; a refusal becomes an ActionError carrying the translated reason.

        Home Assistant skips an unavailable entity without an error: that is told, not taken for done.
        """
        entity_id = data.get(ATTR_ENTITY_ID)
        state = self.hass.states.get(entity_id) if isinstance(entity_id, str) else None
        if isinstance(entity_id, str) and state is not None and state.state == STATE_UNAVAILABLE:
            # Why: a rejected token or LG's outage is not the appliance's power or Wi-Fi.
            if cause := unavailable_error(self.hass, entity_id):
                raise ActionError(await self._reason(cause) or str(cause), cause.translation_key)
            raise self.refusal("offline", UNAVAILABLE)
        try:
            await self.hass.services.async_call(domain, service, data, blocking=True, context=self.context)
        except ServiceValidationError as err:
            raise ActionError(await self._reason(err) or self.say("unsupported"), _cause(err)) from err
        except HomeAssistantError as err:
            raise ActionError(await self._reason(err) or self.say("failed"), _cause(err)) from err

    async def async_check_range(
        self, entity_id: str, value: float, low_attr: str, high_attr: str, device: str, unit: str
    ) -> None:
        """Refuse, with the allowed range, a value outside what the entity accepts."""
        state = self.hass.states.get(entity_id)
        attributes = state.attributes if state else {}
        low, high = attributes.get(low_attr), attributes.get(high_attr)
        if low is None or high is None or float(low) <= value <= float(high):
            return
        if unit == "°":
            shown = {
                name: self.degrees(number)
                for name, number in (
                    ("temperature", value),
                    ("minimum", float(low)),
                    ("maximum", float(high)),
                )
            }
        else:
            shown = {
                name: f"{number_words(number)}{unit}"
                for name, number in (("temperature", value), ("minimum", low), ("maximum", high))
            }
        raise self.refusal("out_of_range", device=device, **shown)

    async def _reason(self, err: HomeAssistantError) -> str | None:
        """Return ThinQ Voice's translated exception message in the conversation's language, else None.

        Another integration's (or Home Assistant's own) message names entity ids and services
        ("엔티티 vacuum.x 동작 vacuum.pause 지원하지 않습니다"): the agent says it in its own words.
        """
        domain, key = err.translation_domain, err.translation_key
        translations = (
            await async_get_translations(self.hass, self.language, "exceptions", [domain])
            if domain == DOMAIN and key
            else {}
        )
        template = translations.get(f"component.{domain}.exceptions.{key}.message")
        try:
            return template.format(**(err.translation_placeholders or {})) if template else None
        except KeyError:
            return template  # placeholders it does not get: said as it is


def _cause(err: HomeAssistantError) -> str | None:
    """Return the kind of a failure ThinQ Voice raised (its translation key), else None."""
    return err.translation_key if err.translation_domain == DOMAIN else None
