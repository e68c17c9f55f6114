#!/usr/bin/env python3
"""Interop tests for the schematic formats: files written by independent PyPI writers are read by
worldgan with exactly their blocks, and files worldgan writes are read back by the same libraries.

  - litemapy writes .litematic (two regions, one with negative sizes);
  - nbtschematic writes MCEdit .schematic (nbtlib adds AddBlocks and TileEntities);
  - nbtlib writes structure .nbt (palette and palettes, structure voids, block entities).
worldgan's side is `worldgan convert`; every comparison goes through a Sponge .schem read by
nbtlib (not by worldgan). Block names across versions: 1.16.5 content pasted into a 1.21 world is
read back by anvil-parser2 and by Amulet (amulet-core), which must translate every pasted voxel
without a warning; the expected 1.21 names are the game's, written out here by hand.
Usage: formats_test.py WORLDGAN_BINARY. Prints one line per check, ends with 'N passed, N failed'.
"""
import os
import re
import subprocess
import sys
import tempfile

import io
import logging

import anvil
import litemapy
import nbtlib
from nbtlib import tag as T
from nbtschematic import SchematicFile

PASSED, FAILED = [], []
HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    """(file, root compound): nbtlib 1.x keeps the root under its name ("" or "Schematic")."""
    f = nbtlib.load(path)
    return f, (f.root if hasattr(f, "root") else f)


def check(name, ok, detail=""):
    (PASSED if ok else FAILED).append(name)
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else "  -- " + str(detail)[:400]), flush=True)


def norm(name, props):
    name = name if ":" in name else "minecraft:" + name
    items = sorted(f"{k}={v}" for k, v in props.items())
    return name + ("[" + ",".join(items) + "]" if items else "")


def parse_token(token):
    name, _, props = token.partition("[")
    return norm(name, dict(p.split("=", 1) for p in props.rstrip("]").split(",") if p))


def read_schem(path):
    """((w, h, l), {(x,y,z): token}, {(x,y,z): block entity id}) via nbtlib."""
    s = load(path)[1]["Schematic"]
    w, h, l = (int(s[k]) & 0xFFFF for k in ("Width", "Height", "Length"))
    inv = {int(v): k for k, v in s["Blocks"]["Palette"].items()}
    ids, cur, shift = [], 0, 0
    for b in bytes(x & 0xFF for x in s["Blocks"]["Data"]):
        cur |= (b & 0x7F) << shift
        if b & 0x80:
            shift += 7
        else:
            ids.append(cur)
            cur, shift = 0, 0
    vol = {(x, y, z): parse_token(inv[ids[x + z * w + y * w * l]])
           for y in range(h) for z in range(l) for x in range(w)}
    bes = {tuple(int(c) for c in be["Pos"]): str(be["Id"]) for be in s["Blocks"]["BlockEntities"]}
    return (w, h, l), vol, bes


def run(*args):
    return subprocess.run([WORLDGAN, *args], capture_output=True, text=True)


def convert(src, dst, *extra):
    r = run("convert", src, "-o", dst, *extra)
    if r.returncode != 0:
        raise RuntimeError(f"worldgan convert {src} -> {dst}: {r.stderr.strip()}")
    return r


def first_diff(a, b):
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            return f"{k}: {a.get(k)} vs {b.get(k)}"
    return ""


# ---------------------------------------------------------------- Litematica (litemapy)
STATES = [("minecraft:stone", {}), ("minecraft:oak_stairs", {"facing": "east", "half": "top", "shape": "straight", "waterlogged": "false"}),
          ("minecraft:red_wool", {}), ("minecraft:glass", {}), ("minecraft:oak_log", {"axis": "z"})]


