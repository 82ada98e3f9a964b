"""Work files and output files: owner-stamped temporary names, stale leftovers, size and disk checks, OS errors.

Why this module exists: a run killed outright (kill -9, a crash, a power cut) cannot remove its
working folder (``t2restore-work-*`` in the temp directory) nor the temporary outputs it was writing
beside the destinations (``.<name>.<owner>.<random>.part.tif``); one national run left 512 MB. Each
such name carries its owner (process id and process start time), so the next run removes what a
dead process left and never touches the files of a process still running. Names without an owner
(older versions, or systems where a process cannot be checked safely) are removed only once they
are older than ``STALE_HOURS``.

The size check runs before any work: an output that cannot fit on its disk, or a grid no national
product comes near, is refused with the figures instead of failing hours later.
"""

import errno
import os
import re
import shutil
import tempfile
import time
from contextlib import contextmanager

from osgeo import gdal

from .errors import N_, InputError

STALE_HOURS = 24
WORKDIR_PREFIX = "t2restore-work-"
# Peru at 10 m is about 2.6e10 pixels; 1e11 leaves room for 5 m national grids and refuses grids no
# national product comes near (a wrong unit or CRS makes them: 600,000 x 600,000 = 3.6e11 pixels).
MAX_PIXELS = 100_000_000_000
# Worst case of a tiled, compressed GeoTIFF: the raw pixels (incompressible data such as continuous
# scores barely shrink with DEFLATE/ZSTD) plus 1 % for tile indexes, headers and compression blocks
# that grow. Class rasters usually compress 10-50x, but that is only known after the work.
SIZE_MARGIN = 1.01

# t2restore-work-<pid>-<start>-<random> (ours); t2restore-<random> (older versions); the same with a dot and
# "lpd" for the folders algorithms/productivity.py makes beside its output when it is given no working folder
_WORKDIR = re.compile(r"^(?:\.?t2restore-(?:work|lpd)-(\d+)-(\d+)-[a-z0-9_]+|t2restore-[a-z0-9_]{8}"
                      r"|\.t2restore-lpd-[a-z0-9_]{8})$")
_PART = re.compile(r"^\..+\.(\d+)-(\d+)\.[0-9a-f]{8}\.part\.tif(?:\.aux\.xml|\.ovr)?$")
_LEGACY_PART = re.compile(r"^\..+\.[0-9a-f]{8}\.part\.tif(?:\.aux\.xml|\.ovr)?$")


