"""The validation report delivered beside every FERM export, as JSON (complete) and CSV (for a
spreadsheet). Both are written to temporary files and renamed, like the export itself, so a
half-written report never sits next to a finished GeoPackage.
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
    titles = {ini.uuid: ini.title for ini in initiatives}
    sites = {a.uuid: a.site_name for ini in initiatives for a in ini.areas}
    exported = set(exported_areas)
    refused = sorted(set(report.areas_checked) - exported)

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
                "reasons": [
                    entry(f)
                    for f in report.findings
                    if f.severity == "error"
                    and (
                        f.area_uuid == uuid or (f.area_uuid is None and f.initiative_uuid == report.areas_checked[uuid])
                    )
                ],
            }
            for uuid in refused
        ],
        "findings": [entry(f) for f in report.findings],
    }
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
    return str(json_path), str(csv_path)
