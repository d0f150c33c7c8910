"""Principal components of the vote matrix and Pol.is's sparsity-aware projection (no Django).

Pol.is (Small et al. 2021; polismath `pca.clj`) finds two principal components of the
mean-filled vote matrix by power iteration, warm-started from the last run's components, and
places each participant by projecting only the votes they cast, scaled by
sqrt(statements / statements they voted on) so that people who voted on few statements are not
all piled up in the middle.

Here: an exact SVD when the matrix is small enough to hold densely, else a block (subspace)
power iteration on the sparse centred matrix with a Rayleigh-Ritz step, warm-started from the
previous components when there are any.
"""

import numpy as np
from scipy import sparse

COMPONENTS = 2
_DENSE_LIMIT = 4_000_000  # cells; below this an exact dense SVD is cheap
_EXTRA = 4  # oversampling columns for the block iteration


def _canonical_signs(comps: np.ndarray, previous: np.ndarray | None) -> np.ndarray:
    """Fix each component's sign: as close as possible to the previous run, else so that
    its largest loading is positive (an SVD's signs are arbitrary)."""
    comps = comps.copy()
    for i in range(comps.shape[0]):
        if previous is not None and i < previous.shape[0]:
            flip = float(comps[i] @ previous[i]) < 0
        else:
            biggest = int(np.argmax(np.abs(comps[i]))) if comps.shape[1] else 0
            flip = comps.shape[1] > 0 and comps[i, biggest] < 0
        if flip:
            comps[i] = -comps[i]
    return comps


def principal_components(
    centred: sparse.csr_matrix,
    *,
    start: np.ndarray | None = None,
    seed: int = 0,
    tolerance: float = 1e-6,
    max_iterations: int = 60,
) -> tuple[np.ndarray, np.ndarray]:
    """The top two principal directions (rows, unit length) and their singular values.

    `centred` is participants x statements, already mean-centred. `start` (2 x statements)
    warm-starts the iteration with an earlier run's components.
    """
    n, m = centred.shape
    k = min(COMPONENTS, n, m)
    comps = np.zeros((COMPONENTS, m))
    values = np.zeros(COMPONENTS)
    if k == 0 or centred.nnz == 0:
        return comps, values
    if n * m <= _DENSE_LIMIT:
        _, s, vt = np.linalg.svd(centred.toarray(), full_matrices=False)
        comps[:k] = vt[:k]
        values[:k] = s[:k]
        return _canonical_signs(comps, start), values
    rng = np.random.default_rng(seed)
    width = min(m, k + _EXTRA)
    block = rng.standard_normal((m, width))
    if start is not None and start.shape == (COMPONENTS, m) and np.any(start):
        block[:, :COMPONENTS] = start.T
    basis, _ = np.linalg.qr(block)
    transposed = centred.T.tocsr()
    previous_top = None
    for _ in range(max_iterations):
        product = transposed @ (centred @ basis)
        basis, _ = np.linalg.qr(product)
        # Rayleigh-Ritz: the best two directions inside the current subspace.
        _, s, vt = np.linalg.svd(centred @ basis, full_matrices=False)
        top = (basis @ vt.T)[:, :k]
        if previous_top is not None:
            overlap = np.linalg.svd(previous_top.T @ top, compute_uv=False)
            if 1.0 - float(overlap.min()) < tolerance:
                break
        previous_top = top
        basis = basis @ vt.T
    comps[:k] = top.T
    values[:k] = s[:k]
    return _canonical_signs(comps, start), values


def sparsity_aware_projection(
    centred: sparse.csr_matrix, comps: np.ndarray, voted: np.ndarray, statements: int
) -> np.ndarray:
    """Each participant's place (n x 2): the projection of their own centred votes, scaled by
    sqrt(statements / statements they voted on) (`voted` counts only statements in play)."""
    projection = np.asarray(centred @ comps.T)
    scale = np.sqrt(statements / np.maximum(voted, 1))
    return projection * scale[:, None]
