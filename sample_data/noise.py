"""Hashing and value noise: pure functions of integer coordinates, so any window gives the same
values and no global array is ever needed.

Only exactly rounded arithmetic (+ - * / sqrt, comparisons) touches per-pixel arrays, and the hash is an
integer one (no numpy random streams), so a seed gives the same maps on numpy 1.x and 2.x.
"""

import zlib

import numpy as np

_MASK64 = (1 << 64) - 1
_C1 = np.uint64(0xBF58476D1CE4E5B9)
_C2 = np.uint64(0x94D049BB133111EB)
_PY = np.uint64(0x9E3779B97F4A7C15)
_PX = np.uint64(0xC2B2AE3D27D4EB4F)
_S11, _S27, _S30, _S31, _S40 = (np.uint64(s) for s in (11, 27, 30, 31, 40))


def mix_int(x):
    """splitmix64 finaliser on a Python int: derives independent 64-bit keys from small ints."""
    x &= _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


def field_key(seed, name, octave=0):
    """Key of one random field: by name (not by creation order), so adding a field shifts none."""
    return mix_int(mix_int(int(seed) * 0x9E3779B97F4A7C15 + zlib.crc32(name.encode())) + octave)


def mix64(x):
    """splitmix64 finaliser on a uint64 array (wrapping arithmetic is what a hash wants)."""
    x = x ^ (x >> _S30)
    x = x * _C1
    x = x ^ (x >> _S27)
    x = x * _C2
    return x ^ (x >> _S31)


def _as_u64(a):
    return np.ascontiguousarray(a, dtype=np.int64).view(np.uint64)


def lattice_hash(key, iy, ix=None):
    """64-bit hash of integer lattice coordinates (broadcasting iy against ix)."""
    h = _as_u64(iy) * _PY
    if ix is not None:
        h = h ^ (_as_u64(ix) * _PX)
    return mix64(h ^ np.uint64(key))


def uniform(h, dtype=np.float64):
    """Uniform [0, 1) from a hash: 53 bits for float64, 24 for float32 (exact either way)."""
    if dtype == np.float32:
        return (h >> _S40).astype(np.float32) * np.float32(2.0**-24)
    return (h >> _S11).astype(np.float64) * (2.0**-53)


def smoothstep(t):
    """Smoothstep of t clipped to [0, 1]: a sigmoid made of exactly rounded operations only."""
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


class Noise1D:
    """Fractal 1-D value noise with its derivative, for the centre lines of rivers and roads."""

    def __init__(self, seed, name, base_cells, octaves, persistence):
        self.octaves = [
            (field_key(seed, name, k), base_cells * 2**k, persistence**k) for k in range(octaves)
        ]
        total = sum(a for _, _, a in self.octaves)
        self.octaves = [(key, n, a / total) for key, n, a in self.octaves]

    def __call__(self, t):
        """Value in about [-1, 1] and d/dt at relative positions t (float64 arrays)."""
        t = np.asarray(t, np.float64)
        value = np.zeros_like(t)
        slope = np.zeros_like(t)
        for key, n, amp in self.octaves:
            x = t * n
            i = np.floor(x)
            f = x - i
            i = i.astype(np.int64)
            a = uniform(lattice_hash(key, i)) * 2.0 - 1.0
            b = uniform(lattice_hash(key, i + 1)) * 2.0 - 1.0
            value += amp * (a + (b - a) * (f * f * (3.0 - 2.0 * f)))
            slope += amp * (b - a) * (6.0 * f * (1.0 - f) * n)
        return value, slope


class Noise2D:
    """Fractal 2-D value noise (standard deviation ~1/3) over the region, on any window of pixels.

    Octave k has ``base_cells * 2**k`` cells across the region (so every size shows the same
    coarse pattern), down to cells of about ``finest_px`` pixels. Coarser octaves are resampled with
    smoothstep onto the finest lattice nodes that the window needs, and the sum is interpolated
    bilinearly per pixel: one gather-and-lerp per pixel whatever the number of octaves.
    """

    def __init__(self, seed, name, size, base_cells=3, finest_px=8.0, persistence=0.5):
        cells = [base_cells]
        while size / (cells[-1] * 2) >= finest_px:
            cells.append(cells[-1] * 2)
        amps = [persistence**k for k in range(len(cells))]
        # Standard deviation about 1/3 whatever the number of octaves (hence the size).
        norm = 0.8 / sum(a * a for a in amps) ** 0.5
        self.octaves = [(field_key(seed, name, k), n, a * norm) for k, (n, a) in enumerate(zip(cells, amps))]
        self.size = size

    def _lattice(self, jy, jx):
        """Summed octaves at finest-lattice nodes jy (rows) x jx (columns), float64."""
        finest = self.octaves[-1][1]
        total = np.zeros((jy.size, jx.size))
        for key, n, amp in self.octaves:
            ratio = finest // n
            axes = []
            for j in (jy, jx):
                q = j // ratio
                t = (j - q * ratio) / ratio
                q0 = int(q[0])
                axes.append((q - q0, t * t * (3.0 - 2.0 * t), np.arange(q0, int(q[-1]) + 2)))
            (qy, sy, ny), (qx, sx, nx) = axes
            values = uniform(lattice_hash(key, ny[:, None], nx[None, :])) * 2.0 - 1.0
            a = values[qy]
            rows = a + (values[qy + 1] - a) * sy[:, None]
            a = rows[:, qx]
            total += amp * (a + (rows[:, qx + 1] - a) * sx[None, :])
        return total

    def __call__(self, r0, c0, h, w):
        """float32 (h, w) values, roughly in [-1, 1], for global rows r0.. and columns c0.."""
        scale = self.octaves[-1][1] / self.size
        fy = (np.arange(r0, r0 + h, dtype=np.float64) + 0.5) * scale
        fx = (np.arange(c0, c0 + w, dtype=np.float64) + 0.5) * scale
        iy = np.floor(fy).astype(np.int64)
        ix = np.floor(fx).astype(np.int64)
        grid = self._lattice(np.arange(iy[0], iy[-1] + 2), np.arange(ix[0], ix[-1] + 2))
        grid = grid.astype(np.float32)
        ty = (fy - iy).astype(np.float32)[:, None]
        tx = (fx - ix).astype(np.float32)[None, :]
        iy -= iy[0]
        ix -= ix[0]
        a = grid[iy]
        rows = a + (grid[iy + 1] - a) * ty
        a = rows[:, ix]
        return a + (rows[:, ix + 1] - a) * tx

