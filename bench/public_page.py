"""The public get-help page under load, beside its limit: the same page saved as a static file and
served by the same server.

gunicorn as `make run` starts it (2 workers, whitenoise), on loopback only; wrk (Debian's
package) with 50 connections for a bounded time against /en/get-help/ and against the identical
bytes under /static/. Prints one JSON line and a human line:
requests per second and p50/p95/p99 latency of each, and the ratio of the page's rate to the
static file's. Run with `make bench` or `.venv/bin/python bench/public_page.py [--seconds S]`.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/strehe_bench"
PAGE = "/en/get-help/"
WARM_UP_SECONDS = 3
# wrk prints what its Lua hook returns: rate and latency percentiles in microseconds.
REPORT = """
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - our own loopback server
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


def peak_rss_mb(pid: int) -> int:
    """The most memory process `pid` has held (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return 0


def server_peak_rss_mb(master: int) -> dict[str, int]:
    """Peak memory of gunicorn's master and of its largest worker (Linux /proc)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return {
        "master": peak_rss_mb(master),
        "worker_max": max((peak_rss_mb(int(pid)) for pid in children), default=0),
        "workers": len(children),
    }


def load(url: str, seconds: int, script: Path) -> dict[str, float]:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    output = subprocess.run(  # noqa: S603 - fixed arguments, our own loopback URL
        [wrk, "-t2", "-c50", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return {
        "rps": round(figures["requests"] / figures["seconds"], 1),
        "p50_ms": figures["p50"] / 1000,
        "p95_ms": figures["p95"] / 1000,
        "p99_ms": figures["p99"] / 1000,
        "errors": figures["errors"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()

    root = Path(__file__).resolve().parent.parent
    # The installation's own var/ (its keys open the benchmark database, see staff_pages.py).
    var = Path(os.environ.get("STREHE_VAR_DIR", root / "var"))
    static_copy = var / "static" / "bench-get-help.html"
    environment = {
        **os.environ,
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE),
        "DJANGO_SETTINGS_MODULE": "strehe.settings",
    }
    strehe = [sys.executable, "-m", "strehe.manage"]
    for command in (["migrate", "-v0"], ["loadreference", "-v0"], ["collectstatic", "--noinput"]):
        subprocess.run([*strehe, *command], env=environment, check=True, capture_output=True)  # noqa: S603

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [sys.executable, "-m", "gunicorn", "strehe.wsgi", "--workers", "2"]
    server = subprocess.Popen(  # noqa: S603
        [*gunicorn, "--bind", f"127.0.0.1:{port}"], env=environment, cwd=root
    )
    try:
        wait_until_up(base + PAGE)
        # The limit: the identical bytes as a static file. whitenoise indexes the static folder
        # when a worker starts, so the file is written first and the server started again.
        body = urllib.request.urlopen(base + PAGE).read()  # noqa: S310
        static_copy.write_bytes(body)
        server.terminate()
        server.wait()
        server = subprocess.Popen(  # noqa: S603
            [*gunicorn, "--bind", f"127.0.0.1:{port}"], env=environment, cwd=root
        )
        wait_until_up(base + "/static/bench-get-help.html")
        load_before = os.getloadavg()[0]
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(REPORT)
            script.flush()
            # Warm up first, unmeasured: until every worker has booted and served the page once,
            # requests queue behind a worker still importing Django or rendering its first page,
            # which measured a server's first seconds (p99 about 1 s) rather than its steady state.
            for url in (base + PAGE, base + "/static/bench-get-help.html"):
                load(url, WARM_UP_SECONDS, Path(script.name))
            page = load(base + PAGE, options.seconds, Path(script.name))
            static = load(base + "/static/bench-get-help.html", options.seconds, Path(script.name))
        memory = server_peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait()
        static_copy.unlink(missing_ok=True)

    ratio = round(page["rps"] / static["rps"], 3)
    print(
        json.dumps(
            {
                "bench": "public_get_help",
                "bytes": len(body),
                "page": page,
                "static_file": static,
                "server_peak_rss_mb": memory,
                "load_1min": round(load_before, 2),
                "ratio_to_limit": ratio,
            }
        )
    )
    print(
        f"{PAGE}: {page['rps']} req/s, p50 {page['p50_ms']} ms, p95 {page['p95_ms']} ms; "
        f"as a static file {static['rps']} req/s: {ratio:.1%} of the limit; largest worker "
        f"{memory['worker_max']} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
