"""KMZ files open whether GDAL has its LIBKML driver (Debian 12) or only KML (Debian sid's GDAL 3.13)."""

import zipfile

import pytest
from osgeo import ogr


def _kmz(tmp_path, write_vector, inner="doc.kml", extra=()):
    kml = write_vector(tmp_path / "p.kml", [("POLYGON((-75.2 -11.8,-75.19 -11.8,-75.19 -11.79,-75.2 -11.79,"
                                             "-75.2 -11.8))", {"Name": "a"})], driver="KML")
    kmz = tmp_path / "p.kmz"
    with zipfile.ZipFile(kmz, "w") as zf:
        for name in extra:
            zf.writestr(name, "not a kml")
        zf.write(kml, inner)
    return kmz


# without LIBKML on every GDAL (simulated where GDAL has it); with it only where this GDAL has it
@pytest.mark.parametrize("libkml", [False] + ([True] if ogr.GetDriverByName("LIBKML") is not None else []))
@pytest.mark.parametrize("inner", ["doc.kml", "files/areas.kml"])
def test_kmz_opens_with_or_without_libkml(tmp_path, write_vector, monkeypatch, libkml, inner):
    from t2restore.ui import area_import

    if not libkml:  # as on Debian sid's GDAL 3.13, built without libkml
        real = ogr.GetDriverByName
        monkeypatch.setattr(area_import.ogr, "GetDriverByName", lambda name: None if name == "LIBKML" else real(name))
    kmz = _kmz(tmp_path, write_vector, inner, extra=("images/icon.png",))
    layer = area_import.open_file(kmz)
    assert layer.isValid() and layer.featureCount() == 1
    if not libkml:
        assert layer.source().startswith(f"/vsizip/{kmz}/{inner}")
    assert area_import.sublayers(kmz)


def test_a_kmz_without_kml_inside_does_not_open(tmp_path, monkeypatch):
    from t2restore.ui import area_import

    real = ogr.GetDriverByName
    monkeypatch.setattr(area_import.ogr, "GetDriverByName", lambda name: None if name == "LIBKML" else real(name))
    bad = tmp_path / "empty.kmz"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("readme.txt", "no placemarks here")
    assert not area_import.open_file(bad).isValid()
    (tmp_path / "broken.kmz").write_bytes(b"not a zip")
    assert not area_import.open_file(tmp_path / "broken.kmz").isValid()
