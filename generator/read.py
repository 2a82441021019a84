"""Stage 1 — seeds on disk to ``Seed`` values: text decoded and checked, front-matter parsed and validated.

python-frontmatter is wrapped rather than trusted: on its own it turns broken YAML or a non-mapping
front-matter into empty metadata, and an unclosed ``---`` into body text. Here each becomes a problem
with the seed's path and line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from generator.config import validate_front_matter
from generator.errors import Problem, SeedError

SEED_SUFFIXES = (".txt", ".md")
IGNORED_NAMES = re.compile(r"^(README(\.\w+)?|\.gitkeep|\.gitignore)$", re.IGNORECASE)
FENCE = re.compile(r"^-{3}[ \t]*$")


@dataclass(frozen=True)
class Seed:
    path: str  # as given on the command line joined with the file name: "seeds/000_x.txt"
    file: Path
    meta: dict[str, Any]
    body: str  # LF line ends, no BOM, front-matter removed
    body_line: int  # file line number of the body's first line
    meta_lines: dict[str, int] = field(default_factory=dict)


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML without YAML 1.1 timestamp magic: a date stays text so the schema can check it."""


_StrictLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# libyaml's parser, where installed, reads the same documents several times faster; front-matter it finds
# any problem in is read again by the pure-Python one, whose messages (and acceptance of escaped surrogate
# pairs) the editors' errors are written for.
_FastLoader = type("_FastLoader", (yaml.CSafeLoader,), {"yaml_implicit_resolvers":
                   _StrictLoader.yaml_implicit_resolvers}) if getattr(yaml, "__with_libyaml__", False) else None


def seed_paths(seeds_dir: str) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """The seed files of a folder, sorted by name, and problems for files that cannot be seeds."""
    root = Path(seeds_dir)
    if not root.is_dir():
        return [], [Problem(seeds_dir, 1, "seeds folder not found; pass --seeds DIR")]
    found, problems = [], []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        display = os.path.join(seeds_dir, entry.name)
        if entry.is_dir() or entry.name.startswith(".") or IGNORED_NAMES.match(entry.name):
            continue
        if entry.suffix.lower() in SEED_SUFFIXES:
            found.append((display, entry))
        else:
            problems.append(Problem(display, 1, "not a seed: seeds are .txt or .md files; rename or remove it"))
    return found, problems


def read_seeds(seeds_dir: str) -> tuple[list[Seed], list[Problem]]:
    """Every seed of the folder, and every problem of every seed (never only the first)."""
    paths, problems = seed_paths(seeds_dir)
    seeds = []
    for display, path in paths:
        try:
            seeds.append(read_seed(path, display))
        except SeedError as exc:
            problems.extend(exc.problems)
    return seeds, problems


def read_seed(path: Path, display: str) -> Seed:
    data = path.read_bytes()
    text = _decode(data, display)
    problems = _control_characters(text, display)
    if problems:  # in the front-matter, the YAML parser would only report it again, at a wrong line
        raise SeedError(problems)
    meta, key_lines, body, body_line = _split_front_matter(text, display, problems)
    if not problems:
        problems += [Problem(display, line, msg) for line, msg in validate_front_matter(meta, key_lines)]
    if not body.strip() and not problems:
        problems.append(Problem(display, body_line, "the seed has no article text: paste the article "
                                                    "below the front-matter"))
    if problems:
        raise SeedError(problems)
    return Seed(display, path, meta, body, body_line, key_lines)


def _decode(data: bytes, display: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SeedError([Problem(display, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                                                "save the file as UTF-8")]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Unicode's control characters (category Cc: C0, DEL and C1) except tab and line feed
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _control_characters(text: str, display: str) -> list[Problem]:
    found = CONTROL.search(text)
    if not found:
        return []
    lineno = text.count("\n", 0, found.start()) + 1
    return [Problem(display, lineno, f"control character U+{ord(found.group()):04X} in the text; "
                                     "seeds must be plain text (binary file?)")]


def _split_front_matter(text: str, display: str, problems: list[Problem]):
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0]):
        return {}, {}, text, 1
    close = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if close is None:
        problems.append(Problem(display, 1, "front-matter opened with `---` is never closed; "
                                            "add a `---` line after the last key"))
        return {}, {}, "", 1
    fm_text, body = frontmatter.YAMLHandler().split(text)
    meta, key_lines = _parse_yaml(fm_text, display, problems)
    return meta, key_lines, body, close + 2


