"""Translations: every key the code uses exists in every language, the languages match, no URL.

Home Assistant shows a raw key where a translation is missing, and hassfest rejects URLs in
strings (they go in description placeholders). Keys the code builds from an appliance's profile
(entity names and states) are checked on set-up appliances in tests/ha/test_entities.py.
"""

import ast
from collections.abc import Iterator
import json
from pathlib import Path
import re
import string
from typing import Any, get_args

import pytest
import yaml

from custom_components.thinq_voice.api.errors import RefusalReason
from custom_components.thinq_voice.const import CONFIRMABLE_TYPES, NO_FALLBACK_AGENT
from custom_components.thinq_voice.device_action import ACTION_TYPES
from custom_components.thinq_voice.device_condition import CONDITIONS
from custom_components.thinq_voice.device_trigger import TRIGGER_TYPES

INTEGRATION = Path(__file__).parents[1] / "custom_components" / "thinq_voice"
LANGUAGES = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in INTEGRATION.glob("translations/*.json")
}
URL = re.compile(r"https?://|www\.", re.IGNORECASE)
EXCEPTION_CLASSES = re.compile(r"(Error|Failed|NotReady)$")


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Return every string of a translation file by its dotted key."""
    strings: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            strings |= flatten(value, f"{prefix}{key}.")
        else:
            strings[f"{prefix}{key}"] = value
    return strings


STRINGS = {language: flatten(tree) for language, tree in LANGUAGES.items()}


def exists(tree: dict[str, Any], key: str) -> bool:
    """Tell whether a dotted key names a non-empty string or a group in a translation file."""
    node: Any = tree
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return isinstance(node, dict) or bool(node)


def placeholders(text: str) -> set[str]:
    """Return the {placeholders} of a string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def literal(node: ast.expr | None) -> str | None:
    """Return a string constant's value, else None."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    """Return a call's keyword argument, if given."""
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def calls(tree: ast.AST) -> Iterator[ast.Call]:
    """Yield every call in a syntax tree."""
    yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def called(call: ast.Call) -> str:
    """Return the name of what a call calls (the attribute's or the function's)."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def config_flow_keys() -> set[str]:
    """Return the translation keys the config flow uses: steps, menu options, errors, abort reasons.

    The flow is config_flow.py's classes and the TV's steps they inherit from tv/config_flow.py.
    """
    keys: set[str] = set()
    for path in (INTEGRATION / "config_flow.py", INTEGRATION / "tv" / "config_flow.py"):
        keys |= _flow_keys(ast.parse(path.read_text(encoding="utf-8")))
    return keys


def _flow_keys(module: ast.Module) -> set[str]:
    keys: set[str] = set()
    for cls in (node for node in module.body if isinstance(node, ast.ClassDef)):
        flow = "options" if "OptionsFlow" in cls.name else "config"
        for call in calls(cls):
            if (step := literal(keyword(call, "step_id"))) is not None:
                keys.add(f"{flow}.step.{step}")
                options = keyword(call, "menu_options")
                if isinstance(options, ast.List):
                    keys |= {f"{flow}.step.{step}.menu_options.{literal(option)}" for option in options.elts}
            if called(call) == "async_abort":
                keys.add(f"{flow}.abort.{literal(keyword(call, 'reason'))}")
            if called(call) == "_abort_if_unique_id_configured":
                keys.add(f"{flow}.abort.already_configured")
            if called(call) == "async_set_unique_id" and keyword(call, "raise_on_progress") is None:
                keys.add(f"{flow}.abort.already_in_progress")
        step_names = {node.name for node in ast.walk(cls) if isinstance(node, ast.AsyncFunctionDef)}
        if any(call for call in calls(cls) if called(call) == "async_update_reload_and_abort"):
            keys |= {
                f"{flow}.abort.{step}_successful"
                for step in ("reauth", "reconfigure")
                if f"async_step_{step}" in step_names
            }
    # Form errors: InvalidInput(field, error) raised by the validators of both flows.
    for call in calls(module):
        if called(call) == "InvalidInput" and (error := literal(call.args[1])) is not None:
            keys.add(f"config.error.{error}")
    return keys


def exception_keys() -> set[str]:
    """Return the exceptions' translation keys raised anywhere in the integration."""
    keys: set[str] = set()
    for path in INTEGRATION.rglob("*.py"):
        for call in calls(ast.parse(path.read_text(encoding="utf-8"))):
            if not EXCEPTION_CLASSES.search(called(call)):
                continue
            node = keyword(call, "translation_key")
            if (key := literal(node)) is not None:
                keys.add(f"exceptions.{key}.message")
            elif isinstance(node, ast.JoinedStr):
                # translation_key=f"refused_{err.reason}": one key per refusal reason.
                prefix = literal(node.values[0])
                assert prefix == "refused_", ast.unparse(node)
                keys |= {
                    f"exceptions.{prefix}{reason}.message" for reason in get_args(RefusalReason.__value__)
                }
    return keys


