"""Security headers, CSRF tokens for the HTML forms, and the terminologists' login.

Every POST to an HTML form must carry the session's CSRF token (``csrf_token`` field or
``X-CSRF-Token`` header). The JSON API (``/api/``) is stateless and changes nothing, so it
needs no token. Editing is possible only when the server has an edit token; a terminologist
logs in with it and the session cookie (HttpOnly, SameSite=Strict) remembers them.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import OrderedDict
from functools import wraps

from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from werkzeug.exceptions import Forbidden

from web import i18n


class CSRFError(Forbidden):
    """A form was posted without the session's token."""


def csrf_token() -> str:
    """The session's CSRF token, created on first use."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def _check_csrf() -> None:
    if request.method != "POST" or request.path.startswith("/api/"):
        return
    expected = session.get("csrf")
    given = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    if not expected or not hmac.compare_digest(str(expected), given):
        exc = CSRFError()
        exc.user_message = i18n.translate("error.csrf", getattr(g, "ui_lang", "en"))
        raise exc


def edit_enabled() -> bool:
    """True when the server was started with an edit token."""
    return bool(current_app.config.get("EDIT_TOKEN"))


def token_matches(given: str) -> bool:
    """Constant-time comparison of ``given`` with the server's edit token."""
    expected = current_app.config.get("EDIT_TOKEN") or ""
    return bool(expected) and hmac.compare_digest(expected.encode(), given.encode())


class LoginAttempts:
    """Wrong edit tokens per client address, with exponential back-off.

    After ``free`` wrong tokens the next attempt must wait ``base`` seconds, and each
    further wrong token doubles the wait (up to ``cap``); attempts made while waiting are
    refused (429) without even looking at the token. A right token clears the address. At most ``size`` addresses are remembered
    (the oldest are forgotten), so the table is bounded whatever the traffic.

    >>> clock = iter([0, 0, 0, 0.5, 1.1]).__next__
    >>> attempts = LoginAttempts(free=2, base=1.0, clock=clock)
    >>> attempts.failed("a"); attempts.failed("a")
    >>> attempts.wait("a"), attempts.wait("a"), attempts.wait("a"), attempts.wait("b")
    (1.0, 0.5, 0.0, 0.0)
    """

    def __init__(self, free: int = 5, base: float = 1.0, cap: float = 300.0, size: int = 10000,
                 clock=time.monotonic):
        self.free, self.base, self.cap, self.size, self.clock = free, base, cap, size, clock
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Seconds ``client`` must still wait before its next attempt (0: go ahead)."""
        with self._lock:
            count, last = self._failures.get(client, (0, 0.0))
        if count < self.free:
            return 0.0
        delay = min(self.cap, self.base * 2 ** min(count - self.free, 30))
        return max(0.0, round(last + delay - self.clock(), 3))

    def failed(self, client: str) -> None:
        with self._lock:
            count, _ = self._failures.pop(client, (0, 0.0))
            self._failures[client] = (count + 1, self.clock())
            while len(self._failures) > self.size:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def login_attempts() -> LoginAttempts:
    """The application's :class:`LoginAttempts` (one per server process)."""
    return current_app.extensions["termalign_login_attempts"]


def editor() -> str | None:
    """The logged-in terminologist's name, or None."""
    return session.get("editor") if edit_enabled() else None


def editor_required(view):
    """Edit views: 404 when editing is off, login page (GET) or 403 (POST) when logged out."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not edit_enabled():
            abort(404)
        if not editor():
            if request.method == "GET":
                return redirect(url_for("edit.login", next=request.full_path))
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def init_app(app: Flask) -> None:
    app.extensions["termalign_login_attempts"] = LoginAttempts(
        free=app.config.get("LOGIN_FREE_ATTEMPTS", 5), base=app.config.get("LOGIN_BACKOFF", 1.0))
    app.before_request(_check_csrf)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["editor"] = editor

    from web import CSP

    fixed = (("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
             ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"))

    @app.after_request
    def headers(response):
        for name, value in fixed:  # (the same for every response: made once)
            response.headers[name] = value
        response.headers.setdefault("Cache-Control", "no-store")
        return response
