"""A full room against gunicorn on SQLite: projector screens following the snapshot while phones join and vote.

    .venv/bin/python bench/workshop.py [--phones 60] [--screens 200] [--seconds 60] [--workers 2]

Loads the demo into a fresh SQLite file and starts gunicorn. Then, twice, a new workshop session on the demo's
ranking round: once with the phones alone, once with the screens polling `<projector link>/snapshot.json`
every second as well. The phones start evenly spread over the given seconds; each joins with the session code,
opens its ballot and casts it. Reports the cast's latency (median, p95) in both runs, the snapshot's latency,
how long a cast ballot takes to reach every screen, and errors.
"""
import argparse
import http.cookiejar
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import BIN, ROOT, start_server  # noqa: E402

ROUND = "brent-green-streets"


def start_session(env: dict, name: str) -> tuple[str, str]:
    """A new session on the demo's ranking round: (projector path, join code)."""
    output = subprocess.run([BIN / "flask", "--app", "wsgi", "workshops", "start", ROUND, "--name", name], cwd=ROOT,
                            env=env, check=True, capture_output=True, text=True).stdout.splitlines()
    code = next(line.split()[-1] for line in output if line.startswith("join code: "))
    return urllib.parse.urlsplit(output[-1]).path, code


def quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1] if len(values) > 1 else values[0]


class Phone:
    """One resident's phone: its own cookies; joins with the code on the big screen, then ranks and casts."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def _form(self, path: str, data: dict) -> str:
        return self.opener.open(self.base + path, data=urllib.parse.urlencode(data, doseq=True).encode()).read().decode()

    def join_and_cast(self, code: str, needs: list[str]) -> float:
        page = self.opener.open(f"{self.base}/w/{code}").read().decode()
        token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
        ballot = self._form(f"/w/{code}", {"csrf_token": token, "code": code, "display_name": ""})
        nonce = re.search(r'name="nonce" value="([^"]+)"', ballot).group(1)
        started = time.perf_counter()
        self._form(f"/rounds/{ROUND}/ballot", {"csrf_token": token, "nonce": nonce, "based_on": 0,
                                               "order": needs, "cast": "1"})
        return time.perf_counter() - started


def need_ids(base: str) -> list[str]:
    page = urllib.request.urlopen(f"{base}/rounds/{ROUND}/ballot").read().decode()
    return list(dict.fromkeys(re.findall(r'name="edit" value="add:(\d+)"', page)))


class Screens:
    """Projector screens, each polling the snapshot once a second; they note when each ballot count first shows."""

    def __init__(self, base: str, path: str, count: int):
        self.url = f"{base}{path}/snapshot.json"
        self.count, self.latencies, self.errors, self.seen = count, [], 0, []
        self.stop, self.lock = threading.Event(), threading.Lock()
        self.threads = [threading.Thread(target=self._poll, args=(n,), daemon=True) for n in range(count)]

    def __enter__(self):
        for n, thread in enumerate(self.threads):
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()

    def _poll(self, n: int) -> None:
        import json

        first_seen: dict[int, float] = {}
        self.stop.wait(n / self.count)  # screens spread over the second, as real ones drift apart
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                ballots = json.loads(urllib.request.urlopen(self.url, timeout=10).read())["ballots"]
                now = time.perf_counter()
                with self.lock:
                    self.latencies.append(now - started)
                first_seen.setdefault(ballots, now)
            except (OSError, ValueError, KeyError):
                with self.lock:
                    self.errors += 1
            self.stop.wait(max(0.0, 1.0 - (time.perf_counter() - started)))
        with self.lock:
            self.seen.append(first_seen)

    def delays(self, cast_done: list[float]) -> list[float]:
        """For each screen and each cast, how long after the k-th cast completed the screen showed k or more."""
        out = []
        for first_seen in self.seen:
            for k, done in enumerate(sorted(cast_done), start=1):
                shown = [t for count, t in first_seen.items() if count >= k and t >= done - 0.001]
                if shown:
                    out.append(min(shown) - done)
        return out


def room(base: str, code: str, phones: int, seconds: float, needs: list[str]):
    """The phones join and cast, starting evenly over `seconds`: (cast latencies, completion times, errors)."""
    latencies, done, errors, lock = [], [], [0], threading.Lock()
    begin = time.perf_counter()

    def one(n: int) -> None:
        time.sleep(max(0.0, begin + n * seconds / phones - time.perf_counter()))
        order = [needs[(n + i) % len(needs)] for i in range(min(2, len(needs)))]
        try:
            took = Phone(base).join_and_cast(code, order)
            with lock:
                latencies.append(took)
                done.append(time.perf_counter())
        except (OSError, AttributeError, urllib.error.HTTPError):
            with lock:
                errors[0] += 1

    threads = [threading.Thread(target=one, args=(n,)) for n in range(phones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, done, errors[0]


def snapshot_ballots(base: str, path: str) -> int:
    import json

    time.sleep(1.1)
    return json.loads(urllib.request.urlopen(f"{base}{path}/snapshot.json").read())["ballots"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--screens", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/bench.db", "SECRET_KEY": secrets.token_hex(16)}
        server, base = start_server(env, args.workers)
        try:
            needs = need_ids(base)
            print(f"{args.phones} phones join and cast within {args.seconds:.0f} s, gunicorn --workers {args.workers}, "
                  f"SQLite; load average before: {os.getloadavg()[0]:.1f}")
            alone_path, alone_code = start_session(env, "Phones alone")
            alone, _, alone_errors = room(base, alone_code, args.phones, args.seconds, needs)
            counted_alone = snapshot_ballots(base, alone_path)
            path, code = start_session(env, "Phones and screens")
            with Screens(base, path, args.screens) as screens:
                time.sleep(2)
                crowded, done, crowded_errors = room(base, code, args.phones, args.seconds, needs)
                time.sleep(2.5)
            counted = snapshot_ballots(base, path)
        finally:
            server.terminate()
            server.wait()
    report(args, alone, alone_errors, counted_alone, crowded, crowded_errors, counted, screens, done)


def report(args, alone, alone_errors, counted_alone, crowded, crowded_errors, counted, screens, done) -> None:
    ms = 1000

    def line(name, values, errors, counted_ballots):
        print(f"  {name:34} median {statistics.median(values) * ms:6.1f} ms   p95 {quantile(values, 0.95) * ms:6.1f} ms"
              f"   errors {errors}   ballots on the snapshot {counted_ballots}/{args.phones}")

    print("cast a ballot (POST, then the GET it redirects to)")
    line("phones alone", alone, alone_errors, counted_alone)
    line(f"with {args.screens} screens polling", crowded, crowded_errors, counted)
    p95_alone, p95_crowded = quantile(alone, 0.95), quantile(crowded, 0.95)
    print(f"  the screens add {(p95_crowded / p95_alone - 1):+.0%} to the cast p95")
    snap = screens.latencies
    print(f"snapshot.json, {len(snap)} requests from {args.screens} screens: median {statistics.median(snap) * ms:.1f} ms"
          f"   p95 {quantile(snap, 0.95) * ms:.1f} ms   max {max(snap) * ms:.1f} ms   errors {screens.errors}")
    delays = screens.delays(done)
    if delays:
        print(f"a cast ballot shows on a screen after: median {statistics.median(delays):.2f} s   "
              f"p95 {quantile(delays, 0.95):.2f} s   max {max(delays):.2f} s")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
