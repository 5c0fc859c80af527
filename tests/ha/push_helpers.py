"""What the push tests share: waiting for the channel, and waits that end when their condition holds.

Modules mark themselves `pytest.mark.push`: conftest then runs the simulator with its real
mosquitto broker (speed 0: appliances change only when told) and a channel that notices a dead
connection in seconds.
"""

import asyncio
from collections.abc import Callable

from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from simulator import Simulator

# Only a hang ends a wait this long: a wait ends as soon as its condition holds, so under load it
# takes longer instead of failing.
PATIENCE = 60.0


async def until(check: Callable[[], bool], timeout: float = PATIENCE) -> None:
    """Wait until `check()` holds, checking again each time the loop has run other work."""
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.01)


async def healthy(entry: MockConfigEntry, simulator: Simulator) -> ThinQVoiceCoordinator:
    """Wait until the entry's push channel is up with a subscription, and the simulator can publish."""
    coordinator: ThinQVoiceCoordinator = entry.runtime_data
    await until(lambda: coordinator.push.healthy and bool(coordinator.push.channel.subscribed))
    assert simulator.push is not None
    await simulator.push.wait_publisher()
    return coordinator


async def delivered(coordinator: ThinQVoiceCoordinator, simulator: Simulator) -> None:
    """Wait until the channel has taken every message the broker published so far (nothing is on its way)."""
    assert simulator.push is not None
    published = simulator.push.published
    health = coordinator.push.channel.health
    await until(lambda: health.messages + health.duplicate_messages + health.ignored_messages >= published)
