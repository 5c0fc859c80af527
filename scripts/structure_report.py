"""Figures on the integration's shape (prints figures, asserts nothing; tests/test_structure.py holds the rules).

Run: scripts/envrun test python scripts/structure_report.py [--root DIR]
(the integration uses Python 3.14 syntax, so it runs in the project's environment).

Prints, for custom_components/thinq_voice:
- modules by line count, flagging those over MODULE_LIMIT (and whether their docstring says why they are long),
- functions over FUNCTION_LIMIT lines and classes over CLASS_LIMIT lines,
- comparisons with a language code ("ko"/"en") outside the wording module,
- checks of the entry kind (`is_tv_entry(...)`, `CONF_HOST in ...`, `isinstance(...runtime_data...)`) per file.
"""

import argparse
import ast
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

INTEGRATION = Path(__file__).resolve().parents[1] / "custom_components" / "thinq_voice"
MODULE_LIMIT = 500
FUNCTION_LIMIT = 60
CLASS_LIMIT = 300
# A module over MODULE_LIMIT lines is accepted when its first docstring has a line starting with this.
LONG_REASON_MARKER = "Why this is long:"
# Where Korean and English wording may branch on the language (a module, or a package ending in "/");
# the first that exists wins.
WORDING_MODULES = ("agent/speech/", "agent/speech.py", "agent/answers.py")
# The one module that tells the two kinds of config entry apart (its checks are listed, not counted).
ENTRY_KIND_MODULE = "entry_kinds.py"
LANGUAGE_CODES = frozenset({"ko", "en"})


@dataclass(frozen=True)
class Module:
    """One module of the integration."""

    path: str
    lines: int
    long_reason: str | None


@dataclass(frozen=True)
class Block:
    """A function or class, by its qualified name."""

    path: str
    name: str
    line: int
    lines: int


@dataclass
class Figures:
    """Everything the report prints."""

    modules: list[Module] = field(default_factory=list)
    functions: list[Block] = field(default_factory=list)
    classes: list[Block] = field(default_factory=list)
    wording_module: str | None = None
    language_branches: dict[str, list[int]] = field(default_factory=dict)
    entry_kind_checks: dict[str, Counter[str]] = field(default_factory=dict)

    def long_modules(self, limit: int = MODULE_LIMIT) -> list[Module]:
        """Return the modules over the limit, longest first."""
        return [module for module in self.modules if module.lines > limit]

    def long_functions(self, limit: int = FUNCTION_LIMIT) -> list[Block]:
        """Return the functions over the limit, longest first."""
        return [block for block in self.functions if block.lines > limit]

    def long_classes(self, limit: int = CLASS_LIMIT) -> list[Block]:
        """Return the classes over the limit, longest first."""
        return [block for block in self.classes if block.lines > limit]


def long_reason(tree: ast.Module) -> str | None:
    """Return the reason a module's docstring gives for its length (a line after LONG_REASON_MARKER), if any."""
    for line in (ast.get_docstring(tree) or "").splitlines():
        line = line.strip()
        if line.startswith(LONG_REASON_MARKER) and line.removeprefix(LONG_REASON_MARKER).strip():
            return line
    return None


def _blocks(path: str, tree: ast.Module) -> tuple[list[Block], list[Block]]:
    """Return every function and class of a module with its qualified name and size."""
    functions: list[Block] = []
    classes: list[Block] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                size = (child.end_lineno or child.lineno) - child.lineno + 1
                target = classes if isinstance(child, ast.ClassDef) else functions
                target.append(Block(path, name, child.lineno, size))
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return functions, classes


def _is_language_code(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in LANGUAGE_CODES


def _language_branches(tree: ast.Module) -> list[int]:
    """Return the lines comparing something with a language code (`language == "ko"` and the like)."""
    return sorted(
        {
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Compare)
            and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops)
            and any(_is_language_code(side) for side in [node.left, *node.comparators])
        }
    )