def _start_ticks(pid):
    """The start time of process ``pid`` in clock ticks since boot (Linux), or None when unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else None


def owner_token():
    """``<pid>-<start ticks>`` of this process (``0`` ticks where the start time is unknown)."""
    pid = os.getpid()
    return f"{pid}-{_start_ticks(pid) or 0}"


def _owner_alive(pid, ticks):
    """False only when process ``pid`` (started at ``ticks``) is certainly gone; None when it cannot be told."""
    if os.name != "posix":
        return None  # os.kill(pid, 0) terminates the process on Windows: never probe there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: alive
    current = _start_ticks(pid)
    if ticks != "0" and current is not None and current != ticks:
        return False  # the process id was reused by a newer process
    return True


def _is_stale(path, match, now):
    """Whether the leftover ``path`` (its name matched by ``match``) may be removed."""
    if match.lastindex and match.group(1):
        alive = _owner_alive(int(match.group(1)), match.group(2))
        if alive is not None:
            return not alive
    try:
        return now - os.lstat(path).st_mtime > STALE_HOURS * 3600
    except OSError:
        return False


def _mine(path):
    try:
        return os.name != "posix" or os.lstat(path).st_uid == os.getuid()
    except OSError:
        return False


def clean_stale_workdirs(parent=None):
    """Remove the working folders of dead runs from ``parent`` (the temp directory); returns their paths."""
    parent = parent or tempfile.gettempdir()
    removed, now = [], time.time()
    try:
        names = os.listdir(parent)
    except OSError:
        return removed
    for name in names:
        match = _WORKDIR.match(name)
        path = os.path.join(parent, name)
        if match and os.path.isdir(path) and not os.path.islink(path) and _mine(path) \
                and _is_stale(path, match, now):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@contextmanager
def work_directory(parent=None, prefix=WORKDIR_PREFIX, shared=False):
    """A working folder named after its owner, removed afterwards; stale ones of dead runs go first.

    ``prefix``: ``t2restore-work-`` (in the temp directory) or ``.t2restore-lpd-`` (beside an output).
    ``shared``: for a Dask cluster's workers, which often run as another user (or on machines that map users
    differently), the folder is made readable by all (``mkdtemp`` makes it its owner's only); only the owner
    writes in it.
    """
    clean_stale_workdirs(parent)
    path = tempfile.mkdtemp(prefix=f"{prefix}{owner_token()}-", dir=parent)
    if shared:
        os.chmod(path, 0o755)  # nosec B103 - read by the cluster's workers; written by its owner only
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def part_path(path, suffix=".part.tif"):
    """The temporary name an output is written under, beside it: ``.<name>.<owner>.<random>.part.tif``."""
    folder, base = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{base}.{owner_token()}.{os.urandom(4).hex()}{suffix}")


def clean_stale_parts(folder):
    """Remove the temporary outputs (and working folders) of dead runs from ``folder``; returns their paths."""
    removed, now = clean_stale_workdirs(folder), time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _PART.match(name) or _LEGACY_PART.match(name)
        path = os.path.join(folder, name)
        if match and os.path.isfile(path) and _mine(path) and _is_stale(path, match, now):
            try:
                os.remove(path)
                removed.append(path)
            except OSError:
                pass
    return removed


def _size(n_bytes):
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:,.2f} {unit}"
    return f"{n_bytes / 1e3:,.1f} KB"


def check_grid_size(xsize, ysize):
    """Refuse grids larger than ``MAX_PIXELS`` before any work."""
    if xsize * ysize > MAX_PIXELS:
        raise InputError(N_("The grid of {x:,} x {y:,} pixels ({gpx:,.0f} gigapixels) is larger than T2 Restore "
                            "processes ({limit:,.0f} gigapixels; Peru at 10 m is about 26). Check the pixel size "
                            "and the extent of the inputs (a wrong CRS or unit makes such grids), or process a "
                            "smaller region."),
                         x=xsize, y=ysize, gpx=xsize * ysize / 1e9, limit=MAX_PIXELS / 1e9)


def output_bytes(xsize, ysize, bands, itemsize):
    """Worst-case bytes of a tiled, compressed GeoTIFF output (see ``SIZE_MARGIN``)."""
    return int(xsize * ysize * bands * itemsize * SIZE_MARGIN)


def _existing_folder(path):
    folder = os.path.dirname(os.path.abspath(path))
    while folder and not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def check_free_space(needs):
    """Refuse when the disks cannot hold the outputs: ``needs`` is [(output path, bytes)].

    Outputs on one disk add up. An output replacing an existing file counts in full: the old file stays
    until the new one is complete and renamed over it.
    """
    per_disk = {}
    for path, n_bytes in needs:
        folder = _existing_folder(path)
        try:
            device = os.stat(folder).st_dev
        except OSError:
            continue
        entry = per_disk.setdefault(device, [folder, 0])
        entry[1] += n_bytes
    for folder, n_bytes in per_disk.values():
        free = shutil.disk_usage(folder).free
        if n_bytes > free:
            raise InputError(N_("The outputs need up to {need} on the disk of {folder}, which has {free} free. "
                                "Free some space or choose an output folder on another disk."),
                             need=_size(n_bytes), folder=folder, free=_size(free))


_OS_MESSAGES = {
    errno.EACCES: N_("Permission denied for {path}: this account cannot write or read there. Choose a folder you "
                     "can write to (for example in your Documents) or ask for access to it."),
    errno.EEXIST: N_("Cannot create the folder {path}: a file of that name is in the way. Choose an output path "
                     "whose folders are folders, not files."),
    errno.ENOTDIR: N_("Cannot use {path}: part of the path is a file, not a folder. Choose an output path whose "
                      "folders are folders, not files."),
    errno.ENOSPC: N_("The disk holding {path} is full. Free some space or choose a folder on another disk."),
    errno.EROFS: N_("{path} is on a read-only disk. Choose a folder on a writable disk."),
    errno.ENOENT: N_("{path} does not exist. Check the path, or that the disk or network folder is connected."),
    errno.EISDIR: N_("{path} is a folder, not a file. Choose a file name."),
}
_OS_MESSAGES[errno.EPERM] = _OS_MESSAGES[errno.EACCES]
_OS_MESSAGES[getattr(errno, "EDQUOT", errno.ENOSPC)] = _OS_MESSAGES[errno.ENOSPC]


def os_error(error, path=None):
    """The InputError for an OSError: what went wrong with which file and what to do."""
    path = path or error.filename or error.filename2 or "?"
    template = _OS_MESSAGES.get(error.errno)
    if template is None:
        return InputError(N_("Cannot read or write {path}: {reason}. Check the path and that the disk is "
                             "available, then run again."), path=path, reason=error.strerror or str(error))
    return InputError(template, path=path)


# Written into every style file T2 Restore writes, so that a style file of the same name that the user
# (or another program) wrote is never overwritten nor deleted.
QML_MARKER = "<!-- written by T2 Restore -->"


def written_by_us(path):
    """Whether the text file ``path`` exists and carries ``QML_MARKER`` in its first lines."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(512)
    except OSError:
        return False
    return QML_MARKER in head


def damaged_source(ds):
    """The file to name when ``ds`` cannot be read: for a VRT, the first of its sources that cannot
    be read whole (checked only on this error path), else the dataset itself."""
    path = ds.GetDescription()
    if ds.GetDriver() is None or ds.GetDriver().ShortName != "VRT":
        return path
    for source in (ds.GetFileList() or [])[1:]:
        try:
            src = gdal.Open(source)
            ok = src is not None and all(src.GetRasterBand(i + 1).Checksum() >= 0 for i in range(src.RasterCount))
        except RuntimeError:
            ok = False
        if not ok:
            return source
    return path
