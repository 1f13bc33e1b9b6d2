"""The report for the mayors' conference and the county council: HTML and Markdown.

:func:`build_report` turns an analysis (and, optionally, its scenario run and SMAA results)
into a :class:`Report`: one self-contained HTML page (style sheet and charts inside it; it
loads nothing from anywhere) and the same content as Markdown, in German (default) or
English. :func:`write_report` writes ``report.html``, ``report.md``, the charts as SVG files
in ``report_files/`` (which ``report.md`` references) and ``provenance.json``.

Sections: at a glance; 1. what was analysed (dataset, bodies, fields, legal forms, scenario
and its changes); 2. method and weights; 3. results per body (top options, the criteria that
carry them, charts); 4. the Wirtschaftlichkeitsvergleich (settings and their sources, each
body's best option in euros, negative Kapitalwerte, where VAT turns a gain into a loss, one
body's annex as an example); 5. the joint view (options where every member gains, map); 6.
cost sharing (for the joint option with the largest pool Kapitalwert: each member's
Kapitalwert under each key, whether every member gains and whether the split is in the
core, the subgroup that would do better alone, who is subsidised against the Shapley value,
chart); 7. uncertainty (SMAA, if given); 8. sources and provenance.

Modules: :mod:`~potential.report.build` (what the report says),
:mod:`~potential.report.text` (its sentences in German and English, number formats),
:mod:`~potential.report.document` (the blocks), :mod:`~potential.report.html` and
:mod:`~potential.report.markdown` (the layouts), :mod:`~potential.report.figures` (the
charts, via :mod:`potential.charts`), :mod:`~potential.report.annex` (the
Wirtschaftlichkeitsvergleich as the council annex shows it, shared with ``ranking.xlsx``).

Examples
--------
>>> import potential.scenarios as ps
>>> from potential.report import build_report, write_report
>>> run = ps.run("kostendruck")                              # doctest: +SKIP
>>> report = build_report(scenario_run=run)                  # doctest: +SKIP
>>> write_report(report, "out/bericht")                      # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from potential.report.markdown import FIGURE_DIR

__all__ = ["FIGURE_DIR", "Report", "build_report", "write_report"]


@dataclass(frozen=True)
class Report:
    """A built report.

    Attributes
    ----------
    html : str
        One self-contained HTML page (UTF-8 when written): style sheet and charts inside.
    markdown : str
        The same content as Markdown; charts referenced as ``report_files/NAME.svg``.
    figures : dict of str to bytes
        File name (``heatmap.svg``, ``contributions-<body>.svg``, ``map.svg``,
        ``sharing.svg``, ``acceptability-<body>.svg``) → SVG bytes, in the report's order.
    provenance : dict
        The run's provenance record (:func:`potential.provenance.run_record`), shown in the
        report and written as ``provenance.json``.
    lang : str
        ``de`` or ``en``.
    """

    html: str
    markdown: str
    figures: dict
    provenance: dict
    lang: str = "de"


def build_report(
    analysis=None,
    *,
    scenario_run=None,
    smaa=None,
    sharing=None,
    provenance: dict | None = None,
    lang: str = "de",
    figures: bool = True,
) -> Report:
    """Build the report of an analysis, in German (default) or English.

    Parameters
    ----------
    analysis : potential.analysis.Analysis, optional
        The analysis to report; default ``scenario_run.analysis``.
    scenario_run : potential.scenarios.ScenarioRun, optional
        The scenario run the analysis comes from: its title, description, changes, SMAA
        results and provenance record are reported.
    smaa : potential.uncertainty.bodies.BodySMAA, optional
        SMAA results to report; default ``scenario_run.smaa``. Without any, the report says
        that the uncertainty was not computed and how to compute it.
    sharing : potential.sharing.tables.Sharing, optional
        The cost sharing to report (:func:`potential.sharing.tables.share`); the section
        shows its option with the largest pool Kapitalwert. Default: computed here for one
        option, the joint option of the analysis with the largest positive ``pool_npv``
        (first one on a tie), with the analysis' dataset, economic settings and reference
        date (about 2 s for the 11 members of the embedded dataset). Without the
        Wirtschaftlichkeitsvergleich or a positive pool, or where ``share`` refuses the
        option (its InputError), the section says so instead.
    provenance : dict, optional
        The provenance record (:func:`potential.provenance.run_record`); default
        ``scenario_run.provenance``, else a record made from ``analysis`` (without criteria
        or body-weights file hashes; pass the record of the run to have them). The SMAA
        seed and settings are added if the record has none.
    lang : {"de", "en"}
        Language of the text, the numbers (decimal comma in German) and the charts.
    figures : bool
        Draw the charts (default). ``False`` gives the text and tables only, much faster.

    Returns
    -------
    Report
        The same inputs give the same bytes (no clock time anywhere, SVG ids with a fixed
        salt).

    Raises
    ------
    ValueError
        Neither ``analysis`` nor ``scenario_run``, an ``analysis`` that is not the scenario
        run's, or an unknown ``lang``.
    """
    from potential.messages import message
    from potential.report import html, markdown
    from potential.report.build import _Context, report_document
    from potential.report.text import check_lang

    check_lang(lang)
    if scenario_run is not None:
        if analysis is None:
            analysis = scenario_run.analysis
        elif analysis is not scenario_run.analysis:
            raise ValueError(message("report.not_the_runs"))
        if smaa is None:
            smaa = scenario_run.smaa
    if analysis is None:
        raise ValueError(message("report.nothing"))
    record = _record(analysis, scenario_run, smaa, provenance)
    ctx = _Context(analysis, lang, scenario_run, smaa, record, figures, sharing)
    document = report_document(ctx)
    return Report(
        html=html.render(document, ctx.figures),
        markdown=markdown.render(document, ctx.figures, FIGURE_DIR),
        figures=dict(ctx.figures),
        provenance=record,
        lang=lang,
    )


def _record(analysis, scenario_run, smaa, provenance) -> dict:
    from potential.provenance import run_record

    if provenance is None:
        provenance = scenario_run.provenance if scenario_run is not None else None
    if not provenance:
        provenance = run_record(analysis)
    if smaa is not None and provenance.get("seed") is None:
        settings = {"method": smaa.method, "n": smaa.n, "weights": smaa.weights,
                    "values": smaa.values}  # fmt: skip
        provenance = {**provenance, "seed": smaa.seed, "settings": settings}
    return provenance


def write_report(report: Report, out_dir, protect=()) -> list[Path]:
    """Write ``report.html``, ``report.md``, ``report_files/*.svg`` and ``provenance.json``.

    Parameters
    ----------
    report : Report
        From :func:`build_report`.
    out_dir : str or Path
        The folder, created if missing.
    protect : iterable of Path
        Input files that must never be overwritten (see
        :func:`potential.files.write_outputs`).

    Returns
    -------
    list of Path
        The files written: the charts first, then the report files and ``provenance.json``.

    Notes
    -----
    One set, written by :func:`potential.files.write_outputs`: all files appear complete or
    none does, and ``provenance.json`` lists the SHA-256 and size of every one, the charts
    as ``report_files/<name>.svg``. Charts of an earlier report that this one does not have
    are removed (unless changed since), so the folder holds exactly this report.
    """
    from potential.files import write_outputs

    outputs = {
        f"{FIGURE_DIR}/{name}": _bytes_writer(data) for name, data in report.figures.items()
    }
    outputs["report.html"] = _bytes_writer(report.html.encode("utf-8"))
    outputs["report.md"] = _bytes_writer(report.markdown.encode("utf-8"))
    return write_outputs(Path(out_dir), outputs, protect=protect, provenance=report.provenance)


def _bytes_writer(data: bytes):
    def write(path: Path) -> None:
        Path(path).write_bytes(data)

    return write
