"""kg push and kg query --endpoint against real HTTP servers on 127.0.0.1: credentials taken from every source and
never printed, timeouts and a total deadline against a server that trickles bytes, state files bound to their push,
updates never sent."""
import base64
import json
import time

import pytest
from click.testing import CliRunner

from conftest import ARTICLE
from kg.cli import main

SECRET = "s3cr€t:pw"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def reply(handler, code, body=b"", headers=()):
    handler.send_response(code)
    for k, v in headers:
        handler.send_header(k, v)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def basic_auth(user, password):
    """A Graph Store endpoint that takes POSTs only with these credentials (basic auth)."""
    expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def respond(handler, body):
        if handler.headers.get("Authorization") != expected:
            reply(handler, 401, b"who?", [("WWW-Authenticate", 'Basic realm="kg"')])
        else:
            reply(handler, 201)
    return respond


@pytest.mark.parametrize("how", ["url", "options", "environment", "netrc"])
def test_credentials_from_every_source_are_used_and_never_printed(stub, built, tmp_path, how):
    server, base = stub(basic_auth("dba", SECRET))
    from urllib.parse import quote
    url, args, env = f"{base}/gsp", [], {"NETRC": str(tmp_path / "none")}
    if how == "url":
        url = f"http://dba:{quote(SECRET, safe='')}@{base[7:]}/gsp"
    elif how == "options":
        args = ["--user", "dba", "--password", SECRET]
    elif how == "environment":
        env |= {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": SECRET}
    else:
        (tmp_path / "netrc").write_text(f"machine 127.0.0.1 login dba password {SECRET}\n")
        env["NETRC"] = str(tmp_path / "netrc")
    r = run("push", built, "--endpoint", url, *args, "--state", tmp_path / "s.json", env=env)
    assert r.exit_code == 0, r.output
    assert SECRET not in r.output and quote(SECRET, safe="") not in r.output and f"→ {base}/gsp" in r.output
    assert any(h.get("Authorization", "").startswith("Basic ") for _, _, h, _ in server.requests)
    wrong = url.replace("dba", "nobody") if how == "url" else url                # refused: the error names no secret
    r = run("push", built, "--endpoint", wrong, *[a.replace("dba", "nobody") for a in args], env={
        k: v.replace("dba", "nobody") for k, v in env.items()} if how != "netrc" else {"NETRC": str(tmp_path / "x")})
    assert r.exit_code == 1 and "HTTP 401" in r.output and SECRET not in r.output and quote(SECRET, safe="") not in r.output


def trickle(handler, body):
    """An answer sent a byte every 0.5 s (at most 60 bytes), so no single read ever times out."""
    for b in b"HTTP/1.1 201 Created\r\nContent-Length: 40\r\n\r\n" + b"x" * 40:
        try:
            handler.wfile.write(bytes([b]))
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.5)


def silent(handler, body):
    time.sleep(4)                # answers nothing for longer than the timeout (bounded)


def test_a_trickling_server_is_stopped_by_the_deadline(stub, built, tmp_path):
    _, base = stub(trickle)
    started = time.monotonic()
    r = run("push", built, "--endpoint", f"{base}/gsp", "--timeout", 2, "--deadline", 3, "--state", tmp_path / "s.json")
    took = time.monotonic() - started
    assert r.exit_code == 1 and "not done within the deadline of 3s (--deadline)" in r.output, r.output
    assert took < 6


def test_a_silent_server_is_stopped_by_the_timeout(stub, built, tmp_path):
    _, base = stub(silent)
    started = time.monotonic()
    r = run("push", built, "--endpoint", f"{base}/gsp", "--timeout", 1, "--state", tmp_path / "s.json")
    assert r.exit_code == 1 and "no answer within 1s (--timeout)" in r.output, r.output
    assert time.monotonic() - started < 3.5
    started = time.monotonic()
    r = run("query", "--endpoint", f"{base}/sparql", "policies", "--timeout", 1)
    assert r.exit_code == 1 and "no answer within 1s (--timeout)" in r.output, r.output
    assert time.monotonic() - started < 3.5


def test_a_state_file_of_another_push_is_not_trusted(stub, built, tmp_path):
    """A push interrupted after two batches leaves its state; a push of other data with that state file sends
    every batch of its own; the same push again resumes after the two."""
    failing = {"after": 2}

    def respond(handler, body):
        if failing["after"] is not None and len(server.requests) > failing["after"]:
            reply(handler, 503, b"busy")
        else:
            reply(handler, 201)
    server, base = stub(respond)
    state = tmp_path / "s.json"
    r = run("push", built, "--endpoint", f"{base}/gsp", "--batch-size", 50, "--state", state)
    assert r.exit_code == 1 and "2 batches landed" in r.output and json.loads(state.read_text())["done"] == 2
    other_docs = tmp_path / "other"
    other_docs.mkdir()
    (other_docs / "o.txt").write_text(ARTICLE.replace("芜湖", "滁州"), encoding="utf-8")
    other = tmp_path / "other.ttl"
    assert run("build", other_docs, "--output", other, "--workers", 1).exit_code == 0
    failing["after"] = None
    server.requests.clear()
    r = run("push", other, "--endpoint", f"{base}/gsp", "--batch-size", 50, "--state", state)
    assert r.exit_code == 0 and "0 already there" in r.output and "started over" in r.output, r.output
    received = sum(body.count(b"\n") for _, _, _, body in server.requests)
    from kg.sources import ntriples_lines
    lines, _ = ntriples_lines(other)
    assert received == sum(1 for _ in lines)
    failing["after"], server.requests[:] = 2, []
    assert run("push", built, "--endpoint", f"{base}/gsp", "--batch-size", 50, "--state", state).exit_code == 1
    failing["after"] = None
    r = run("push", built, "--endpoint", f"{base}/gsp", "--batch-size", 50, "--state", state)
    assert r.exit_code == 0 and "2 already there" in r.output and "started over" not in r.output, r.output


def test_an_update_is_never_sent(stub):
    server, base = stub(lambda h, b: reply(h, 200, b'{"head": {"vars": []}, "results": {"bindings": []}}'))
    r = run("query", "--endpoint", f"{base}/sparql", "-e", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert r.exit_code == 1 and "SPARQL update" in r.output and "neither run nor sent" in r.output, r.output
    assert server.requests == []
