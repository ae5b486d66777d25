"""``termalign.cli.serve_channel``: waitress's channel, not polled for writing while a worker
thread sends, and everything it serves still delivered whole."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import textwrap
import threading
import time
from types import SimpleNamespace

import pytest
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel

from termalign.cli.serve_channel import QuietChannel


@pytest.fixture
def channels():
    """A QuietChannel and a plain HTTPChannel over two socket pairs, a request in service."""
    pairs = [socket.socketpair() for _ in range(2)]
    adj = Adjustments()
    made = []
    for cls, (ours, _theirs) in zip((QuietChannel, HTTPChannel), pairs, strict=True):
        channel = cls(SimpleNamespace(active_channels={}), ours, ("127.0.0.1", 0), adj, map={})
        channel.requests = [object()]
        channel.total_outbufs_len = 443  # (a response's headers, written by the worker)
        made.append(channel)
    yield made
    for a, b in pairs:
        a.close()
        b.close()


def _held(channel, work):
    """``work()`` while another thread holds the channel's output lock."""
    taken, done = threading.Event(), threading.Event()

    def hold():
        with channel.outbuf_lock:
            taken.set()
            done.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert taken.wait(10)
        return work()
    finally:
        done.set()
        thread.join()


def test_not_writable_while_a_worker_holds_the_buffer(channels):
    quiet, plain = channels
    assert _held(plain, plain.writable)  # waitress's: polled, select returns at once: a spin
    assert not _held(quiet, quiet.writable)
    assert quiet.writable() and plain.writable()  # the lock free: the I/O thread flushes


@pytest.mark.parametrize("change", ["no request", "over the watermark", "will close",
                                    "close when flushed", "nothing to send"])
def test_otherwise_writable_as_waitress_says(channels, change):
    quiet, plain = channels
    for channel in channels:
        if change == "no request":
            channel.requests = []
        elif change == "over the watermark":
            channel.total_outbufs_len = channel.adj.outbuf_high_watermark + 1
        elif change == "will close":
            channel.will_close = True
        elif change == "close when flushed":
            channel.close_when_flushed = True
        else:
            channel.total_outbufs_len = 0
    assert bool(_held(quiet, quiet.writable)) == bool(_held(plain, plain.writable))
    assert bool(quiet.writable()) == bool(plain.writable())


#: A WSGI application of large streamed answers, served by serve_channel.serve.
_SERVER = textwrap.dedent("""
    import socket, sys
    from termalign.cli.serve_channel import serve

    def app(environ, start_response):
        size = int(environ["PATH_INFO"].strip("/"))
        start_response("200 OK", [("Content-Length", str(size))])
        chunk = bytes(range(256)) * 256
        return (chunk[: min(len(chunk), size - sent)] for sent in range(0, size, len(chunk)))

    sock = socket.create_server(("127.0.0.1", 0))
    print(sock.getsockname()[1], flush=True)
    serve(app, sockets=[sock], threads=2, outbuf_high_watermark=1 << 20)
""")


def _expected(size: int) -> str:
    chunk = bytes(range(256)) * 256
    data = (chunk * (size // len(chunk) + 1))[:size]
    return hashlib.sha256(data).hexdigest()


def _read_answer(sock: socket.socket, slow: bool) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    size = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")))
    while len(body) < size:
        if slow:
            time.sleep(0.002)  # a slow client: the socket's buffer fills, the worker waits
        body += sock.recv(min(65536, size - len(body)))
    return body


def test_large_answers_reach_a_slow_client_whole_on_one_connection():
    server = subprocess.Popen([sys.executable, "-c", _SERVER], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline())
        sizes = [5_000_000, 300, 3_000_000]  # over the watermark, small, over the socket's
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            for n, size in enumerate(sizes):
                sock.sendall(f"GET /{size} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                body = _read_answer(sock, slow=n == 0)
                assert hashlib.sha256(body).hexdigest() == _expected(size)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_gives_its_channel_to_the_server(monkeypatch):
    import waitress.server

    from termalign.cli import serve_channel

    class Server(waitress.server.BaseWSGIServer):
        def __init__(self):  # (no socket: only what serve() touches)
            self.ran_with = None

        def print_listen(self, format_str):
            pass

        def run(self):
            self.ran_with = self.channel_class

    made = []
    monkeypatch.setattr(waitress.server, "create_server",
                        lambda app, **options: made.append(Server()) or made[-1])
    serve_channel.serve(object(), threads=1)
    assert made[0].ran_with is QuietChannel
    assert waitress.server.BaseWSGIServer.channel_class is HTTPChannel  # (no other server's)
