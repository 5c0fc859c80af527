"""Where agent/targets.py still imports the TV's coordinator from; it moved to tv/coordinator.py.

Transitional: goes once the agent asks entry_kinds (tv_runtime / account_runtime) instead.
"""

from .tv.coordinator import TvCoordinator

__all__ = ["TvCoordinator"]
