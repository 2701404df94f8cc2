"""A drop folder: the files agencies deliver into a folder (by FTP or SFTP), told complete
once they stop changing, and moved aside once taken: to ``done/``, or to ``failed/`` with
a ``NAME.reason`` file beside them.

The folder is polled, not followed through the kernel's file events (inotify and the
``watchdog``/``watchfiles`` libraries over it): a file written on another host to a network
mount (NFS, SMB), where drop folders often are, sends no event, and a file is complete
only once its size and time have stayed the same for a while, which takes looking again
anyway. A look is one directory listing and a ``stat`` per file.

Only regular files at the top of the folder are taken, never a link, a pipe or what is in
a sub-folder (``done/`` and ``failed/`` among them), and never a name an uploader gives a
file still arriving (``TEMPORARY_SUFFIXES``, dotfiles, ``~``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wiredesk.errors import ConfigError

DONE = "done"
FAILED = "failed"
REASON_SUFFIX = ".reason"

# Names uploaders write a file under until it is complete, then rename it to its own:
# WinSCP's "NAME.filepart"; "NAME.part" and "NAME.partial" (many FTP and SFTP clients and
# downloaders); "NAME.tmp"/"NAME.temp" (agencies' own delivery scripts, Windows tools).
# Dotfiles cover the servers' and rsync's hidden names (ProFTPD's HiddenStores ".in.NAME.",
# Pure-FTPd's ".pureftpd-upload.*", rsync's ".NAME.XXXXXX") and editors' swap files;
# a "~" suffix is an editor's or a client's backup copy. Compared without case ("ITEM.TMP").
TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".filepart")
# How many other names a clash in done/ or failed/ tries ("item.1.xml", "item.2.xml"...).
MOST_CLASHES = 10_000


def is_temporary(name: str) -> bool:
    """Whether a name is one a file has while it is still arriving (or never to be taken)."""
    lowered = name.lower()
    return name.startswith(".") or name.endswith("~") or lowered.endswith(TEMPORARY_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Signature:
    """What tells that a file changed: its size, its modification time and its inode (a
    file renamed into place over another of the same size and time is another file)."""

    size: int
    modified_ns: int
    inode: int


@dataclass(slots=True)
class _Seen:
    signature: Signature
    since: float  # when the file was first seen with this signature (``look``'s clock)


class DropFolder:
    """A folder files are delivered into, with its ``done/`` and ``failed/`` sub-folders
    (made when missing). A ``ConfigError`` when it is no folder or they cannot be made."""

    def __init__(self, path: Path, *, settle_seconds: float) -> None:
        self.path = path
        self.settle_seconds = settle_seconds
        self.done = path / DONE
        self.failed = path / FAILED
        self._seen: dict[str, _Seen] = {}
        self._given_up: dict[str, Signature] = {}  # files that could not be moved aside
        if not path.is_dir():
            raise ConfigError(f"{path}: not a folder")
        for folder in (self.done, self.failed):
            try:
                folder.mkdir(exist_ok=True)
            except OSError as error:
                raise ConfigError(f"{folder}: cannot be made: {error.strerror}") from None

    def look(self, now: float) -> list[Path]:
        """The files that are complete at ``now`` (seconds on any clock that only goes
        forward: ``time.monotonic()``), oldest first, as they were delivered.

        A file is complete once its signature has stayed the same for the settle
        interval, between this look and the ones before it; a file first seen now is
        complete only if that interval is zero.
        """
        ready: list[tuple[Signature, str]] = []
        present: set[str] = set()
        for name, signature in self._files():
            present.add(name)
            if self._given_up.get(name) == signature:
                continue
            seen = self._seen.get(name)
            if seen is None or seen.signature != signature:
                seen = self._seen[name] = _Seen(signature, now)
            if now - seen.since >= self.settle_seconds:
                ready.append((signature, name))
        for name in set(self._seen) - present:  # renamed, moved or deleted meanwhile
            del self._seen[name]
        for name in set(self._given_up) - present:
            del self._given_up[name]
        ready.sort(key=lambda item: (item[0].modified_ns, item[1]))
        return [self.path / name for _signature, name in ready]

    def arriving(self) -> list[Path]:
        """The files seen by the last look that were not complete yet."""
        return [self.path / name for name in sorted(self._seen)]

    def _files(self) -> Iterator[tuple[str, Signature]]:
        """The regular files at the top of the folder that are not temporary, and their
        signatures; a file gone between the listing and its ``stat`` is left out."""
        try:
            listing = os.scandir(self.path)
        except OSError as error:  # removed, unmounted, no longer readable
            raise ConfigError(f"{self.path}: cannot be read: {error.strerror}") from None
        with listing as entries:
            for entry in entries:
                if is_temporary(entry.name):
                    continue
                try:
                    found = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISREG(found.st_mode):
                    yield entry.name, Signature(found.st_size, found.st_mtime_ns, found.st_ino)

    def move_done(self, path: Path) -> Path:
        """Move a taken file to ``done/``, under another name if its own is taken there
        (``item.1.xml``): where it went. An ``OSError`` if it cannot be moved."""
        self._seen.pop(path.name, None)
        self.done.mkdir(exist_ok=True)  # removed while watching: made again
        for target in _free_names(self.done, path.name):
            try:
                _place(path, target)
            except FileExistsError:  # another file took the name in between
                continue
            return target
        raise OSError(f"no free name for {path.name} in {self.done}")

    def move_failed(self, path: Path, reason: str) -> Path:
        """Move a file that could not be read to ``failed/``, with ``NAME.reason`` beside it
        saying why (written first, so a file in failed/ always has its reason)."""
        self._seen.pop(path.name, None)
        self.failed.mkdir(exist_ok=True)
        for target in _free_names(self.failed, path.name):
            reason_file = target.with_name(target.name + REASON_SUFFIX)
            try:
                with open(reason_file, "x", encoding="utf-8") as written:  # takes the name
                    written.write(reason.rstrip("\n") + "\n")
            except FileExistsError:
                continue
            try:
                _place(path, target)
            except FileExistsError:
                reason_file.unlink()
                continue
            except OSError:
                reason_file.unlink()
                raise
            return target
        raise OSError(f"no free name for {path.name} in {self.failed}")

    def give_up(self, path: Path) -> None:
        """Leave a file alone while it stays as it is (it could not be moved aside)."""
        self._seen.pop(path.name, None)
        try:
            found = path.stat(follow_symlinks=False)
        except OSError:
            return
        self._given_up[path.name] = Signature(found.st_size, found.st_mtime_ns, found.st_ino)


def _free_names(folder: Path, name: str) -> Iterator[Path]:
    """``folder/name``, then ``folder/stem.1.suffix``, ``stem.2.suffix``..., those not there yet."""
    stem, dot, suffix = name.rpartition(".")
    if not stem:  # no suffix (or a dotfile): the number goes at the end
        stem, dot, suffix = name, "", ""
    for number in range(MOST_CLASHES):
        candidate = folder / (name if number == 0 else f"{stem}.{number}{dot}{suffix}")
        if not os.path.lexists(candidate):
            yield candidate


def _place(path: Path, target: Path) -> None:
    """Move ``path`` to ``target``, never over a file already there (``FileExistsError``).

    A hard link then an unlink does that atomically; on a file system without hard
    links (some network mounts), or where linking another's file is refused, a rename
    to a name just checked to be free.
    """
    try:
        os.link(path, target)
    except FileExistsError:
        raise
    except OSError as error:
        if not path.exists():
            raise FileNotFoundError(error.errno, "the file is gone", str(path)) from None
        if os.path.lexists(target):
            raise FileExistsError(str(target)) from None
        os.rename(path, target)
        return
    os.unlink(path)