MAX_DEPTH = 20  # no valid key needs more than a list inside the mapping
_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
         yaml.FlowSequenceStartToken)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _parse_yaml(fm_text: str, display: str, problems: list[Problem]) -> tuple[dict, dict[str, int]]:
    """YAML front-matter to a mapping, with the file line of each key."""
    if _FastLoader is not None and "\t" not in fm_text:  # (libyaml takes a tab where the pure-Python parser,
        # whose messages editors read, refuses one: "title: \t" would pass as an empty title)
        trial: list[Problem] = []
        parsed = _parse_with(_FastLoader, fm_text, display, trial)
        if not trial:
            return parsed
    return _parse_with(_StrictLoader, fm_text, display, problems)


def _parse_with(loader_class: type, fm_text: str, display: str,
                problems: list[Problem]) -> tuple[dict, dict[str, int]]:
    offset = 1  # fm_text starts with the newline that ends the opening `---` line
    depth = 0
    try:
        for token in yaml.scan(fm_text, Loader=loader_class):
            if isinstance(token, (yaml.TagToken, yaml.AnchorToken, yaml.AliasToken)):
                what = "YAML tags (!…)" if isinstance(token, yaml.TagToken) else "YAML anchors and aliases"
                problems.append(Problem(display, token.start_mark.line + offset,
                                        f"{what} are not allowed in front-matter; write plain values"))
                return {}, {}
            # PyYAML composes nodes recursively: "[[[[…" a few thousand deep is a RecursionError (a crash
            # with a traceback), so nesting is bounded here, while scanning, before anything is composed.
            depth += isinstance(token, _OPEN) - isinstance(token, _CLOSE)
            if depth > MAX_DEPTH:
                problems.append(Problem(display, token.start_mark.line + offset,
                                        f"front-matter nests more than {MAX_DEPTH} levels deep; write plain "
                                        "values (text, a date, a list of topic slugs)"))
                return {}, {}
        node = yaml.compose(fm_text, Loader=loader_class)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        last = max(0, len(fm_text.rstrip("\n").split("\n")) - 1)  # an error "at the end" is on the last line
        line = min(mark.line, last) + offset if mark else 1
        problems.append(Problem(display, line, f"invalid YAML in front-matter: {_reason(exc)}"))
        return {}, {}
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(display, node.start_mark.line + offset,
                                "front-matter must be `key: value` lines (a mapping), not a "
                                + ("list" if isinstance(node, yaml.SequenceNode) else "single value")))
        return {}, {}
    if not _whole_characters(node, display, offset, problems):
        return {}, {}
    key_lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + offset
        if key in key_lines:
            problems.append(Problem(display, line, f"key `{key}` is set twice (first on line {key_lines[key]})"))
        key_lines.setdefault(key, line)
    loader = loader_class("")
    try:
        meta = loader.construct_document(node)
        # also each key's line under the key the schema looks up: "~:" is None, "true:" is True
        for key_node, _ in node.value:
            key_lines.setdefault(str(loader.construct_object(key_node)), key_node.start_mark.line + offset)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(display, (mark or node.start_mark).line + offset,
                                f"invalid front-matter value: {_reason(exc)}"))
        return {}, {}
    finally:
        loader.dispose()
    return meta, key_lines


def _reason(exc: Exception) -> str:
    """PyYAML's messages span several lines of context (a ReaderError has no ``problem``); a problem is
    printed on one line, ``PATH:LINE: message``, so only the first line of the reason is kept."""
    reason = getattr(exc, "problem", None) or str(exc)
    if "int_max_str_digits" in str(reason):  # Python's advice to programmers means nothing to an editor
        return "a number thousands of digits long; write a short value"
    return (str(reason).strip().splitlines() or [type(exc).__name__])[0]


SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(node: yaml.Node, display: str, offset: int, problems: list[Problem]) -> bool:
    """YAML's "\\ud83d\\ude80" escapes (as JSON tools write an emoji) decode to two UTF-16 surrogates, not
    to the character: text that cannot be written as UTF-8, which crashed the build when a page was written.
    A pair becomes its character; a lone surrogate is a problem. False when there was one."""
    ok, stack = True, [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            if SURROGATE.search(item.value):
                try:
                    item.value = item.value.encode("utf-16", "surrogatepass").decode("utf-16")
                except UnicodeDecodeError:
                    ok = False
                    problems.append(Problem(display, item.start_mark.line + offset,
                                            "a \\u escape in front-matter is half a character (a lone UTF-16 "
                                            "surrogate); write the character itself"))
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
        elif isinstance(item, yaml.MappingNode):
            stack.extend(part for pair in item.value for part in pair)
    return ok
