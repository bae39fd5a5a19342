"""Participants on a two-dimensional opinion map, the way pol.is places them.

Missing votes are filled with the statement's mean vote; a 2-component PCA of that matrix
gives each participant's position; then each position is scaled by
sqrt(statements / the participant's votes), so people who voted on few statements are not
bunched in the middle just because the mean filled their gaps.

The filled matrix is never built: after centring, a filled cell is exactly 0, so the
centred matrix has the sparsity of the votes; its covariance (statements by statements)
is summed over blocks of participants, so memory stays bounded however many vote. The
component signs follow scikit-learn's PCA (each component's largest entry positive), as
red-dwarf's do.
"""

from dataclasses import dataclass

import numpy as np

from cocreate.engines.opinions.votes import VoteMatrix

BLOCK = 4096  # participants per block of the covariance sum


@dataclass(frozen=True, eq=False)
class Projection:
    coordinates: np.ndarray  # (P, 2): each participant's scaled position
    components: np.ndarray  # (2, S): the statements' weights on each axis
    means: np.ndarray  # (S,): each statement's mean vote, which filled its gaps
    explained: np.ndarray  # (2,): share of the variance each axis explains


def project(matrix: VoteMatrix) -> Projection:
    participants, statements = matrix.values.shape
    voters = np.asarray(matrix.voted.sum(axis=0)).ravel()
    means = np.asarray(matrix.values.sum(axis=0)).ravel() / np.maximum(voters, 1)
    centred = (matrix.values - matrix.voted.multiply(means[None, :])).tocsr()
    covariance = np.zeros((statements, statements))
    for start in range(0, participants, BLOCK):
        block = centred[start : start + BLOCK].toarray()
        covariance += block.T @ block
    covariance /= max(participants - 1, 1)
    eigenvalues, eigenvectors = np.linalg.eigh(covariance)  # ascending
    components = eigenvectors[:, ::-1][:, :2].T
    largest = np.abs(components).argmax(axis=1)
    components *= np.sign(components[np.arange(len(components)), largest])[:, None]
    scale = np.sqrt(statements / np.maximum(matrix.votes_cast, 1))
    coordinates = np.asarray(centred @ components.T) * scale[:, None]
    total = max(float(eigenvalues.sum()), np.finfo(float).tiny)
    return Projection(coordinates, components, means, eigenvalues[::-1][:2] / total)
