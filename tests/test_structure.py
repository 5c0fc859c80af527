"""The integration's shape rules: no module over 500 lines without a written reason, no function over 60,
no branch on the language outside the agent's wording.

A module may stay long where a cut would hurt reading: its first docstring then carries a line
`Why this is long: ...`. The figures behind the rules: `scripts/envrun test python scripts/structure_report.py`.
"""

from pathlib import Path

from scripts.structure_report import FUNCTION_LIMIT, LONG_REASON_MARKER, MODULE_LIMIT, measure


def test_no_module_over_the_limit_without_a_reason() -> None:
    unexplained = {
        module.path: module.lines for module in measure().long_modules() if module.long_reason is None
    }
    assert not unexplained, (
        f"over {MODULE_LIMIT} lines; cut them or say why at the top ('{LONG_REASON_MARKER} ...'): {unexplained}"
    )


def test_no_function_over_the_limit() -> None:
    too_long = {f"{block.path}:{block.name}": block.lines for block in measure().long_functions()}
    assert not too_long, f"functions over {FUNCTION_LIMIT} lines: {too_long}"


def test_language_branches_only_in_the_wording_module() -> None:
    figures = measure()
    assert figures.wording_module is not None
    assert not figures.language_branches, (
        f"compare with a language code only in {figures.wording_module}: {figures.language_branches}"
    )


def _module(docstring: str, lines: int) -> str:
    body = [f'"""{docstring}"""', ""]
    return "\n".join(body + [f"VALUE_{index} = {index}" for index in range(lines - len(body))]) + "\n"


def _function(name: str, lines: int) -> str:
    return f"def {name}() -> None:\n" + "    pass\n" * (lines - 1)


def test_the_rules_see_long_modules_reasons_and_functions(tmp_path: Path) -> None:
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "long.py").write_text(_module("Long.", MODULE_LIMIT + 1))
    (tmp_path / "explained.py").write_text(
        _module(f"Long.\n\n{LONG_REASON_MARKER} one table, read top to bottom.\n", MODULE_LIMIT + 1)
    )
    (tmp_path / "marker_only.py").write_text(_module(f"Long.\n\n{LONG_REASON_MARKER}\n", MODULE_LIMIT + 1))
    (tmp_path / "short.py").write_text(_module("Short.", MODULE_LIMIT))
    (tmp_path / "functions.py").write_text(
        _function("at_the_limit", FUNCTION_LIMIT)
        + "\n\nclass Holder:\n"
        + "\n".join(f"    {line}" for line in _function("over_the_limit", FUNCTION_LIMIT + 1).splitlines())
        + "\n"
    )
    figures = measure(tmp_path)
    reasons = {module.path: module.long_reason for module in figures.long_modules()}
    assert reasons == {
        "package/long.py": None,
        "explained.py": f"{LONG_REASON_MARKER} one table, read top to bottom.",
        "marker_only.py": None,
    }
    assert [(block.path, block.name, block.lines) for block in figures.long_functions()] == [
        ("functions.py", "Holder.over_the_limit", FUNCTION_LIMIT + 1)
    ]
