"""Deterministic sample initiatives for tests, benchmarks and demonstrations (tools/screenshot.py).

They are valid by default (every FERM rule passes) and placed in Junín, so a test can break one
rule at a time and know that any finding comes from that change. Realistic text only: hostile
strings for the tests (SQL-looking text, quotes, control characters) live in tests/fixtures/.
"""

from osgeo import ogr

from .model import Area, Contact, Initiative, MonitoringValue, Organization


def square(lon, lat, size_deg):
    """A lon/lat square polygon with its south-west corner at (lon, lat)."""
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in (
        (lon, lat),
        (lon + size_deg, lat),
        (lon + size_deg, lat + size_deg),
        (lon, lat + size_deg),
        (lon, lat),
    ):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def sample_area(lon=-75.2, lat=-11.8, size_deg=0.01, site="Parcela", monitoring=1):
    """A valid area (about 120 ha at size 0.01 degree) with FERM codes and Peru additions."""
    area = Area(
        site_name=site,
        start_year=2022,
        ecosystems=["T1"],
        activities=[4, 6, 42],
        restoration_types=[1],
        tenure_statuses=[1],
        department="Junín",
        province="Huancayo",
        district="Huancayo",
        ubigeo="120101",
        ubigeo_source="INEI",
        national_gap="BOTH",
        practices=["regeneracion_natural_asistida"],
        capture_method="gnss_survey",
    )
    area.set_geometry(square(lon, lat, size_deg))
    for k in range(monitoring):
        area.monitoring.append(
            MonitoringValue(indicator="SDG_I_15.1.1", unit="%", date="2024-0%d-01" % (k % 9 + 1), value=10.0 + k)
        )
    return area


def sample_initiative(n=0, areas=2, lon=None, lat=-11.8, size_deg=0.01, monitoring=1):
    """A valid initiative number ``n`` with ``areas`` non-overlapping areas."""
    lon0 = -75.9 + 0.05 * (n % 30) if lon is None else lon
    lat0 = lat + 0.05 * (n // 30)
    ini = Initiative(
        title="Iniciativa %03d de restauración" % n,
        description="Recuperación de bosques y bofedales",
        website="https://example.org/%d" % n,
        start_year=2021,
        end_year=2030,
        restoration_status=2,
        restoration_types=[1, 2],
        objectives=[1, 2],
        tenure_statuses=[1, 2],
        keywords=["bofedal", "queñua"],
        target_area=500.0,
        target_area_unit="ha",
        countries=["PE"],
        reporting_line="FERM",
        funding_sources=["public_investment"],
        implementing_institutions=["regional_government"],
    )
    ini.organizations = [
        Organization(name="Gobierno Regional de Junín", acronym="GRJ", org_type=1, role=1),
        Organization(name="Asociación Bosques Andinos", acronym="ABA", org_type=2, role=2),
    ]
    ini.contacts = [Contact(name="María Quispe", email="mquispe@example.org", organization="GRJ")]
    for k in range(areas):
        ini.areas.append(sample_area(lon0 + k * 2 * size_deg * 1.2, lat0, size_deg, "Sitio %d-%d" % (n, k), monitoring))
    return ini
