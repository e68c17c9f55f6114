#!/usr/bin/env python3
"""Generate Sources/Anvil/Blocks/BlockVersionTable+Data.swift: block states renamed, split or missing
between consecutive Java releases (1.13 onwards), as a TSV table compiled in.

Two sources of facts, both about the game itself:
  - the PyPI package `minecraft-data` 3.20.0 (PrismarineJS data, MIT licence): the block list of each
    Java version up to 1.19.2, every block with its properties and their values (`blocks.json`), and
    each release's DataVersion (`protocolVersions.json`);
  - `version-facts.json` beside this script, written by hand from the Minecraft Wiki (each release
    names its pages): what a list cannot say (renames, value mappings, the cauldron split) and every
    change after 1.19.2, the newest list minecraft-data 3.20.0 ships.
Usage:

    python3.11 -m venv /tmp/mcdata-venv && /tmp/mcdata-venv/bin/pip install minecraft-data==3.20.0
    /tmp/mcdata-venv/bin/python Sources/Anvil/Blocks/make-version-table.py \\
        > Sources/Anvil/Blocks/BlockVersionTable+Data.swift

How a row is found. Up to 1.19.2, each pair of consecutive minecraft-data block lists (older A, newer
B) is compared; the change belongs to the first release that uses list B (or the one the facts file
names, for 1.13.1). A block B has and A lacks is new (written for A it has no equivalent, "-"), unless
the facts rename it or split it off; a property only B has is dropped going down, one only A has
dropped going up (the game fills in a missing property with its default); a value only B has becomes
A's default going down (1.14's new note-block instruments play as the 1.13 default, harp), one only A
has becomes B's default going up. The facts' renames and mappings replace those rules for the
properties they cover. After 1.19.2 every row comes from the facts. A translation counts only when it
keeps the block, so that converting it back gives the same block name again; a state whose block the
target lacks is written as "no equivalent", never as a look-alike.

Rows are `step<TAB>direction<TAB>from<TAB>to`, sorted:
  - step: the DataVersion of the newer version B (the release at which the change took effect);
  - direction: `up` (a state of A written for B or newer) or `down` (a state of B written for A or older);
  - from: a block name with the properties the rule matches (a subset of the state's properties);
  - to: the name and the properties that replace the matched ones (all other properties are kept),
    or `-` when the state has no equivalent in the target version.
Lines starting with `#` are comments.
"""
import json
import os
import re
import sys

import minecraft_data

MISSING = "-"
FACTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "version-facts.json")
DATA = os.path.join(os.path.dirname(minecraft_data.__file__), "data", "data")
RELEASE = re.compile(r"1\.\d+(\.\d+)?")
FIRST, LAST_LISTED = 1519, 3120      # 1.13 (the Flattening; older worlds are numeric) … 1.19.2


def token(name, props=None):
    body = ",".join(f"{k}={v}" for k, v in sorted((props or {}).items()))
    return f"minecraft:{name}" + (f"[{body}]" if body else "")


def full(text):
    """A facts-file token with its namespace."""
    return text if text == MISSING or text.startswith("minecraft:") else "minecraft:" + text


class BlockList:
    """One minecraft-data `blocks.json`: name -> {property: values (None: an int without its list)}."""

    def __init__(self, path):
        self.path = path
        with open(os.path.join(DATA, path, "blocks.json")) as f:
            entries = json.load(f)
        self.props = {b["name"]: {s["name"]: self._values(s) for s in b["states"]} for b in entries}
        self.counts = {b["name"]: {s["name"]: s["num_values"] for s in b["states"]} for b in entries}
        self.defaults = {b["name"]: self._default(b) for b in entries}

    @staticmethod
    def _values(state):
        return ["true", "false"] if state["type"] == "bool" else state.get("values")

    def _default(self, block):
        """Property values of the default state: state ids count with the last property fastest."""
        index, out = block["defaultState"] - block["minStateId"], {}
        for state in reversed(block["states"]):
            index, digit = divmod(index, state["num_values"])
            values = self._values(state)
            out[state["name"]] = values[digit] if values else None
        return out

    def values(self, name, key):
        found = self.props[name][key]
        if found is None:
            sys.exit(f"{self.path}: {name}.{key} lists no values; say how it changed in {FACTS}")
        return found

    def default(self, name, key):
        found = self.defaults[name][key]
        if found is None:
            sys.exit(f"{self.path}: {name}.{key} has no named default; say how it changed in {FACTS}")
        return found

    def same_values(self, a, other, b, key):
        va, vb = self.props[a][key], other.props[b][key]
        if va is None or vb is None:             # ints listed as a count only: compare the counts
            return self.counts[a][key] == other.counts[b][key]
        return sorted(va) == sorted(vb)


