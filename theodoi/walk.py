"""The files below the paths named, and every path that cannot be read, as a problem with a code.

The walk is iterative (any depth, no recursion), follows links to folders but never into a
folder it is already inside (a loop), and skips hidden names. A name that is not UTF-8 (a
Windows archive unzipped here) is kept as it is on disk; `display_name` shows it readably.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

# errno → (code, reason) for a path that cannot be opened or listed
_OS_ERRORS = {
    errno.EACCES: ("permission_denied", "permission denied"),
    errno.EPERM: ("permission_denied", "permission denied"),
    errno.ENAMETOOLONG: ("path_too_long", "the path is longer than the system allows"),
    errno.ELOOP: ("path_loop", "too many levels of links"),
    errno.ENOENT: ("not_found", "no such file"),
}


@dataclass(frozen=True)
class PathProblem:
    """A path that is not a readable regular file, and why (`code` as in `ingest --failed`)."""

    path: Path
    code: str
    message: str


def display_name(path: Path | str) -> str:
    """The path as text that any database and terminal take: bytes that are not UTF-8 become
    "\\xNN" (the name on disk is unchanged)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def os_problem(path: Path, error: OSError) -> PathProblem:
    """The problem an OSError on `path` stands for."""
    code, reason = _OS_ERRORS.get(error.errno, ("unreadable", error.strerror or type(error).__name__))
    return PathProblem(path, code, f"{display_name(path)}: {reason}")


def check_file(path: Path) -> PathProblem | None:
    """None when `path` is a regular file this process may open; else the problem."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ENOENT and os.path.islink(path):
            return PathProblem(path, "dangling_link", f"{display_name(path)}: a link to {display_name(os.readlink(path))}, "
                               "which does not exist")
        return os_problem(path, error)
    if stat.S_ISDIR(info.st_mode):
        return PathProblem(path, "is_a_folder", f"{display_name(path)}: a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return PathProblem(path, "not_regular_file", f"{display_name(path)}: a {_kind(info.st_mode)}, not a regular file")
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    except OSError as error:
        return os_problem(path, error)
    return None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "special file"


def walk(paths: Iterable[str | os.PathLike]) -> Iterator[Path | PathProblem]:
    """Files named, and the files below folders named (hidden names skipped), each folder's
    entries in name order; a path that cannot be listed or read comes as a PathProblem."""
    for raw in paths:
        path = Path(raw)
        if os.path.isdir(path):
            yield from _walk_folder(path)
        else:
            yield check_file(path) or path


def _walk_folder(root: Path) -> Iterator[Path | PathProblem]:
    """Depth first with an explicit stack; each entry remembers the folders it is inside
    (device, inode) so a link back to one of them is a loop, not an endless walk."""
    stack: list[tuple[Path, frozenset]] = [(root, frozenset())]
    while stack:
        folder, inside = stack.pop()
        try:
            info = os.stat(folder)
            key = (info.st_dev, info.st_ino)
            if key in inside:
                yield PathProblem(folder, "path_loop", f"{display_name(folder)}: a link back to a folder "
                                  "above it (a loop); not followed")
                continue
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: os.fsencode(entry.name))
        except OSError as error:
            yield os_problem(folder, error)
            continue
        inside = inside | {key}
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                is_folder = entry.is_dir()
            except OSError as error:
                yield os_problem(child, error)
                continue
            if is_folder:
                subfolders.append((child, inside))
            else:
                problem = check_file(child)
                if problem is not None and problem.code == "not_found" and not os.path.lexists(child):
                    continue  # removed while the folder was walked
                yield problem or child
        stack.extend(reversed(subfolders))
