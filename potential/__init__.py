"""potential: eGovernment potential analysis of inter-municipal cooperation (IKZ).

The package scores candidate fields of cooperation (ePayment, eVergabe, shared services, IT,
waste management, Förderschulen) against a weighted multi-criteria model and ranks the
cooperation options of every body (county and towns).

Importing ``potential`` is cheap: the heavy modules (pandas, scikit-criteria) load on first
use of :func:`analyse` or :func:`load_dataset`.

Examples
--------
>>> import potential
>>> result = potential.analyse()                      # doctest: +SKIP
>>> result.ranking.query("body == 'boenen'").head()   # doctest: +SKIP
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("potential")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

_LAZY = {
    "analyse": ("potential.analysis", "analyse"),
    "Analysis": ("potential.analysis", "Analysis"),
    "load_dataset": ("potential.datasets", "load_dataset"),
    "load_criteria": ("potential.criteria", "load_criteria"),
    "InputError": ("potential.errors", "InputError"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name):
    """Import the public API lazily (PEP 562) so ``import potential`` stays light."""
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'potential' has no attribute {name!r}") from None
    return getattr(import_module(module_name), attr)