class FactRows:
    """The rows one release's facts give, and what they claim so that the list comparison skips it."""

    def __init__(self, changes):
        self.rows, self.renamed, self.added = set(), {}, set()
        self.covered, self.ruled = set(), {"up": set(), "down": set()}
        for change in changes:
            getattr(self, "_" + change["kind"])(change)

    def _added(self, change):
        self.added |= set(change["blocks"])
        self.rows |= {("down", token(b), MISSING) for b in change["blocks"]}

    def _renamed(self, change):
        for old, new in change["names"].items():
            self.renamed[old] = new
            self.rows |= {("up", token(old), token(new)), ("down", token(new), token(old))}

    def _property(self, change):
        pairs = [(change["from"], change["to"])] if "from" in change else [(p, p) for p in change["properties"]]
        for block in change["blocks"]:
            for old, new in pairs:
                self.covered |= {(block, old), (block, new)}
                for v, w in change.get("up", {}).items():
                    self.rows.add(("up", token(block, {old: v}), token(block, {new: w} if w is not None else {})))
                for w, v in change.get("down", {}).items():
                    self.rows.add(("down", token(block, {new: w}), token(block, {old: v} if v is not None else {})))

    def _rules(self, change):
        self.covered |= {tuple(c) for c in change["covers"]}
        for direction in ("up", "down"):
            for source, target in change.get(direction, []):
                self.ruled[direction].add(source.split("[")[0])
                self.rows.add((direction, full(source), full(target)))


def compare(older, newer, facts):
    """Rows for the step from block list `older` to `newer` that the facts do not already give."""
    rows, pairs = set(), {}
    for a in older.props:
        b = facts.renamed.get(a, a)
        if b in newer.props:
            pairs[a] = b
        elif a not in facts.ruled["up"]:
            rows.add(("up", token(a), MISSING))
    kept = set(pairs.values()) | facts.added | facts.ruled["down"]
    rows |= {("down", token(b), MISSING) for b in newer.props if b not in kept}
    for a, b in pairs.items():
        rows |= compare_properties(older, a, newer, b, facts.covered)
    return rows


def compare_properties(older, a, newer, b, covered):
    rows, pa, pb = set(), older.props[a], newer.props[b]
    for key in sorted(set(pa) | set(pb)):
        if (a, key) in covered or (b, key) in covered:
            continue
        if key not in pa:
            rows |= {("down", token(b, {key: v}), token(b)) for v in newer.values(b, key)}
        elif key not in pb:
            rows |= {("up", token(a, {key: v}), token(a)) for v in older.values(a, key)}
        elif not older.same_values(a, newer, b, key):
            va, vb = older.values(a, key), newer.values(b, key)
            rows |= {("down", token(b, {key: v}), token(b, {key: older.default(a, key)})) for v in vb if v not in va}
            rows |= {("up", token(a, {key: v}), token(a, {key: newer.default(b, key)})) for v in va if v not in vb}
    return rows


def listed_releases():
    """[(version, DataVersion, block-list path)] for the releases 1.13 … 1.19.2, oldest first."""
    with open(os.path.join(DATA, "pc", "common", "protocolVersions.json")) as f:
        protocol = json.load(f)
    with open(os.path.join(DATA, "dataPaths.json")) as f:
        paths = json.load(f)["pc"]
    found = {(p["minecraftVersion"], p["dataVersion"]) for p in protocol
             if RELEASE.fullmatch(p["minecraftVersion"]) and FIRST <= (p.get("dataVersion") or 0) <= LAST_LISTED}
    return [(v, dv, paths.get(v, {}).get("blocks")) for v, dv in sorted(found, key=lambda r: r[1])]


