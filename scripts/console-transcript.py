#!/usr/bin/env python3
"""Drives the console chat like a person: waits for each prompt before typing, prints the whole transcript.

Usage: scripts/console-transcript.py LINE [LINE ...]   (each LINE is typed at a prompt; 'wait:N' waits N seconds)
Runs ./sga with SGA_DATA_DIR from the environment (default: a fresh temporary folder).
"""
import os, subprocess, sys, tempfile, time

def main(lines):
    env = dict(os.environ)
    env.setdefault("SGA_DATA_DIR", tempfile.mkdtemp(prefix="sga-transcript-"))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = subprocess.Popen([os.path.join(root, "sga")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=env, cwd=root)
    out = []

    def read_until_prompt(timeout=120):
        buf = b""
        deadline = time.time() + timeout
        while not buf.endswith(b"\n> ") and not buf.endswith(b"Goodbye.\n"):
            if time.time() > deadline:
                break
            c = p.stdout.read(1)
            if not c:
                break
            buf += c
        text = buf.decode("utf-8", "replace")
        out.append(text)
        sys.stdout.write(text)
        sys.stdout.flush()

    read_until_prompt()
    for line in lines:
        if line.startswith("wait:"):
            time.sleep(float(line[5:]))
            continue
        sys.stdout.write(line + "\n")
        p.stdin.write((line + "\n").encode())
        p.stdin.flush()
        read_until_prompt()
    p.stdin.close()
    rest = p.stdout.read().decode("utf-8", "replace")
    sys.stdout.write(rest)
    p.wait()

if __name__ == "__main__":
    main(sys.argv[1:])
