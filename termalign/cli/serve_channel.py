"""waitress's HTTP channel without the I/O thread's busy loop while a worker writes.

A waitress worker thread writes a response into its channel's output buffer and sends it
at once, holding the buffer's lock; the socket ``send`` releases Python's global lock. In
that window the channel has bytes to send, so waitress's ``writable()`` says yes, ``select``
returns at once (the socket can take them), the I/O thread cannot get the buffer's lock
(``_flush_some_if_lockable``), and polls again: it takes the global lock back before the
worker (which must be woken by the system) and keeps it, so the worker waits for the
interpreter's switch interval (5 ms) while the I/O thread spins. Measured under wrk (8
connections, 8 threads): about 7,000 polls a second whatever the route, 7 to 50 a
``POST /api/check`` and 6 a ``GET /healthz`` (under one without the spin), 0.25 to 0.7 ms
of the I/O thread's CPU a check and 0.1 a trivial request (``python -m
benchmarks.web_check_parts``; ``benchmarks/web_check_history.md``).

:class:`QuietChannel` is not writable while another thread holds the buffer's lock with a
request in service and less than ``outbuf_high_watermark`` bytes waiting: that thread is
sending them itself. Everything else is waitress's: a worker that finds the socket full
leaves its bytes for the I/O thread (it releases the lock, and the channel is writable again
at the next poll: at the latest after ``asyncore_loop_timeout``, 1 s, when nothing else
wakes the loop, and a worker's next write sends them itself); a worker waiting for the
buffer to drain below the watermark is served; a channel being closed is flushed.
"""

from __future__ import annotations

from waitress.channel import HTTPChannel


class QuietChannel(HTTPChannel):
    """An :class:`~waitress.channel.HTTPChannel` not polled for writing while a worker
    thread is writing to it."""

    def writable(self):
        if (self.requests and self.total_outbufs_len
                and self.total_outbufs_len <= self.adj.outbuf_high_watermark
                and not (self.will_close or self.close_when_flushed)):
            if not self.outbuf_lock.acquire(False):  # a worker is sending them
                return False
            self.outbuf_lock.release()
        return super().writable()


def serve(app, **options) -> None:
    """``waitress.serve(app, **options)`` with :class:`QuietChannel` as the channel."""
    import logging

    from waitress.server import BaseWSGIServer, create_server

    logging.basicConfig()  # (as waitress.serve: idempotent if logging is set up)
    server = create_server(app, **options)
    # one listening socket: the server itself; several: the servers in its map
    listening = [server] if isinstance(server, BaseWSGIServer) else [
        s for s in server.map.values() if isinstance(s, BaseWSGIServer)]
    for one in listening:
        one.channel_class = QuietChannel  # (channels are made on accept, in run)
    server.print_listen("Serving on http://{}:{}")
    server.run()
