"""The bad-input matrix as data: algorithm x kind of bad input x expected refusal (tests/qgis/test_bad_inputs.py).

A new algorithm gets the same treatment by adding an entry to ALGORITHMS and its rows to ROWS.

ALGORITHMS[name]: ``params`` (``@name`` is a file made by test_bad_inputs.FILES), ``output`` (the
destination parameter and a file name for it), ``input`` (the input parameter an output may not
overwrite), ``number`` (a number parameter for the NaN row), ``vector`` (a vector parameter for the
empty-layer row).

KINDS: how a row breaks the run.
- output_is_input: the output is the input's file.
- readonly_folder: the output is in a folder the (unprivileged) user cannot write to.
- output_under_file: the output path goes through an existing file (``in.tif/out.tif``).
- nan_number: the number parameter is NaN.
- empty_layer: the vector parameter is a layer without features.
- missing_file: the input is a file that does not exist.
- truncated_input: the input is a truncated file (bands beyond the first cannot be read).
- huge_grid: the input is a 600,000 x 600,000 pixel raster (a VRT of nothing): refused before any work.
- not_a_connection / unreachable_server / no_postgis / not_a_registry: the ``registry`` parameter (a
  PostGIS registry) is a name that is no saved connection, a server nobody listens on, a database
  without PostGIS, a PostGIS database without a registry (the last two, and ``@pg_*`` inputs, in the
  throw-away cluster of tests/pg.py). ``output`` may be None (an algorithm without a file output).
- not_a_checkout: the parameters as given (registry_checkin: a GeoPackage registry that is no check-out).

ROWS: (algorithm, kind, expected message fragments (all must appear; ``{param}`` is the parameter's
key), run through qgis_process too). Every row must also: fail (a QgsProcessingException, non-zero
exit code), never say "Unexpected error" nor show a traceback, leave no file at the output and the
input files unchanged.
"""

ALGORITHMS = {
    "area_summary": {"params": {"INPUT": "@lpd"}, "output": ("OUTPUT_TABLE", "table.csv"), "input": "INPUT",
                     "vector": "ZONES"},
    "ldn_degradation": {"params": {"PRODUCTIVITY": "@lpd"}, "output": ("OUTPUT", "degradation.tif"),
                        "input": "PRODUCTIVITY"},
    "forest_fragmentation": {"params": {"INPUT": "@cover", "FOREST_VALUES": "3", "WINDOW": 3},
                             "output": ("OUTPUT", "fragmentation.tif"), "input": "INPUT"},
    "productivity_dynamics": {"params": {"NDVI": ["@ndvi"], "FIRST_YEAR": 2011}, "output": ("OUTPUT", "lpd.tif"),
                              "input": "NDVI"},
    "ahp_weights": {"params": {"CRITERIA": "slope, distance, cover", "MATRIX": "3,5,2"},
                    "output": ("OUTPUT", "weights.csv"), "input": None},
    "target2_indicator": {"params": {"DEGRADED": "@degraded", "RESTORATION_AREAS": "@restoration",
                                     "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_OUTSIDE": "TEMPORARY_OUTPUT"},
                          "output": ("OUTPUT_TABLE", "target2.csv"), "input": "RESTORATION_AREAS",
                          "number": "TARGET_HA", "vector": "RESTORATION_AREAS"},
    "export_ferm": {"params": {"REGISTRY": "@registry"}, "output": ("OUTPUT", "ferm.gpkg"), "input": "REGISTRY"},
    "minam_degradation": {"params": {"PRODUCTIVITY": "@lpd"}, "output": ("OUTPUT", "minam.tif"),
                          "input": "PRODUCTIVITY", "vector": "FOREST_MASK"},
    "definition_agreement": {"params": {"INPUT_A": "@lpd", "INPUT_B": "@lpd"},
                             "output": ("OUTPUT", "agreement.tif"), "input": "INPUT_A"},
    "priority_score": {"params": {"CRITERIA": ["@lpd"], "WEIGHTS": "1", "OUTPUT_CLASSES": "TEMPORARY_OUTPUT"},
                       "output": ("OUTPUT_SCORE", "score.tif"), "input": "CRITERIA"},
    "gap_overlap": {"params": {"GAP_A": "@restoration", "GAP_B": "@restoration"}, "output": ("OUTPUT", "gaps.gpkg"),
                    "input": "GAP_A"},
    "serfor_criteria": {"params": {"CAPABILITY": "@lpd", "LAND_COVER": "@lpd"}, "output": ("OUTPUT", "serfor.tif"),
                        "input": "CAPABILITY"},
    "import_initiatives": {"params": {"INPUTS": ["@registry"], "REGISTRY": "@merged_registry"},
                           "output": ("CONFLICTS_TABLE", "conflicts.csv"), "input": "INPUTS"},
    "prepare_vegetation_series": {"params": {"INPUT": ["@ndvi"], "PRODUCT": 1, "FIRST_YEAR": 2011},
                                  "output": ("OUTPUT", "series.tif"), "input": "INPUT"},
    "forest_change": {"params": {"TREECOVER": "@lpd", "LOSSYEAR": "@lpd", "YEAR": 2010},
                      "output": ("OUTPUT_MASK", "forest.tif"), "input": "TREECOVER", "vector": "ZONES"},
    "ldn_status": {"params": {"BASELINE": "@degraded", "REPORTING_1": "@degraded"},
                   "output": ("STATUS_1", "status.tif"), "input": "BASELINE", "vector": "CORRECTIONS"},
    "workshop_region": {"params": {"SIZE": 128, "LOAD": False}, "output": ("OUTPUT_FOLDER", "region"), "input": None},
    "restoration_outcomes": {"params": {"AREAS": "@restoration", "START_FIELD": "name", "SERIES": "@ndvi",
                                        "FIRST_YEAR": 2011, "OUTPUT_LAYER": "TEMPORARY_OUTPUT"},
                             "output": ("OUTPUT_TABLE", "outcomes.csv"), "input": "AREAS", "number": "SEARCH_RADIUS",
                             "vector": "AREAS"},
    "prepare_land_cover": {"params": {"INPUT": "@lpd", "PRESET": "modis_igbp"}, "output": ("OUTPUT", "land_cover.tif"),
                           "input": "INPUT", "vector": "ZONES"},
    "target2_report": {"params": {"DEGRADED": "@degraded", "RESTORATION_AREAS": "@restoration",
                                  "OUTPUT_XLSX": "TEMPORARY_OUTPUT"},
                       "output": ("OUTPUT_PDF", "report.pdf"), "input": "RESTORATION_AREAS", "number": "TARGET_HA"},
    "registry_init": {"params": {"CONNECTION": "@pg_no_registry"}, "output": None, "input": None,
                      "registry": "CONNECTION"},
    "registry_checkout": {"params": {"REGISTRY": "@pg_registry"}, "output": ("OUTPUT", "campo.gpkg"), "input": None,
                          "registry": "REGISTRY"},
    "registry_checkin": {"params": {"COPY": "@registry", "REGISTRY": "@pg_registry"}, "output": None,
                         "input": "COPY", "registry": "REGISTRY"},
}

