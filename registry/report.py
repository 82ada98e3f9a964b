"""The validation report delivered beside every FERM export, as JSON (complete) and CSV (for a
spreadsheet). The export writes both under hidden names and publishes them before the GeoPackage
(registry/ferm.py), so a half-written or stale report never sits next to a finished GeoPackage.
Findings are indexed by uuid once, so the report is linear in the number of refused areas.
"""

import csv
import json
import os
from pathlib import Path


def report_paths(gpkg_path):
    """(json path, csv path) of the report that belongs to an exported GeoPackage."""
    gpkg_path = Path(gpkg_path)
    base = gpkg_path.with_suffix("")
    return base.with_name(base.name + ".validation.json"), base.with_name(base.name + ".validation.csv")


def _atomic_write(path, write):
    tmp = path.with_name("." + path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        write(handle)
    os.replace(tmp, path)


def write_report(gpkg_path, report, initiatives, exported_areas, file_findings, metadata, translate=None):
    """Write the JSON and CSV reports of an export; returns their paths.

    ``initiatives`` are the initiatives that were checked (for titles and site names),
    ``exported_areas`` the uuids that went into the file, ``file_findings`` file-level warnings
    (such as FERM's 50-feature upload limit).
    """
    json_path, csv_path = report_paths(gpkg_path)
    write_report_files(json_path, csv_path, report, initiatives, exported_areas, file_findings, metadata, translate)
    return str(json_path), str(csv_path)


def _errors_by_uuid(report):
    """Error findings (with their position) indexed by area uuid and, for initiative-level
    errors, by initiative uuid.

    One pass over the findings, so the report stays linear in the number of refused areas (it
    was quadratic: every refused area scanned every finding).
    """
    by_area, by_initiative = {}, {}
    for n, f in enumerate(report.findings):
        if f.severity != "error":
            continue
        if f.area_uuid is not None:
            by_area.setdefault(f.area_uuid, []).append((n, f))
        else:
            by_initiative.setdefault(f.initiative_uuid, []).append((n, f))
    return by_area, by_initiative


def _refusal_reasons(report, by_area, by_initiative, uuid):
    """The errors that refuse one area, in the order of the report's findings."""
    reasons = by_area.get(uuid, []) + by_initiative.get(report.areas_checked[uuid], [])
    return [f for _n, f in sorted(reasons, key=lambda item: item[0])]


def write_report_files(json_path, csv_path, report, initiatives, exported_areas, file_findings, metadata,
                       translate=None, extra=None):
    """Write the JSON and CSV reports to the given paths (each atomically); ``extra`` adds sections
    to the JSON document (such as the GEF totals)."""
    json_path, csv_path = Path(json_path), Path(csv_path)
    titles = {ini.uuid: ini.title for ini in initiatives}
    sites = {a.uuid: a.site_name for ini in initiatives for a in ini.areas}
    exported = set(exported_areas)
    refused = sorted(set(report.areas_checked) - exported)
    by_area, by_initiative = _errors_by_uuid(report)

    def entry(finding):
        data = finding.to_dict()
        data["message"] = finding.message(translate)
        data["initiative_title"] = titles.get(finding.initiative_uuid, "")
        data["site_name"] = sites.get(finding.area_uuid, "")
        return data

    document = {
        "export": metadata,
        "summary": {
            "initiatives_checked": len(report.initiatives_checked),
            "initiatives_refused": sorted(report.blocked_initiatives()),
            "areas_checked": len(report.areas_checked),
            "areas_exported": len(exported),
            "areas_refused": len(refused),
            "errors": len(report.errors()),
            "warnings": len(report.warnings()) + len(file_findings),
        },
        "file_warnings": [entry(f) for f in file_findings],
        "exported_areas": sorted(exported),
        "refused_areas": [
            {
                "area_uuid": uuid,
                "initiative_uuid": report.areas_checked[uuid],
                "site_name": sites.get(uuid, ""),
                "reasons": [entry(f) for f in _refusal_reasons(report, by_area, by_initiative, uuid)],
            }
            for uuid in refused
        ],
        "findings": [entry(f) for f in report.findings],
    }
    document.update(extra or {})
    _atomic_write(json_path, lambda h: json.dump(document, h, ensure_ascii=False, indent=1))

    def write_csv(handle):
        writer = csv.writer(handle)
        writer.writerow(
            [
                "initiative_uuid",
                "initiative_title",
                "area_uuid",
                "site_name",
                "severity",
                "rule",
                "field",
                "area_exported",
                "message",
            ]
        )
        for f in list(file_findings) + list(report.findings):
            writer.writerow(
                [
                    f.initiative_uuid or "",
                    titles.get(f.initiative_uuid, ""),
                    f.area_uuid or "",
                    sites.get(f.area_uuid, ""),
                    f.severity,
                    f.rule,
                    f.field_name,
                    "" if f.area_uuid is None else ("yes" if f.area_uuid in exported else "no"),
                    f.message(translate),
                ]
            )

    _atomic_write(csv_path, write_csv)
