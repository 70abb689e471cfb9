"""Hostile conditions as one-line errors, never a traceback: a full disk and a read-only file system (real small
tmpfs mounts), an output that is a folder, a store another process holds; and what is kept: a file's mode, the
UTF-16 documents, one article for identical files, no temporary file left by a killed export."""
import os
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import ARTICLE, SHARED
from kg.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(r, *phrases):
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and r.exception is None or isinstance(r.exception, SystemExit), r.output
    errors = [l for l in r.output.splitlines() if l.startswith("Error")]
    assert len(errors) == 1, r.output
    for p in phrases:
        assert p in errors[0], r.output


def _mount(path, options):
    path.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                                           capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root")
    return path


@pytest.fixture
def full_disk(tmp_path):
    """A 2 MB tmpfs, filled but for 16 KB."""
    disk = _mount(tmp_path / "full", "size=2m")
    with open(disk / "filler", "wb") as f:
        f.write(b"\0" * (2 * 1024 * 1024 - 16 * 1024))
    yield disk
    subprocess.run(["umount", "-l", str(disk)])


@pytest.fixture
def read_only(tmp_path):
    disk = _mount(tmp_path / "ro", "size=1m,ro")
    yield disk
    subprocess.run(["umount", "-l", str(disk)])


@pytest.fixture
def store(article_dir, tmp_path):
    path = tmp_path / "store"
    assert run("build", article_dir, "--store", path, "--workers", 1).exit_code == 0
    return path


def test_a_full_disk_is_one_line(full_disk, article_dir, built, store):
    one_line_error(run("build", article_dir, "--output", full_disk / "g.ttl", "--workers", 1), "No space left on device")
    one_line_error(run("export", store, "--output", full_disk / "g.nq"), "No space left on device")
    one_line_error(run("build", article_dir, "--store", full_disk / "store", "--workers", 1), "No space left on device")
    assert sorted(p.name for p in full_disk.iterdir() if p.name != "store") == ["filler"]    # no temporary file left


def test_a_read_only_file_system_is_one_line(read_only, article_dir, built, store):
    one_line_error(run("build", article_dir, "--output", read_only / "g.ttl", "--workers", 1), "Read-only file system")
    one_line_error(run("export", built, "--output", read_only / "g.nq"), "Read-only file system")
    one_line_error(run("build", article_dir, "--store", read_only / "store", "--workers", 1), "Read-only file system")


def test_an_output_that_is_a_folder_is_one_line(article_dir, built, tmp_path):
    folder = tmp_path / "out.ttl"
    folder.mkdir()
    one_line_error(run("export", built, "--output", folder), "is a folder")
    one_line_error(run("build", article_dir, "--output", folder, "--workers", 1), "is a folder")
    one_line_error(run("viz", built, "--output", tmp_path), "HTML")


def test_export_keeps_the_mode_of_the_file_it_replaces(built, tmp_path):
    out = tmp_path / "secret.nt"
    out.write_text("")
    out.chmod(0o600)
    assert run("export", built, "--output", out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.stat().st_size > 0


def test_a_killed_export_leaves_no_temporary_file_after_the_next(tmp_path):
    """A real kg export killed while it writes leaves its .tmp; the next export of that file removes it."""
    store = tmp_path / "store"
    assert run("build", SHARED / "seeds", "--store", store, "--workers", 1).exit_code == 0
    out = tmp_path / "out" / "g.nq"
    out.parent.mkdir()
    orphans = []
    for _ in range(5):                               # the export may end before it is caught writing
        p = subprocess.Popen([sys.executable, "-m", "kg.cli", "export", str(store), "--output", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while p.poll() is None and time.monotonic() < deadline and not orphans:
            orphans = list(out.parent.glob(".*.tmp"))
        p.kill()
        p.wait()
        orphans = list(out.parent.glob(".*.tmp"))
        if orphans:
            break
    assert orphans, "no export was caught writing"
    assert run("export", store, "--output", out).exit_code == 0
    assert sorted(out.parent.iterdir()) == [out]


def test_a_store_another_process_holds_says_so(store):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        one_line_error(run("build", store.parent / "docs", "--store", store, "--workers", 1),
                       "another kg process holds the store")
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_documents_with_a_byte_order_mark_are_read(tmp_path, encoding):
    docs = tmp_path / "docs"
    docs.mkdir()
    data = ARTICLE.encode(encoding)
    (docs / "wide.txt").write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    r = run("build", docs, "--output", tmp_path / "g.ttl", "--workers", 1)
    assert r.exit_code == 0 and "(0 skipped)" in r.output and "recognition" in r.output, r.output


def test_identical_files_are_one_article(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "copy-of-a.txt"):
        (docs / name).write_text(ARTICLE, encoding="utf-8")
    for target in (["--output", tmp_path / "g.ttl"], ["--store", tmp_path / "store"]):
        r = run("build", docs, *target, "--workers", 1)
        assert r.exit_code == 0 and "copy-of-a.txt: same content as" in r.output, r.output
        graph = target[1]
        assert run("validate", graph).exit_code == 0
        rows = run("query", graph, "-e", "SELECT ?s WHERE { ?a a kg:Article ; dcterms:source ?s }", "--format", "csv")
        assert rows.output.splitlines()[1:] == ["a.txt"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_the_time_limit_is_skipped_with_a_warning(tmp_path, workers):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fine.txt").write_text(ARTICLE, encoding="utf-8")
    (docs / "slow.txt").write_text("甲乙科技被认定为国家高新技术企业" * 62_500, encoding="utf-8")  # 10^6 characters
    r = run("build", docs, "--output", tmp_path / "g.ttl", "--workers", workers, "--time-limit", 1)
    assert r.exit_code == 0 and "(1 skipped)" in r.output, r.output
    assert "skipped slow.txt: extraction took longer than 1s" in r.output
