"""With REDIS_URL set, the cache every process shares is Redis; without it, local memory, so that
`make run` needs nothing more."""

import os
import socket
import subprocess
import sys

from tests.conftest import need

PROBE = (
    "import django; django.setup();"
    "from django.core.cache import caches; cache = caches['default'];"
    "cache.set('strehe-probe', 'shared', 30);"
    "print(type(cache).__name__, cache.get('strehe-probe'))"
)


def run_probe(**environment: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "strehe.settings", **environment}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_without_redis_url_each_process_keeps_its_own_cache():
    assert run_probe(REDIS_URL="") == "LocMemCache shared"


def test_with_redis_url_the_cache_is_redis():
    need(redis_is_running(), "Redis is not running on 127.0.0.1:6379")
    assert run_probe(REDIS_URL="redis://127.0.0.1:6379/15") == "RedisCache shared"