OVERWRITE = "would overwrite the input"
WRITE_TABLE = "Could not write to the output"
PERMISSION = "Permission denied for"
IN_THE_WAY = "whose folders are folders, not files"
CREATE_LAYER = "Check that the folder of the output"

ROWS = [
    ("area_summary", "output_is_input", (OVERWRITE, "INPUT", "OUTPUT_TABLE"), True),
    ("area_summary", "readonly_folder", (WRITE_TABLE, "OUTPUT_TABLE"), True),
    ("area_summary", "output_under_file", (CREATE_LAYER, "OUTPUT_TABLE"), False),
    ("area_summary", "empty_layer", ("no polygon",), False),
    ("area_summary", "missing_file", ("{param}",), False),
    ("area_summary", "truncated_input", ("truncated or damaged", "lpd.tif"), False),
    ("ldn_degradation", "output_is_input", (OVERWRITE, "PRODUCTIVITY", "OUTPUT"), False),
    ("ldn_degradation", "readonly_folder", (PERMISSION,), True),
    ("ldn_degradation", "output_under_file", (IN_THE_WAY,), True),
    ("ldn_degradation", "missing_file", ("{param}",), False),
    ("ldn_degradation", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), True),
    ("area_summary", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), False),
    ("forest_fragmentation", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), False),
    ("forest_fragmentation", "output_is_input", (OVERWRITE, "INPUT", "OUTPUT"), True),
    ("forest_fragmentation", "readonly_folder", (PERMISSION,), False),
    ("forest_fragmentation", "output_under_file", (IN_THE_WAY,), False),
    ("productivity_dynamics", "output_is_input", (OVERWRITE, "NDVI", "OUTPUT"), False),
    ("productivity_dynamics", "readonly_folder", (PERMISSION,), False),
    ("productivity_dynamics", "truncated_input", ("truncated or damaged", "ndvi.tif"), True),
    ("ahp_weights", "readonly_folder", (WRITE_TABLE, "OUTPUT"), True),
    ("ahp_weights", "output_under_file", (CREATE_LAYER, "OUTPUT"), False),
    ("target2_indicator", "output_is_input", (OVERWRITE, "RESTORATION_AREAS", "OUTPUT_TABLE"), False),
    ("target2_indicator", "readonly_folder", (WRITE_TABLE, "OUTPUT_TABLE"), True),
    ("target2_indicator", "nan_number", ("{param}",), True),
    ("export_ferm", "output_is_input", (OVERWRITE, "REGISTRY", "OUTPUT"), True),
    ("export_ferm", "output_under_file", ("registro.gpkg",), False),
    ("minam_degradation", "output_is_input", (OVERWRITE, "PRODUCTIVITY", "OUTPUT"), False),
    ("minam_degradation", "readonly_folder", (PERMISSION,), False),
    ("minam_degradation", "empty_layer", ("no forest pixel", "FOREST_MASK"), False),
    ("definition_agreement", "output_is_input", (OVERWRITE, "INPUT_A", "OUTPUT"), False),
    ("priority_score", "output_is_input", (OVERWRITE, "CRITERIA", "OUTPUT_SCORE"), False),
    ("gap_overlap", "output_is_input", (OVERWRITE, "GAP_A", "OUTPUT"), False),
    ("serfor_criteria", "output_is_input", (OVERWRITE, "CAPABILITY", "OUTPUT"), False),
    ("import_initiatives", "output_is_input", (OVERWRITE, "INPUTS", "CONFLICTS_TABLE"), True),
    ("import_initiatives", "readonly_folder", ("CONFLICTS_TABLE",), False),
    ("prepare_vegetation_series", "output_is_input", (OVERWRITE, "INPUT", "OUTPUT"), False),
    ("prepare_vegetation_series", "readonly_folder", (PERMISSION,), False),
    ("prepare_vegetation_series", "truncated_input", ("truncated or damaged", "ndvi.tif"), True),
    ("prepare_vegetation_series", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), False),
    ("forest_change", "output_is_input", (OVERWRITE, "TREECOVER", "OUTPUT_MASK"), False),
    ("forest_change", "readonly_folder", (PERMISSION,), False),
    ("forest_change", "truncated_input", ("truncated or damaged", "lpd.tif"), True),
    ("forest_change", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), False),
    ("forest_change", "empty_layer", ("no polygon",), False),
    ("restoration_outcomes", "output_is_input", (OVERWRITE, "AREAS", "OUTPUT_TABLE"), False),
    ("restoration_outcomes", "nan_number", ("{param}",), False),
    ("restoration_outcomes", "empty_layer", ("no polygon",), True),
    ("restoration_outcomes", "missing_file", ("{param}",), False),
    ("ldn_status", "output_is_input", (OVERWRITE, "BASELINE", "STATUS_1"), False),
    ("ldn_status", "readonly_folder", (PERMISSION,), False),
    ("ldn_status", "missing_file", ("{param}",), True),
    ("ldn_status", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), False),
    ("ldn_status", "empty_layer", ("periods_affected",), False),
    ("prepare_land_cover", "output_is_input", (OVERWRITE, "INPUT", "OUTPUT"), False),
    ("prepare_land_cover", "readonly_folder", (PERMISSION,), True),
    ("prepare_land_cover", "output_under_file", (IN_THE_WAY,), False),
    ("prepare_land_cover", "missing_file", ("{param}",), False),
    ("prepare_land_cover", "truncated_input", ("truncated or damaged", "lpd.tif"), False),
    ("prepare_land_cover", "huge_grid", ("600,000 x 600,000 pixels", "gigapixels"), False),
    ("prepare_land_cover", "empty_layer", ("no polygon",), False),
    ("workshop_region", "readonly_folder", (PERMISSION,), True),
    ("workshop_region", "output_under_file", (IN_THE_WAY,), False),
    ("target2_report", "output_is_input", (OVERWRITE, "RESTORATION_AREAS", "OUTPUT_PDF"), False),
    ("target2_report", "readonly_folder", ("cannot be written to", "OUTPUT_PDF"), True),
    ("target2_report", "output_under_file", ("cannot be written to", "OUTPUT_PDF"), False),
    ("target2_report", "nan_number", ("{param}",), False),
    ("target2_report", "missing_file", ("{param}",), False),
    ("registry_init", "not_a_connection", ("Registro que no existe", "neither a saved PostgreSQL connection"), True),
    ("registry_init", "unreachable_server", ("cannot be reached", "port=1"), False),
    ("registry_init", "no_postgis", ("has no PostGIS extension", "CREATE EXTENSION postgis"), False),
    ("registry_checkout", "not_a_connection", ("neither a saved PostgreSQL connection",), False),
    ("registry_checkout", "unreachable_server", ("cannot be reached", "Nothing was changed"), True),
    ("registry_checkout", "not_a_registry", ("holds no T2 Restore registry", "Initialize"), False),
    ("registry_checkout", "readonly_folder", (PERMISSION, "campo.gpkg"), True),
    ("registry_checkout", "output_under_file", (IN_THE_WAY, "campo.gpkg"), False),
    ("registry_checkin", "not_a_connection", ("neither a saved PostgreSQL connection",), False),
    ("registry_checkin", "unreachable_server", ("cannot be reached",), False),
    ("registry_checkin", "missing_file", ("{param}",), False),
    ("registry_checkin", "not_a_checkout", ("registro.gpkg", "not a checked-out copy"), True),
]
