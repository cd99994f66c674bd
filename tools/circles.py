#!/usr/bin/env python3
"""Import circles between the files of a part of the crate (issue 22).

    tools/circles.py [src/tui]

Reads every `.rs` file under the folder, takes the paths it names (`use super::...`,
`use crate::tui::...`, `use child::...` for a module it declares, and the same paths written
inline in the code, `super::marks::toggle(...)`), resolves each to the file that defines the
item, following re-exports (`crate::tui::Ctx` is `widgets/draw.rs`, not `mod.rs`), and
prints each set of files that import one another in a circle, with the imports that close it.
`mod x;` is not an import, and a file's `#[cfg(test)] mod tests` is left out. Exits 1 when
there is a circle.
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

USE = re.compile(r"\b(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", re.S)
INLINE = re.compile(r"\b((?:crate|super|self)(?:::\w+)+)")
MOD = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", re.M)


def module_of(root: Path, crate_root: Path, file: Path) -> tuple:
    rel = file.relative_to(crate_root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return tuple(parts)


def strip(text: str) -> str:
    """The file without comments, strings and its test module."""
    text = re.split(r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*mod\s+\w+\s*\{", text)[0]
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def expand(tree: str) -> list:
    """`a::{b, c::{d, e}}` -> [a::b, a::c::d, a::c::e] (`self` kept as the prefix itself)."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix: str, rest: str):
        i = rest.find("{")
        if i < 0:
            path = prefix + rest
            out.append(path[: -len("::self")] if path.endswith("::self") else path)
            return
        head = prefix + rest[:i]
        body = rest[i + 1 : rest.rindex("}")]
        depth, start = 0, 0
        for j, ch in enumerate(body + ","):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                piece = body[start:j]
                if piece:
                    walk(head, piece)
                start = j + 1

    walk("", tree)
    return out


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "src/tui").resolve()
    crate_root = folder
    while crate_root.name != "src":
        crate_root = crate_root.parent
    files = sorted(folder.rglob("*.rs"))
    modules = {}  # module path -> file
    text = {}
    children = defaultdict(set)
    for f in files:
        m = module_of(folder, crate_root, f)
        modules[m] = f
        text[m] = strip(f.read_text())
        children[m] = set(MOD.findall(text[m]))

    def absolute(here: tuple, path: str) -> tuple:
        segs = [s for s in path.split("::") if s]
        if not segs:
            return ()
        if segs[0] == "crate":
            return tuple(segs[1:])
        if segs[0] in ("super", "self"):
            at = list(here)
            while segs and segs[0] in ("super", "self"):
                if segs.pop(0) == "super":
                    at.pop()
            return tuple(at + segs)
        if segs[0] in children[here]:
            return here + tuple(segs)
        return ()  # an outside crate or a name in scope

    # What each module brings into scope, which its descendants (or anyone, when `pub`) reach
    # through it: name -> absolute path.
    reexports = defaultdict(dict)
    for m, t in text.items():
        for tree in USE.findall(t):
            for p in expand(tree):
                target = absolute(m, p)
                if target:
                    reexports[m][target[-1]] = target

    def resolve(path: tuple, seen=()) -> tuple:
        """The module that defines what `path` names."""
        for cut in range(len(path), 0, -1):
            m = path[:cut]
            if m in modules:
                if cut < len(path):
                    name = path[cut]
                    via = reexports[m].get(name)
                    if via and via not in seen and via != path[: cut + 1]:
                        return resolve(via + path[cut + 1 :], seen + (via,))
                return m
        return ()

    edges = defaultdict(dict)  # from -> to -> an example path
    for m, t in text.items():
        paths = [p for tree in USE.findall(t) for p in expand(tree)]
        paths += INLINE.findall(t)
        paths += re.findall(r"(?<![:\w])(%s)::\w+" % "|".join(children[m]), t) if children[m] else []
        for p in paths:
            target = resolve(absolute(m, p) if "::" in p or p in children[m] else ())
            if target and target != m:
                edges[m].setdefault(target, p)

    # Tarjan's strongly connected components.
    index, low, stack, on, comps, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(modules):
        if v not in index:
            visit(v)

    def name(m):
        return str(modules[m].relative_to(crate_root.parent))

    circles = [sorted(c) for c in comps if len(c) > 1]
    for c in circles:
        print(f"circle of {len(c)}: " + ", ".join(name(m) for m in c))
        for a in c:
            for b, p in sorted(edges[a].items()):
                if b in c:
                    print(f"  {name(a)} -> {name(b)}   ({p})")
    if not circles:
        print(f"no circle among the {len(modules)} files under {folder.relative_to(crate_root.parent)}")
    return 1 if circles else 0


if __name__ == "__main__":
    sys.exit(main())
