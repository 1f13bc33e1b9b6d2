"""Merging survey answers into a dataset folder, never overwriting anything silently.

:func:`merge` writes the bodies' answers into ``body_fields.csv``, ``fulfilment.csv``,
``cooperations.csv`` (with a row in ``sources.csv`` per body and date) and
``body_weights.csv``. A value that differs from the one already in the folder is a *diff*
(old → new) and is written only with ``accept=True``. The previous version of every file
that changes is kept in ``.history/NNNN/`` with a ``manifest.json``
(:mod:`~potential.survey.history_folder`); :func:`~potential.survey.restore` puts
it back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from potential import files
from potential.errors import InputError
from potential.messages import message
from potential.survey.answers import read_answers
from potential.survey.applying import _State
from potential.survey.history_folder import _keep_history
from potential.survey.report import MergeReport
from potential.survey.tables import _bytes_writer


def import_files(
    paths,
    into,
    dataset=None,
    accept: bool = False,
    partial: bool = False,
    criteria="ikz-egov-nrw",
) -> MergeReport:
    """Read answer files and merge them into a dataset folder (the command line's import).

    Parameters
    ----------
    paths : iterable of str or Path
        The filled workbooks, merged in this order; folders and wildcard patterns are
        expanded (:func:`answer_paths`).
    into : str or Path
        The dataset folder to merge into; made from a copy of ``dataset`` if it does not
        exist and something is written. The answers are checked against ``into``'s data if
        it exists, else against ``dataset``'s.
    dataset, accept, partial, criteria
        As :func:`merge`.

    Returns
    -------
    MergeReport

    Raises
    ------
    InputError
        No file given could be read as a survey workbook (missing, not Excel, damaged,
        macro-enabled, over a limit of :mod:`potential.survey.limits`, another template
        version): the first one is named with its problem, nothing is written. If at least
        one file can be read, the others' problems are in the report instead.
    """
    from potential.datasets import load_dataset

    into = Path(into)
    target = into if (into / "dataset.yaml").is_file() else dataset
    ds = load_dataset(target) if not _is_dataset(target) else target
    answers = [read_answers(p, ds, criteria)[0] for p in answer_paths(paths)]
    if not any(a.readable for a in answers):
        raise _unreadable(answers)
    return merge(answers, into, dataset, accept=accept, partial=partial, criteria=criteria)


def _unreadable(answers) -> InputError:
    """The error for an import in which no file could be read: the first file's problem."""
    from potential.messages import get_lang

    first = answers[0]
    problem = first.problems[0]
    text = problem.expected if get_lang() == "de" else problem.expected_en
    if len(answers) > 1:
        text += message("survey.unreadable_more", count=len(answers) - 1)
    return InputError(text, first.file)


def answer_paths(items) -> list[Path]:
    """The answer files that ``items`` name: files, folders and wildcard patterns.

    A folder stands for the workbooks in it (``*.xlsx``, sorted; Excel's lock files ``~$…``
    left out). A name with ``*``, ``?`` or ``[`` that is not an existing file is expanded
    here, sorted, so that ``umfrage-*.xlsx`` works where the shell does not expand it
    (Windows). Anything else is taken as given.

    Raises
    ------
    InputError
        A folder without workbooks, or a pattern that matches no file.
    """
    import glob

    out: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.xlsx") if not p.name.startswith("~$"))
            if not found:
                raise InputError(message("survey.no_workbooks"), str(path))
            out.extend(found)
        elif not path.exists() and any(c in str(item) for c in "*?["):
            found = sorted(
                Path(p) for p in glob.glob(str(item)) if not Path(p).name.startswith("~$")
            )
            if not found:
                raise InputError(message("survey.no_match"), str(item))
            out.extend(found)
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _is_dataset(obj) -> bool:
    from potential.models import Dataset

    return isinstance(obj, Dataset)


def merge(
    answers_list,
    into,
    dataset=None,
    accept: bool = False,
    partial: bool = False,
    criteria="ikz-egov-nrw",
) -> MergeReport:
    """Merge valid answers into a dataset folder.

    Parameters
    ----------
    answers_list : iterable of Answers (or of the pairs :func:`read_answers` returns)
        Merged in order; a later file's different value is a diff against the earlier one.
    into : str or Path
        A dataset folder. If it does not exist, it is made from a copy of ``dataset``'s
        folder (the copy appears only when everything is in place).
    dataset : str, Path or Dataset, optional
        The dataset copied when ``into`` does not exist; default ``kreis-unna``.
    accept : bool
        Write values that differ from those in ``into`` (the old file is kept in
        ``.history``). Without it they are reported as diffs and not written.
    partial : bool
        Merge the valid cells of files that have errors. Without it such a file is not
        merged at all.
    criteria : str, Path or CriteriaModel
        The model the body weights are checked against.

    Returns
    -------
    MergeReport

    Raises
    ------
    InputError
        ``into`` exists but is not a dataset folder (or does not load), or is the embedded
        dataset, or the merged data would not load (nothing is written then), or another
        import into it holds the folder's lock for longer than
        :data:`potential.locking.WAIT_SECONDS`.

    Notes
    -----
    The folder is locked from reading its data to writing the merged files
    (:func:`potential.locking.locked`), so a second import at the same time waits and then
    merges into what the first one wrote: no answer is lost. The changed files are put in
    place together (:func:`potential.files.write_outputs` with ``swap``).
    """
    from potential.locking import locked
    from potential.survey.template import _criteria

    into = Path(into)
    model = _criteria(criteria)
    answers = [a[0] if isinstance(a, tuple) else a for a in answers_list]
    with locked(into):  # a second import into the folder waits, then merges into the first's
        return _merge_locked(answers, into, dataset, accept, partial, model)


def _merge_locked(answers, into: Path, dataset, accept, partial, model) -> MergeReport:
    """:func:`merge` while holding the folder's lock: read what is there, merge, write."""
    from potential.datasets import load_dataset, resolve_dataset_path
    from potential.resources import data_dir

    created = not into.exists()
    if created:
        base = Path(dataset.path) if _is_dataset(dataset) else resolve_dataset_path(dataset)
        into.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{into.name}.", suffix=".tmp", dir=into.parent))
        os.chmod(work, 0o777 & ~files._umask())  # mkdtemp makes 0700; a dataset is shared
        for item in sorted(base.iterdir()):
            if item.is_file() and not item.name.startswith("."):
                shutil.copy2(item, work / item.name)
    else:
        if not into.is_dir():
            raise InputError(message("survey.not_a_folder"), str(into))
        resolve_dataset_path(into)  # dataset.yaml must be there
        if into.resolve().is_relative_to(data_dir().resolve()):
            raise InputError(message("survey.embedded"), str(into))
        work = into
    try:
        current = load_dataset(work)
        state = _State(work, current)
        report = MergeReport(into=into, created=created)
        report.answered = any(
            a.values or a.fulfilment or a.cooperations or a.weights for a in answers
        )
        for a in answers:
            report.problems.extend(a.problems)
            if a.errors and not partial:
                report.skipped.append(a.file)
                continue
            state.apply(a, accept, report)
            report.merged.append(a.file)
        outputs = state.outputs()
        if outputs:
            _check(work, outputs, model, current)
            report.history = _keep_history(work, outputs, report, answers, accept, partial)
            files.write_outputs(
                work,
                {name: _bytes_writer(data) for name, data in outputs.items()},
                swap=not created,  # the files of the folder change as one set
            )
            report.written = sorted(outputs)
            if created:
                report.history = into / report.history.relative_to(work)
        if created and report.written:
            os.replace(work, into)
        elif created:  # nothing imported: no folder is left behind
            shutil.rmtree(work)
            report.created = False
    except BaseException:
        if created and work.exists():
            shutil.rmtree(work)
        raise
    return report


def _check(work: Path, outputs: dict[str, bytes], model, current):
    """Load the merged folder in a scratch copy; nothing is written if it fails."""
    from potential.criteria import load_body_weights
    from potential.datasets import load_dataset

    scratch = Path(tempfile.mkdtemp(prefix=".potential-check.", dir=work.parent))
    try:
        for item in work.iterdir():
            if item.is_file() and not item.name.startswith("."):
                shutil.copy2(item, scratch / item.name)
        for name, data in outputs.items():
            (scratch / name).write_bytes(data)
        try:
            load_dataset(scratch)
            if "body_weights.csv" in outputs:
                load_body_weights(
                    scratch / "body_weights.csv", model, [b.id for b in current.bodies]
                )
        except InputError as exc:
            raise InputError(
                message(
                    "survey.would_not_load", problem=exc.problem, file=Path(exc.where or "").name
                ),
                str(work),
            ) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
