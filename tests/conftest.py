"""Shared fixtures: short articles in the style of the real ones, with invented names."""
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ARTICLE = """本报讯 近日，安徽省科技厅公布2023年安徽省瞪羚企业名单，芜湖高新区 18 家企业入

选。此次入选的芜湖星澜光电科技有限公司，自成立以来深耕光学器件领域，星澜光电今年营业收入

同比增长30%。

截至2023年底，芜湖高新区累计培育科技型中小企业 512家、高新技术企业 236 家、潜在瞪羚企业 4 家。

芜湖高新区对首次认定为瞪羚企业的，给予企业20万元一次性奖励；对连续认定为瞪羚企业的，给予企业40万元一次性奖励。

同时，芜湖高新区出台《芜湖高新区关于支持科技企业加快发展的若干措施》，推动晨拓精密、蓝衡锂业等企业发展。

芜湖星澜光电科技有限公司已与徽商银行、合肥科农银行等金融机构建立合作关系。
"""


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "wuhu.txt").write_text(ARTICLE, encoding="utf-8")
    return d


@pytest.fixture
def built(article_dir: Path, tmp_path: Path) -> Path:
    from click.testing import CliRunner
    from kg.cli import main
    out = tmp_path / "g.ttl"
    r = CliRunner().invoke(main, ["build", str(article_dir), "--output", str(out), "--workers", "1"])
    assert r.exit_code == 0, r.output
    return out


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A real OpenLink Virtuoso (Debian's virtuoso-opensource) on loopback ports, with a database of its own;
    stopped at the end of the session. Yields (SPARQL URL, Graph Store Protocol URL)."""
    import re
    import shutil
    import subprocess
    import time
    import urllib.request
    binary = shutil.which("virtuoso-t")
    assert binary, "Virtuoso is needed: apt-get install virtuoso-opensource (.ci/run does)"
    base = Path("/etc/virtuoso-opensource-7/virtuoso.ini").read_text(encoding="utf-8")
    db = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = re.sub(r"/var/lib/virtuoso-opensource-7/db", str(db), base)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = 127.0.0.1:{http_port}", ini)
    (db / "virtuoso.ini").write_text(ini, encoding="utf-8")
    proc = subprocess.Popen([binary, "+configfile", str(db / "virtuoso.ini"), "+foreground"], cwd=db,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sparql = f"http://127.0.0.1:{http_port}/sparql"
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(sparql + "?query=ASK%7B%7D", timeout=2) as r:
                r.read()
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError(f"Virtuoso did not start; see {db / 'virtuoso.log'}")
            time.sleep(0.5)
    yield sparql, f"http://127.0.0.1:{http_port}/sparql-graph-crud-auth"
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def stub():
    """start(respond) runs a real HTTP server on 127.0.0.1 whose handler calls respond(handler, body) for every
    request, records (method, path, headers, body) in server.requests, and returns (server, base URL); every
    server is stopped after the test."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    servers = []

    def start(respond):
        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server.requests.append((self.command, self.path, dict(self.headers), body))
                respond(self, body)

            do_GET = do_POST = _handle

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.requests = []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server, f"http://127.0.0.1:{server.server_port}"
    yield start
    for s in servers:
        s.shutdown()
        s.server_close()
