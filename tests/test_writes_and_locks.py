"""Writes that cannot mix, locks that keep concurrent runs apart, and limits on input files.

Each kill test runs the command line in a subprocess that kills itself at one step of
writing (``potential.files._before_swap``, or inside the swap), and then looks at the folder
as a user would: every file listed in ``provenance.json`` must have the listed SHA-256, and
the set must be the complete old one or the complete new one.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from potential import files, folder_swap, locking
from potential.cli import main
from potential.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def _env():
    env = {k: v for k, v in os.environ.items() if k != "POTENTIAL_LANG"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (relative paths)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _complete(folder: Path) -> dict[str, str]:
    """The snapshot of an output folder whose provenance.json matches every file beside it."""
    snap = _snapshot(folder)
    record = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    listed = {name: entry["sha256"] for name, entry in record["outputs"].items()}
    own = {k: v for k, v in snap.items() if k != "provenance.json" and k != "notiz.txt"}
    assert own == listed, "the folder mixes files of two runs"
    return snap


def _leftovers(out: Path) -> list[str]:
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    inside = [p.name for p in out.rglob(".*") if p.name.endswith(".tmp")] if out.exists() else []
    return beside + inside


def _analyse(out: Path, *extra: str) -> None:
    result = CliRunner().invoke(main, ["analyse", "--out", str(out), "--quiet", *extra])
    assert result.exit_code == 0, result.output


def _killed_run(out: Path, hook: str, *extra: str) -> subprocess.CompletedProcess:
    """``analyse`` in a subprocess with ``hook`` (Python code) installed before it runs."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from potential import files, folder_swap
        {hook}
        from potential.cli import main
        main(["analyse", "--out", {str(out)!r}, "--quiet", *{list(extra)!r}])
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=_env(), capture_output=True, text=True, timeout=120
    )


# --- a run killed while it writes -----------------------------------------------------------


@pytest.fixture(scope="module")
def two_sets(tmp_path_factory):
    """The outputs of ``analyse`` (old) and ``analyse --method topsis`` (new), as snapshots."""
    base = tmp_path_factory.mktemp("sets")
    _analyse(base / "old")
    _analyse(base / "new", "--method", "topsis")
    old, new = _snapshot(base / "old"), _snapshot(base / "new")
    # provenance.json records the time of the run and the command line: compare the rest
    old.pop("provenance.json"), new.pop("provenance.json")
    assert old != new
    return old, new


def _own(snap):
    return {k: v for k, v in snap.items() if k not in ("provenance.json", "notiz.txt")}


def _prepared(tmp_path) -> Path:
    out = tmp_path / "ergebnis"
    _analyse(out)
    (out / "notiz.txt").write_text("meine Notiz\n", encoding="utf-8")  # a file of the user's
    return out


KILL = "os.kill(os.getpid(), signal.SIGKILL)"


def test_sigkill_just_before_the_swap_leaves_the_old_set(tmp_path, two_sets):
    old, _ = two_sets
    out = _prepared(tmp_path)
    proc = _killed_run(out, f"files._before_swap = lambda: {KILL}", "--method", "topsis")
    assert proc.returncode == -signal.SIGKILL
    assert _own(_complete(out)) == old
    assert (out / "notiz.txt").read_text(encoding="utf-8") == "meine Notiz\n"
    assert _leftovers(out), "the staging folder of the killed run is expected here"
    _analyse(out, "--method", "topsis")  # the next run cleans up and writes the new set
    assert _leftovers(out) == []
    assert (out / "notiz.txt").read_text(encoding="utf-8") == "meine Notiz\n"


def test_sigkill_right_after_the_swap_leaves_the_new_set(tmp_path, two_sets):
    _, new = two_sets
    out = _prepared(tmp_path)
    hook = textwrap.dedent(
        f"""
        real = folder_swap.exchange
        def exchange(a, b):
            done = real(a, b)
            {KILL}
        folder_swap.exchange = exchange
        """
    ).replace("\n", "\n        ")
    proc = _killed_run(out, hook, "--method", "topsis")
    assert proc.returncode == -signal.SIGKILL
    assert _own(_complete(out)) == new
    assert (out / "notiz.txt").read_text(encoding="utf-8") == "meine Notiz\n"
    _analyse(out)
    assert _leftovers(out) == []


