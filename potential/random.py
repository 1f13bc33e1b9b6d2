"""Random numbers: the one place that turns a user's seed into generators.

Every random function of the package takes ``seed: int | numpy.random.Generator | None`` and
hands it to this module (as SALib's ``handle_seed`` does):

* :func:`generator` gives one :class:`numpy.random.Generator` for simple uses;
* :func:`entropy` and :class:`BlockStream` give *chunk-invariant* streams for Monte Carlo
  runs such as SMAA, where the samples for a seed must not depend on how many samples are
  drawn at a time (or by how many threads).

Block scheme
------------
Samples are numbered 0, 1, 2, ... and grouped into fixed blocks of :data:`BLOCK` samples.
Block ``b`` draws from its own generator

.. code-block:: python

    np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy, spawn_key=(b,))))

where ``entropy`` is an integer derived once from the user's seed (:func:`entropy`): an
``int`` seed is used as it is, a ``Generator`` gives one 128-bit draw, ``None`` gives fresh
entropy from the operating system. A range of samples ``[start, stop)`` is assembled from the
blocks it overlaps, so sample ``i`` is the same whatever the chunks are. Further independent
streams of a block (e.g. for uncertain input values) use the block's children
``SeedSequence(entropy, spawn_key=(b, k))`` (:func:`block_sequence`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from potential.errors import InputError
from potential.messages import message

#: Samples per block of the chunk-invariant streams.
BLOCK = 4096

__all__ = ["BLOCK", "BlockStream", "block_sequence", "blocks", "entropy", "generator"]


def _check_int(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise InputError(message("uncertainty.seed_type", got=type(seed).__name__), "seed")
    if seed < 0:
        raise InputError(message("uncertainty.seed_negative", seed=seed), "seed")
    return int(seed)


def generator(seed: int | np.random.Generator | None = None) -> np.random.Generator:
    """A :class:`numpy.random.Generator` for ``seed``.

    Parameters
    ----------
    seed : int, numpy.random.Generator or None
        An int (>= 0) seeds a new PCG64 generator; a Generator is returned as it is (and
        advanced by its user); None gives fresh entropy.

    Returns
    -------
    numpy.random.Generator

    Raises
    ------
    InputError
        On anything else (floats, bools, negative ints, strings).
    """
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(None if seed is None else _check_int(seed))


def entropy(seed: int | np.random.Generator | None = None) -> int:
    """The root entropy of a chunk-invariant run: an int that repeats the run when used as seed.

    An int seed is returned as it is; a Generator gives one 128-bit draw (so it is advanced);
    None gives fresh entropy from the operating system (``SeedSequence().entropy``).
    """
    if seed is None:
        return int(np.random.SeedSequence().entropy)
    if isinstance(seed, np.random.Generator):
        lo, hi = seed.integers(0, 2**64, size=2, dtype=np.uint64)
        return int(hi) << 64 | int(lo)
    return _check_int(seed)


def block_sequence(root: int, block: int, *stream: int) -> np.random.SeedSequence:
    """The seed sequence of block ``block`` (and, with ``stream``, of one of its children)."""
    return np.random.SeedSequence(root, spawn_key=(int(block), *map(int, stream)))


def blocks(start: int, stop: int) -> Iterator[tuple[int, int, int]]:
    """The blocks a range of samples overlaps: ``(block, lo, hi)`` with offsets in the block.

    Samples ``block * BLOCK + lo`` to ``block * BLOCK + hi - 1`` are the part of
    ``[start, stop)`` inside that block.
    """
    pos = start
    while pos < stop:
        b = pos // BLOCK
        end = min(stop, (b + 1) * BLOCK)
        yield b, pos - b * BLOCK, end - b * BLOCK
        pos = end


class BlockStream:
    """Samples drawn block by block, so that sample ``i`` does not depend on the chunks.

    Parameters
    ----------
    root : int
        Root entropy (:func:`entropy`).
    draw : callable
        ``draw(n, rng) -> ndarray`` with ``n`` rows; called with ``n = BLOCK`` and the block's
        own generator.

    Notes
    -----
    The last block drawn is cached, so consecutive small chunks do not draw it again.
    """

    def __init__(self, root: int, draw: Callable[[int, np.random.Generator], np.ndarray]):
        self.root = int(root)
        self._draw = draw
        self._cached: tuple[int, np.ndarray] | None = None

    def block(self, b: int) -> np.ndarray:
        """All :data:`BLOCK` samples of block ``b``."""
        if self._cached is None or self._cached[0] != b:
            rng = np.random.Generator(np.random.PCG64(block_sequence(self.root, b)))
            self._cached = (b, self._draw(BLOCK, rng))
        return self._cached[1]

    def take(self, start: int, stop: int) -> np.ndarray:
        """Samples ``start`` to ``stop - 1``."""
        parts = [self.block(b)[lo:hi] for b, lo, hi in blocks(start, stop)]
        return parts[0].copy() if len(parts) == 1 else np.concatenate(parts)
