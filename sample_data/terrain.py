"""Terrain driver fields of one window: elevation, slope, distances to rivers, roads and towns,
access, moisture and per-pixel white noise (the base of ``block.Block``)."""

from functools import cached_property

import numpy as np

from .noise import lattice_hash, mix64, smoothstep, uniform
from .world import distance_to_graph


class TerrainFields:
    """Terrain fields of the window rows r0..r0+h, columns c0..c0+w, each computed once, on demand.

    Geometric fields are computed with a one-pixel halo so that slope needs no neighbour window.
    """

    def __init__(self, world, r0, c0, h, w):
        self.world = world
        self.r0, self.c0, self.h, self.w = r0, c0, h, w
        n = world.size
        self._v64 = (np.arange(r0 - 1, r0 + h + 1, dtype=np.float64) + 0.5) / n
        self._u64 = (np.arange(c0 - 1, c0 + w + 1, dtype=np.float64) + 0.5) / n
        self.v_pad = self._v64.astype(np.float32)[:, None]
        self.u_pad = self._u64.astype(np.float32)[None, :]
        self.v = self.v_pad[1:-1]
        self.u = self.u_pad[:, 1:-1]
        self._noise = {}
        self._national = {}

    def _inner(self, a):
        return a[1:-1, 1:-1]

    def noise(self, name):
        """The world's noise field ``name`` on this window (computed once)."""
        if name not in self._noise:
            self._noise[name] = self.world.noise[name](self.r0, self.c0, self.h, self.w)
        return self._noise[name]

    # --- geometry (padded) -------------------------------------------------------------------
    def noise_pad(self, name):
        """Noise on the padded window (its inner part equals ``noise(name)`` bit for bit)."""
        key = name + "+pad"
        if key not in self._noise:
            self._noise[key] = self.world.noise[name](self.r0 - 1, self.c0 - 1, self.h + 2, self.w + 2)
        return self._noise[key]

    @cached_property
    def transition_pad(self):
        return self.world.transition_u(self._v64)[0].astype(np.float32)[:, None]

    @cached_property
    def highland_pad(self):
        """1 in the Andes, 0 in the lowland, across a ragged eastern slope about 0.16 wide."""
        ut = self.transition_pad + 0.15 * self.noise_pad("warp")
        return smoothstep((ut - self.u_pad) * (1 / 0.16) + 0.5)

    @cached_property
    def main_pad(self):
        centre, slope = self.world.main_u(self._v64)
        centre = centre.astype(np.float32)[:, None]
        return centre, distance_to_graph(self.u_pad, centre, slope[:, None])

    @cached_property
    def d_trib_pad(self):
        centre, slope = self.world.trib_v(self._u64)
        d = distance_to_graph(self.v_pad, centre.astype(np.float32)[None, :], slope[None, :])
        return np.where(self.u_pad < self.main_pad[0], d, np.float32(1.0))

    @cached_property
    def elev_pad(self):
        """Elevation in metres: puna ~4150 m in the west, lowland ~200-350 m in the east."""
        wd = self.world
        u, v = self.u_pad, self.v_pad
        ut = self.transition_pad
        hl = self.highland_pad
        low = 380.0 - 200.0 * u
        base = low + (4150.0 - low) * hl
        # Folded noise: sharp V valleys along its zero lines, rounded ridges between them.
        relief = 2.0 * np.abs(self.noise_pad("elev")) - 0.4
        amp = (40.0 + 0.15 * (base - 200.0)) * np.float32(wd.relief)
        # Compact profiles: nothing far from a river depends on the river's (approximate) distance.
        valley = smoothstep(1.0 - self.d_trib_pad * (1 / 0.07))
        plain = smoothstep(1.0 - self.main_pad[1] * (1 / 0.05))
        depth = 2100.0 * smoothstep(u * 4.0) * smoothstep((ut + 0.1 - u) * 5.0)
        elev = base + amp * relief * (1.0 - 0.85 * valley) * (1.0 - 0.9 * plain)
        elev -= depth * valley + 30.0 * plain * (1.0 - hl)
        nu, nv, nr = wd.nevado
        du = (u - np.float32(nu)) * np.float32(1 / nr)
        dv = (v - np.float32(nv)) * np.float32(1 / nr)
        radial = (du * du + dv * dv) * np.maximum(1.0 + 0.8 * self.noise_pad("shape"), 0.4)
        bump = np.maximum(1.0 - radial, 0.0)
        elev += 1300.0 * bump * bump
        return np.maximum(elev, 120.0)

    # --- geometry (inner) ----------------------------------------------------------------------
    @cached_property
    def elev(self):
        return self._inner(self.elev_pad)

    @cached_property
    def slope(self):
        """Slope in percent, from the DEM with the real pixel size (as a user would compute it)."""
        e = self.elev_pad
        k = np.float32(50.0 / self.world.pixel_size)  # 100 % / (2 * pixel)
        dx = (e[1:-1, 2:] - e[1:-1, :-2]) * k
        dy = (e[2:, 1:-1] - e[:-2, 1:-1]) * k
        return np.sqrt(dx * dx + dy * dy)

    @cached_property
    def transition(self):
        return self.transition_pad[1:-1]

    @cached_property
    def highland(self):
        return self._inner(self.highland_pad)

    @cached_property
    def d_main(self):
        return self._inner(self.main_pad[1])

    @cached_property
    def d_trib(self):
        return self._inner(self.d_trib_pad)

    @cached_property
    def d_trunk(self):
        """Distance to the trunk road, which ends at the river port."""
        wd = self.world
        centre, slope = wd.road_v(self._u64[1:-1])
        d = distance_to_graph(self.v, centre.astype(np.float32)[None, :], slope[None, :])
        pu, pv = wd.port
        du = self.u - np.float32(pu)
        dv = self.v - np.float32(pv)
        return np.where(self.u <= np.float32(pu), d, np.sqrt(du * du + dv * dv))

    @cached_property
    def d_branch(self):
        centre, slope = self.world.branch_u(self._v64[1:-1])
        return distance_to_graph(self.u, centre.astype(np.float32)[:, None], slope[:, None])

    @cached_property
    def d_road(self):
        """Distance to the nearest road (trunk road to the port, or the north-south branch)."""
        return np.minimum(self.d_trunk, self.d_branch)

    def _feeders(self, along, across, key, start, stop):
        """Distance to feeder tracks crossing a road at right angles (the fishbone pattern).

        ``along`` is the position along the road (a row or column vector), ``across`` the distance
        from the road. Feeder k sits near ``(k + 0.5) * spacing`` with a hashed jitter and length;
        the three nearest feeders are checked so the field has no seams.
        """
        wd = self.world
        sp = wd.feeder_spacing
        cell = np.floor(along.astype(np.float64) / sp).astype(np.int64)
        best = np.full(np.broadcast(along, across).shape, np.float32(1e9))
        for shift in (-1, 0, 1):
            k = cell + shift
            h = lattice_hash(key, k)
            pos = (k + 0.2 + 0.6 * uniform(h)) * sp
            length = (0.3 + uniform(mix64(h)) * 1.2) * wd.feeder_length
            pos = pos.astype(np.float32)
            length = np.where((pos > start) & (pos < stop), length, -1.0).astype(np.float32)
            d_along = np.abs(along - pos)
            over = np.maximum(across - length, 0.0)
            d = np.where(length > 0, np.sqrt(d_along * d_along + over * over), np.float32(1e9))
            np.minimum(best, d, out=best)
        return best

    @cached_property
    def d_feeder(self):
        wd = self.world
        branch = self._feeders(self.v, self.d_branch, wd.feeder_keys[0], 0.0, 1.0)
        trunk = self._feeders(self.u, self.d_trunk, wd.feeder_keys[1], 0.52, wd.port[0])
        return np.minimum(branch, trunk)

    @cached_property
    def town_norm(self):
        """Distance to the nearest town centre in units of that town's (irregular) radius.

        Exact below 3 (towns farther than 5 radii from the window are skipped).
        """
        wd = self.world
        best = np.full((self.h, self.w), np.float32(1e9))
        for town in wd.towns:
            r = max(town.radius, wd.min_radius)
            if self._far(town.u, town.v, 5.0 * r):
                continue
            du = self.u - np.float32(town.u)
            dv = self.v - np.float32(town.v)
            np.minimum(best, np.sqrt(du * du + dv * dv) * np.float32(1.0 / r), out=best)
        return best / np.clip(1.0 + 0.5 * self.noise("shape"), 0.4, 1.6)

    @cached_property
    def d_town(self):
        """Distance to the edge of the nearest town (relative units)."""
        wd = self.world
        best = np.full((self.h, self.w), np.float32(1e9))
        for town in wd.towns:
            du = self.u - np.float32(town.u)
            dv = self.v - np.float32(town.v)
            d = np.sqrt(du * du + dv * dv) - np.float32(max(town.radius, wd.min_radius))
            np.minimum(best, d, out=best)
        return np.maximum(best, np.float32(0.0))

    @cached_property
    def access(self):
        """Distance (metres) to what opens forest to clearing: roads, tracks, rivers, towns."""
        a = np.minimum(self.d_road, 1.15 * self.d_feeder)
        a = np.minimum(a, 2.0 * self.d_main)
        a = np.minimum(a, 2.0 * self.d_trib)
        a = np.minimum(a, self.d_town)
        return a * np.float32(self.world.extent_m)

    @cached_property
    def moisture(self):
        near_main = smoothstep(1.0 - self.d_main * (1 / 0.05))
        near_trib = smoothstep(1.0 - self.d_trib * (1 / 0.02))
        return self.noise("moist") + 0.6 * near_main + 0.3 * near_trib

    def _far(self, cu, cv, reach):
        """True when the whole window is farther than ``reach`` from the point (a cheap skip)."""
        du = max(float(self.u[0, 0]) - cu, cu - float(self.u[0, -1]), 0.0)
        dv = max(float(self.v[0, 0]) - cv, cv - float(self.v[-1, 0]), 0.0)
        return du * du + dv * dv > reach * reach

    def _disc(self, centre, scale=1.0, ragged=0.5):
        """Distance to a fixed point in units of its radius (at least 2 pixels), ragged edge.

        Exact below 2 (all callers compare with smaller values); windows far away get +inf
        without computing anything, which keeps small features cheap on huge rasters.
        """
        cu, cv, r = centre
        r = max(r * scale, 2.0 * self.world.px)
        if self._far(cu, cv, 5.0 * r):
            return np.broadcast_to(np.float32(np.inf), (self.h, self.w))
        du = self.u - np.float32(cu)
        dv = self.v - np.float32(cv)
        ragged = np.maximum(1.0 + ragged * self.noise("shape"), 0.4)
        return np.sqrt(du * du + dv * dv) * np.float32(1.0 / r) * ragged

    @cached_property
    def pixel_random(self):
        """Two independent per-pixel uniforms in [0, 1) (white noise for salt-and-pepper effects)."""
        rows = np.arange(self.r0, self.r0 + self.h)[:, None]
        cols = np.arange(self.c0, self.c0 + self.w)[None, :]
        h = lattice_hash(self.world.pixel_key, rows, cols)
        return uniform(h, np.float32), uniform(h << np.uint64(30) | h >> np.uint64(34), np.float32)