def test_without_an_atomic_exchange_the_next_run_puts_the_old_folder_back(tmp_path, two_sets):
    """Where the two-rename swap is killed between its renames, the next run repairs it."""
    old, _ = two_sets
    out = _prepared(tmp_path)
    hook = textwrap.dedent(
        f"""
        folder_swap.exchange = lambda a, b: False
        real = os.rename
        def rename(a, b):
            real(a, b)
            if str(b).endswith(".potential.old"):
                {KILL}
        os.rename = rename
        """
    ).replace("\n", "\n        ")
    proc = _killed_run(out, hook, "--method", "topsis")
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()  # killed between the two renames
    removed = folder_swap.clean_leftovers(out)
    assert _own(_complete(out)) == old  # the old folder is back, complete
    assert (out / "notiz.txt").read_text(encoding="utf-8") == "meine Notiz\n"
    assert [p.name.endswith(".potential.tmp") for p in removed] == [True]
    # what stays is the lock file of the killed run (no lock: the system freed it), which
    # the next run takes and removes
    assert _leftovers(out) == [".ergebnis.potential.lock"]
    _analyse(out)
    assert _leftovers(out) == []


def test_sigterm_while_writing_removes_the_staging_folder(tmp_path, two_sets):
    old, _ = two_sets
    out = _prepared(tmp_path)
    hook = "files._before_swap = lambda: os.kill(os.getpid(), signal.SIGTERM)"
    proc = _killed_run(out, hook, "--method", "topsis")
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr
    assert "Traceback" not in proc.stderr
    assert _own(_complete(out)) == old
    assert _leftovers(out) == []


def test_a_rerun_keeps_the_users_file_itself(tmp_path):
    out = _prepared(tmp_path)
    note = out / "notiz.txt"
    inode = note.stat().st_ino
    _analyse(out, "--method", "topsis")
    assert note.read_text(encoding="utf-8") == "meine Notiz\n"
    assert note.stat().st_ino == inode  # carried over by hard link, not copied
    assert _leftovers(out) == []


def test_leftovers_of_killed_runs_are_recognised_by_name_only(tmp_path):
    out = _prepared(tmp_path)
    stage = out.parent / f".{out.name}.k3j4h5g6.potential.tmp"
    stage.mkdir()
    (stage / "ranking.csv").write_text("half\n")
    temp = out / ".ranking.csv.abcd_123.tmp"
    temp.write_text("half\n")
    mine = out / ".meine.tmp"  # not a name the tool gives its temporary files
    mine.write_text("keep\n")
    other = out.parent / ".andere.k3j4h5g6.potential.tmp"  # another folder's
    other.mkdir()
    _analyse(out)
    assert not stage.exists() and not temp.exists()
    assert mine.read_text() == "keep\n" and other.is_dir()


def test_the_working_folder_inside_the_output_is_written_in_place(tmp_path, monkeypatch):
    out = _prepared(tmp_path)
    inode = out.stat().st_ino
    monkeypatch.chdir(out)
    _analyse(Path("."), "--method", "topsis")
    assert out.stat().st_ino == inode  # not swapped away from under the shell
    _complete(out)
    assert _leftovers(out) == []


# --- operating system errors: one line, exit 2, nothing changed ----------------------------


