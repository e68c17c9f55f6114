#!/usr/bin/env python3
"""Interop tests: worldgan's files read back by independent readers (anvil-parser2, nbtlib).

Run by `make test-interop` (part of `make test`, so CI runs it) in a venv holding anvil-parser2 and
nbtlib from PyPI. Usage: interop_test.py WORLDGAN_BINARY SHARED_DIR

For real 1.16, 1.18 and 1.21 worlds (region files from ../shared/worlds/real around a level.dat):
  1. `worldgan extract` a box of existing chunks to a schematic; nbtlib reads the schematic and
     anvil-parser2 reads the same box from the world: both must agree block for block;
  2. `worldgan paste` that schematic elsewhere into a copy of the world (partly into chunks that
     do not exist yet); anvil-parser2 must read exactly the pasted blocks there, every chunk the
     paste did not touch must be byte-identical to before, and touched chunks must have dropped
     their heightmaps and light so the game recomputes them;
  3. `worldgan extract` the pasted box again: identical to the first schematic.
A real 1.13.2 region file with negative region coordinates (r.-1.-1): a box at negative x and z,
typed as users do (`--from -300 60 -300`, and `--from=-300,60,-300`), must match anvil-parser2.
Prints one line per check and ends with 'N passed, N failed'. Skips (exit 0, with a message)
when SHARED_DIR is absent unless WORLDGAN_REQUIRE_SHARED=1.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import anvil
import nbtlib

PASSED, FAILED = [], []


def check(name, ok, detail=""):
    (PASSED if ok else FAILED).append(name)
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else "  -- " + detail), flush=True)


def norm(name, props):
    name = name if ":" in name else "minecraft:" + name
    items = sorted(f"{k}={v}" for k, v in props.items())
    return name + ("[" + ",".join(items) + "]" if items else "")


def nbt_root(f):
    """The root compound of a loaded file: nbtlib 2 returns it, nbtlib 1 (which nbtschematic
    pins) keeps it under its name, "" for level.dat."""
    return f[""] if len(f) == 1 and "" in f else f


def read_schem(path):
    """(size, {(x,y,z): token}) via nbtlib, independent of worldgan."""
    root = nbt_root(nbtlib.load(path))
    s = root["Schematic"] if "Schematic" in root else root
    w, h, l = (int(s[k]) & 0xFFFF for k in ("Width", "Height", "Length"))
    blocks = s["Blocks"]
    inv = {int(v): k for k, v in blocks["Palette"].items()}
    ids, cur, shift = [], 0, 0
    for b in bytes(x & 0xFF for x in blocks["Data"]):
        cur |= (b & 0x7F) << shift
        if b & 0x80:
            shift += 7
        else:
            ids.append(cur)
            cur, shift = 0, 0
    vol = {}
    for y in range(h):
        for z in range(l):
            for x in range(w):
                name, _, props = inv[ids[x + z * w + y * w * l]].partition("[")
                pd = dict(p.split("=", 1) for p in props.rstrip("]").split(",") if p)
                vol[(x, y, z)] = norm(name, pd)
    return (w, h, l), vol


def region_chunks(path):
    """{(lx, lz): raw bytes (length + type + payload)} from a region file, read by hand."""
    data = open(path, "rb").read()
    out = {}
    for i in range(1024):
        off = int.from_bytes(data[i * 4:i * 4 + 3], "big")
        cnt = data[i * 4 + 3]
        if off == 0 or cnt == 0:
            continue
        start = off * 4096
        length = int.from_bytes(data[start:start + 4], "big")
        out[(i % 32, i // 32)] = data[start:start + 4 + length]
    return out


def chunk_nbt(raw):
    kind = raw[4]
    payload = raw[5:]
    if kind == 2:
        payload = zlib.decompress(payload)
    elif kind == 1:
        import gzip
        payload = gzip.decompress(payload)
    import io
    return nbt_root(nbtlib.File.parse(io.BytesIO(payload)))


def anvil_block(region, x, y, z):
    chunk = region.get_chunk((x >> 4) & 31, (z >> 4) & 31)
    b = chunk.get_block(x & 15, y, z & 15)
    return norm(b.namespace + ":" + b.id if getattr(b, "namespace", None) else b.id, dict(b.properties or {}))


def run(binary, *args):
    p = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout + p.stderr


def make_world(shared, tmp, region_rel, dv, name):
    world = os.path.join(tmp, name)
    os.makedirs(os.path.join(world, "region"))
    shutil.copy(os.path.join(shared, "worlds/real", region_rel), os.path.join(world, "region"))
    lvl = nbtlib.load(os.path.join(shared, "worlds/real/querz-nbt/nbt7/level.dat"))
    data = nbt_root(lvl)["Data"]
    data["DataVersion"] = nbtlib.Int(dv)
    data["Version"]["Id"] = nbtlib.Int(dv)
    data["LevelName"] = nbtlib.String(name)
    lvl.save(os.path.join(world, "level.dat"), gzipped=True)
    return world


CASES = [
    # name, region file, DataVersion, source box (from, to), paste origin
    ("1.16", "prismarine-provider-anvil/1.16/r.0.-1.mca", 2566, None),
    ("1.18", "prismarine-provider-anvil/1.18.2/r.0.0.mca", 2975, None),
    ("1.21", "prismarine-provider-anvil/1.21.1/r.0.0.mca", 3955, None),
]


def pick_box(region_path, region_xz, dv, any_status=False):
    """A 20x12x20 box inside 2x2 existing chunks (fully generated unless any_status), at y 60..71."""
    chunks = region_chunks(region_path)
    rx, rz = region_xz
    for (lx, lz) in sorted(chunks):
        if (lx + 1, lz) in chunks and (lx, lz + 1) in chunks and (lx + 1, lz + 1) in chunks:
            status = str(chunk_nbt(chunks[(lx, lz)]).get("Status", chunk_nbt(chunks[(lx, lz)]).get("Level", {}).get("Status", "")))
            if "full" not in status and not any_status:
                continue
            x0 = (rx * 32 + lx) * 16 + 6
            z0 = (rz * 32 + lz) * 16 + 6
            y0 = 60
            return (x0, y0, z0), (x0 + 19, y0 + 11, z0 + 19)
    return None


def region_xz(path):
    parts = os.path.basename(path).split(".")
    return int(parts[1]), int(parts[2])


def compare_world_box(region_dir, origin, vol, label):
    """anvil-parser2 reads exactly `vol` at `origin` (regions opened as needed)."""
    regions = {}
    mism = []
    for p, tok in vol.items():
        x, y, z = origin[0] + p[0], origin[1] + p[1], origin[2] + p[2]
        key = (x >> 9, z >> 9)
        if key not in regions:
            regions[key] = anvil.Region.from_file(os.path.join(region_dir, f"r.{key[0]}.{key[1]}.mca"))
        got = anvil_block(regions[key], x, y, z)
        if got != tok:
            mism.append((p, tok, got))
    check(label, not mism, f"{len(mism)} differ, e.g. {mism[:3]}")


def negative_checks(binary, shared, tmp):
    """Extract at negative x and z from 1.13.2 r.-1.-1, both ways of typing a triple, vs anvil-parser2."""
    rel = "prismarine-provider-anvil/1.13.2/r.-1.-1.mca"
    world = make_world(shared, tmp, rel, 1631, "world-1.13.2-negative")
    region_path = os.path.join(world, "region", os.path.basename(rel))
    # Its chunks are decorated/postprocessed, not "full": all hold their terrain blocks.
    box = pick_box(region_path, region_xz(region_path), 1631, any_status=True)
    if box is None:
        check("1.13.2 r.-1.-1: fixture has 2x2 chunks", False, "no box found")
        return
    a, b = box
    check("1.13.2 r.-1.-1: the box has negative x and z", a[0] < 0 and a[2] < 0 and b[0] < 0 and b[2] < 0, f"{a} {b}")
    region = anvil.Region.from_file(region_path)
    spellings = [
        ("three words", ["--from", *a, "--to", *b]),
        ("one word after =", ["--from=" + ",".join(map(str, a)), "--to=" + ",".join(map(str, b))]),
    ]
    for label, box_args in spellings:
        schem = os.path.join(tmp, "negative-" + label.replace(" ", "-") + ".schem")
        rc, out = run(binary, "extract", world, *box_args, "-o", schem)
        check(f"1.13.2 r.-1.-1: extract {' '.join(map(str, box_args))} exits 0", rc == 0, out.strip()[-500:])
        if rc != 0:
            continue
        size, vol = read_schem(schem)
        check(f"1.13.2 r.-1.-1 ({label}): schematic size", size == (20, 12, 20), str(size))
        mism = [(p, vol[p], anvil_block(region, a[0] + p[0], a[1] + p[1], a[2] + p[2]))
                for p in sorted(vol) if vol[p] != anvil_block(region, a[0] + p[0], a[1] + p[1], a[2] + p[2])]
        kinds = len(set(vol.values()))
        check(f"1.13.2 r.-1.-1 ({label}): extracted blocks equal anvil-parser2's ({kinds} block states)",
              not mism and kinds > 1, str(mism[:3]))


def generate_checks(binary, shared, tmp):
    """A tiny run on the shipped sample world; samples into a new world and into a real 1.21 world."""
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    schem = os.path.join(tmp, "small.schem")
    rc, out = run(binary, "extract", os.path.join(repo, "worlds/ruins"), "--from", 48, -63, 48, "--to", 71, -52, 71, "-o", schem)
    check("generate: extract the training box", rc == 0, out[-300:])
    run_dir = os.path.join(tmp, "run")
    rc, out = run(binary, "train", schem, "-o", run_dir, "--iterations", 3, "--nfc", 8, "--scale-factors", "0.5,1",
                  "--previews", 0, "--epochs", 2, "-q")
    check("generate: tiny training run", rc == 0, out[-300:])
    if rc != 0:
        return
    # a new world
    new_world = os.path.join(tmp, "new-world")
    rc, out = run(binary, "generate", run_dir, "--count", 2, "--seed", 4, "-o", os.path.join(tmp, "nw"), "--new-world", new_world, "-q")
    check("generate --new-world exits 0", rc == 0, out[-300:])
    if rc == 0:
        lvl = nbt_root(nbtlib.load(os.path.join(new_world, "level.dat")))["Data"]
        check("new world: level.dat read by nbtlib", int(lvl["DataVersion"]) == 4671 and "WorldGenSettings" in lvl
              and "spawn" in lvl and str(lvl["Version"]["Name"]) == "1.21.11", str(list(lvl.keys())))
        _, vol = read_schem(os.path.join(tmp, "nw", "sample-0.schem"))
        compare_world_box(os.path.join(new_world, "region"), (0, -62, 0), vol, "new world: anvil-parser2 reads sample 0")
    # an existing real 1.21 world: samples tiled from (40, 70, 40), partly over existing chunks
    world = make_world(shared, tmp, "prismarine-provider-anvil/1.21.1/r.0.0.mca", 3955, "gen-world")
    region_path = os.path.join(world, "region", "r.0.0.mca")
    before = region_chunks(region_path)
    rc, out = run(binary, "generate", run_dir, "--count", 2, "--seed", 9, "-o", os.path.join(tmp, "gw"),
                  "--world", world, "--at", 40, 70, 40, "--spacing", 3, "-q")
    check("generate --world exits 0", rc == 0, out[-300:])
    if rc == 0:
        _, v0 = read_schem(os.path.join(tmp, "gw", "sample-0.schem"))
        size, v1 = read_schem(os.path.join(tmp, "gw", "sample-1.schem"))
        compare_world_box(os.path.dirname(region_path), (40, 70, 40), v0, "existing world: sample 0 in place")
        compare_world_box(os.path.dirname(region_path), (40 + size[0] + 3, 70, 40), v1, "existing world: sample 1 in place")
        after = region_chunks(region_path)
        touched = {(((x >> 4) & 31), ((z >> 4) & 31)) for x in range(40, 40 + 2 * size[0] + 3) for z in range(40, 40 + size[2])}
        changed = [k for k in before if k not in touched and before[k] != after.get(k)]
        check("existing world: untouched chunks byte-identical", not changed, str(changed[:5]))


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    if not os.path.isdir(os.path.join(shared, "worlds/real")):
        if os.environ.get("WORLDGAN_REQUIRE_SHARED") == "1":
            print(f"FAIL  ../shared not found at {shared} (WORLDGAN_REQUIRE_SHARED=1)")
            print("0 passed, 1 failed")
            return 1
        print(f"skipped: interop tests need ../shared beside the checkout ({shared} not found)")
        return 0
    tmp = tempfile.mkdtemp(prefix="worldgan-interop-")
    try:
        for name, rel, dv, _ in CASES:
            world = make_world(shared, tmp, rel, dv, "world-" + name)
            region_path = os.path.join(world, "region", os.path.basename(rel))
            rxz = region_xz(region_path)
            box = pick_box(region_path, rxz, dv)
            if box is None:
                check(f"{name}: fixture has 2x2 full chunks", False, "no box found")
                continue
            (a, b) = box
            schem1 = os.path.join(tmp, f"{name}-a.schem")
            rc, out = run(binary, "extract", world, "--from", *a, "--to", *b, "-o", schem1)
            check(f"{name}: extract exits 0", rc == 0, out.strip()[-500:])
            if rc != 0:
                continue
            size, vol = read_schem(schem1)
            check(f"{name}: schematic size", size == (20, 12, 20), str(size))
            region = anvil.Region.from_file(region_path)
            mism = [(p, vol[p], anvil_block(region, a[0] + p[0], a[1] + p[1], a[2] + p[2]))
                    for p in sorted(vol) if vol[p] != anvil_block(region, a[0] + p[0], a[1] + p[1], a[2] + p[2])]
            check(f"{name}: extracted blocks equal anvil-parser2's", not mism, str(mism[:3]))

            # paste 40 blocks east (x) so the box straddles into other chunks; near the region's
            # edge some of them may not exist yet and must be created
            before = region_chunks(region_path)
            at = (a[0] + 40, a[1], a[2] + 8)
            rc, out = run(binary, "paste", schem1, "--world", world, "--at", *at)
            check(f"{name}: paste exits 0", rc == 0, out.strip()[-500:])
            if rc != 0:
                continue
            after = region_chunks(region_path)
            touched = {((x >> 4) & 31, (z >> 4) & 31) for x in range(at[0], at[0] + 20) for z in range(at[2], at[2] + 20)}
            changed_untouched = [k for k in before if k not in touched and before[k] != after.get(k)]
            check(f"{name}: untouched chunks byte-identical", not changed_untouched, str(changed_untouched[:5]))
            region = anvil.Region.from_file(region_path)
            mism = []
            for p, tok in vol.items():
                got = anvil_block(region, at[0] + p[0], at[1] + p[1], at[2] + p[2])
                if got != tok:
                    mism.append((p, tok, got))
            check(f"{name}: anvil-parser2 reads the pasted blocks", not mism, f"{len(mism)} differ, e.g. {mism[:3]}")
            relit = []
            for k in touched:
                root = chunk_nbt(after[k])
                level = root.get("Level", root)
                if "Heightmaps" in level and len(level["Heightmaps"]) > 0:
                    relit.append((k, "Heightmaps kept"))
                if int(level.get("isLightOn", 0)) != 0:
                    relit.append((k, "isLightOn set"))
            check(f"{name}: touched chunks drop heightmaps and light", not relit, str(relit[:3]))
            schem2 = os.path.join(tmp, f"{name}-b.schem")
            rc, out = run(binary, "extract", world, "--from", *at, "--to", at[0] + 19, at[1] + 11, at[2] + 19, "-o", schem2)
            size2, vol2 = read_schem(schem2) if rc == 0 else (None, {})
            check(f"{name}: extract after paste equals the original", rc == 0 and vol2 == vol, out.strip()[-300:])
        negative_checks(binary, shared, tmp)
        generate_checks(binary, shared, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
