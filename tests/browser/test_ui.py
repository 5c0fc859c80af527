"""ThinQ Voice as a user meets it, in a real browser, in Korean and in English.

Each UI language runs the same story on its own Home Assistant (see conftest.py): add the LG account
and pair the TV through the UI, find the appliances and their entities under their names, change an
option, make ThinQ Voice an Assist agent and talk to it, in Korean and in English, until the
appliance changes in the simulator and on its device page. The tests run in order on one page.
LG's push is left out (tests/ha/test_push.py and scripts/e2e run it): the device page shows what the
read that confirms a command brings.
Screenshots go to $THINQ_VOICE_SCREENSHOTS (scripts/screenshots: docs/images).
"""

from collections.abc import Callable
import re
import time
from typing import Any

from playwright.sync_api import Locator, expect

from simulator.fleet import ALIASES

from .demo import Session, harness
from .ui import Command

# The washer's first two phases after a start (simulator/devices.py); together they last 22 minutes.
WASHER_STARTED = ("DETECTING", "RUNNING")


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    """Wait until `condition` holds (a state outside the browser), failing after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.25)


def dialog(session: Session) -> Locator:
    """Return Home Assistant's open dialog (config flows, options, assistants)."""
    return session.page.locator("ha-dialog")


def start_adding_thinq_voice(session: Session) -> None:
    """Open Settings → Devices & services → Add integration and pick ThinQ Voice; its menu opens."""
    page, ui = session.page, session.ui
    page.goto(f"{session.url}/config/integrations/dashboard")
    page.get_by_role("button", name=ui.add_integration).click()
    page.get_by_placeholder(ui.search_brand).fill("ThinQ Voice")
    page.locator("ha-integration-list-item").filter(has_text="ThinQ Voice").click()


def names_offered(session: Session) -> list[str]:
    """Return the device names in the dialog HA shows after an entry is made (names and areas)."""
    skip = session.page.get_by_role("button", name=session.ui.skip_and_finish)
    expect(skip).to_be_visible()
    names: list[str] = dialog(session).locator("input").evaluate_all("inputs => inputs.map(i => i.value)")
    return names


def entity_row(session: Session, name: str) -> Locator:
    """Return the row of the entity called `name` on a device page (its value is the row's text)."""
    page = session.page
    return page.locator("hui-generic-entity-row").filter(has=page.get_by_text(name, exact=True))


def loaded_titles(session: Session) -> list[str]:
    """Return the titles of ThinQ Voice's entries that have loaded."""
    return [entry["title"] for entry in session.demo.entries() if entry["state"] == "loaded"]


def test_add_the_lg_account_through_the_ui(session: Session) -> None:
    page, ui = session.page, session.ui
    start_adding_thinq_voice(session)
    page.get_by_text(ui.ours("config.step.user.menu_options.cloud"), exact=True).click()
    expect(dialog(session).get_by_text(ui.ours("config.step.cloud.title"))).to_be_visible()
    page.locator("input[name=access_token]").fill(harness.SIMULATOR_TOKEN)
    session.screenshot("add-account")
    dialog(session).get_by_text(ui.ours("config.step.cloud.sections.advanced.name"), exact=True).click()
    assert session.demo.run is not None
    page.locator("input[name=base_url]").fill(session.demo.run.simulator_url)
    page.get_by_role("button", name=ui.submit, exact=True).click()

    # Home Assistant offers to name and place every appliance of the account, named as in LG's app,
    # and the conversation agent's service device.
    assert set(names_offered(session)) == {*ALIASES[ui.language], "ThinQ Voice"}
    session.screenshot("appliances-found")
    page.get_by_role("button", name=ui.skip_and_finish).click()
    wait_until(lambda: len(loaded_titles(session)) == 1, "the account entry to load")


def test_pair_the_tv_through_the_ui(session: Session) -> None:
    page, ui = session.page, session.ui
    start_adding_thinq_voice(session)
    page.get_by_text(ui.ours("config.step.user.menu_options.tv"), exact=True).click()
    assert session.demo.run is not None
    page.locator("input[name=host]").fill(session.demo.run.tv_host)
    page.locator("input[name=name]").fill(ui.tv_name)
    page.get_by_role("button", name=ui.submit, exact=True).click()

    pairing = ui.ours("config.step.pairing.title").replace("{name}", ui.tv_name)
    expect(dialog(session).get_by_text(pairing)).to_be_visible()
    session.screenshot("tv-pairing")
    # The simulated TV accepts the pairing prompt by itself, as a user would with the remote.
    page.get_by_role("button", name=ui.submit, exact=True).click()
    assert names_offered(session) == [ui.tv_name]
    page.get_by_role("button", name=ui.skip_and_finish).click()
    wait_until(lambda: ui.tv_name in loaded_titles(session), "the TV entry to load")


