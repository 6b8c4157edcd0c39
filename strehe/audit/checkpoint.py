"""The audit chain's anchor outside the database: the last checkpoint, in a file.

A hash chain shows an entry that was changed or removed from the middle, but not the newest
entries removed from the end, nor a log emptied whole: what is left still verifies. The checkpoint
(the head entry's number and hash, the number of entries and when it was taken) is written to a
file that the database role cannot touch (settings.AUDIT_CHECKPOINT_FILE, env
STREHE_AUDIT_CHECKPOINT, default var/audit_checkpoint); `strehe audit verify` then fails on a log
that no longer reaches it. Copy the file off the machine as well (a ticket, a backup), because
whoever holds the server's files can rewrite it too.
"""

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Checkpoint:
    seq: int  # the head entry's position in the chain; 0 for an empty log
    head_hash: str
    count: int  # entries in the log when it was taken
    written_at: str  # ISO 8601, UTC

    def describe(self, path: Path) -> str:
        when = datetime.fromisoformat(self.written_at).strftime("%Y-%m-%d %H:%M UTC")
        return f"the checkpoint in {path} (written {when})"


def checkpoint_path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_FILE)


class CheckpointUnreadable(Exception):
    pass


def checkpoint_read(path: Path) -> Checkpoint | None:
    """The stored checkpoint, None when there is none yet; CheckpointUnreadable when damaged."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Checkpoint(
            seq=int(data["seq"]),
            head_hash=str(data["head_hash"]),
            count=int(data["count"]),
            written_at=str(data["written_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CheckpointUnreadable(f"The checkpoint in {path} cannot be read: {error}.") from None


def checkpoint_write(path: Path, *, seq: int, head_hash: str, count: int) -> Checkpoint:
    """Replace the checkpoint in one step (write a new file, then rename it over the old one)."""
    checkpoint = Checkpoint(
        seq=seq,
        head_hash=head_hash,
        count=count,
        written_at=timezone.now().astimezone(UTC).isoformat(timespec="seconds"),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    partial.write_text(json.dumps(asdict(checkpoint), indent=2) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return checkpoint
