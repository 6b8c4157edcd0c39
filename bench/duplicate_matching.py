"""How fast duplicate checks run: normalising, keying and scoring names against a register.

Run with `make bench` (or .venv/bin/python bench/duplicate_matching.py). Prints a line per step
and one JSON line with the rates per second and the peak RSS; there is no limit to compare with.
"""

import json
import random
import resource
import time
from datetime import date

from strehe.cases.matching import name_similarity, normalise_name, person_match_key

GIVEN = [
    "Arbër",
    "Besa",
    "Driton",
    "Vlora",
    "Jovana",
    "Milica",
    "Đorđe",
    "Љубица",
    "Ненад",
    "Çlirim",
]
FAMILY = ["Krasniqi", "Gashi", "Berisha", "Hoxha", "Petrović", "Nikolić", "Јовановић", "Đurić"]
REGISTER_SIZE = 10_000


def timed(label: str, count: int, action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    elapsed = time.perf_counter() - start
    print(f"{label:<48} {count:>7} in {elapsed * 1000:8.1f} ms  ({count / elapsed:,.0f}/s)")
    return round(count / elapsed)


def main() -> None:
    rng = random.Random(5)  # noqa: S311 - synthetic names, not a secret
    register = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(REGISTER_SIZE)]
    key = b"bench key"
    born = date(1999, 1, 1)

    rates = {}
    rates["normalise_per_s"] = timed(
        "normalise_name", REGISTER_SIZE, lambda: [normalise_name(n) for n in register]
    )
    rates["match_key_per_s"] = timed(
        "person_match_key",
        REGISTER_SIZE,
        lambda: [person_match_key(n, born, key=key) for n in register],
    )
    rates["similarity_per_s"] = timed(
        "name_similarity, one name against the register",
        REGISTER_SIZE,
        lambda: [name_similarity("Arber Krasniqi", n) for n in register],
    )

    peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(
        json.dumps(
            {"bench": "duplicate_matching", "names": REGISTER_SIZE, **rates, "peak_rss_mb": peak}
        )
    )


if __name__ == "__main__":
    main()
