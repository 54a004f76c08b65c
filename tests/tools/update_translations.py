"""Keep resources/i18n/*.ts in step with the strings the GUI translates, and compile them.

pyside6-lupdate finds `self.tr("...")` and `translate("context", "...")`. Our modules also
translate through small helpers (`def tr(text): return QCoreApplication.translate("ctx",
text)`) and translate code values at run time (`tr(status)`); lupdate files the first under
an empty context, where Qt never looks them up, and cannot see the second. So after lupdate
this tool files helper strings under their helper's context and adds the code vocabularies
(statuses, qualifiers, levels, the module's own constants, ...) to every context that
translates values. English text made outside app/gui and translated where it is shown (the
checks' rule names and message templates, the undo history's descriptions, why a file could
not be imported) is read from its module's constants (CODE_TEXTS), so a new check's message
comes up for translation by itself.
Translations already made are kept.

    python tests/tools/update_translations.py            # update the .ts files
    python tests/tools/update_translations.py --release  # ... and compile the .qm files
"""
from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "app" / "gui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)
TS_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
EXTRA_VOCABULARY = ("confirm", "reject")  # decisions passed as words to the status-bar message
# context that shows the text -> (module, the constants whose texts it translates: a dict's
# values, or every string of another constant)
CODE_TEXTS = {
    "findings_panel": (("app/core/checks.py", ("RULE_NAMES", "MESSAGES")),),
    "store_errors": (("app/store/errors.py", ("MESSAGES",)),),
    "ReviewController": (("app/store/history.py", ("ACTION_LABELS", "DESCRIPTIONS")),),
    "file_messages": (("app/core/readers.py", ("MESSAGES", "CONVERTIBLE", "MAGIC_KINDS", "NUL_DATA",
                                               "CONTROL_DATA", "SPECIAL_KINDS")),
                      ("app/core/decode.py", ("MESSAGES",)),
                      ("app/store/ingest.py", ("MESSAGES",)),
                      ("app/store/importer.py", ("MESSAGES",)),
                      ("app/store/restore.py", ("MESSAGES",))),
}


def ts_path(language: str) -> Path:
    return I18N / f"report_reviewer_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"report_reviewer_{language}.qm"


def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


