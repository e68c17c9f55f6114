#!/usr/bin/env python3
"""Hand-made structures for judging sample quality (not fixtures of any test): each is built
from a few design rules with a seeded RNG and written as a Sponge v3 schematic.

usage: make_structures.py OUT_DIR [NAME ...]      (needs nbtlib; names: see STRUCTURES)

- colonnade 32x12x32: a paved floor, 2x2 stone-brick pillars 6-10 high on a grid, lanterns on
  some tops, vines on some sides.
- hamlet 40x14x40: grass with a path, four small oak houses (log corners, plank walls, glass
  windows, a door, stair roofs gabled along one axis), three trees.
- house 21x16x17: one gabled house (cobblestone base, plank walls, log frame, stair roof with a
  plank gable, chimney, porch with fences), on a grass plot.
- tower 15x30x15: a round stone-brick tower, taller than wide, windows, battlements, a roof.
- ship 36x14x14: a ship hull (oak planks, spruce keel, deck, mast with a wool sail) on water.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "bench"))
try:
    from mc import write_schem
except ImportError:  # ../shared is absent: a local copy of the writer's few lines
    import nbtlib

    def write_schem(path, size, vol, data_version=3955):
        w, h, l = size
        pal, data = {}, bytearray()
        for y in range(h):
            for z in range(l):
                for x in range(w):
                    v = pal.setdefault(vol.get((x, y, z), "minecraft:air"), len(pal))
                    while True:
                        b, v = v & 0x7F, v >> 7
                        data.append(b | 0x80 if v else b)
                        if not v:
                            break
        sch = nbtlib.Compound({
            "Version": nbtlib.Int(3), "DataVersion": nbtlib.Int(data_version),
            "Width": nbtlib.Short(w), "Height": nbtlib.Short(h), "Length": nbtlib.Short(l),
            "Blocks": nbtlib.Compound({
                "Palette": nbtlib.Compound({k: nbtlib.Int(v) for k, v in pal.items()}),
                "Data": nbtlib.ByteArray([b if b < 128 else b - 256 for b in data])})})
        nbtlib.File({"Schematic": sch}).save(path, gzipped=True)


def mc(name, **props):
    if props:
        return "minecraft:%s[%s]" % (name, ",".join("%s=%s" % kv for kv in sorted(props.items())))
    return "minecraft:" + name


def ground(vol, sx, sz, depth=2, top="grass_block"):
    for x in range(sx):
        for z in range(sz):
            vol[(x, 0, z)] = mc("dirt")
            for y in range(1, depth):
                vol[(x, y, z)] = mc("dirt")
            vol[(x, depth - 1, z)] = mc(top, snowy="false") if top == "grass_block" else mc(top)


def colonnade(rng):
    size = (32, 12, 32)
    vol = {}
    for x in range(32):
        for z in range(32):
            vol[(x, 0, z)] = mc("dirt")
            vol[(x, 1, z)] = mc(rng.choice(["stone_bricks", "stone_bricks", "andesite", "cobblestone"]))
    for px in range(3, 29, 7):
        for pz in range(3, 29, 7):
            h = rng.randint(6, 10)
            for dx in (0, 1):
                for dz in (0, 1):
                    for y in range(2, 2 + h):
                        vol[(px + dx, y, pz + dz)] = mc(rng.choice(["stone_bricks"] * 5 + ["mossy_stone_bricks"]))
            if rng.random() < 0.5:
                vol[(px, 2 + h, pz)] = mc("lantern", hanging="false", waterlogged="false")
            if rng.random() < 0.5:
                for y in range(2 + h // 2, 2 + h):
                    vol[(px - 1, y, pz)] = mc("vine", east="true", north="false", south="false", up="false", west="false")
    return size, vol


def house_at(vol, x0, z0, w, d, y0, rng, wall="oak_planks", frame="oak_log", roof="oak_stairs"):
    """A small house: footprint w x d at (x0, z0), walls 4 high from y0, roof gabled along x."""
    hgt = 4
    for x in range(x0, x0 + w):
        for z in range(z0, z0 + d):
            vol[(x, y0 - 1, z)] = mc("cobblestone")
            edge_x, edge_z = x in (x0, x0 + w - 1), z in (z0, z0 + d - 1)
            for y in range(y0, y0 + hgt):
                if edge_x and edge_z:
                    vol[(x, y, z)] = mc(frame, axis="y")
                elif edge_x or edge_z:
                    window = y in (y0 + 1, y0 + 2) and ((edge_z and (x - x0) % 3 == 2) or (edge_x and (z - z0) % 3 == 2))
                    vol[(x, y, z)] = mc("glass_pane", east="false", north="false", south="false", waterlogged="false", west="false") if window else mc(wall)
                else:
                    vol[(x, y, z)] = mc("air")
    dx = x0 + w // 2
    vol[(dx, y0, z0)] = mc("oak_door", facing="north", half="lower", hinge="left", open="false", powered="false")
    vol[(dx, y0 + 1, z0)] = mc("oak_door", facing="north", half="upper", hinge="left", open="false", powered="false")
    # gabled roof: stairs rising from both long sides (z) to a ridge
    layers = (d + 1) // 2 + 1
    for i in range(layers):
        y = y0 + hgt + i
        za, zb = z0 - 1 + i, z0 + d - i
        for x in range(x0 - 1, x0 + w + 1):
            if za < zb:
                vol[(x, y, za)] = mc(roof, facing="south", half="bottom", shape="straight", waterlogged="false")
                vol[(x, y, zb)] = mc(roof, facing="north", half="bottom", shape="straight", waterlogged="false")
            elif za == zb:
                vol[(x, y, za)] = mc("oak_slab", type="bottom", waterlogged="false")
        for x in (x0, x0 + w - 1):
            for z in range(za + 1, zb):
                vol[(x, y, z)] = mc(wall)


def tree_at(vol, x, z, y0, rng):
    h = rng.randint(4, 5)
    for y in range(y0, y0 + h):
        vol[(x, y, z)] = mc("oak_log", axis="y")
    for y in range(y0 + h - 2, y0 + h + 1):
        r = 2 if y < y0 + h else 1
        for dx in range(-r, r + 1):
            for dz in range(-r, r + 1):
                if (dx, dz) != (0, 0) or y == y0 + h:
                    if abs(dx) + abs(dz) <= r + 1 and (x + dx, y, z + dz) not in vol:
                        vol[(x + dx, y, z + dz)] = mc("oak_leaves", distance=str(max(1, abs(dx) + abs(dz))), persistent="false", waterlogged="false")


def hamlet(rng):
    size = (40, 14, 40)
    vol = {}
    ground(vol, 40, 40)
    for x in range(40):
        for z in (19, 20):
            vol[(x, 1, z)] = mc("dirt_path")
    for (x0, z0, w, d) in [(4, 5, 7, 6), (24, 4, 8, 7), (5, 26, 8, 6), (26, 25, 7, 7)]:
        house_at(vol, x0, z0, w, d, 2, rng)
    for (x, z) in [(17, 8), (18, 31), (35, 15)]:
        tree_at(vol, x, z, 2, rng)
    for _ in range(60):
        x, z = rng.randrange(40), rng.randrange(40)
        if (x, 2, z) not in vol and vol[(x, 1, z)].startswith("minecraft:grass_block"):
            vol[(x, 2, z)] = mc(rng.choice(["short_grass", "short_grass", "poppy", "dandelion"]))
    return size, vol


def house(rng):
    size = (21, 16, 17)
    vol = {}
    ground(vol, 21, 17)
    house_at(vol, 3, 4, 15, 9, 2, rng)
    # porch and fence on the door side
    for x in range(6, 15):
        vol[(x, 1, 2)] = mc("oak_planks")
        vol[(x, 1, 3)] = mc("oak_planks")
    for x in (6, 14):
        vol[(x, 2, 2)] = mc("oak_fence", east="false", north="false", south="false", waterlogged="false", west="false")
    for y in range(2, 14):
        vol[(15, y, 6)] = mc("bricks") if y >= 6 else vol.get((15, y, 6), mc("bricks"))
    return size, vol


def tower(rng):
    size = (15, 30, 15)
    vol = {}
    ground(vol, 15, 15, top="grass_block")
    cx = cz = 7
    for y in range(2, 26):
        for x in range(15):
            for z in range(15):
                r2 = (x - cx) ** 2 + (z - cz) ** 2
                if 16 <= r2 <= 30:
                    window = y % 6 == 4 and (x == cx or z == cz)
                    vol[(x, y, z)] = mc("glass") if window else mc(rng.choice(["stone_bricks"] * 6 + ["cracked_stone_bricks", "mossy_stone_bricks"]))
                elif r2 < 16 and y % 6 == 1:
                    vol[(x, y, z)] = mc("oak_planks")
    for x in range(15):
        for z in range(15):
            r2 = (x - cx) ** 2 + (z - cz) ** 2
            if 16 <= r2 <= 30 and (x + z) % 2 == 0:
                vol[(x, 26, z)] = mc("stone_bricks")
            if r2 <= 12:
                vol[(x, 27 + (12 - r2) // 5, z)] = mc("dark_oak_planks")
    return size, vol


def ship(rng):
    size = (36, 14, 14)
    vol = {}
    for x in range(36):
        for z in range(14):
            for y in range(0, 3):
                vol[(x, y, z)] = mc("water", level="0")
    cz = 6.5
    for x in range(3, 33):
        t = (x - 3) / 29.0
        half = 5.0 * (1 - (2 * t - 1) ** 4) + 0.6
        for y in range(1, 7):
            w = half * (0.55 + 0.45 * (y - 1) / 5.0)
            for z in range(14):
                dz = abs(z + 0.5 - 7)
                if dz <= w:
                    inside = dz <= w - 1 and y > 1
                    if y == 1:
                        vol[(x, y, z)] = mc("spruce_planks")
                    elif y == 6:
                        vol[(x, y, z)] = mc("oak_planks") if not inside else mc("spruce_planks")
                    else:
                        vol[(x, y, z)] = mc("air") if inside else mc("oak_planks")
    for y in range(7, 14):
        vol[(18, y, 7)] = mc("spruce_log", axis="y")
    for y in range(8, 13):
        for z in range(3, 11):
            vol[(19, y, z)] = mc("white_wool")
    return size, vol


STRUCTURES = {"colonnade": colonnade, "hamlet": hamlet, "house": house, "tower": tower, "ship": ship}


def main():
    out = sys.argv[1]
    names = sys.argv[2:] or list(STRUCTURES)
    os.makedirs(out, exist_ok=True)
    for name in names:
        size, vol = STRUCTURES[name](random.Random(7))
        path = os.path.join(out, name + ".schem")
        write_schem(path, size, vol)
        print("%s %dx%dx%d %d non-air" % (path, *size, sum(1 for v in vol.values() if v != "minecraft:air")))


if __name__ == "__main__":
    main()