def litematic_case(tmp):
    a = litemapy.Region(0, 0, 0, 5, 4, 3)
    b = litemapy.Region(9, 2, 6, -3, -2, -4)      # runs from (7, 1, 3) to (9, 2, 6)
    expected = {}
    # A palette of > 4 entries so entries need 3 bits and some straddle two longs.
    for n, (x, y, z) in enumerate((x, y, z) for x in range(5) for y in range(4) for z in range(3)):
        if n % 3:
            name, props = STATES[n % len(STATES)]
            a.setblock(x, y, z, litemapy.BlockState(name, props))
            expected[(x, y, z)] = norm(name, props)
    for n, (x, y, z) in enumerate(b.allblockpos()):
        name, props = STATES[(n * 7) % len(STATES)]
        b.setblock(x, y, z, litemapy.BlockState(name, props))
        expected[(9 + x, 2 + y, 6 + z)] = norm(name, props)   # local x runs -2…0: schematic x 7…9 (box min is 0, 0, 0)
    sch = litemapy.Schematic(name="two regions", author="interop", regions={"a": a, "b": b})
    path = os.path.join(tmp, "lm.litematic")
    sch.save(path)
    info = run("info", path)
    check("info shows a litematic's name and author", info.returncode == 0 and "two regions" in info.stdout and "interop" in info.stdout,
          info.stdout + info.stderr)
    convert(path, os.path.join(tmp, "lm.schem"))
    size, vol, _ = read_schem(os.path.join(tmp, "lm.schem"))
    full = {(x, y, z): expected.get((x, y, z), "minecraft:air") for x in range(size[0]) for y in range(size[1]) for z in range(size[2])}
    check("litemapy .litematic (2 regions, negative size) is read with exactly its blocks",
          size == (10, 4, 7) and vol == full, f"size {size}; {first_diff(vol, full)}")

    # worldgan writes .litematic; litemapy reads exactly our blocks.
    out = os.path.join(tmp, "ours.litematic")
    convert(os.path.join(tmp, "lm.schem"), out)
    back = litemapy.Schematic.load(out)
    (reg,) = back.regions.values()
    got = {}
    for x, y, z in reg.allblockpos():
        bs = reg.getblock(x, y, z)
        got[(x, y, z)] = norm(bs.blockid, dict(bs._BlockState__properties))
    check("litemapy reads the .litematic worldgan writes with exactly its blocks", got == full, first_diff(got, full))
    return full


# ---------------------------------------------------------------- MCEdit (nbtschematic + nbtlib)
# Names the game changed between 1.13 and 1.21.11 (for blocks a legacy id maps to).
RENAMED_SINCE_1_13 = {"minecraft:sign": "minecraft:oak_sign", "minecraft:wall_sign": "minecraft:oak_wall_sign",
                      "minecraft:grass": "minecraft:short_grass", "minecraft:grass_path": "minecraft:dirt_path",
                      "minecraft:stone_slab": "minecraft:smooth_stone_slab"}


def legacy_table():
    text = open(os.path.join(HERE, "../../Sources/Anvil/Blocks/LegacyBlockTable+Data.swift")).read()
    return {(int(i), int(d)): parse_token(t) for i, d, t in re.findall(r"^(\d+)\t(\d+)\t(\S+)$", text, re.M)}


