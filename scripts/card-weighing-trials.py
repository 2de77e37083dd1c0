#!/usr/bin/env python3
"""Tries other ways of weighing the guidance cards' readings, on the readings `weigh-cards --readings` wrote.

Each card's weights are learned as `weigh-cards` learns them (search-eval's Weighing: a penalised logistic regression
of whether a case needs the card, on the cases that need it and those where it would be spurious, then the bias moved
so that the card is spurious in no more of them than with the shipped weights), on every part but one, and read on the
part left out. Printed: cards missed (in how many cases) and cases with a spurious card, for the shipped weights, for
the weights learned as now, and for each trial (eval/DECISIONS.md, decision 80):

- each card also reading the other cards' readings (their closeness, their network, all of them, or whether a pattern
  decides them), or squares and products of its own closeness and network;
- the cases that only allow a card learned as needing it;
- other penalties on the weights;
- each card's cap on spurious cases scaled, card by card, to see what one card's spurious cases cost in missed ones.

    ./sga weigh-cards --parts 4 --readings /tmp/readings.tsv $(cat eval/sets-of-decision-67s-brief.txt)
    python3 scripts/card-weighing-trials.py /tmp/readings.tsv content/src/main/resources/guidance/margins.yml

Needs numpy. Run it on readings of development sets only (eval/README.md).
"""
import re
import sys

import numpy as np

# The features of CardReading#features, after matched and brought: where each sits in a card's readings.
NEAREST, NETWORK = 4, 7
FEATURES = slice(2, 10)


def read(path):
    with open(path, encoding="utf-8") as f:
        ids = f.readline().rstrip("\n").split("\t")
        parts, needed, allowed, readings = [], [], [], []
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) <= 3:
                continue  # it only asks what a word means: no card reads it
            need, allow = set(filter(None, cols[1].split(","))), set(filter(None, cols[2].split(",")))
            parts.append(int(cols[0]))
            needed.append([i in need for i in ids])
            allowed.append([i in allow for i in ids])
            readings.append([[float(v) for v in r.split(",")] for r in cols[3:]])
    return ids, np.array(parts), np.array(needed), np.array(allowed), np.array(readings)


def shipped_weights(path, ids):
    """Each card's card-weights in margins.yml, in the order of its keys (the bias last)."""
    weights, card, inside = {}, None, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+([A-Z_]+):\s*$", line)
            if m:
                card, inside = m.group(1), False
                continue
            if line.strip() == "card-weights:":
                inside, weights[card] = True, []
                continue
            m = re.match(r"\s+[a-z-]+: (-?[\d.]+)\s*$", line)
            if inside and m:
                weights[card].append(float(m.group(1)))
            else:
                inside = False
    missing = [i for i in ids if len(weights.get(i, [])) != 9]
    if missing:
        sys.exit(f"card-weighing-trials: {path}: no card-weights for {', '.join(missing)}")
    return {i: np.array(weights[i]) for i in ids}


