"""Extraction workers that die with the process that started them.

Contract: ``die_with_parent(parent_pid)`` is a ProcessPoolExecutor initializer. On Linux it
asks the kernel to SIGKILL the worker when its parent dies (prctl PR_SET_PDEATHSIG, via
ctypes); on every platform a daemon thread checks every ``WATCH_SECONDS`` that the parent is
still the same process and ends the worker at once if not (covering a parent that died before
prctl took effect, and systems without prctl). A worker therefore never outlives a killed load
by more than a second.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still ends the worker
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before prctl took effect
    threading.Thread(target=_watch, args=(parent_pid,), daemon=True, name="parent-watchdog").start()


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