def _entry_kind_checks(tree: ast.Module) -> Counter[str]:
    """Count the places that ask which kind of config entry they hold."""
    checks: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "is_tv_entry":
                checks["is_tv_entry"] += 1
            elif node.func.id == "isinstance" and node.args and "runtime_data" in ast.unparse(node.args[0]):
                checks["isinstance(runtime_data)"] += 1
        elif (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Name)
            and node.left.id == "CONF_HOST"
            and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops)
        ):
            checks["CONF_HOST in"] += 1
    return checks


def _is_wording(path: str, wording_module: str | None) -> bool:
    if wording_module is None:
        return False
    return path.startswith(wording_module) if wording_module.endswith("/") else path == wording_module


def measure(root: Path = INTEGRATION) -> Figures:
    """Read every module below root and gather the figures."""
    figures = Figures()
    figures.wording_module = next((name for name in WORDING_MODULES if (root / name).exists()), None)
    for file in sorted(root.rglob("*.py")):
        path = file.relative_to(root).as_posix()
        text = file.read_text(encoding="utf-8")
        tree = ast.parse(text, filename=str(file))
        figures.modules.append(Module(path, len(text.splitlines()), long_reason(tree)))
        functions, classes = _blocks(path, tree)
        figures.functions += functions
        figures.classes += classes
        if not _is_wording(path, figures.wording_module) and (branches := _language_branches(tree)):
            figures.language_branches[path] = branches
        if checks := _entry_kind_checks(tree):
            figures.entry_kind_checks[path] = checks
    figures.modules.sort(key=lambda module: (-module.lines, module.path))
    figures.functions.sort(key=lambda block: (-block.lines, block.path, block.name))
    figures.classes.sort(key=lambda block: (-block.lines, block.path, block.name))
    return figures


def report(figures: Figures, top: int) -> None:
    """Print the figures."""
    total = sum(module.lines for module in figures.modules)
    long_modules = figures.long_modules()
    print(f"modules: {len(figures.modules)}, {total} lines; over {MODULE_LIMIT} lines: {len(long_modules)}")
    for module in figures.modules[:top] if top else figures.modules:
        flag = ""
        if module.lines > MODULE_LIMIT:
            flag = "  (reason given)" if module.long_reason else f"  > {MODULE_LIMIT}"
        print(f"  {module.lines:5d}  {module.path}{flag}")

    for kind, blocks, limit in (
        ("functions", figures.long_functions(), FUNCTION_LIMIT),
        ("classes", figures.long_classes(), CLASS_LIMIT),
    ):
        print(f"\n{kind} over {limit} lines: {len(blocks)}")
        for block in blocks:
            print(f"  {block.lines:5d}  {block.path}:{block.line} {block.name}")

    branches = sum(len(lines) for lines in figures.language_branches.values())
    print(
        f"\nlanguage-code comparisons outside the wording module ({figures.wording_module}): "
        f"{branches} in {len(figures.language_branches)} files"
    )
    for path, lines in sorted(figures.language_branches.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"  {len(lines):5d}  {path}  (lines {', '.join(map(str, lines))})")

    outside = {
        path: counter for path, counter in figures.entry_kind_checks.items() if path != ENTRY_KIND_MODULE
    }
    checks = sum(sum(counter.values()) for counter in outside.values())
    print(f"\nentry-kind checks outside {ENTRY_KIND_MODULE}: {checks} in {len(outside)} files")
    for path, counter in sorted(figures.entry_kind_checks.items()):
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(counter.items()))
        home = "  (the dispatch module)" if path == ENTRY_KIND_MODULE else ""
        print(f"  {sum(counter.values()):5d}  {path}  ({kinds}){home}")


def main() -> None:
    """Parse the arguments and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=INTEGRATION, help="the integration's folder")
    parser.add_argument("--top", type=int, default=0, help="list only the N longest modules (0: all)")
    arguments = parser.parse_args()
    if not arguments.root.is_dir():
        parser.error(f"no folder {arguments.root}")
    report(measure(arguments.root), arguments.top)


if __name__ == "__main__":
    main()