def fit(x, y, penalty):
    """Penalised logistic regression by Newton's method, as Weighing.fit: the weights, then the bias."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x1 @ w, -50, 50)))
        g = x1.T @ (p - y)
        h = (x1 * (p * (1 - p))[:, None]).T @ x1
        g[:-1] += penalty * w[:-1]
        h[np.arange(len(w) - 1), np.arange(len(w) - 1)] += penalty
        d = np.linalg.solve(h, g)
        w -= d
        if np.abs(d).max() < 1e-10:
            break
    return w


def learn(x, wanted, unwanted, decided, room, penalty, allowed=None):
    """As Weighing.learn: fit, then the bias moved so that at most `room` unwanted cases are shown."""
    free = ~decided
    if allowed is None:
        w = fit(x[free & (wanted | unwanted)], wanted[free & (wanted | unwanted)].astype(float), penalty)
    else:
        w = fit(x[free], (wanted | allowed)[free].astype(float), penalty)
    s = np.hstack([x, np.ones((len(x), 1))]) @ w
    room -= int((decided & unwanted).sum())
    kept_out = np.sort(s[free & unwanted])
    scores = np.sort(s[free])
    if len(kept_out) == 0 or room >= len(kept_out):
        threshold = scores[0] - 1
    else:
        kept = kept_out[len(kept_out) - 1 - max(room, 0)]
        above = scores[scores > kept]
        threshold = (kept + (above.min() if len(above) else kept + 2)) / 2
    w[-1] -= threshold
    return w


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: card-weighing-trials.py READINGS.tsv MARGINS.yml")
    ids, parts, needed, allowed, r = read(sys.argv[1])
    n, cards = len(parts), len(ids)
    decided = (r[:, :, 0] > 0) | (r[:, :, 1] > 0)
    unwanted = ~needed & ~allowed
    shipped = np.zeros((n, cards), bool)
    for k, w in enumerate(shipped_weights(sys.argv[2], ids).values()):
        shipped[:, k] = decided[:, k] | (r[:, k, FEATURES] @ w[:-1] + w[-1] > 0)

    def features(k, extra):
        own = r[:, k, FEATURES]
        others = [j for j in range(cards) if j != k]
        more = {
            "own": None,
            "others' closeness": r[:, others][:, :, [NEAREST]].reshape(n, -1),
            "others' closeness and network": r[:, others][:, :, [NEAREST, NETWORK]].reshape(n, -1),
            "all others' readings": r[:, others][:, :, FEATURES].reshape(n, -1),
            "others' closeness, network, pattern": np.hstack([r[:, others][:, :, [NEAREST, NETWORK]].reshape(n, -1),
                                                              decided[:, others].astype(float)]),
            "own squares and products": np.column_stack([own[:, 2] * own[:, 5], own[:, 2] ** 2, own[:, 5] ** 2,
                                                         own[:, 6] * own[:, 7]]),
        }[extra]
        return own if more is None else np.hstack([own, more])

    def left_out(extra="own", penalty=1.0, allowed_as_needed=False, scale=1.0, only=None):
        shown = np.zeros((n, cards), bool)
        for k in range(cards) if only is None else [only]:
            x = features(k, extra)
            for part in np.unique(parts):
                learning, held = parts != part, parts == part
                room = int(scale * (shipped[learning, k] & unwanted[learning, k]).sum())
                w = learn(x[learning], needed[learning, k], unwanted[learning, k], decided[learning, k], room, penalty,
                          allowed[learning, k] if allowed_as_needed else None)
                shown[held, k] = decided[held, k] | (np.hstack([x[held], np.ones((held.sum(), 1))]) @ w > 0)
        return shown

    def line(label, shown):
        missed = needed & ~shown
        spurious = shown & unwanted
        print(f"{label:45s} {missed.sum():5d} ({missed.any(axis=1).sum():5d}) {spurious.any(axis=1).sum():8,d}", flush=True)

    print(f"{n:,} cases with readings, {len(np.unique(parts))} parts, each read by weights learned without it\n")
    print(f"{'':45s} {'cards missed':>13s} {'spurious':>8s}")
    line("shipped weights (learned from these cases)", shipped)
    for extra in ["own", "others' closeness", "others' closeness and network", "all others' readings",
                  "others' closeness, network, pattern", "own squares and products"]:
        line("penalty 1, " + extra, left_out(extra))
    line("penalty 1, allowed cases learned as needed", left_out(allowed_as_needed=True))
    for penalty in [10, 0.5, 0.3, 0.1, 0.01, 0]:
        line(f"penalty {penalty}", left_out(penalty=penalty))
    print("\neach card alone, its cap on spurious cases scaled (penalty 1): missed / spurious for that card")
    scales = [0.4, 0.6, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 2.0]
    for k in range(cards):
        figures = []
        for scale in scales:
            shown = left_out(scale=scale, only=k)[:, k]
            figures.append(f"{scale}: {(needed[:, k] & ~shown).sum()} / {(shown & unwanted[:, k]).sum()}")
        print(f"{ids[k]:22s} " + "  ".join(figures), flush=True)


if __name__ == "__main__":
    main()
