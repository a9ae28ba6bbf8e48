"""Limits on reading one file: time (`file_timeout`) and memory (`reader_memory_mb`), and reader
processes that never outlive the process that started them.

While a file is read a timer ticks every TICK seconds; it ends the reading with a
ReaderLimit when the time is up or the process has grown more than the memory guard since the
file began. ReaderLimit is a BaseException, so no parser's `except Exception` swallows it.
The timer's handler runs only between Python instructions, so reader processes also get hard
stops from the kernel: a CPU-time limit per file (a loop inside one C call is killed by
SIGXCPU, and the batch records the file as `reader_crashed`), an address-space limit (an
allocation inside C code fails), and death with the parent (Linux PR_SET_PDEATHSIG).
"""
from __future__ import annotations

import ctypes
import os
import resource
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator

TICK = 0.25
HARD_STOP = (1.5, 10)  # a reader process is killed after 1.5 × the time limit + 10 s of CPU on one file
PR_SET_PDEATHSIG = 1
_PAGE = os.sysconf("SC_PAGE_SIZE")
_hard_stop = False  # set in reader processes (init_reader): the kernel ends a file stuck in C code


class ReaderLimit(BaseException):
    """The reading of a file went over a limit: `code` is timeout or too_much_memory."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def resident_mb() -> float:
    """This process's resident memory in MB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * _PAGE / 1e6


@contextmanager
def reading_limits(seconds: float, memory_mb: float) -> Iterator[None]:
    """Raise ReaderLimit inside the block when it runs longer than `seconds` or grows more than
    `memory_mb` (0 = no limit). Only in the main thread (elsewhere the block runs unguarded)."""
    if not (seconds or memory_mb) or threading.current_thread() is not threading.main_thread():
        yield
        return
    started, baseline = time.monotonic(), resident_mb()

    def tick(_signum, _frame):
        elapsed = time.monotonic() - started
        if seconds and elapsed > seconds:
            raise ReaderLimit("timeout", f"reading took longer than {seconds:g} s (THEODOI_FILE_TIMEOUT)")
        grown = resident_mb() - baseline
        if memory_mb and grown > memory_mb:
            raise ReaderLimit("too_much_memory", f"reading used {grown:.0f} MB, over the guard of "
                              f"{memory_mb:g} MB (THEODOI_READER_MEMORY_MB)")

    previous = signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    cpu_limit = _hard_stop and seconds
    if cpu_limit:
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        _set_cpu_limit(int(used + HARD_STOP[0] * seconds + HARD_STOP[1]) + 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if cpu_limit:
            _set_cpu_limit(resource.RLIM_INFINITY)


def _set_cpu_limit(soft: int) -> None:
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    if hard != resource.RLIM_INFINITY and (soft == resource.RLIM_INFINITY or soft > hard):
        soft = hard  # never above what the system allows this process
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def init_reader(memory_mb: float) -> None:
    """In a new reader process: die with the parent, cap its memory (`cap_memory`), and let the
    kernel end a file that runs far past the time limit inside C code."""
    global _hard_stop
    _hard_stop = True
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the reader may outlive a killed parent
        pass
    if os.getppid() == 1:  # the parent died before the line above
        os._exit(1)
    cap_memory(memory_mb)


def cap_memory(memory_mb: float) -> None:
    """Cap the address space at what the process maps now plus twice the memory guard: a hard
    stop for allocations made inside C code (they fail with MemoryError). 0 = no cap."""
    if memory_mb:
        with open("/proc/self/statm") as handle:
            mapped = int(handle.read().split()[0]) * _PAGE
        cap = mapped + int(2 * memory_mb * 1e6)
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))
