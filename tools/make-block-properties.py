#!/usr/bin/env python3
"""Generate Sources/Styles/Resources/block-properties.json: which properties each block has, each
with the game's default and the values it allows (what `Styles.BlockPropertyTable` reads to carry
properties over when a style renames a block).

The facts come from the PyPI package `minecraft-data-latest` (MIT; PrismarineJS data), file
`minecraft_data/data/data/pc/<version>/blocks.json` inside its wheel. Usage:

    pip download --no-deps minecraft-data-latest -d /tmp/mcdata
    python3 tools/make-block-properties.py /tmp/mcdata/minecraft_data_latest-*.whl 1.21.1 \
        > Sources/Styles/Resources/block-properties.json

A block's default state is `defaultState - minStateId` read as a mixed-radix number over its
properties in file order, the last property varying fastest (booleans list `true` before `false`).

Output (keys sorted, one entry per line):
- `families`: name suffix -> properties, for each suffix in FAMILIES below; the script fails if
  any block with that suffix disagrees (so the rule is exact for this version).
- `blocks`: full name -> properties, for every block with properties that no family covers.
- `plain`: every block without properties.
Properties are `name -> [default, other allowed values…]`.
"""
import io
import json
import sys
import zipfile

# Longest matching suffix wins (`oak_fence_gate` is a `_fence_gate`, not a `_fence`).
FAMILIES = [
    "_stairs", "_slab", "_wall", "_fence", "_fence_gate", "_pane", "_log", "_wood", "_hyphae",
    "_pillar", "_door", "_trapdoor", "_leaves", "_button", "_sign", "_wall_sign", "_hanging_sign",
    "_wall_hanging_sign", "_bed", "_banner", "_wall_banner", "_candle", "_candle_cake",
    "_shulker_box", "_glazed_terracotta", "_coral", "_coral_fan", "_coral_wall_fan",
    "_wall_head", "_wall_skull",
]


def load_blocks(path, version):
    member = f"minecraft_data/data/data/pc/{version}/blocks.json"
    if path.endswith(".json"):
        with open(path, "rb") as f:
            return json.load(f)
    with zipfile.ZipFile(path) as z:
        return json.load(io.BytesIO(z.read(member)))


def properties(block):
    """Property name -> allowed values, the default value first, the others in the game's order."""
    index = block["defaultState"] - block["minStateId"]
    out = {}
    for prop in reversed(block["states"]):
        choices = ["true", "false"] if prop["type"] == "bool" else prop["values"]
        default = choices[index % len(choices)]
        out[prop["name"]] = [default] + [c for c in choices if c != default]
        index //= len(choices)
    return dict(sorted(out.items()))


def family_of(name):
    matches = [s for s in FAMILIES if name.endswith(s)]
    return max(matches, key=len) if matches else None


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-block-properties.py WHEEL_OR_BLOCKS_JSON VERSION")
    blocks = load_blocks(sys.argv[1], sys.argv[2])
    families, explicit, plain = {}, {}, []
    for block in blocks:
        name, props = block["name"], properties(block)
        family = family_of(name)
        if family is not None:
            if families.setdefault(family, props) != props:
                sys.exit(f"family {family}: {name} has {props}, others {families[family]}")
        elif props:
            explicit["minecraft:" + name] = props
        else:
            plain.append("minecraft:" + name)
    out = ["{",
           f'  "source": "tools/make-block-properties.py from minecraft-data (MIT, PrismarineJS) pc/{sys.argv[2]}/blocks.json",',
           f'  "version": "{sys.argv[2]}",']
    for key, table in (("families", families), ("blocks", explicit)):
        rows = [f"    {json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in sorted(table.items())]
        out.append(f'  "{key}": {{\n' + ",\n".join(rows) + "\n  },")
    out.append('  "plain": [\n' + ",\n".join(f"    {json.dumps(n)}" for n in sorted(plain)) + "\n  ]")
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