def test_devices_and_entities_carry_names_in_the_ui_language(session: Session) -> None:
    page, ui = session.page, session.ui
    page.goto(f"{session.url}/config/integrations/integration/thinq_voice")
    for name in (*ALIASES[ui.language], ui.tv_name):
        expect(page.get_by_text(name, exact=True).first).to_be_visible()
    session.screenshot("integration")

    page.get_by_text(ui.washer, exact=True).first.click()
    expect(entity_row(session, ui.ours("entity.button.start.name"))).to_be_visible()
    expect(entity_row(session, ui.ours("entity.sensor.run_state.name"))).to_contain_text(
        ui.ours("entity.sensor.run_state.state.initial")
    )


def test_change_an_option(session: Session) -> None:
    page, ui = session.page, session.ui
    page.goto(f"{session.url}/config/integrations/integration/thinq_voice")
    page.get_by_role("button", name=ui.configure, exact=True).click()
    expect(dialog(session).get_by_text(ui.ours("options.step.init.title"))).to_be_visible()
    interval = dialog(session).locator("input[type=number]").first
    expect(interval).to_have_value("180")
    interval.fill("300")
    session.screenshot("options")
    page.get_by_role("button", name=ui.submit, exact=True).click()
    finish = page.get_by_role("button", name=ui.finish, exact=True)
    finish.click()
    expect(finish).to_be_hidden()

    def stored_interval() -> Any:
        account = next(entry for entry in session.demo.stored_entries() if entry["title"] != ui.tv_name)
        return account["options"].get("refresh_interval")

    wait_until(lambda: stored_interval() == 300, "the new refresh interval to be stored")


def test_make_thinq_voice_an_assistant(session: Session) -> None:
    page, ui = session.page, session.ui
    page.goto(f"{session.url}/config/voice-assistants/assistants")
    page.get_by_role("button", name=ui.add_assistant).click()
    dialog(session).locator("input[name=name]").fill("ThinQ Voice")
    dialog(session).get_by_role("button", name=ui.conversation_agent).click()
    page.get_by_role("menuitem", name="ThinQ Voice").click()
    # On by default: Home Assistant's own sentences would go first, ThinQ Voice only gets the rest.
    prefer_local = dialog(session).get_by_role("switch")
    expect(prefer_local).to_be_checked()
    prefer_local.focus()
    page.keyboard.press("Space")
    expect(prefer_local).not_to_be_checked()
    dialog(session).get_by_role("button", name=ui.create, exact=True).click()
    assert session.demo.run is not None
    run = session.demo.run

    def thinq_voice_assistant() -> bool:
        pipelines = session.demo.call(run.ws({"type": "assist_pipeline/pipeline/list"}))["pipelines"]
        return any(
            pipeline["name"] == "ThinQ Voice"
            and pipeline["conversation_engine"] == "conversation.thinq_voice"
            and not pipeline["prefer_local_intents"]
            for pipeline in pipelines
        )

    wait_until(thinq_voice_assistant, "an assistant with ThinQ Voice as its conversation agent")


def appliance_changed(session: Session, command: Command) -> bool:
    """Return whether the simulator shows what `command` asked of its appliance."""
    state = session.demo.simulator_state(command.appliance)
    if command.appliance == session.ui.washer:
        return bool(state[0]["runState"]["currentState"] in WASHER_STARTED)
    return bool(state["operation"]["airConOperationMode"] == "POWER_ON")


def say(session: Session, command: Command) -> None:
    """Type a sentence into the open Assist dialog; wait for ThinQ Voice's answer and the appliance's change."""
    answers = session.page.locator("ha-assist-chat .message.hass")
    earlier = answers.count()
    box = session.page.get_by_role("textbox", name=session.ui.request)
    box.fill(command.text)
    box.press("Enter")
    # ThinQ Voice's answer names the appliance as the household calls it (Home Assistant's own agent
    # would name the entity).
    expect(answers.nth(earlier)).to_contain_text(re.compile(re.escape(command.appliance), re.IGNORECASE))
    wait_until(lambda: appliance_changed(session, command), f"'{command.text}' to change {command.appliance}")


def test_talk_to_thinq_voice_in_assist(session: Session) -> None:
    page, ui = session.page, session.ui
    page.goto(f"{session.url}/home/overview")
    page.get_by_role("button", name=ui.assist).click()
    assistant = page.locator("ha-voice-command-dialog [aria-haspopup=menu]")
    assistant.click()
    page.get_by_role("menuitem", name="ThinQ Voice").click()
    expect(assistant).to_contain_text("ThinQ Voice")
    expect(page.locator("ha-assist-chat .message.hass")).to_have_count(1)  # its greeting
    say(session, ui.korean)
    say(session, ui.english)
    session.screenshot("assist")

    page.keyboard.press("Escape")
    page.goto(f"{session.url}/config/integrations/integration/thinq_voice")
    page.get_by_text(ui.washer, exact=True).first.click()
    started = "|".join(
        re.escape(ui.ours(f"entity.sensor.run_state.state.{state.lower()}")) for state in WASHER_STARTED
    )
    expect(entity_row(session, ui.ours("entity.sensor.run_state.name"))).to_contain_text(re.compile(started))
    session.screenshot("device", height=1250)  # every entity of the washer
