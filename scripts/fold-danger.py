#!/usr/bin/env python3
"""Folds the danger labels of safety sets into search/danger.yml.

Each message labelled danger now goes under the situation an assignment file names for it (JSON Lines, `q` and
`situation`: the closest situation, by the sentence embeddings, of those whose cards the writer needed or allowed);
each message labelled not danger now becomes a calm phrasing. A message the file already has, or one given earlier,
is left out (the bot refuses a phrasing given twice). New examples go at the end of their situation's examples, new
calm phrasings at the end of the file, so the file's hand-written parts stay as they are.

    python3 scripts/fold-danger.py content/src/main/resources/search/danger.yml ASSIGNMENT.jsonl SET.jsonl...
"""
import json
import re
import sys


def key(text):
    return re.sub(r"[^\w ]", "", " ".join(str(text).lower().split()))


def phrasing(line):
    m = re.match(r"\s*- (.*)$", line)
    if not m:
        return None
    text = m.group(1).strip()
    if text[:1] == '"':
        try:
            return json.loads(text)
        except ValueError:
            return text.strip('"')
    return text.strip("'")


def main(danger_file, assignment_file, sets):
    with open(danger_file, encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    known = {key(p) for p in map(phrasing, lines) if p}
    assigned = {}
    with open(assignment_file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                assigned[key(row["q"])] = row["situation"]
    examples, calm, skipped = {}, [], 0
    for path in sets:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                case = json.loads(line)
                text = " ".join(case["q"].split())
                if case["danger"] is None or not text:
                    continue
                if key(text) in known:
                    skipped += 1
                    continue
                known.add(key(text))
                if case["danger"]:
                    if key(text) not in assigned:
                        sys.exit(f"{path}: no situation assigned to {text!r}")
                    examples.setdefault(assigned[key(text)], []).append(text)
                else:
                    calm.append(text)
    # where each situation's examples end: the last list item after its `examples:` key
    situation, in_examples, ends = None, False, {}
    for i, line in enumerate(lines):
        m = re.match(r"  - id: (\S+)", line)
        if m:
            situation, in_examples = m.group(1), False
        elif re.match(r"    examples:", line):
            in_examples = True
        elif re.match(r"    \S", line) or re.match(r"\S", line):
            in_examples = False
        elif in_examples and re.match(r"      - ", line):
            ends[situation] = i
    unknown = set(examples) - set(ends)
    if unknown:
        sys.exit(f"no examples list for situations {sorted(unknown)}")
    for sid in sorted(examples, key=lambda s: -ends[s]):
        new = [f"      - {json.dumps(t, ensure_ascii=False)}" for t in examples[sid]]
        lines[ends[sid] + 1:ends[sid] + 1] = new
    lines += [f"  - {json.dumps(t, ensure_ascii=False)}" for t in calm]
    with open(danger_file, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{sum(map(len, examples.values()))} danger examples "
          f"({', '.join(f'{s} {len(v)}' for s, v in sorted(examples.items()))}), {len(calm)} calm phrasings, "
          f"{skipped} already in the file or given twice")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
