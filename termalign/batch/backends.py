"""Where the pairs run: a local process pool, or a ``dask.distributed`` cluster.

Both back-ends offer the same three operations (``submit``, ``wait_any``, ``close``) so the
runner keeps one loop with a bounded window of tasks in flight. ``dask`` is imported only when
a Dask back-end is asked for (``pip install 'termalign[dask]'``).

With a remote scheduler, the workers read the inputs and write the TMX files at the paths the
client gives them: the folders must be on a file system all machines share, at the same path.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
from collections.abc import Callable, Iterable

from termalign.batch.errors import CorpusError


class PoolBackend:
    """A :class:`concurrent.futures.ProcessPoolExecutor` with ``workers`` processes."""

    name = "process pool"

    def __init__(self, workers: int):
        self.workers = workers
        self._pool = cf.ProcessPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable, arg) -> cf.Future:
        try:
            return self._pool.submit(fn, arg)
        except cf.process.BrokenProcessPool as exc:
            raise CorpusError(f"the worker pool broke (a worker died): {exc}") from None

    def wait_any(self, pending: Iterable[cf.Future]) -> set:
        done, _ = cf.wait(list(pending), return_when=cf.FIRST_COMPLETED)
        return done

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
            self._cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=40,
            )
            self.client = distributed.Client(self._cluster)
        else:
            try:
                self.client = distributed.Client(address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise CorpusError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        found = len(self.client.scheduler_info().get("workers", {}))
        self.workers = found or workers
        self._count = 0

    def submit(self, fn: Callable, arg):
        self._count += 1
        # A unique key per submission: two runs over the same pair are distinct tasks.
        key = f"termalign-pair-{os.getpid()}-{self._count}"
        return self.client.submit(fn, arg, key=key, pure=False, retries=0)

    def wait_any(self, pending: Iterable) -> set:
        done, _ = self._distributed.wait(list(pending), return_when="FIRST_COMPLETED")
        return set(done)

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_backend(workers: int, dask: str | None = None):
    """The process pool, or a Dask client when ``dask`` (``local`` or an address) is given."""
    if workers < 1:
        raise CorpusError("--workers must be at least 1")
    if dask:
        return DaskBackend(dask, workers)
    return PoolBackend(workers)