def mcedit_case(tmp):
    table = legacy_table()
    rows = sorted(k for k in table if k[0] < 256)
    sf = SchematicFile(shape=(3, 4, 5))           # (height, length, width)
    expected = {}
    for n, (y, z, x) in enumerate((y, z, x) for y in range(3) for z in range(4) for x in range(5)):
        bid, data = rows[(n * 37) % len(rows)]
        sf.blocks[y, z, x] = bid - 256 if bid > 127 else bid   # signed bytes
        sf.data[y, z, x] = data
        expected[(x, y, z)] = table[(bid, data)]
    sf.blocks[1, 2, 3], sf.data[1, 2, 3] = 54, 2      # a chest with its tile entity
    expected[(3, 1, 2)] = table[(54, 2)]
    path = os.path.join(tmp, "mc.schematic")
    sf.save(path)
    f, root = load(path)
    root["TileEntities"] = T.List[T.Compound]([T.Compound({"id": T.String("Chest"), "x": T.Int(3), "y": T.Int(1), "z": T.Int(2),
                                                            "Items": T.List[T.Compound]()})])
    f.save()
    convert(path, os.path.join(tmp, "mc.schem"), "--data-version", "1519")   # 1.13: the legacy table's names
    _, vol, bes = read_schem(os.path.join(tmp, "mc.schem"))
    check("nbtschematic MCEdit .schematic is read through the legacy table with exactly its blocks", vol == expected, first_diff(vol, expected))
    check("MCEdit TileEntities are kept", bes == {(3, 1, 2): "Chest"}, bes)
    # Written for the newest release by default: the 1.13 names renamed since then are translated.
    convert(path, os.path.join(tmp, "mc-latest.schem"))
    _, latest, _ = read_schem(os.path.join(tmp, "mc-latest.schem"))
    renamed = {p: RENAMED_SINCE_1_13[t.split("[")[0]] for p, t in expected.items() if t.split("[")[0] in RENAMED_SINCE_1_13}
    got = {p: latest[p].split("[")[0] for p in renamed}
    check("MCEdit blocks written for 1.21.11 take the names renamed since 1.13 (sign -> oak_sign ...)",
          len(renamed) >= 2 and got == renamed, f"{len(renamed)} renamed voxels; {first_diff(got, renamed)}")

    # AddBlocks: ids above 255 (first block of each byte in the high nibble).
    high = sorted(k for k in table if k[0] >= 256)
    if high:
        bid, data = high[0]
        f, root = load(path)
        blocks = [int(b) & 0xFF for b in root["Blocks"]]
        add = [0] * ((len(blocks) + 1) // 2)
        blocks[1] = bid & 0xFF
        add[0] = (bid >> 8) & 0xF                   # index 1 is odd: low nibble
        root["Blocks"] = T.ByteArray([b - 256 if b > 127 else b for b in blocks])
        d = [int(v) for v in root["Data"]]
        d[1] = data
        root["Data"] = T.ByteArray(d)
        root["AddBlocks"] = T.ByteArray([a - 256 if a > 127 else a for a in add])
        f.save()
        convert(path, os.path.join(tmp, "mc2.schem"), "--data-version", "1519")
        _, vol2, _ = read_schem(os.path.join(tmp, "mc2.schem"))
        check("MCEdit AddBlocks supplies the high id bits", vol2[(1, 0, 0)] == table[(bid, data)], vol2[(1, 0, 0)])

    f, root = load(path)
    root["Materials"] = T.String("Pocket")
    f.save()
    r = run("info", path)
    check("MCEdit Materials other than Alpha is one clear error line", r.returncode != 0 and "Pocket" in r.stderr
          and path in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr)


# ---------------------------------------------------------------- structure .nbt (nbtlib)
def palette_tag(states):
    out = []
    for name, props in states:
        c = {"Name": T.String(name)}
        if props:
            c["Properties"] = T.Compound({k: T.String(v) for k, v in props.items()})
        out.append(T.Compound(c))
    return T.List[T.Compound](out)


def structure_case(tmp):
    size = (4, 3, 5)
    blocks, expected = [], {}
    states = STATES + [("minecraft:air", {}), ("minecraft:chest", {"facing": "north", "type": "single", "waterlogged": "false"})]
    for n, (x, y, z) in enumerate((x, y, z) for x in range(4) for y in range(3) for z in range(5)):
        if n % 5 == 4:
            continue                                # a structure void
        s = n % (len(states) - 1)
        blocks.append(T.Compound({"pos": T.List[T.Int]([T.Int(x), T.Int(y), T.Int(z)]), "state": T.Int(s)}))
        expected[(x, y, z)] = norm(*states[s])
    blocks.append(T.Compound({"pos": T.List[T.Int]([T.Int(3), T.Int(2), T.Int(3)]), "state": T.Int(len(states) - 1),
                              "nbt": T.Compound({"id": T.String("minecraft:chest"), "Items": T.List[T.Compound]()})}))
    expected[(3, 2, 3)] = norm(*states[-1])
    alt = [(n, {}) for n, _ in states]              # a second palette variant: the same names without properties
    root = nbtlib.File({"": T.Compound({"DataVersion": T.Int(2586), "size": T.List[T.Int]([T.Int(v) for v in size]),
                        "palettes": T.List[T.List[T.Compound]]([palette_tag(states), palette_tag(alt)]),
                        "blocks": T.List[T.Compound](blocks), "entities": T.List[T.Compound]()})}, gzipped=True)
    path = os.path.join(tmp, "st.nbt")
    root.save(path)
    r = run("convert", path, "-o", os.path.join(tmp, "st.schem"))
    check("a structure with several palettes says which one it took", "palette 0" in r.stderr, r.stderr)
    _, vol, bes = read_schem(os.path.join(tmp, "st.schem"))
    full = {(x, y, z): expected.get((x, y, z), "minecraft:structure_void") for x in range(4) for y in range(3) for z in range(5)}
    check("nbtlib structure .nbt is read with exactly its blocks, voids kept distinct from air", vol == full, first_diff(vol, full))
    check("structure block entities are kept", bes == {(3, 2, 3): "minecraft:chest"}, bes)
    convert(path, os.path.join(tmp, "st1.schem"), "--palette", "1")
    _, vol1, _ = read_schem(os.path.join(tmp, "st1.schem"))
    check("--palette 1 takes the second palette", vol1[(0, 0, 1)] == norm(alt[1][0], {}), vol1[(0, 0, 1)])

    # worldgan writes structure .nbt; nbtlib reads exactly our blocks, voids left out.
    out = os.path.join(tmp, "ours.nbt")
    convert(os.path.join(tmp, "st.schem"), out)
    ours = load(out)[1]
    pal = [norm(str(p["Name"]), {k: str(v) for k, v in p.get("Properties", {}).items()}) for p in ours["palette"]]
    got = {tuple(int(c) for c in b["pos"]): pal[int(b["state"])] for b in ours["blocks"]}
    check("nbtlib reads the structure .nbt worldgan writes: exactly its blocks, no entry for voids",
          got == expected and [int(v) for v in ours["size"]] == list(size), first_diff(got, expected))
    check("the structure we write has DataVersion and the fields /place template needs",
          int(ours["DataVersion"]) == 2586 and all(k in ours for k in ("size", "palette", "blocks", "entities"))
          and any("nbt" in b and str(b["nbt"]["id"]) == "minecraft:chest" for b in ours["blocks"]), list(ours.keys()))
    return full


def round_trips(tmp):
    """.schem -> .litematic -> .nbt -> .schem keeps every block that each format can hold."""
    src = os.path.join(tmp, "lm.schem")
    convert(src, os.path.join(tmp, "rt.litematic"))
    convert(os.path.join(tmp, "rt.litematic"), os.path.join(tmp, "rt.nbt"))
    convert(os.path.join(tmp, "rt.nbt"), os.path.join(tmp, "rt.schem"))
    a, b = read_schem(src), read_schem(os.path.join(tmp, "rt.schem"))
    check("a round trip .schem -> .litematic -> .nbt -> .schem is lossless", a == b, first_diff(a[1], b[1]))
    src = os.path.join(tmp, "st.schem")
    convert(src, os.path.join(tmp, "rt2.nbt"))
    convert(os.path.join(tmp, "rt2.nbt"), os.path.join(tmp, "rt2.litematic"))
    convert(os.path.join(tmp, "rt2.litematic"), os.path.join(tmp, "rt2.schem"))
    a, b = read_schem(src), read_schem(os.path.join(tmp, "rt2.schem"))
    check("structure voids and block entities survive .nbt -> .litematic -> .schem", a == b, first_diff(a[1], b[1]))


def bad_inputs(tmp):
    cases = {}
    f, root = load(os.path.join(tmp, "ours.nbt"))
    root["blocks"][0]["state"] = T.Int(99)
    cases["structure palette index out of range"] = (f, "palette index 99")
    f, root = load(os.path.join(tmp, "ours.litematic"))
    (reg,) = root["Regions"].values()
    reg["Size"]["x"] = T.Int(int(reg["Size"]["x"]) + 1)
    cases["litematic region size that disagrees with its BlockStates"] = (f, "BlockStates has")
    f, root = load(os.path.join(tmp, "ours.nbt"))
    root["size"] = T.List[T.Int]([T.Int(-4), T.Int(3), T.Int(5)])
    cases["structure negative size"] = (f, "negative")
    for n, (name, (doc, needle)) in enumerate(cases.items()):
        path = os.path.join(tmp, f"bad{n}" + (".litematic" if "litematic" in name else ".nbt"))
        doc.save(path)
        r = run("info", path)
        lines = r.stderr.strip().splitlines()
        check(f"bad input, {name}: one line naming the file", r.returncode != 0 and len(lines) == 1 and path in lines[0] and needle in lines[0], r.stderr)
    path = os.path.join(tmp, "cut.litematic")
    data = open(os.path.join(tmp, "ours.litematic"), "rb").read()
    open(path, "wb").write(data[: len(data) // 2])
    r = run("info", path)
    check("bad input, truncated litematic: one line naming the file", r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1 and path in r.stderr, r.stderr)


# ---------------------------------------------------------------- block names for the target version
# (1.16.5 state, the same block as 1.21 names it): the game's own renames, independent of our table.
RENAMED = [(("minecraft:grass", {}), "minecraft:short_grass"),
           (("minecraft:grass_path", {}), "minecraft:dirt_path"),
           (("minecraft:cauldron", {"level": "2"}), "minecraft:water_cauldron[level=2]"),
           # walls took their 1.16 sides (low/none/tall) at 1.16.0: a 1.16.5 wall stays as it is
           (("minecraft:cobblestone_wall", {"east": "low", "north": "none", "south": "none", "west": "tall",
                                            "up": "true", "waterlogged": "false"}),
            "minecraft:cobblestone_wall[east=low,north=none,south=none,up=true,waterlogged=false,west=tall]")]
FLOOR = ("minecraft:grass_block", {"snowy": "false"})


def new_world(tmp, name, data_version):
    """A world folder holding only a level.dat (written by nbtlib) and an empty region folder."""
    world = os.path.join(tmp, name)
    os.makedirs(os.path.join(world, "region"))
    version = T.Compound({"Id": T.Int(data_version), "Name": T.String(name), "Series": T.String("main"), "Snapshot": T.Byte(0)})
    data = T.Compound({"DataVersion": T.Int(data_version), "LevelName": T.String(name), "version": T.Int(19133), "Version": version})
    nbtlib.File({"": T.Compound({"Data": data})}, gzipped=True).save(os.path.join(world, "level.dat"))
    return world


def structure_file(path, data_version, top):
    """A 6x2x4 structure: a grass_block floor, above it `top` (a list of (name, props)) cycled."""
    states = [FLOOR] + top
    blocks = []
    for x in range(6):
        for z in range(4):
            blocks.append(T.Compound({"pos": T.List[T.Int]([T.Int(x), T.Int(0), T.Int(z)]), "state": T.Int(0)}))
            blocks.append(T.Compound({"pos": T.List[T.Int]([T.Int(x), T.Int(1), T.Int(z)]), "state": T.Int(1 + (x + z) % len(top))}))
    nbtlib.File({"": T.Compound({"DataVersion": T.Int(data_version), "size": T.List[T.Int]([T.Int(6), T.Int(2), T.Int(4)]),
                 "palette": palette_tag(states), "blocks": T.List[T.Compound](blocks),
                 "entities": T.List[T.Compound]()})}, gzipped=True).save(path)
    return {(x, 1, z): top[(x + z) % len(top)] for x in range(6) for z in range(4)}


def anvil_blocks(world, origin, positions):
    """{position: token} for the pasted voxels, read by anvil-parser2, and every palette name of chunk (0, 0)."""
    region = anvil.Region.from_file(os.path.join(world, "region", "r.0.0.mca"))
    chunk = region.get_chunk(0, 0)
    got = {}
    for (x, y, z) in positions:
        b = chunk.get_block(origin[0] + x, origin[1] + y, origin[2] + z)
        got[(x, y, z)] = norm(f"{b.namespace}:{b.id}", {k: str(v) for k, v in (b.properties or {}).items()})
    names = {str(p["Name"].value) for s in chunk.data["sections"] if "block_states" in s for p in s["block_states"]["palette"]}
    return got, names


def amulet_blocks(world, origin, positions):
    """{position: token} as Amulet reads them for Java 1.21, and every translation warning it logged."""
    import amulet                              # amulet-core: installed by the Makefile's venv
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    translator_log = logging.getLogger("PyMCTranslate")
    translator_log.addHandler(handler)
    translator_log.propagate = False
    logging.getLogger("amulet").setLevel(logging.CRITICAL)   # our bare level.dat lacks WorldGenSettings
    try:
        level = amulet.load_level(world)
        got = {}
        for (x, y, z) in positions:
            block = level.get_version_block(origin[0] + x, origin[1] + y, origin[2] + z, "minecraft:overworld", ("java", (1, 21, 0)))[0]
            got[(x, y, z)] = norm(f"{block.namespace}:{block.base_name}", {k: str(v.py_str) for k, v in block.properties.items()})
        level.close()
    finally:
        translator_log.removeHandler(handler)
        translator_log.propagate = True
    return got, log.getvalue().strip()


def without_waterlogged(token):
    name, _, props = token.partition("[")
    return norm(name, dict(p.split("=", 1) for p in props.rstrip("]").split(",") if p and not p.startswith("waterlogged=")))


def version_case(tmp):
    origin = (0, -60, 0)
    src = os.path.join(tmp, "v116.nbt")
    placed = structure_file(src, 2586, [state for state, _ in RENAMED])
    expected = {p: dict((norm(*old), new) for old, new in RENAMED)[norm(*s)] for p, s in placed.items()}
    expected.update({(x, 0, z): norm(*FLOOR) for x in range(6) for z in range(4)})
    world = new_world(tmp, "w121", 3953)
    r = run("paste", src, "--world", world, "--at", *map(str, origin))
    check("paste of 1.16.5 content into a 1.21 world exits 0 and reports the rename once",
          r.returncode == 0 and r.stdout.count("translated 1.16.5 → 1.21:") == 1
          and "minecraft:grass → minecraft:short_grass (6 voxels)" in r.stdout, r.stdout + r.stderr)
    got, names = anvil_blocks(world, origin, expected)
    check("anvil-parser2 reads the pasted 1.21 chunk: short_grass, dirt_path, water_cauldron, walls kept, no 1.16 names",
          got == expected and "minecraft:short_grass" in names and not names & {"minecraft:grass", "minecraft:grass_path"},
          f"{first_diff(got, expected)}; palette {sorted(names)}")
    got, warnings = amulet_blocks(world, origin, expected)
    dry = {p: without_waterlogged(t) for p, t in expected.items()}   # Amulet keeps waterlogging apart
    check("Amulet reads every pasted voxel as 1.21 names it, without a translation warning",
          got == dry and not warnings, f"{first_diff(got, dry)}; {warnings[:300]}")
    # Control: the same blocks claiming to be 1.21 already are pasted as they are, and Amulet says so.
    lie = os.path.join(tmp, "v121-untranslated.nbt")
    structure_file(lie, 3953, [state for state, _ in RENAMED])
    control = new_world(tmp, "w121-control", 3953)
    run("paste", lie, "--world", control, "--at", *map(str, origin))
    _, warnings = amulet_blocks(control, origin, expected)
    check("control: Amulet warns about 1.16 names left in a 1.21 chunk", "minecraft:grass" in warnings, warnings[:300])


def missing_case(tmp):
    origin = (0, -60, 0)
    src = os.path.join(tmp, "v121-cherry.nbt")
    placed = structure_file(src, 3953, [("minecraft:cherry_planks", {}), ("minecraft:stone", {})])
    world = new_world(tmp, "w1192", 3120)
    r = run("paste", src, "--world", world, "--at", *map(str, origin))
    lines = r.stderr.strip().splitlines()
    check("a block 1.19.2 lacks is refused by name and count, nothing written",
          r.returncode == 1 and len(lines) == 1 and "minecraft:cherry_planks (12 voxels)" in lines[0] and "--allow-missing" in lines[0]
          and not os.path.exists(os.path.join(world, "region", "r.0.0.mca")), r.stderr)
    r = run("paste", src, "--world", world, "--at", *map(str, origin), "--allow-missing")
    expected = {p: ("minecraft:air" if s[0] == "minecraft:cherry_planks" else norm(*s)) for p, s in placed.items()}
    got, _ = anvil_blocks(world, origin, expected) if r.returncode == 0 else ({}, set())
    check("--allow-missing writes air there and warns with the same names and counts",
          r.returncode == 0 and "warning:" in r.stderr and "minecraft:cherry_planks (12 voxels)" in r.stderr and got == expected,
          r.stderr + first_diff(got, expected))


def main():
    global WORLDGAN
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    WORLDGAN = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="worldgan-formats-") as tmp:
        for case in (litematic_case, mcedit_case, structure_case, round_trips, bad_inputs, version_case, missing_case):
            try:
                case(tmp)
            except Exception as e:   # one broken case must not hide the others
                check(case.__name__, False, f"{type(e).__name__}: {e}")
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