def listed_steps(facts):
    """(version, DataVersion, rows) for each change of minecraft-data block list, and the newest list."""
    releases = listed_releases()
    by_version = {f["version"]: f for f in facts["releases"]}
    moved = facts["minecraft_data"]["list_release"]
    steps, previous, lists = [], None, {}
    for version, dv, path in releases:
        if path is None or path == previous:
            continue
        lists[path] = lists.get(path) or BlockList(path)
        if previous is not None:
            version = moved.get(version, version)
            dv = next(d for v, d, _ in releases if v == version)
            release_facts = FactRows(by_version.get(version, {}).get("changes", []))
            rows = release_facts.rows | compare(lists[previous], lists[path], release_facts)
            steps.append((version, dv, rows))
        previous = path
    unused = {v for v in by_version if "data_version" not in by_version[v]} - {s[0] for s in steps}
    if unused:
        sys.exit(f"{FACTS}: no minecraft-data list change at {sorted(unused)}")
    return releases, steps, lists[previous]


def later_steps(facts, newest):
    """(version, DataVersion, rows) for the releases after 1.19.2, from the facts alone."""
    names, steps = set(newest.props), []
    for release in facts["releases"]:
        if "data_version" not in release:
            continue
        rows = FactRows(release["changes"])
        check_names(release["version"], names, rows, release["changes"])
        names = (names - set(rows.renamed)) | set(rows.renamed.values()) | rows.added
        steps.append((release["version"], release["data_version"], rows.rows))
    return steps


def check_names(version, names, rows, changes):
    """The facts must fit the block names the release before had: catches typos and misdated facts."""
    problems = [f"{b} is not new" for b in rows.added if b in names and b not in rows.renamed]
    problems += [f"{old} → {new}" for old, new in rows.renamed.items() if old not in names or new in names]
    problems += [f"{b} does not exist" for c in changes if c["kind"] == "property" for b in c["blocks"]
                 if b not in names | rows.added]
    if problems:
        sys.exit(f"{FACTS}, {version}: " + "; ".join(problems))


def main():
    if len(sys.argv) != 1:
        sys.exit(__doc__)
    with open(FACTS) as f:
        facts = json.load(f)
    releases, steps, newest = listed_steps(facts)
    steps += later_steps(facts, newest)
    table = [(dv, direction, source, target) for _, dv, rows in steps for direction, source, target in sorted(rows)]
    for version, dv, rows in steps:
        print(f"{version} ({dv}): {len(rows)} rows", file=sys.stderr)
    versions = [(v, dv) for v, dv, _ in releases] + [(r["version"], r["data_version"])
                                                     for r in facts["releases"] if "data_version" in r]
    write_swift(table, versions, facts["minecraft_data"]["version"])


def write_swift(table, versions, mcdata_version):
    out = sys.stdout
    span = f"{versions[0][0]} ... {versions[-1][0]}"
    install = f"python3.11 -m venv /tmp/mcdata-venv && /tmp/mcdata-venv/bin/pip install minecraft-data=={mcdata_version}"
    out.write("// Generated by Sources/Anvil/Blocks/make-version-table.py from the PyPI package minecraft-data\n")
    out.write(f"// {mcdata_version} (MIT) and Sources/Anvil/Blocks/version-facts.json (from the Minecraft Wiki); do not edit\n")
    out.write("// by hand. Compiled in, like LegacyBlockTable+Data.swift. Regenerate (see the script and FORMATS.md,\n")
    out.write("// \"Block names across versions\"):\n")
    out.write(f"//   {install}\n")
    out.write("//   /tmp/mcdata-venv/bin/python Sources/Anvil/Blocks/make-version-table.py > Sources/Anvil/Blocks/BlockVersionTable+Data.swift\n\n")
    out.write("extension BlockVersionTable {\n")
    out.write("    /// The bundled table as TSV text: `step<TAB>direction<TAB>from<TAB>to` rows after `#` comment lines.\n")
    out.write('    static let bundledTSV = #"""\n')
    out.write("# Block states renamed, split or without equivalent between consecutive Java releases.\n")
    out.write("# Generated by Sources/Anvil/Blocks/make-version-table.py; do not edit by hand.\n")
    out.write(f"# Sources of the facts: PyPI package minecraft-data {mcdata_version} (block lists to 1.19.2) and\n")
    out.write(f"# version-facts.json (Minecraft Wiki: renames, mappings, everything later); Java versions {span}.\n")
    out.write("# Steps (DataVersion = release): " + ", ".join(f"{dv}={v}" for v, dv in versions) + "\n")
    out.write(f"# {len(table)} rows. Columns: step<TAB>direction<TAB>from<TAB>to ('-': no equivalent)\n")
    for step, direction, source, target in table:
        out.write(f"{step}\t{direction}\t{source}\t{target}\n")
    out.write('"""#\n}\n')


if __name__ == "__main__":
    main()