def entity_keys() -> set[str]:
    """Return the entity translation keys a platform module sets as a class attribute.

    The TV's entities live in tv/, in modules named after their platform too.
    """
    keys: set[str] = set()
    for path in [*INTEGRATION.glob("*.py"), *INTEGRATION.glob("tv/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and any(
                    isinstance(target, ast.Name) and target.id == "_attr_translation_key"
                    for target in node.targets
                )
                and (key := literal(node.value)) is not None
            ):
                keys.add(f"entity.{path.stem}.{key}")
    return keys


def service_keys() -> set[str]:
    """Return the keys of services.yaml: each action, its fields and its selectors' options."""
    services = yaml.safe_load((INTEGRATION / "services.yaml").read_text(encoding="utf-8"))
    keys: set[str] = set()
    for service, spec in services.items():
        keys |= {f"services.{service}.name", f"services.{service}.description"}
        for field, field_spec in spec.get("fields", {}).items():
            keys |= {
                f"services.{service}.fields.{field}.name",
                f"services.{service}.fields.{field}.description",
            }
            select = field_spec.get("selector", {}).get("select", {})
            if "translation_key" in select:
                keys |= {
                    f"selector.{select['translation_key']}.options.{option}" for option in select["options"]
                }
    return keys


def test_there_are_english_and_korean_strings() -> None:
    assert {"en", "ko"} <= set(LANGUAGES)


@pytest.mark.parametrize(
    "used",
    [
        pytest.param(config_flow_keys, id="config-flow"),
        pytest.param(exception_keys, id="exceptions"),
        pytest.param(entity_keys, id="entities"),
        pytest.param(service_keys, id="services"),
        pytest.param(
            lambda: (
                {f"selector.confirm_start.options.{kind}" for kind in CONFIRMABLE_TYPES}
                | {f"selector.fallback_agent.options.{NO_FALLBACK_AGENT}"}
            ),
            id="options-selectors",
        ),
        pytest.param(
            lambda: (
                {f"device_automation.trigger_type.{kind}" for kind in TRIGGER_TYPES}
                | {f"device_automation.action_type.{kind}" for kind in ACTION_TYPES}
                | {f"device_automation.condition_type.{kind}" for kind in CONDITIONS}
            ),
            id="device-automations",
        ),
    ],
)
def test_every_key_the_code_uses_exists_in_every_language(used: Any) -> None:
    keys = used()
    assert keys
    for language, tree in LANGUAGES.items():
        # A key names a string, or a group of strings (a step, an entity; may be empty).
        missing = sorted(key for key in keys if not exists(tree, key))
        assert not missing, (language, missing)


def test_every_language_has_the_same_keys_and_placeholders() -> None:
    english = STRINGS["en"]
    for language, strings in STRINGS.items():
        assert strings.keys() == english.keys(), (language, strings.keys() ^ english.keys())
        differing = [key for key, text in strings.items() if placeholders(text) != placeholders(english[key])]
        assert not differing, (language, differing)


def test_no_string_contains_a_url() -> None:
    offenders = [
        (language, key, text)
        for language, strings in STRINGS.items()
        for key, text in strings.items()
        if URL.search(text)
    ]
    assert not offenders


def test_the_account_form_fills_its_url_placeholders() -> None:
    from custom_components.thinq_voice.config_flow import ACCOUNT_FORM_PLACEHOLDERS

    for key in ("config.step.cloud.description", "config.error.invalid_base_url"):
        assert placeholders(STRINGS["en"][key]) <= set(ACCOUNT_FORM_PLACEHOLDERS), key
    assert all(URL.match(url) for url in ACCOUNT_FORM_PLACEHOLDERS.values())