# --- what the code translates, beyond lupdate ---------------------------------------------
def _strings_in(node) -> list[str]:
    """String constants in a constant's value: tuples, lists, dict keys and values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    children = []
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        children = node.elts
    elif isinstance(node, ast.Dict):
        children = [n for n in node.keys + node.values if n is not None]
    return [text for child in children for text in _strings_in(child)]


def _module_constants(tree: ast.Module) -> set[str]:
    values = [n.value for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value]
    return {text for value in values for text in _strings_in(value) if text.strip()}


def _is_translate(func) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "translate") or (
        isinstance(func, ast.Name) and func.id == "translate")


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions `f(text)` that return QCoreApplication.translate("ctx", text): name -> ctx."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for inner in ast.walk(node):
            if (isinstance(inner, ast.Call) and _is_translate(inner.func) and len(inner.args) >= 2
                    and isinstance(inner.args[0], ast.Constant) and isinstance(inner.args[1], ast.Name)
                    and inner.args[1].id == param):
                found[node.name] = inner.args[0].value
    return found


def _core_vocabulary() -> set[str]:
    tree = ast.parse((ROOT / "app" / "core" / "model.py").read_text(encoding="utf-8"))
    return _module_constants(tree) | set(EXTRA_VOCABULARY)


def code_texts() -> set[tuple[str, str]]:
    """(context, source) for the CODE_TEXTS: the values of the named dicts, the strings of others."""
    texts = set()
    for context, sources in CODE_TEXTS.items():
        for path, names in sources:
            tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names
                                                        for t in node.targets):
                    values = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
                    texts.update((context, text) for value in values for text in _strings_in(value))
    return texts


def extra_messages() -> set[tuple[str, str]]:
    """(context, source) pairs the code translates that lupdate cannot file correctly."""
    trees = {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(GUI.glob("*.py"))}
    own_helpers = {name: _helpers(tree) for name, tree in trees.items()}
    core = _core_vocabulary()
    messages = code_texts()
    for name, tree in trees.items():
        helpers = dict(own_helpers[name])  # name -> (context, home module)
        homes = {helper: name for helper in helpers}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app.gui."):
                home = node.module.rsplit(".", 1)[1]
                for alias in node.names:
                    if alias.name in own_helpers.get(home, {}):
                        helpers[alias.asname or alias.name] = own_helpers[home][alias.name]
                        homes[alias.asname or alias.name] = home
        dynamic: dict[str, set[str]] = {}  # context -> modules whose constants it may translate
        for class_name, function_name, call in _calls(tree):
            func, args = call.func, call.args
            if not args or function_name in own_helpers[name]:
                continue  # a helper's own translate(ctx, text) call is not a use
            literal = isinstance(args[0], ast.Constant) and isinstance(args[0].value, str)
            if isinstance(func, ast.Name) and func.id in helpers:
                if literal:
                    messages.add((helpers[func.id], args[0].value))
                else:
                    dynamic.setdefault(helpers[func.id], set()).update({name, homes[func.id]})
            elif isinstance(func, ast.Attribute) and func.attr == "tr" and class_name and not literal:
                dynamic.setdefault(class_name, set()).add(name)
            elif (_is_translate(func) and literal and len(args) >= 2
                  and not (isinstance(args[1], ast.Constant) and isinstance(args[1].value, str))):
                dynamic.setdefault(args[0].value, set()).add(name)
        for context, modules in dynamic.items():
            vocabulary = core.union(*(_module_constants(trees[m]) for m in modules))
            messages.update((context, text) for text in vocabulary)
    return messages


def _calls(tree: ast.Module):
    """(enclosing class, enclosing function, call) for every call in the module."""
    def visit(node, class_name, function_name):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                yield class_name, function_name, child
            yield from visit(child, child.name if isinstance(child, ast.ClassDef) else class_name,
                             child.name if isinstance(child, ast.FunctionDef) else function_name)
    yield from visit(tree, None, None)


# --- the .ts file ---------------------------------------------------------------------
def update(ts: Path, language: str) -> None:
    """Run lupdate on the GUI sources into `ts`, then file the helper and value strings."""
    subprocess.run([qt_tool("lupdate"), *map(str, sorted(GUI.glob("*.py"))), "-ts", str(ts),
                    "-locations", "none", "-source-language", "en", "-target-language", language],
                   check=True, capture_output=True)
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    for context, source in sorted(extra_messages()):
        element = contexts.get(context)
        if element is None:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        existing = next((m for m in element.findall("message") if m.findtext("source") == source), None)
        if existing is None:
            message = ET.SubElement(element, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", type="unfinished")
        else:
            _revive(existing)
    # what lupdate marked gone and we did not revive goes; the empty context is never looked up
    for element in list(root.findall("context")):
        for message in list(element.findall("message")):
            if message.find("translation").get("type") in ("vanished", "obsolete"):
                element.remove(message)
        if not (element.findtext("name") or "") or not element.findall("message"):
            root.remove(element)
    ET.indent(tree, space="    ")
    ts.write_text(TS_HEADER + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")


def _revive(message: ET.Element) -> None:
    translation = message.find("translation")
    if translation.get("type") in ("vanished", "obsolete"):
        if (translation.text or "").strip():
            del translation.attrib["type"]
        else:
            translation.set("type", "unfinished")


def release(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true", help="also compile the .qm files")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        update(ts_path(language), language)
        untranslated = [m.findtext("source") for m in ET.parse(ts_path(language)).iter("message")
                        if m.find("translation").get("type") == "unfinished"]
        print(f"{ts_path(language).relative_to(ROOT)}: {len(untranslated)} strings to translate")
        if args.release:
            release(ts_path(language), qm_path(language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
