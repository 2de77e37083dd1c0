#!/usr/bin/env python3
"""Writes the `labelled:` list at the end of guidance/cards.yml from labelled safety sets (JSON Lines, as eval/safety/).

Each case becomes one labelled message: `cards` are the cards it needs (its `guidance`), `may_show` the cards it may
also show (its `allow`), `never_quote` the sections it must not be answered from (its `forbid`). A message the card file already has (as an example, a near miss or a no-card phrasing), or
one given earlier in the sets, is left out; the bot refuses a phrasing given twice. Everything from the `labelled:`
comment to the end of the file is replaced, so running it again with the same sets changes nothing.

    python3 scripts/fold-labelled.py content/src/main/resources/guidance/cards.yml eval/safety/*.jsonl
"""
import json
import re
import sys

MARKER = "# Labelled staff messages:"
HEADER = """# Labelled staff messages: what staff wrote, each labelled by safeguarding leads with the cards it needs (`cards`,
# [] for none), the cards it may also show (`may_show`) and the sections that would read as the wrong advice quoted as
# its answer (`never_quote`). The cards' classifiers learn from them as well as from the examples: a message teaches
# each card it needs and counts against each card it neither needs nor may show; a section that at least half of the
# messages nearest a question never quote is not quoted to it (margins.yml, never-quote-nearest). Unlike the
# examples, the danger check does not read them as calm. Written by scripts/fold-labelled.py from the safety sets
# eval/INDEX.md lists as folded; those sets no longer measure anything unseen.
labelled:
"""


def key(text):
    """The same text whatever its spacing, case or punctuation (stricter than the bot's own check of repeats)."""
    return re.sub(r"[^\w ]", "", " ".join(str(text).lower().split()))


def known_phrasings(lines):
    known = set()
    for line in lines:
        m = re.match(r"\s*- (.*)$", line)
        if m:
            text = m.group(1).strip()
            if text[:1] in "'\"":
                try:
                    import yaml
                    text = yaml.safe_load(text)
                except Exception:
                    pass
            known.add(key(text))
    return known


def main(cards_file, sets):
    with open(cards_file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith(MARKER):
            lines = lines[:i]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    known = known_phrasings(lines)
    out, skipped = [], 0
    for path in sets:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                case = json.loads(line)
                text = " ".join(case["q"].split())
                if key(text) in known or not text:
                    skipped += 1
                    continue
                known.add(key(text))
                cards = ", ".join(case.get("guidance") or [])
                may = [c for c in case.get("allow") or [] if c not in (case.get("guidance") or [])]
                entry = "  - {message: " + json.dumps(text, ensure_ascii=False) + ", cards: [" + cards + "]"
                if may:
                    entry += ", may_show: [" + ", ".join(may) + "]"
                never = [s for s in dict.fromkeys(case.get("forbid") or []) if re.fullmatch(r"[a-z0-9-]+#[0-9.]+", s)]
                if never:
                    entry += ", never_quote: [" + ", ".join(never) + "]"
                out.append(entry + "}")
    with open(cards_file, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n\n" + HEADER + "\n".join(out) + "\n")
    print(f"{len(out)} labelled messages from {len(sets)} sets ({skipped} already in the file or given twice)")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
