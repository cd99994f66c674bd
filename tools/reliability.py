#!/usr/bin/env python3
"""The index under abuse, measured (issue 23): too long for `cargo test`, whose short versions
are tests/reliability (a writer killed at five points, two writers at once).

  tools/reliability.py kills      [--qari BIN] [--collection DIR] [--points 20] [--seed 1]
  tools/reliability.py concurrent [--qari BIN] [--collection DIR] [--files 20000]
                                  [--seconds 60] [--searches 8] [--seed 1]

kills: a first index of the collection (default /work/bench-100k, never written to) is started
and killed (-9) at --points random moments within the time a first index takes, each time with
the index the last one left; every few points the file monitor (once there is one) is killed
too. Then one search runs to the end: it must say nothing on stderr, exit 0 and name exactly the
files `rg -l -F WORD` names, and the index must be the same file (never deleted and made again).
A run that finishes the index before its moment comes is started again on a new first index.

concurrent: --files articles of the collection are copied to a scratch folder (edits never
touch the shared collection); the index is built; then for --seconds: --searches `qari search`
loops, the reader in tmux searching again and again, the file monitor, and an editor that keeps
adding, changing (in place and by rename) and deleting articles, with and without WORD. Every
search must exit 0 (or 1) with nothing on stderr but the notice of a file deleted as it was read,
and be exact for every file not being edited while it
ran (the editor knows which files hold WORD; the rest are as `rg -l -F` found them at the
start). The monitor is killed (-9) every 10 s. Prints the counts; exit 1 on any error or
inexact result.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

WORD = "لبنان"


def env_for(home):
    env = dict(os.environ)
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"]:
        env.pop(var, None)
    env.update(
        LANG="C.UTF-8",
        TZ="UTC",
        HOME=home,
        XDG_DATA_HOME=f"{home}/data",
        XDG_CONFIG_HOME=f"{home}/config",
        XDG_CACHE_HOME=f"{home}/cache",
        XDG_RUNTIME_DIR=f"{home}/run",
    )
    os.makedirs(f"{home}/run", mode=0o700, exist_ok=True)
    return env


def rg(root, word):
    out = subprocess.run(["rg", "-l", "-F", word, root], capture_output=True, text=True)
    return set(out.stdout.split())


def search_cmd(args, root):
    return [args.qari, "search", "-l", "--sort", "path", WORD, root]


def index_file(home):
    d = f"{home}/data/qari"
    names = [n for n in os.listdir(d) if n.startswith("index-") and n.endswith(".db")] if os.path.isdir(d) else []
    return os.path.join(d, names[0]) if names else None


def monitors(home):
    """Pids of the file monitors started for this home's collections."""
    out = subprocess.run(["pgrep", "-f", f"qari monitor .* {home}/"], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def kills(args):
    rnd = random.Random(args.seed)
    home = tempfile.mkdtemp(prefix="qari-kills-")
    env = env_for(home)
    root = os.path.realpath(args.collection)
    # How long a first index takes here: one run to the end, in a home of its own.
    probe = tempfile.mkdtemp(prefix="qari-kills-probe-")
    t0 = time.monotonic()
    subprocess.run(search_cmd(args, root), env=env_for(probe), capture_output=True)
    full = time.monotonic() - t0
    for pid in monitors(probe):
        os.kill(pid, signal.SIGKILL)
    shutil.rmtree(probe, ignore_errors=True)
    print(f"a first index of {root}: {full:.1f} s")
    points = sorted(rnd.uniform(0.05, 0.95) * full for _ in range(args.points))
    inode = None
    monitor_kills = 0
    completed = 0
    for n, at in enumerate(points):
        child = subprocess.Popen(search_cmd(args, root), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        if child.poll() is not None:
            # It finished the index before the moment came: start a first index again.
            completed += 1
            for pid in monitors(home):
                os.kill(pid, signal.SIGKILL)
            f = index_file(home)
            for suffix in ["", "-wal", "-shm"]:
                if f and os.path.exists(f + suffix):
                    os.remove(f + suffix)
            inode = None
            print(f"point {n + 1}: the index was complete before {at:.1f} s; a new first index")
            child = subprocess.Popen(search_cmd(args, root), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(at)
        child.kill()
        child.wait()
        if n % 4 == 3:
            for pid in monitors(home):
                os.kill(pid, signal.SIGKILL)
                monitor_kills += 1
        f = index_file(home)
        if f:
            now = os.stat(f).st_ino
            if inode is not None and now != inode:
                print(f"point {n}: the index was made again (inode {inode} -> {now})")
                return 1
            inode = now
        print(f"point {n + 1}/{len(points)}: killed at {at:.1f} s")
    t0 = time.monotonic()
    out = subprocess.run(search_cmd(args, root), env=env, capture_output=True, text=True)
    took = time.monotonic() - t0
    got, expected = set(out.stdout.split()), rg(root, WORD)
    ok = out.returncode == 0 and not out.stderr and got == expected and os.stat(index_file(home)).st_ino == inode
    print(
        f"after {len(points)} kills of qari during a first index ({completed} runs finished before their moment and "
        f"were started again) and {monitor_kills} of the monitor: the search took {took:.1f} s, "
        f"exit {out.returncode}, stderr {out.stderr.strip()!r}, {len(got)} files, rg {len(expected)}, "
        f"missing {len(expected - got)}, extra {len(got - expected)}, same index file: "
        f"{os.stat(index_file(home)).st_ino == inode}"
    )
    for pid in monitors(home):
        os.kill(pid, signal.SIGKILL)
    shutil.rmtree(home, ignore_errors=True)
    return 0 if ok else 1


class Editor(threading.Thread):
    """Keeps editing the folder; knows which files hold WORD and when each was edited."""

    def __init__(self, root, holding, rnd):
        super().__init__(daemon=True)
        self.root, self.holding, self.rnd = root, holding, rnd
        self.lock = threading.Lock()
        self.busy = {}  # path -> [start, end or None] of its edits
        self.stop = False
        self.edits = 0
        self.files = sorted(
            os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt")
        )

    def edited_between(self, t0, t1):
        with self.lock:
            return {p for p, spans in self.busy.items() if any(s <= t1 and (e is None or e >= t0) for s, e in spans)}

    def run(self):
        n = 0
        while not self.stop:
            n += 1
            path = self.rnd.choice(self.files) if self.rnd.random() < 0.8 else os.path.join(self.root, f"new-{n}.txt")
            with self.lock:
                span = [time.monotonic(), None]
                self.busy.setdefault(path, []).append(span)
            kind = self.rnd.choice(["with", "without", "rename", "delete"])
            text = f"خبر {n}\n\nفقرة {'عن ' + WORD if kind in ('with', 'rename') else 'أخرى'} رقم {n}\n"
            if kind == "delete":
                try:
                    os.remove(path)
                except FileNotFoundError:
                    pass
                has = False
            elif kind == "rename":
                tmp = path + ".tmp-edit"
                with open(tmp, "w", encoding="utf-8") as f:
                    f.write(text)
                os.rename(tmp, path)
                has = True
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                has = kind == "with"
            with self.lock:
                if has:
                    self.holding.add(path)
                else:
                    self.holding.discard(path)
                span[1] = time.monotonic()
            if path not in self.files and kind != "delete":
                self.files.append(path)
            self.edits += 1
            time.sleep(self.rnd.uniform(0.02, 0.2))


def concurrent(args):
    rnd = random.Random(args.seed)
    home = tempfile.mkdtemp(prefix="qari-conc-")
    env = env_for(home)
    if args.no_monitor:
        os.makedirs(f"{home}/config/qari")
        with open(f"{home}/config/qari/config.toml", "w") as f:
            f.write("monitor = false\n")
    src = os.path.realpath(args.collection)
    root = os.path.join(home, "news")
    copied = 0
    for d in sorted(os.listdir(src)):
        if copied >= args.files:
            break
        sd = os.path.join(src, d)
        if not os.path.isdir(sd):
            continue
        os.makedirs(os.path.join(root, d))
        for f in sorted(os.listdir(sd)):
            if copied >= args.files:
                break
            shutil.copyfile(os.path.join(sd, f), os.path.join(root, d, f))
            copied += 1
    holding = rg(root, WORD)
    out = subprocess.run(search_cmd(args, root), env=env, capture_output=True, text=True)
    first = set(out.stdout.split())
    print(f"{copied} articles; first index: exit {out.returncode}, {len(first)} files, rg {len(holding)}")
    if first != holding or out.stderr:
        print(f"not exact before any edit: missing {len(holding - first)}, extra {len(first - holding)}, {out.stderr!r}")
        return 1
    editor = Editor(root, holding, rnd)
    stats = {"searches": 0, "errors": 0, "notices": 0, "inexact": 0, "checked": 0, "excluded": 0}
    lock = threading.Lock()
    end = time.monotonic() + args.seconds

    def searcher():
        while time.monotonic() < end:
            t0 = time.monotonic()
            out = subprocess.run(search_cmd(args, root), env=env, capture_output=True, text=True)
            got = set(out.stdout.split())
            # What the editor says now, and every file it touched since the search began.
            with editor.lock:
                truth = set(editor.holding)
                t1 = time.monotonic()
            edited = editor.edited_between(t0, t1)
            with lock:
                stats["searches"] += 1
                # A file deleted while the search read it is said skipped (a notice, not an
                # error), as is the list of them already shown ("as before").
                notices = [
                    line for line in out.stderr.splitlines()
                    if (line.startswith("skipped ") and line.split(": ")[0][len("skipped "):] in edited)
                    or line.endswith("skipped, as before (--verbose lists it)")
                ]
                stats["notices"] += len(notices)
                if out.returncode not in (0, 1) or len(notices) != len(out.stderr.splitlines()):
                    stats["errors"] += 1
                    print(f"error: exit {out.returncode}: {out.stderr.strip()}")
                    continue
                wrong = (got ^ truth) - edited
                stats["excluded"] += len(edited)
                stats["checked"] += 1
                if wrong:
                    stats["inexact"] += 1
                    for w in sorted(wrong)[:3]:
                        with editor.lock:
                            spans = [(round(a - t0, 3), b and round(b - t0, 3)) for a, b in editor.busy.get(w, [])]
                        print(f"inexact: {w}: found {w in got}, holds {w in truth}; "
                              f"search 0..{t1 - t0:.3f} s, its edits {spans}")

    # The reader in tmux, searching again and again.
    session = f"qari-conc-{os.getpid()}"
    shell_env = " ".join(f"{k}={v}" for k, v in env.items() if k in ("LANG", "TZ", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"))
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                    f"env {shell_env} {args.qari} {root}; echo QARI-EXITED $?; sleep 600"], check=True)
    tui = {"searches": 0, "errors": 0}

    def reader():
        time.sleep(2)
        while time.monotonic() < end:
            subprocess.run(["tmux", "send-keys", "-t", session, "Escape"])
            subprocess.run(["tmux", "send-keys", "-t", session, "/", "-l", WORD])
            subprocess.run(["tmux", "send-keys", "-t", session, "Enter"])
            time.sleep(2)
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            tui["searches"] += 1
            if any(w in screen for w in ("failed", "rebuilt", "QARI-EXITED", "error", "locked")):
                tui["errors"] += 1
                print("reader:", screen.strip()[-300:])

    killed = {"monitors": 0}

    def monitor_killer():
        # kill -9 of the monitor now and then: the searches start another.
        while time.monotonic() < end - 5:
            time.sleep(10)
            for pid in monitors(home):
                os.kill(pid, signal.SIGKILL)
                killed["monitors"] += 1

    editor.start()
    threads = [threading.Thread(target=searcher) for _ in range(args.searches)] + [
        threading.Thread(target=reader),
        threading.Thread(target=monitor_killer),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    editor.stop = True
    editor.join()
    mons = monitors(home)
    subprocess.run(["tmux", "kill-session", "-t", session])
    # Once the edits stop, one more search: exact for every file.
    out = subprocess.run(search_cmd(args, root), env=env, capture_output=True, text=True)
    final = set(out.stdout.split()) == rg(root, WORD) and not out.stderr
    print(
        f"{args.seconds} s, {args.searches} search loops + the reader + the monitor (killed -9 {killed['monitors']} times, "
        f"{len(mons)} running at the end), "
        f"{editor.edits} edits: {stats['searches']} searches, {stats['errors']} errors, {stats['inexact']} inexact, "
        f"{stats['notices']} notices of a file deleted as it was read "
        f"(checked {stats['checked']}, files being edited meanwhile left out: {stats['excluded']}); "
        f"the reader: {tui['searches']} searches, {tui['errors']} errors; the last search exact: {final}"
    )
    for pid in mons:
        os.kill(pid, signal.SIGKILL)
    shutil.rmtree(home, ignore_errors=True)
    return 0 if stats["errors"] == stats["inexact"] == tui["errors"] == 0 and final else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["kills", "concurrent"])
    p.add_argument("--qari", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "qari"))
    p.add_argument("--collection", default="/work/bench-100k")
    p.add_argument("--points", type=int, default=20)
    p.add_argument("--files", type=int, default=20000)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--searches", type=int, default=8)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-monitor", action="store_true", help="concurrent: with `monitor = false`")
    args = p.parse_args()
    args.qari = os.path.realpath(args.qari)
    sys.exit(kills(args) if args.what == "kills" else concurrent(args))


if __name__ == "__main__":
    main()
