"""A time budget for one unit of work (a web request), checked cooperatively.

The application opens a budget around a request (``with budget.limit(30): ...``); the
libraries' long loops (segmenting paragraphs, the alignment search, checking segments) call
:func:`check`, which raises :class:`BudgetExceeded` once the budget is spent. Outside a
budget (the command line, tests) :func:`check` costs a context-variable read and never
raises. The budget lives in a :class:`contextvars.ContextVar`, so every server thread has
its own.

>>> with limit(60):
...     check()
>>> with limit(-1):
...     check()
Traceback (most recent call last):
ioguard.budget.BudgetExceeded: the work took more than -1 s (the limit of one request)
>>> check()
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator

_deadline: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar(
    "ioguard_budget", default=None)


class BudgetExceeded(Exception):
    """The work ran past its time budget."""


def start(seconds: float) -> contextvars.Token:
    """Open a budget of ``seconds`` from now; give the token to :func:`stop`."""
    return _deadline.set((time.monotonic() + seconds, seconds))


def stop(token: contextvars.Token | None = None) -> None:
    """Close the budget opened by :func:`start` (or any budget, without a token)."""
    if token is not None:
        _deadline.reset(token)
    else:
        _deadline.set(None)


@contextlib.contextmanager
def limit(seconds: float) -> Iterator[None]:
    """A budget of ``seconds`` for the block."""
    token = start(seconds)
    try:
        yield
    finally:
        stop(token)


def check() -> None:
    """Raise :class:`BudgetExceeded` when the current budget is spent."""
    budget = _deadline.get()
    if budget is not None and time.monotonic() > budget[0]:
        raise BudgetExceeded(f"the work took more than {budget[1]:g} s (the limit of one request)")
