"""Layout: positions for the page, spaced for the labels — a force layout per connected component (repulsion from
a fixed-size sample of the others above 300 nodes, so time grows linearly), label boxes pushed apart, and
components packed in rows, largest first."""
from __future__ import annotations

import numpy as np

FONT = 14                       # px of a label at zoom 1 (the page's node font)
ROW = 44                        # px a node and its label below it take in height
DENSE_MAX = 300                 # above this, repulsion is estimated from a sample
SAMPLE = 200
ASPECT = 1.75                   # width to height of a typical window: components are packed in rows this wide


def label_width(text: str) -> float:
    return sum(FONT if ord(c) > 0x2E7F else FONT * 0.6 for c in text) + 12


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for a, b in edges:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _forces(k: int, edges: np.ndarray, rng: np.random.Generator, iterations: int = 80) -> np.ndarray:
    """Fruchterman–Reingold on k nodes in the unit square: optimal distance 1/sqrt(k)."""
    pos = rng.random((k, 2))
    ideal = 1 / np.sqrt(k)
    step = 0.1
    for _ in range(iterations):
        if k <= DENSE_MAX:
            delta = pos[:, None, :] - pos[None, :, :]
            dist2 = np.maximum((delta ** 2).sum(-1), 1e-6)
            disp = (delta * (ideal ** 2 / dist2)[:, :, None]).sum(1)
        else:
            other = rng.integers(0, k, SAMPLE)
            delta = pos[:, None, :] - pos[None, other, :]
            dist2 = np.maximum((delta ** 2).sum(-1), 1e-6)
            disp = (delta * (ideal ** 2 / dist2)[:, :, None]).sum(1) * (k / SAMPLE)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = d * (np.sqrt((d ** 2).sum(-1)) / ideal)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, step)[:, None]
        step *= 0.95
    return pos


def _spread(pos: np.ndarray, widths: np.ndarray, rounds: int = 150) -> np.ndarray:
    """Push overlapping label boxes apart along the axis where they overlap least (nearby pairs, by grid cell)."""
    for _ in range(rounds):
        cell = np.floor(pos / [widths.max(), ROW]).astype(int)
        buckets: dict[tuple[int, int], list[int]] = {}
        for i, (cx, cy) in enumerate(map(tuple, cell)):
            buckets.setdefault((cx, cy), []).append(i)
        moved = False
        shift = np.zeros_like(pos)
        for (cx, cy), members in buckets.items():
            near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in buckets.get((cx + dx, cy + dy), ())]
            for i in members:
                for j in near:
                    if j <= i:
                        continue
                    ox_ = (widths[i] + widths[j]) / 2 - abs(pos[i, 0] - pos[j, 0])
                    oy = ROW - abs(pos[i, 1] - pos[j, 1])
                    if ox_ <= 0 or oy <= 0:
                        continue
                    moved = True
                    if ox_ < oy * 2:
                        s = ox_ / 2 + 1 if pos[i, 0] >= pos[j, 0] else -ox_ / 2 - 1
                        shift[i, 0] += s
                        shift[j, 0] -= s
                    else:
                        s = oy / 2 + 1 if pos[i, 1] >= pos[j, 1] else -oy / 2 - 1
                        shift[i, 1] += s
                        shift[j, 1] -= s
        if not moved:
            break
        pos = pos + shift
    return pos


def layout(labels: list[str], edges: list[tuple[int, int]], seed: int = 7) -> np.ndarray:
    """(x, y) in page pixels for every label, so that labels at zoom 1 rarely overlap."""
    n = len(labels)
    if not n:
        return np.zeros((0, 2))
    widths = np.array([label_width(t) for t in labels])
    rng = np.random.default_rng(seed)
    out = np.zeros((n, 2))
    blocks = []
    for members in _components(n, edges):
        local = {g: i for i, g in enumerate(members)}
        e = np.array([(local[a], local[b]) for a, b in edges if a in local and a != b], dtype=int).reshape(-1, 2)
        k = len(members)
        w = widths[members]
        if k == 1:
            pos = np.zeros((1, 2))
        else:
            # the ideal distance becomes the room a typical label needs
            pos = _forces(k, e, rng) * np.sqrt(k) * (w.mean() + ROW) * 0.25 * [np.sqrt(ASPECT), 1 / np.sqrt(ASPECT)]
            pos = _spread(pos, w)
        pos -= pos.min(0)
        blocks.append((members, pos, pos.max(0) + [w.max(), ROW]))
    linked = [b for b in blocks if len(b[0]) > 1] or blocks     # isolated nodes (hidden at first) go below
    row_width = max(np.sqrt(sum(float(b[2][0] * b[2][1]) for b in linked) * ASPECT), blocks[0][2][0])
    x = y = row_height = 0.0
    for members, pos, (bw, bh) in blocks:
        if x and x + bw > row_width:
            x, y, row_height = 0.0, y + row_height + ROW, 0.0
        out[members] = pos + [x, y]
        x += bw + FONT * 2
        row_height = max(row_height, bh)
    return out - out[[i for b in linked for i in b[0]]].mean(0)


def overlaps(labels: list[str], pos: np.ndarray) -> int:
    """How many labels overlap another one at zoom 1 (the measure the layout is tested on)."""
    widths = np.array([label_width(t) for t in labels])
    dx = np.abs(pos[:, None, 0] - pos[None, :, 0]) < (widths[:, None] + widths[None, :]) / 2
    dy = np.abs(pos[:, None, 1] - pos[None, :, 1]) < ROW
    hit = dx & dy
    np.fill_diagonal(hit, False)
    return int(hit.any(1).sum())
