"""``termalign serve``: the real command under waitress, on a free loopback port."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

from click.testing import CliRunner
from webdata import build_termbase

from termalign.cli import cli


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_lookups(tmp_path):
    db = build_termbase(tmp_path / "tb.sqlite3")
    port = _free_port()
    command = [sys.executable, "-c", "from termalign.cli import main; main()", "serve",
               "--port", str(port), "--db", str(db), "--threads", "2"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/api/lookup?q=otsc"
        for _ in range(300):  # up to 30 s on a busy machine
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    data = json.load(response)
                    headers = response.headers
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        else:
            raise AssertionError("termalign serve did not answer")
        assert data["results"][0]["en"][0]["term"] == "Collective Security Treaty Organization"
        assert headers["X-Content-Type-Options"] == "nosniff"
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert b"read-only" in server.stderr.read()


def test_serve_missing_db_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.sqlite3")])
    assert result.exit_code == 2
    assert result.output.startswith("termalign: error:") and "Traceback" not in result.output


def test_serve_help_shows_loopback_default():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output
