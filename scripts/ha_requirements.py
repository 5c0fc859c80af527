"""Installs the requirements of the Home Assistant components a configuration loads.

Home Assistant would pip-install them on its first boot; doing it at setup time makes the
first demo start quick and turns a missing compiler into a setup error instead of a
component that silently fails to load (Assist needs pymicro-vad and pyspeex-noise, which
have no wheels for Python 3.14 and are built from source).
"""

import argparse
import json
from pathlib import Path
import subprocess
import sys

import homeassistant
import yaml

COMPONENTS = Path(homeassistant.__file__).parent / "components"
CUSTOM = Path(__file__).resolve().parent.parent / "custom_components"
# Configuration keys that are not integrations.
NOT_DOMAINS = {"homeassistant", "default_config"}


def manifest(domain: str) -> dict[str, object] | None:
    """Return the manifest of a core or custom component, or None if unknown."""
    for base in (CUSTOM, COMPONENTS):
        path = base / domain / "manifest.json"
        if path.exists():
            loaded: dict[str, object] = json.loads(path.read_text())
            return loaded
    return None


def requirements_for(domains: list[str]) -> list[str]:
    """Return the requirements of the domains and everything they depend on."""
    seen: set[str] = set()
    pending = list(domains)
    requirements: list[str] = []
    while pending:
        domain = pending.pop()
        if domain in seen:
            continue
        seen.add(domain)
        data = manifest(domain)
        if data is None:
            continue
        for key in ("dependencies", "after_dependencies"):
            pending.extend(str(dep) for dep in data.get(key, []))  # type: ignore[attr-defined]
        requirements.extend(str(req) for req in data.get("requirements", []))  # type: ignore[attr-defined]
    return sorted(set(requirements))


def configured_domains(configuration: Path) -> list[str]:
    """Return the integration domains named at the top level of a configuration file."""
    text = configuration.read_text()

    class _Loader(yaml.SafeLoader):
        """Accepts Home Assistant's custom tags, which do not matter here."""

    _Loader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
    data = yaml.load(text, Loader=_Loader) or {}
    domains = [key.split(" ")[0] for key in data if key not in NOT_DOMAINS]
    return [*domains, "thinq_voice"]


def main() -> None:
    """Print or install the requirements."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("configuration", type=Path)
    parser.add_argument("--install", action="store_true")
    args = parser.parse_args()
    requirements = requirements_for(configured_domains(args.configuration))
    if not args.install:
        print("\n".join(requirements))
        return
    constraints = COMPONENTS.parent / "package_constraints.txt"
    subprocess.run(
        [
            "uv",
            "pip",
            "install",
            "--quiet",
            "--python",
            sys.executable,
            "-c",
            str(constraints),
            *requirements,
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
