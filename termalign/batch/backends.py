"""Where the pairs run: a local process pool, or a ``dask.distributed`` cluster.

Both back-ends offer the same two operations (``submit``, ``close``) and futures with
``add_done_callback``, so the runner keeps one loop (:class:`Window`) with a bounded number of
tasks in flight. ``dask`` is imported only when a Dask back-end is asked for
(``pip install 'termalign[dask]'``).

With a remote scheduler, the workers read the inputs and write the TMX files at the paths the
client gives them: the folders must be on a file system all machines share, at the same path.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
import uuid
from collections.abc import Callable

from termalign.batch.errors import CorpusError

#: How often a pool worker checks that the process that started the run is still there.
PARENT_CHECK_SECONDS = 0.5


def _init_worker(parent: int) -> None:
    """In a pool worker: leave Ctrl-C to the parent, which stops the run cleanly (the pairs
    being aligned finish and are written; the others are cancelled), and end when the
    parent is gone (``kill -9``), so that no worker, forkserver or resource tracker is left
    running: the forkserver and the tracker end once the last worker has."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(parent,), daemon=True,
                     name="termalign-parent-watch").start()


def _end_with(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except OSError:  # (not ours to signal: still alive)
            pass


class PoolBackend:
    """A :class:`concurrent.futures.ProcessPoolExecutor` with ``workers`` processes."""

    name = "process pool"

    def __init__(self, workers: int):
        self.workers = workers
        # Not "fork": the parent has threads (progress bar, Dask client) that fork would copy
        # in whatever state they are.
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self._pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method),
                                            initializer=_init_worker,
                                            initargs=(os.getpid(),))

    def submit(self, fn: Callable, arg) -> cf.Future:
        try:
            return self._pool.submit(fn, arg)
        except cf.process.BrokenProcessPool as exc:
            raise CorpusError(f"the worker pool broke (a worker died): {exc}") from None

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)


class DaskBackend:
    """A ``dask.distributed`` client: ``address="local"`` starts a :class:`LocalCluster` of
    ``workers`` single-threaded processes; any other address joins that scheduler."""

    name = "dask"

    def __init__(self, address: str, workers: int):
        try:
            import distributed
        except ImportError:
            raise CorpusError(
                "--dask needs dask.distributed: pip install 'termalign[dask]'"
            ) from None
        self._distributed = distributed
        self._cluster = None
        if address == "local":
            try:
                self._cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=40,
                )
            except Exception as exc:  # distributed raises RuntimeError and others
                raise CorpusError(f"cannot start a local Dask cluster: {exc}") from None
            self.client = distributed.Client(self._cluster)
        else:
            try:
                self.client = distributed.Client(address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise CorpusError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        found = len(self.client.scheduler_info().get("workers", {}))
        self.workers = found or workers
        self._count = 0
        self._run = uuid.uuid4().hex[:12]

    def submit(self, fn: Callable, arg):
        self._count += 1
        # A unique key per submission: two runs over the same pair are distinct tasks.
        key = f"termalign-pairs-{self._run}-{self._count}"
        return self.client.submit(fn, arg, key=key, pure=False, retries=0)

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


class Window:
    """Tasks in flight on a back-end, at most ``limit``; finished ones come out in the order
    they finish, at constant cost each (a done-callback queue, not a scan of every future)."""

    def __init__(self, backend, fn: Callable, limit: int):
        self.backend, self.fn, self.limit = backend, fn, limit
        self.pending: dict = {}
        self._done: queue.SimpleQueue = queue.SimpleQueue()

    @property
    def full(self) -> bool:
        return len(self.pending) >= self.limit

    def submit(self, arg) -> None:
        future = self.backend.submit(self.fn, arg)
        self.pending[future] = arg
        future.add_done_callback(self._done.put)

    def next_done(self) -> tuple:
        """Wait for the next finished task: ``(future, arg)``."""
        while True:
            try:  # a timeout keeps the wait interruptible by Ctrl-C
                future = self._done.get(timeout=0.5)
            except queue.Empty:
                continue
            return future, self.pending.pop(future)


def make_backend(workers: int, dask: str | None = None):
    """The process pool, or a Dask client when ``dask`` (``local`` or an address) is given."""
    if workers < 1:
        raise CorpusError("--workers must be at least 1")
    if dask:
        return DaskBackend(dask, workers)
    return PoolBackend(workers)
