"""Command line: ``potential analyse | compare-methods | smaa | scenario run|compare | schema |
plot | report | cooperations list|plot | coalitions | sharing | survey template|import | validate |
data show|sources | init``.

Each command parses its options, makes one library call, writes or prints the result, and
turns a user's mistake (:class:`potential.errors.InputError`) into one line on stderr and
exit code 2. The heavy libraries are imported inside the commands, so ``--help`` is fast.
Commands live in modules by what they do; importing this package registers them all.
"""

from potential.cli import (  # noqa: F401  (importing registers the commands)
    analysis_commands,
    data_commands,
    output_commands,
    partner_commands,
    scenario_commands,
    sharing_commands,
    survey_commands,
    workspace_commands,
)
from potential.cli._common import METHOD_NAMES, InputProblem, main

__all__ = ["METHOD_NAMES", "InputProblem", "main"]