def test_disk_full_gives_one_line_and_keeps_the_old_set(tmp_path, monkeypatch):
    out = _prepared(tmp_path)
    before = _snapshot(out)

    def full(path, record, temps):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(files, "_write_sidecar", full)
    result = CliRunner().invoke(main, ["analyse", "--out", str(out), "--quiet"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith("Fehler: ")
    assert "kein Speicherplatz mehr auf dem Datenträger; es wurde nichts geändert" in lines[0]
    assert _snapshot(out) == before
    assert _leftovers(out) == []
    result = CliRunner().invoke(main, ["analyse", "--out", str(out), "--quiet", "--lang", "en"])
    assert "no space left on the device; nothing was changed" in result.output


def test_an_output_folder_below_a_file(tmp_path):
    blocker = tmp_path / "datei"
    blocker.write_text("x\n")
    result = CliRunner().invoke(main, ["analyse", "--out", str(blocker / "sub"), "--quiet"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0] == (
        f"Fehler: {blocker}: ist eine Datei, kein Ordner; der Ausgabeordner {blocker / 'sub'} "
        "kann darin nicht angelegt werden; erwartet: ein Ordner (oder ein neuer Name)"
    )
    assert blocker.read_text() == "x\n"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_parent(tmp_path):
    parent = tmp_path / "nur-lesen"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["analyse", "--out", str(parent / "out"), "--quiet"])
    finally:
        parent.chmod(0o755)
    assert result.exit_code == 2
    assert "keine Berechtigung" in result.output


def test_os_reason_names_the_common_errors():
    assert files.os_reason(OSError(errno.EACCES, "x")) == "keine Berechtigung"
    assert files.os_reason(OSError(errno.EROFS, "x")) == "der Datenträger ist schreibgeschützt"
    assert files.os_reason(OSError(errno.EIO, "Input/output error")) == (
        "Fehler des Betriebssystems (Input/output error)"
    )


# --- locks -----------------------------------------------------------------------------------


def test_a_held_lock_is_refused_after_the_wait_with_pid_and_time(tmp_path, monkeypatch):
    folder = tmp_path / "ordner"
    with locking.locked(folder) as path:
        assert path == tmp_path / ".ordner.potential.lock"
        text = path.read_text(encoding="utf-8")
        assert f"pid={os.getpid()}" in text and "since=" in text
        probe = "from potential import locking; locking.locked(%r, wait=0.2).__enter__()"
        proc = subprocess.run(
            [sys.executable, "-c", probe % str(folder)],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode != 0
        assert "InputError" in proc.stderr and f"Prozess {os.getpid()}" in proc.stderr
    assert not path.exists()  # released: the lock file is gone
    with locking.locked(folder, wait=0):  # and free again
        pass


def test_the_lock_of_a_killed_run_is_free_at_once(tmp_path):
    folder = tmp_path / "ordner"
    script = (
        "import os, signal; from potential import locking\n"
        f"held = locking.locked({str(folder)!r}); held.__enter__(); os.kill(os.getpid(), 9)"
    )
    proc = subprocess.run([sys.executable, "-c", script], env=_env(), timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert locking.lock_path(folder).exists()  # the file stays, the lock does not
    with locking.locked(folder, wait=0):
        pass


def _filled(tmp_path: Path, body: str, cost: int) -> Path:
    """A questionnaire of ``body`` with an IT cost typed in (row 7: IT, as in the template)."""
    from openpyxl import load_workbook

    from potential.survey import write_template

    path = tmp_path / f"{body}.xlsx"
    write_template(path, body=body)
    wb = load_workbook(path)
    wb["Stammdaten"]["B6"] = "Erika Muster"
    wb["Stammdaten"]["B8"] = dt.date(2026, 12, 1)
    sheet = wb["Handlungsfelder"]
    assert sheet["A7"].value == body and sheet["B7"].value == "it"
    sheet["D7"] = cost
    sheet["E7"] = "eigene Angabe"
    wb.save(path)
    return path


def _it_costs(folder: Path) -> dict[str, str]:
    with (folder / "body_fields.csv").open(encoding="utf-8") as f:
        return {r["body"]: r["annual_cost_eur"] for r in csv.DictReader(f) if r["field"] == "it"}


def _import(path: Path, into: Path, env=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "potential", "survey", "import", str(path), "--into", str(into)],
        env=env or _env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_imports_at_once_keep_both_answers(tmp_path):
    """Bönen's and Selm's imports start together; while a third process holds the folder's
    lock both wait, and then each merges into what the other wrote: both IT costs stay."""
    into = tmp_path / "daten"
    first = _import(_filled(tmp_path, "boenen", 3_000_000), into)
    assert first.wait(timeout=120) == 0, first.stderr.read()  # the folder exists now
    assert _it_costs(into)["boenen"] == "3000000"
    boenen = _filled(tmp_path, "boenen", 3_100_000)  # a correction, needs --accept: a diff
    selm = _filled(tmp_path, "selm", 1_234_567)
    with locking.locked(into):
        runs = [_import(selm, into), _import(boenen, into)]
        time.sleep(2.0)  # both have loaded their answers and now wait for the lock
        assert [r.poll() for r in runs] == [None, None]
    results = [(r.wait(timeout=120), r.stdout.read(), r.stderr.read()) for r in runs]
    assert results[0][0] == 0, results[0]
    assert results[1][0] == 1, results[1]  # Bönen's correction is held back as a diff
    costs = _it_costs(into)
    assert costs["selm"] == "1234567"  # Selm's answer is not lost
    assert costs["boenen"] == "3000000"  # nor Bönen's first one
    history = sorted(p.name for p in (into / ".history").iterdir())
    assert history == ["0001", "0002"]  # each write kept the state before it
    assert _leftovers(into) == []


def test_a_second_import_is_refused_while_the_lock_is_held(tmp_path):
    into = tmp_path / "daten"
    first = _import(_filled(tmp_path, "boenen", 3_000_000), into)
    assert first.wait(timeout=120) == 0
    before = _snapshot(into)
    env = {**_env(), "POTENTIAL_LOCK_WAIT": "0.5"}
    with locking.locked(into):
        run = _import(_filled(tmp_path, "selm", 1_234_567), into, env=env)
        code = run.wait(timeout=120)
    err = run.stderr.read().strip().splitlines()
    assert code == 2 and len(err) == 1, err
    assert err[0].startswith(f"Fehler: {tmp_path / '.daten.potential.lock'}: ")
    assert "von einem anderen Lauf beschrieben" in err[0] and f"Prozess {os.getpid()}" in err[0]
    assert _snapshot(into) == before


# --- limits on input files -----------------------------------------------------------------


def _laughs(levels: int = 9) -> str:
    text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, levels):
        refs = ",".join([f"*a{i - 1}"] * 10)
        text += f"a{i}: &a{i} [{refs}]\n"
    return text


def test_a_billion_laughs_yaml_is_refused_fast(tmp_path):
    path = tmp_path / "bombe.yaml"
    path.write_text(_laughs(), encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"Zeile \d+, Spalte \d+: YAML ergibt mit seinen"):
        files.read_yaml(path)
    assert time.perf_counter() - start < 2


def test_aliases_that_stay_small_are_read(tmp_path):
    path = tmp_path / "klein.yaml"
    path.write_text(_laughs(levels=4), encoding="utf-8")  # 10 + 100 + 1000 + 10000 scalars
    assert len(files.read_yaml(path)["a3"]) == 10


def test_yaml_nested_deeper_than_the_limit_is_refused(tmp_path):
    from potential.input_limits import MAX_YAML_DEPTH

    ok = tmp_path / "flach.yaml"
    ok.write_text("a: " + "[" * (MAX_YAML_DEPTH - 1) + "]" * (MAX_YAML_DEPTH - 1) + "\n")
    files.read_yaml(ok)
    deep = tmp_path / "tief.yaml"
    deep.write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    with pytest.raises(InputError, match=f"mehr als {MAX_YAML_DEPTH} Ebenen"):
        files.read_yaml(deep)


def test_a_yaml_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    from potential import input_limits

    path = tmp_path / "gross.yaml"
    path.write_text("a: 1\n" * 1000)  # 5,000 bytes
    monkeypatch.setattr(input_limits, "MAX_YAML_BYTES", 4_999)
    with pytest.raises(InputError, match=r"Datei zu groß \(0,0 MB\); erwartet: höchstens"):
        files.read_yaml(path)
    monkeypatch.setattr(input_limits, "MAX_YAML_BYTES", 5_000)
    assert files.read_yaml(path) == {"a": 1}


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("Berg\x00kamen", "U+0000 (NUL)"), ("Berg\x1bkamen", "U+001B (ESC)"), ("a\x85b", "U+0085")],
)
def test_control_characters_in_a_csv_cell(tmp_path, cell, shown):
    path = tmp_path / "t.csv"
    path.write_text(f"id,name\nx,ok\ny,{cell}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        files.read_csv_rows(path)
    assert str(info.value) == (
        f"{path}, Zeile 3: Steuerzeichen {shown} in Spalte 'name'; erwartet: Text ohne "
        "Steuerzeichen (die Datei ist vielleicht beschädigt oder kein CSV)"
    )


def test_a_tab_in_a_cell_and_a_long_cell(tmp_path, monkeypatch):
    from potential import input_limits

    path = tmp_path / "t.csv"
    path.write_text('id,name\nx,"a\tb"\ny,abcdef\n', encoding="utf-8")
    assert [r["name"] for _, r in files.read_csv_rows(path)] == ["a\tb", "abcdef"]
    monkeypatch.setattr(input_limits, "MAX_CSV_CELL", 5)
    with pytest.raises(InputError, match=r"Zeile 3: Zelle in Spalte 'name' hat 6 Zeichen"):
        files.read_csv_rows(path)


def test_a_nul_byte_in_the_dataset_is_one_line_through_the_cli(dataset_copy, tmp_path):
    path = dataset_copy / "bodies.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Bergkamen,", "Berg\x00kamen,", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyse", "--data", str(dataset_copy), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        f"Fehler: {path}, Zeile 3: Steuerzeichen U+0000 (NUL) in Spalte 'name'; erwartet: "
        "Text ohne Steuerzeichen (die Datei ist vielleicht beschädigt oder kein CSV)"
    )
    assert not out.exists()


def test_a_reader_that_closes_the_pipe_ends_the_run_quietly(tmp_path):
    """``potential analyse | head -1``: the files are written, no error, exit 141 as a shell
    tool ends on SIGPIPE."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "potential", "analyse", "--quiet", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    first = proc.stdout.readline()  # like head -1: one line, then the reader is gone
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141, stderr
    assert first.startswith(b"Stichtag ")
    assert stderr == ""
    assert (out / "ranking.xlsx").is_file() and (out / "provenance.json").is_file()
