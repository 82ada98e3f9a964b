<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name>T2Restore</name>
    <message>
      <location filename="../processing/_zones.py" line="105" />
      <source> or </source>
      <translation> o </translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="118" />
      <source>"{target}" is not a registry field that can be imported. Known fields: {known}.</source>
      <translation>"{target}" no es un campo del registro que se pueda importar. Campos conocidos: {known}.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="91" />
      <source>"{title}" ({uuid}) from {file} differs from the registry's in {fields}; the file's version replaced it.</source>
      <translation>"{title}" ({uuid}) de {file} difiere de la del registro en {fields}; la versión del archivo la reemplazó.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="89" />
      <source>"{title}" ({uuid}) from {file} differs from the registry's in {fields}; the registry's version was kept.</source>
      <translation>"{title}" ({uuid}) de {file} difiere de la del registro en {fields}; se conservó la versión del registro.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="93" />
      <source>"{title}" ({uuid}) from {file} was not merged: its areas {areas} belong to another initiative of the registry ({owners}).</source>
      <translation>"{title}" ({uuid}) de {file} no se fusionó: sus áreas {areas} pertenecen a otra iniciativa del registro ({owners}).</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="58" />
      <source>"{title}" ({uuid}): {fields}: {resolution}.</source>
      <translation>"{title}" ({uuid}): {fields}: {resolution}.</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="61" />
      <source>"{title}" was saved by someone else (revision {theirs}) after you opened it (revision {mine}). Choose, field by field, which value to keep.</source>
      <translation>Otra persona guardó "{title}" (revisión {theirs}) después de que usted la abriera (revisión {mine}). Elija, campo por campo, qué valor conservar.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/parsing.py" line="36" />
      <source>'{text}' is not a number ({what} in '{context}').</source>
      <translation>'{text}' no es un número ({what} en '{context}').</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="323" />
      <location filename="../processing/definition_agreement.py" line="211" />
      <location filename="../processing/gap_overlap.py" line="271" />
      <source>(all)</source>
      <translation>(todo)</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="240" />
      <source>(initiative)</source>
      <translation>(iniciativa)</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="247" />
      <location filename="../processing/_zones.py" line="133" />
      <location filename="../ui/initiative_form.py" line="299" />
      <source>(no name)</source>
      <translation>(sin nombre)</translation>
    </message>
    <message>
      <location filename="../ui/widgets/outcome_chart.py" line="64" />
      <source>(no outcome)</source>
      <translation>(sin resultado)</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="28" />
      <location filename="../processing/_report_data.py" line="250" />
      <location filename="../processing/_vector.py" line="229" />
      <source>(none)</source>
      <translation>(ninguno)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="254" />
      <location filename="../registry/report_tables.py" line="45" />
      <location filename="../registry/report_tables.py" line="81" />
      <source>(not given)</source>
      <translation>(sin dato)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="311" />
      <source>(outside every ecosystem)</source>
      <translation>(fuera de todo ecosistema)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="321" />
      <location filename="../processing/definition_agreement.py" line="213" />
      <location filename="../processing/gap_overlap.py" line="271" />
      <source>(outside every zone)</source>
      <translation>(fuera de toda zona)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="318" />
      <source>(outside {gap})</source>
      <translation>(fuera de {gap})</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="48" />
      <source>(unnamed CRS)</source>
      <translation>(SRC sin nombre)</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="64" />
      <source>(unnamed)</source>
      <translation>(sin nombre)</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="154" />
      <source>(untitled)</source>
      <translation>(sin título)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="65" />
      <source>... and {n} more errors (sheet Validation).</source>
      <translation>... y {n} errores más (hoja Validación).</translation>
    </message>
    <message>
      <location filename="../algorithms/dask_engine.py" line="87" />
      <source>A Dask worker ({worker}) cannot open the raster {name} ({path}), which this computer opened. Every worker opens the inputs itself: put them in a folder that every worker reaches at the same path (a shared folder mounted on every machine) or give GDAL cloud paths, readable by the account the workers run under.</source>
      <translation>Un trabajador de Dask ({worker}) no puede abrir el ráster {name} ({path}), que esta computadora sí abrió. Cada trabajador abre las entradas por sí mismo: póngalas en una carpeta a la que todos los trabajadores lleguen por la misma ruta (una carpeta compartida montada en cada máquina) o use rutas de GDAL en la nube, legibles por la cuenta con la que corren los trabajadores.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="56" />
      <source>A Trends.Earth result feeds DEGRADED as it is: its multi-band GeoTIFF with the JSON file Trends.Earth wrote beside it, whose band 'SDG 15.3.1 Indicator' (-1 degraded) is picked by name. DEGRADED_BAND picks another band by number or by name ('SDG 15.3.1 Indicator (status)', or 'name @ 2019' when several bands share a name). Without the JSON, bands are picked by number (default 1) with a warning. Gap rasters from Trends.Earth are read the same way (their degraded pixels, -1, are the gap).</source>
      <translation>Un resultado de Trends.Earth entra en DEGRADED tal cual: su GeoTIFF multibanda con el archivo JSON que Trends.Earth escribió a su lado, cuya banda 'SDG 15.3.1 Indicator' (-1 degradado) se elige por su nombre. DEGRADED_BAND elige otra banda por número o por nombre ('SDG 15.3.1 Indicator (status)', o 'nombre @ 2019' cuando varias bandas comparten nombre). Sin el JSON, las bandas se eligen por número (1 por defecto) con una advertencia. Los rásteres de brechas de Trends.Earth se leen igual (sus píxeles degradados, -1, son la brecha).</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="60" />
      <source>A Trends.Earth result is a raster mask as it is: with the JSON file Trends.Earth wrote beside its multi-band GeoTIFF, the band 'SDG 15.3.1 Indicator' is picked by name and its degraded pixels (-1) are the gap (improved land, +1, is not). Without the JSON, band 1 is read, with a warning when the file has several bands.</source>
      <translation>Un resultado de Trends.Earth sirve tal cual como máscara ráster: con el archivo JSON que Trends.Earth escribió junto a su GeoTIFF multibanda, la banda 'SDG 15.3.1 Indicator' se elige por su nombre y sus píxeles degradados (-1) son la brecha (la tierra que mejora, +1, no lo es). Sin el JSON se lee la banda 1, con una advertencia cuando el archivo tiene varias bandas.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="49" />
      <source>A code found in the raster but missing from the nesting stops the run, which names each code with its pixel count, unless UNKNOWN_CODES is set to leave those pixels out as no data (the log then says how many). Codes the nesting files under no data (e.g. MapBiomas 27, MODIS 255) are no data.</source>
      <translation>Un código presente en el ráster pero ausente del anidamiento detiene la ejecución, que nombra cada código con su número de píxeles, salvo que UNKNOWN_CODES indique dejar esos píxeles como sin datos (el registro dice entonces cuántos). Los códigos que el anidamiento clasifica como sin datos (p. ej. MapBiomas 27, MODIS 255) son sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="75" />
      <source>A criterion in {origin} has no name.</source>
      <translation>Un criterio en {origin} no tiene nombre.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="232" />
      <source>A forest mask given as polygons needs a raster that sets the grid: give a land cover, cover loss, productivity or ecosystems raster too, or rasterize the forest polygons first.</source>
      <translation>Una máscara de bosque dada como polígonos necesita un ráster que fije la grilla: dé también un ráster de cobertura del suelo, de pérdida de cobertura, de productividad o de ecosistemas, o rasterice antes los polígonos de bosque.</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="21" />
      <source>A pixel belongs to the zone whose polygon contains its centre. Nodata pixels are reported as their own row, never dropped. The table states the raster's CRS and the area method.</source>
      <translation>Un píxel pertenece a la zona cuyo polígono contiene su centro. Los píxeles sin datos se informan en una fila propia, nunca se descartan. La tabla indica el SRC del ráster y el método de cálculo de áreas.</translation>
    </message>
    <message>
      <location filename="../algorithms/agreement.py" line="77" />
      <source>A pixel size of {size:g} makes a grid of {x} x {y} pixels over the polygons' extent; choose a larger pixel size (it is in the units of the first layer's CRS).</source>
      <translation>Un tamaño de píxel de {size:g} genera una grilla de {x} x {y} píxeles sobre la extensión de los polígonos; elija un tamaño de píxel mayor (está en las unidades del SRC de la primera capa).</translation>
    </message>
    <message>
      <location filename="../algorithms/workbook.py" line="75" />
      <source>A row of the workbook sheet {name} cannot be written: {reason}</source>
      <translation>No se puede escribir una fila de la hoja {name} del libro de cálculo: {reason}</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="163" />
      <source>ADMIN_LAYER (optional) is a polygon layer of administrative units, for example INEI's district limits, from which department, province, district and UBIGEO of each area are filled, as the dock does with its administrative layer: the unit containing a point inside the area, or the unit overlapping it most. Its fields are given by DEPARTMENT_FIELD, PROVINCE_FIELD, DISTRICT_FIELD and UBIGEO_FIELD; fields left empty are guessed from INEI's names (NOMBDEP, NOMBPROV, NOMBDIST, UBIGEO or IDDIST). UBIGEO_SOURCE says whose codes they are (INEI by default, or RENIEC). Areas whose source already gives both department and UBIGEO keep them.</source>
      <translation>ADMIN_LAYER (opcional) es una capa de polígonos de unidades administrativas, por ejemplo los límites distritales del INEI, de la que se llenan el departamento, la provincia, el distrito y el UBIGEO de cada área, como lo hace el panel con su capa administrativa: la unidad que contiene un punto dentro del área o, si no la hay, la unidad que más se superpone con ella. Sus campos se indican con DEPARTMENT_FIELD, PROVINCE_FIELD, DISTRICT_FIELD y UBIGEO_FIELD; los que se dejen vacíos se deducen de los nombres del INEI (NOMBDEP, NOMBPROV, NOMBDIST, UBIGEO o IDDIST). UBIGEO_SOURCE indica de quién son los códigos (INEI por defecto, o RENIEC). Las áreas cuya fuente ya trae departamento y UBIGEO los conservan.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="72" />
      <source>AHP weights</source>
      <translation>Pesos AHP</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="25" />
      <source>AHP weights (pairwise comparison)</source>
      <translation>Pesos AHP (comparación por pares)</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="61" />
      <source>ALIGN: {key} reprojected onto the reference grid ({resampling}) from {src} to {dst} with the coordinate operation '{name}' (accuracy {accuracy}); PROJ pipeline: {proj}</source>
      <translation>ALIGN: {key} reproyectado a la grilla de referencia ({resampling}) de {src} a {dst} con la operación de coordenadas «{name}» (exactitud {accuracy}); cadena PROJ: {proj}</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="57" />
      <source>ALIGN: {key} resampled onto the reference grid ({resampling}), from {src} to {dst}; no datum transformation.</source>
      <translation>ALIGN: {key} remuestreado a la grilla de referencia ({resampling}), de {src} a {dst}; sin transformación de datum.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="216" />
      <source>AREAS has no field '{field}'. Choose one of its fields.</source>
      <translation>AREAS no tiene el campo '{field}'. Elija uno de sus campos.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="173" />
      <source>AREAS has no polygon with an area (no features, or none with a geometry). Choose the layer of the restoration areas.</source>
      <translation>AREAS no tiene ningún polígono con superficie (no tiene entidades, o ninguna tiene geometría). Elija la capa de las áreas en restauración.</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Acronym</source>
      <translation>Siglas</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="62" />
      <source>Acronym of the leading organization</source>
      <translation>Siglas de la organización líder</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="28" />
      <location filename="../registry/validate.py" line="115" />
      <location filename="../registry/validate.py" line="139" />
      <source>Activities</source>
      <translation>Actividades</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Add areas from a layer or a file (shapefile, zipped shapefile, KML/KMZ, GeoJSON, GeoPackage, CSV)</source>
      <translation>Añadir áreas desde una capa o un archivo (shapefile, shapefile comprimido en zip, KML/KMZ, GeoJSON, GeoPackage, CSV)</translation>
    </message>
    <message>
      <location filename="../ui/initiative_form.py" line="197" />
      <source>Add at least one organization with the leading role (FERM requires it).</source>
      <translation>Añada al menos una organización con el rol de líder (FERM lo exige).</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Add contact</source>
      <translation>Añadir contacto</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="52" />
      <source>Add new areas and leave those the initiative already holds as they are</source>
      <translation>Añadir las áreas nuevas y dejar como están las que la iniciativa ya tiene</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="51" />
      <source>Add new areas and update those the initiative already holds</source>
      <translation>Añadir las áreas nuevas y actualizar las que la iniciativa ya tiene</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Add organization</source>
      <translation>Añadir organización</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="134" />
      <source>Add the FAO-GEF table</source>
      <translation>Añadir la tabla FAO-GEF</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="72" />
      <source>Add the FAO-GEF table (ID_CODE, Restor_str, …)</source>
      <translation>Añadir la tabla FAO-GEF (ID_CODE, Restor_str, …)</translation>
    </message>
    <message>
      <location filename="../ui/widgets/monitoring_editor.py" line="109" />
      <source>Add value</source>
      <translation>Agregar valor</translation>
    </message>
    <message>
      <location filename="../ui/admin_units.py" line="47" />
      <source>Administrative layer</source>
      <translation>Capa de límites administrativos</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="140" />
      <source>Administrative layer…</source>
      <translation>Capa de límites administrativos…</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="263" />
      <source>Administrative units (polygon layer, optional)</source>
      <translation>Unidades administrativas (capa de polígonos, opcional)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="469" />
      <source>Administrative units read from the fields {fields}.</source>
      <translation>Unidades administrativas leídas de los campos {fields}.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="118" />
      <source>Agreement between definitions</source>
      <translation>Concordancia entre definiciones</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="60" />
      <source>Agreement between two degradation definitions</source>
      <translation>Concordancia entre dos definiciones de degradación</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="170" />
      <source>Agreement {a} / {b}</source>
      <translation>Concordancia {a} / {b}</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="116" />
      <source>Align B onto A's grid when they differ</source>
      <translation>Alinear B sobre la grilla de A cuando difieran</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="126" />
      <source>Align files onto the first file's grid when they differ</source>
      <translation>Alinear los archivos a la grilla del primero cuando difieran</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="105" />
      <location filename="../processing/ldn_status.py" line="121" />
      <source>Align inputs onto the baseline grid when they differ</source>
      <translation>Alinear las entradas a la grilla de la línea base cuando difieren</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="175" />
      <source>Align inputs onto the capability raster's grid when they differ</source>
      <translation>Alinear las entradas sobre la grilla del ráster de capacidad cuando difieran</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="119" />
      <source>Align inputs onto the first NDVI raster's grid when they differ</source>
      <translation>Alinear las entradas a la grilla del primer ráster NDVI cuando difieren</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="187" />
      <source>Align inputs onto the first criterion's grid when they differ</source>
      <translation>Alinear las entradas sobre la grilla del primer criterio cuando difieran</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="100" />
      <location filename="../processing/minam_degradation.py" line="164" />
      <source>Align inputs onto the first input's grid when they differ</source>
      <translation>Alinear las entradas sobre la grilla de la primera cuando difieran</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="188" />
      <location filename="../ui/registry_dock.py" line="191" />
      <location filename="../ui/registry_dock.py" line="384" />
      <source>All</source>
      <translation>Todos</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="66" />
      <source>All files must share one grid; a file on another grid stops the run, naming it and the property that differs, unless ALIGN is checked (bilinear for the index, nearest for quality).</source>
      <translation>Todos los archivos deben compartir una grilla; un archivo en otra grilla detiene la ejecución, nombrándolo junto con la propiedad que difiere, salvo que ALIGN esté marcado (bilineal para el índice, vecino más cercano para la calidad).</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="67" />
      <source>All initiatives</source>
      <translation>Todas las iniciativas</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="70" />
      <source>All inputs must share one grid; a raster on another grid stops the run, naming the property that differs. With ALIGN checked, the other NDVI rasters (bilinear), ECOLOGICAL_UNITS and LAND_COVER (nearest neighbour) are aligned onto the grid of the first NDVI raster instead.</source>
      <translation>Todas las entradas deben compartir una misma grilla; un ráster en otra grilla detiene la ejecución, indicando la propiedad que difiere. Con ALIGN marcado, los demás rásteres NDVI (bilineal), ECOLOGICAL_UNITS y LAND_COVER (vecino más cercano) se alinean en cambio a la grilla del primer ráster NDVI.</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>All rows of the file become areas of the initiative open in the form. To create one initiative per value of a field (e.g. initiative_title), use the Processing algorithm "Import initiatives and areas into a registry" (T2 Restore &gt; Initiative registry).</source>
      <translation>Todas las filas del archivo se vuelven áreas de la iniciativa abierta en el formulario. Para crear una iniciativa por cada valor de un campo (p. ej. initiative_title), use el algoritmo de Processing «Importar iniciativas y áreas a un registro» (T2 Restore &gt; Registro de iniciativas).</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>An area is already held when it has the same identifier, or the same site name and geometry. All rows of the file go into the initiative open in the form; the Processing algorithm "Import initiatives" makes one initiative per value of a project field.</source>
      <translation>Un área ya está en la iniciativa cuando tiene el mismo identificador, o el mismo nombre de sitio y la misma geometría. Todas las filas del archivo van a la iniciativa abierta en el formulario; el algoritmo de Processing «Importar iniciativas» crea una iniciativa por cada valor de un campo de proyecto.</translation>
    </message>
    <message>
      <location filename="../algorithms/block_threads.py" line="165" />
      <source>An in-memory raster cannot be read on a Dask cluster: write it to a file every worker can reach (a shared folder or a cloud path), or run without a Dask scheduler.</source>
      <translation>Un ráster en memoria no se puede leer en un clúster Dask: escríbalo en un archivo al que llegue cada trabajador (una carpeta compartida o una ruta en la nube), o ejecute sin planificador Dask.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="42" />
      <source>Annual NDVI (one band per year)</source>
      <translation>NDVI anual (una banda por año)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="97" />
      <source>Annual NDVI series (one band per year, or one raster per year in year order)</source>
      <translation>Serie anual de NDVI (una banda por año, o un ráster por año en orden cronológico)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="116" />
      <source>Annual aggregate</source>
      <translation>Agregado anual</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="26" />
      <source>Annual land-cover series (e.g. MapBiomas, one band per year)</source>
      <translation>Serie anual de cobertura (p. ej. MapBiomas, una banda por año)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="90" />
      <source>Annual land-cover series (one band per year)</source>
      <translation>Serie anual de cobertura (una banda por año)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="59" />
      <source>Annual value over the season window (days of year SEASON_START to SEASON_END; a start after the end is a season across the new year, counted in the year it ends): mean, maximum or integral (trapezoid rule between the pixel's valid observations, in index x days; needs two) of the valid observations. Annual composites count for their year. Years from FIRST_YEAR to LAST_YEAR (0: those of the files); a year without observations is left as nodata and listed in MISSING_YEARS; a year whose observations hold no valid pixel is reported. Output: index values (NDVI_SCALE 1 in 'Land productivity dynamics'), float32, nodata -9999; FIRST_YEAR_OUT is its first year.</source>
      <translation>Valor anual sobre la ventana estacional (días del año SEASON_START a SEASON_END; un inicio posterior al fin es una estación que cruza el año nuevo, contada en el año en que termina): media, máximo o integral (regla del trapecio entre las observaciones válidas del píxel, en índice x días; necesita dos) de las observaciones válidas. Los compuestos anuales cuentan para su año. Años de FIRST_YEAR a LAST_YEAR (0: los de los archivos); un año sin observaciones queda sin datos y se lista en MISSING_YEARS; se informa un año cuyas observaciones no tienen ningún píxel válido. Salida: valores del índice (NDVI_SCALE 1 en 'Dinámica de la productividad de la tierra'), float32, sin datos -9999; FIRST_YEAR_OUT es su primer año.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="128" />
      <source>Annual vegetation index series (one band per year)</source>
      <translation>Serie anual del índice de vegetación (una banda por año)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="126" />
      <source>Annual vegetation series (one band per year)</source>
      <translation>Serie anual de vegetación (una banda por año)</translation>
    </message>
    <message>
      <location filename="../ui/session.py" line="176" />
      <source>Another task is running; wait for it to finish or cancel it.</source>
      <translation>Hay otra tarea en curso; espere a que termine o cancélela.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="29" />
      <source>Any value produced (good or marginal)</source>
      <translation>Todo valor producido (bueno o marginal)</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="197" />
      <source>Area</source>
      <translation>Área</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="41" />
      <source>Area "{site}" has no geometry. Draw it on the map or import it from a file.</source>
      <translation>El área "{site}" no tiene geometría. Dibújela en el mapa o impórtela desde un archivo.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="46" />
      <source>Area "{site}" lies outside Peru (centre at longitude {lon:.4f}, latitude {lat:.4f}). Check the coordinate reference system of the source data.</source>
      <translation>El área "{site}" está fuera del Perú (centro en longitud {lon:.4f}, latitud {lat:.4f}). Revise el sistema de referencia de coordenadas de los datos de origen.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="68" />
      <source>Area "{site}" measures {area_ha:.0f} ha, implausibly large for one restoration area (over {maximum:.0f} ha). Check the units and the CRS of the source data.</source>
      <translation>El área "{site}" mide {area_ha:.0f} ha, una superficie inverosímil para una sola área en restauración (más de {maximum:.0f} ha). Revise las unidades y el SRC de los datos de origen.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="67" />
      <source>Area "{site}" measures {area_ha:.4f} ha, below the minimum of {minimum} ha.</source>
      <translation>El área "{site}" mide {area_ha:.4f} ha, por debajo del mínimo de {minimum} ha.</translation>
    </message>
    <message>
      <location filename="../registry/gef.py" line="34" />
      <source>Area "{site}" of an initiative on the GEF reporting line has no GEF core indicator, and none can be derived from its ecosystems ({ecosystems}). Choose the sub-indicator (3.1 to 3.4) in the area's form.</source>
      <translation>El área "{site}" de una iniciativa de la línea de reporte GEF no tiene indicador básico del GEF, y no se puede deducir de sus ecosistemas ({ecosystems}). Elija el subindicador (3.1 a 3.4) en el formulario del área.</translation>
    </message>
    <message>
      <location filename="../registry/ferm_upload.py" line="63" />
      <source>Area "{site}" of initiative "{title}" has {count} polygons; FERM accepts at most {limit} features in one uploaded file and an area cannot be split between files. Choose to dissolve each area into one feature (in t2restore:export_ferm, UPLOAD_SPLIT = 1), or merge its polygons. No file was written.</source>
      <translation>El área "{site}" de la iniciativa "{title}" tiene {count} polígonos; FERM acepta como máximo {limit} entidades en un archivo subido y un área no puede repartirse entre archivos. Elija disolver cada área en una sola entidad (en t2restore:export_ferm, UPLOAD_SPLIT = 1) o una sus polígonos. No se escribió ningún archivo.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="76" />
      <source>Area "{site}" overlaps area "{other_site}" of initiative "{other_title}" by {overlap_ha:.2f} ha; the overlap would be counted twice toward the Target 2 indicator.</source>
      <translation>El área "{site}" se superpone en {overlap_ha:.2f} ha con el área "{other_site}" de la iniciativa "{other_title}"; la superposición se contaría dos veces en el indicador de la Meta 2.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="72" />
      <source>Area "{site}" overlaps area "{other_site}" of the same initiative by {overlap_ha:.2f} ha. FERM needs one polygon per area without overlaps: merge or trim them.</source>
      <translation>El área "{site}" se superpone en {overlap_ha:.2f} ha con el área "{other_site}" de la misma iniciativa. FERM requiere un polígono por área sin superposiciones: únalas o recórtelas.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="50" />
      <source>Area "{site}" seems to have latitude and longitude swapped (centre at x {lon:.4f}, y {lat:.4f}); swapped, it falls inside Peru. Re-import it with the right axis order.</source>
      <translation>El área "{site}" parece tener la latitud y la longitud intercambiadas (centro en x {lon:.4f}, y {lat:.4f}); al intercambiarlas cae dentro del Perú. Vuelva a importarla con el orden de ejes correcto.</translation>
    </message>
    <message>
      <location filename="../ui/initiative_form.py" line="202" />
      <source>Area "{site}", monitoring value {row}: {problem}.</source>
      <translation>Área "{site}", valor de monitoreo {row}: {problem}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="59" />
      <source>Area "{site}": "{field}" holds {code}, which is not a code of the vocabulary {vocabulary}.</source>
      <translation>Área "{site}": "{field}" contiene {code}, que no es un código del vocabulario {vocabulary}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="94" />
      <source>Area "{site}": "{field}" is "{value}", which is not a year. Write it as a number, such as 2021.</source>
      <translation>Área "{site}": «{field}» es "{value}", que no es un año. Escríbalo como número, por ejemplo 2021.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="64" />
      <source>Area "{site}": "{field}" is {value}; it must be between {minimum} and {maximum}.</source>
      <translation>Área "{site}": "{field}" es {value}; debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="84" />
      <source>Area "{site}": FERM will compute {ferm_ha:.2f} ha (equal-area EPSG:6933, straight edges between the vertices), {difference_pct:.2f} % away from the ellipsoidal {area_ha:.2f} ha. Add vertices along its long edges (densify) so that both agree.</source>
      <translation>Área "{site}": FERM calculará {ferm_ha:.2f} ha (áreas iguales EPSG:6933, bordes rectos entre los vértices), {difference_pct:.2f} % distinto de las {area_ha:.2f} ha elipsoidales. Agregue vértices a lo largo de sus bordes largos (densifique) para que ambas coincidan.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="60" />
      <source>Area "{site}": UBIGEO "{code}" is not a valid code (2, 4 or 6 digits starting with a department code 01 to 25).</source>
      <translation>Área "{site}": el UBIGEO "{code}" no es un código válido (2, 4 o 6 dígitos que empiezan con un código de departamento del 01 al 25).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="80" />
      <source>Area "{site}": the declared area ({declared_ha:.2f} ha) differs from the area computed from the geometry ({computed_ha:.2f} ha) by {difference_pct:.1f} %.</source>
      <translation>Área "{site}": la superficie declarada ({declared_ha:.2f} ha) difiere en {difference_pct:.1f} % de la calculada a partir de la geometría ({computed_ha:.2f} ha).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="66" />
      <source>Area "{site}": the monitoring date "{value}" is not a date (YYYY-MM-DD).</source>
      <translation>Área "{site}": la fecha de monitoreo "{value}" no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="56" />
      <source>Area "{site}": the required field "{field}" is empty.</source>
      <translation>Área "{site}": el campo obligatorio "{field}" está vacío.</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="70" />
      <source>Area "{site}": {before} ha in {parts_before} part(s) before, {after} ha in {parts_after} part(s) after the repair ({change:+.2f} %). The original is shown in red and the repaired geometry in green on the map.</source>
      <translation>Área "{site}": {before} ha en {parts_before} parte(s) antes y {after} ha en {parts_after} parte(s) después de la reparación ({change:+.2f} %). En el mapa, la geometría original se muestra en rojo y la reparada en verde.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="130" />
      <source>Area (ha)</source>
      <translation>Área (ha)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="129" />
      <source>Area UUID</source>
      <translation>UUID del área</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="15" />
      <source>Area by class (hectares, per zone)</source>
      <translation>Área por clase (hectáreas, por zona)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="202" />
      <source>Area excluded by constraints (ha)</source>
      <translation>Área excluida por restricciones (ha)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="153" />
      <source>Area files in the upload package</source>
      <translation>Archivos de áreas en el paquete de carga</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="24" />
      <source>Area identifier (uuid)</source>
      <translation>Identificador del área (uuid)</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="129" />
      <source>Area in both gaps (ha)</source>
      <translation>Área en ambas brechas (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="254" />
      <location filename="../processing/_report_data.py" line="236" />
      <location filename="../processing/_report_data.py" line="171" />
      <source>Area method</source>
      <translation>Método de áreas</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="71" />
      <source>Area method: {method}</source>
      <translation>Método de áreas: {method}</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="127" />
      <source>Area only in gap A (ha)</source>
      <translation>Área solo en la brecha A (ha)</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="128" />
      <source>Area only in gap B (ha)</source>
      <translation>Área solo en la brecha B (ha)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="152" />
      <source>Area recovering (ha)</source>
      <translation>Superficie en recuperación (ha)</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="46" />
      <source>Area table (hectares per zone and class)</source>
      <translation>Tabla de áreas (hectáreas por zona y clase)</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Area under restoration</source>
      <translation>Área en restauración</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="172" />
      <source>Area without degradation (ha)</source>
      <translation>Área sin degradación (ha)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="48" />
      <location filename="../registry/report_tables.py" line="86" />
      <location filename="../registry/report_tables.py" line="101" />
      <source>Areas</source>
      <translation>Áreas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="250" />
      <source>Areas (polygon layer or file, or a FERM-compatible GeoPackage)</source>
      <translation>Áreas (capa o archivo de polígonos, o un GeoPackage compatible con FERM)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="297" />
      <source>Areas added</source>
      <translation>Áreas añadidas</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Areas already held</source>
      <translation>Áreas ya registradas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="300" />
      <source>Areas already held, skipped</source>
      <translation>Áreas ya registradas, omitidas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="299" />
      <source>Areas already held, unchanged</source>
      <translation>Áreas ya registradas, sin cambios</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="298" />
      <source>Areas already held, updated</source>
      <translation>Áreas ya registradas, actualizadas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="277" />
      <source>Areas already in the registry</source>
      <translation>Áreas que ya están en el registro</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="40" />
      <source>Areas and summaries</source>
      <translation>Áreas y resúmenes</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="151" />
      <source>Areas exported</source>
      <translation>Áreas exportadas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="296" />
      <source>Areas given administrative units</source>
      <translation>Áreas con unidades administrativas asignadas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="294" />
      <source>Areas imported</source>
      <translation>Áreas importadas</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="75" />
      <source>Areas per restoration outcome</source>
      <translation>Áreas por resultado de la restauración</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="152" />
      <source>Areas refused</source>
      <translation>Áreas rechazadas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="301" />
      <source>Areas removed (replace mode)</source>
      <translation>Áreas eliminadas (modo reemplazar)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="303" />
      <source>Areas the FERM export would refuse</source>
      <translation>Áreas que la exportación FERM rechazaría</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="228" />
      <location filename="../processing/target2_indicator.py" line="104" />
      <source>Areas under restoration</source>
      <translation>Áreas en restauración</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="91" />
      <source>Areas under restoration (a registry, or any polygon layer)</source>
      <translation>Áreas en restauración (un registro, o cualquier capa de polígonos)</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="35" />
      <location filename="../processing/workshop_region.py" line="51" />
      <source>Artificial</source>
      <translation>Artificial</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="222" />
      <source>As the file declares (UTF-8 otherwise)</source>
      <translation>La que declara el archivo (si no, UTF-8)</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="347" />
      <source>At least one indicator is needed: vegetation cover loss, productivity or fragmentation.</source>
      <translation>Se necesita al menos un indicador: pérdida de cobertura vegetal, productividad o fragmentación.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="128" />
      <location filename="../algorithms/ldn.py" line="325" />
      <source>At least one sub-indicator (land cover, productivity or soil organic carbon) is needed.</source>
      <translation>Se necesita al menos un subindicador (cobertura del suelo, productividad o carbono orgánico del suelo).</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="361" />
      <source>BASELINE_YEARS ({baseline}) plus COMPARISON_YEARS ({comparison}) exceed the {n} years of the NDVI series; the two periods must not overlap.</source>
      <translation>BASELINE_YEARS ({baseline}) más COMPARISON_YEARS ({comparison}) superan los {n} años de la serie de NDVI; los dos periodos no deben superponerse.</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="358" />
      <source>BASELINE_YEARS must be at least {min}; it is {value}.</source>
      <translation>BASELINE_YEARS debe ser al menos {min}; es {value}.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="87" />
      <source>Bad input: an empty gap layer (no polygon with an area, or a raster mask without gap pixels) stops the run naming the layer. Two gaps that do not overlap at all are not an error: the run warns and the class 'both' has 0 ha. Zones are expected not to overlap each other; land outside every zone has its own row.</source>
      <translation>Entradas incorrectas: una capa de brecha vacía (sin polígonos con área, o una máscara ráster sin píxeles de brecha) detiene la ejecución indicando la capa. Que las dos brechas no se superpongan en absoluto no es un error: la ejecución emite una advertencia y la clase 'ambas' tiene 0 ha. Se espera que las zonas no se superpongan entre sí; el territorio fuera de toda zona tiene su propia fila.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="75" />
      <source>Bad input: degraded land that is empty (no polygon, or no pixel with the degraded value) stops the run; no restoration area, or none on degraded land, gives a warning and a share of 0 %. Features without geometry are skipped and invalid geometries repaired, both counted in the log.</source>
      <translation>Entradas incorrectas: si no hay tierras degradadas (ningún polígono o ningún píxel con el valor degradado) la ejecución se detiene; si no hay áreas en restauración, o ninguna está en tierras degradadas, se emite una advertencia y la proporción es 0 %. Los elementos sin geometría se omiten y las geometrías no válidas se reparan; ambos se cuentan en el registro.</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="43" />
      <source>Band</source>
      <translation>Banda</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="91" />
      <source>Band (e.g. the year of a MapBiomas collection)</source>
      <translation>Banda (p. ej. el año de una colección de MapBiomas)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="149" />
      <source>Band (number or name)</source>
      <translation>Banda (número o nombre)</translation>
    </message>
    <message>
      <location filename="../processing/_degraded_params.py" line="52" />
      <source>Band of a multi-band raster: number, or Trends.Earth band name (empty: 'SDG 15.3.1 Indicator' when its JSON is beside the file, else band 1)</source>
      <translation>Banda de un ráster multibanda: número, o nombre de banda de Trends.Earth (vacío: 'SDG 15.3.1 Indicator' cuando su JSON está junto al archivo; si no, la banda 1)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="112" />
      <source>Band of {raster} (empty: by name from a Trends.Earth JSON, else band 1)</source>
      <translation>Banda de {raster} (vacío: por nombre según el JSON de Trends.Earth, si no la banda 1)</translation>
    </message>
    <message>
      <location filename="../algorithms/forest_change.py" line="75" />
      <source>Band {band} of the land-cover series has no year in its description ('{description}'). Give FIRST_YEAR, the year of band 1.</source>
      <translation>La banda {band} de la serie de cobertura no tiene un año en su descripción ('{description}'). Indique FIRST_YEAR, el año de la banda 1.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/engine.py" line="38" />
      <source>Band {band} of {name} has no year in its description, so the years of the series are unknown. Give FIRST_YEAR (the year of band 1), or use a series written by 'Prepare an annual vegetation series'.</source>
      <translation>La banda {band} de {name} no tiene un año en su descripción, así que los años de la serie son desconocidos. Indique FIRST_YEAR (el año de la banda 1) o use una serie escrita por 'Preparar una serie anual de vegetación'.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="216" />
      <source>Band {number} of {file} cannot be read: {error}</source>
      <translation>No se puede leer la banda {number} de {file}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="21" />
      <source>Baseline degradation</source>
      <translation>Degradación en la línea base</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="22" />
      <source>Baseline improvement</source>
      <translation>Mejora en la línea base</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="103" />
      <source>Baseline years (0 = every year before the comparison period)</source>
      <translation>Años de línea base (0 = todos los años anteriores al periodo de comparación)</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="57" />
      <source>Beside the PDF the report writes &lt;PDF name&gt;_data.gpkg: the departments with their figures, page tables and charts, and the chart rows. The saved layout's atlas reads it, so QGIS's own atlas export reprints the same pages (add its layers to the project under their names first).</source>
      <translation>Junto al PDF el reporte escribe &lt;nombre del PDF&gt;_data.gpkg: los departamentos con sus cifras, tablas y gráficos de página, y las filas de los gráficos. El atlas de la composición guardada lo lee, de modo que la exportación de atlas de QGIS reimprime las mismas páginas (antes, añada sus capas al proyecto con sus nombres).</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="58" />
      <source>Blocks are computed in parallel with as many threads as Processing's 'Max threads' setting (the environment variable T2RESTORE_THREADS wins); the result does not depend on it. DASK_SCHEDULER (advanced, optional) sends the blocks to a Dask cluster (e.g. tcp://10.0.0.5:8786); its workers read the inputs, so they must be files every worker reaches (a shared folder or a cloud path), and the result is the same, byte for byte. Dask is optional: sudo apt install python3-dask python3-distributed.</source>
      <translation>Los bloques se calculan en paralelo con tantos hilos como indica el ajuste 'Máximo de hilos' de Procesos (la variable de entorno T2RESTORE_THREADS tiene prioridad); el resultado no depende de ello. DASK_SCHEDULER (avanzado, opcional) envía los bloques a un clúster Dask (p. ej. tcp://10.0.0.5:8786); sus trabajadores leen las entradas, que deben ser archivos a los que llegue cada trabajador (una carpeta compartida o una ruta en la nube), y el resultado es el mismo, byte a byte. Dask es opcional: sudo apt install python3-dask python3-distributed.</translation>
    </message>
    <message>
      <location filename="../algorithms/agreement.py" line="69" />
      <source>Both inputs are polygon layers: give a pixel size (PIXEL_SIZE, in the units of the first layer's CRS) to compare them on.</source>
      <translation>Ambas entradas son capas de polígonos: indique un tamaño de píxel (PIXEL_SIZE, en las unidades del SRC de la primera capa) para compararlas.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="31" />
      <source>Both kinds of double counting</source>
      <translation>Ambos tipos de doble conteo</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="39" />
      <source>Builds the annual series that 'Land productivity dynamics' takes (one band per year, the year in each band's description) from the composites as they are downloaded: MODIS MOD13Q1 / MYD13Q1 16-day NDVI or EVI, Landsat or Sentinel-2 composites, as a list of rasters (INPUT), a FOLDER (the files whose name contains FILE_FILTER) or a multi-band raster.</source>
      <translation>Construye la serie anual que toma 'Dinámica de la productividad de la tierra' (una banda por año, con el año en la descripción de cada banda) a partir de los compuestos tal como se descargan: NDVI o EVI de 16 días de MODIS MOD13Q1 / MYD13Q1, compuestos Landsat o Sentinel-2, como una lista de ráster (INPUT), una carpeta FOLDER (los archivos cuyo nombre contiene FILE_FILTER) o un ráster multibanda.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="250" />
      <source>Burning the conservation areas onto the raster grid failed: {error}</source>
      <translation>Falló la rasterización de las áreas de conservación sobre la grilla: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="302" />
      <source>Burning the loss points onto the raster grid failed: {error}</source>
      <translation>Falló la rasterización de los puntos de pérdida sobre la grilla: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/agreement.py" line="115" />
      <source>Burning the polygons onto the raster grid failed: {error}</source>
      <translation>Falló la rasterización de los polígonos sobre la grilla: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/target2.py" line="127" />
      <location filename="../algorithms/zones.py" line="50" />
      <source>Burning the zones onto the raster grid failed: {error}</source>
      <translation>Falló la rasterización de las zonas sobre la grilla: {error}</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="81" />
      <source>CLASSES: fixed breaks (BREAKS, default 0.25, 0.5, 0.75; 2 to 4 increasing values between 0 and 1), quantiles (equal areas of the scored pixels; breaks at the upper edge of the 1/65,535-wide histogram bin where the share is reached) or equal interval (between the lowest and highest score), with NUM_CLASSES 3, 4 (default) or 5 classes. A score equal to a break stays in the lower class.</source>
      <translation>CLASSES: cortes fijos (BREAKS, por defecto 0.25, 0.5, 0.75; de 2 a 4 valores crecientes entre 0 y 1), cuantiles (áreas iguales de los píxeles puntuados; cortes en el borde superior del intervalo de histograma de ancho 1/65 535 donde se alcanza la proporción) o intervalos iguales (entre el puntaje más bajo y el más alto), con NUM_CLASSES 3, 4 (por defecto) o 5 clases. Un puntaje igual a un corte queda en la clase inferior.</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="347" />
      <source>COMPARISON_YEARS must be at least {min}; it is {value}.</source>
      <translation>COMPARISON_YEARS debe ser al menos {min}; es {value}.</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="31" />
      <source>CONNECTION is the name of a saved PostgreSQL connection of QGIS (its user name and password come from QGIS's authentication database), a libpq connection string (host=... dbname=... user=...) or service=name (pg_service.conf), as used with qgis_process on a server. The connecting role must be allowed to create schemas (and roles, the first time). A registry of an older schema version is migrated (by its owner, in one transaction: on failure nothing changes); one at the current version is left unchanged; a database without PostGIS is refused. Everything is created in one transaction.</source>
      <translation>CONNECTION es el nombre de una conexión PostgreSQL guardada en QGIS (su usuario y contraseña vienen de la base de autenticación de QGIS), una cadena de conexión libpq (host=... dbname=... user=...) o service=nombre (pg_service.conf), como se usa con qgis_process en un servidor. El rol que se conecta debe poder crear esquemas (y roles, la primera vez). Un registro de una versión de esquema anterior se migra (lo hace su propietario, en una sola transacción: si falla, nada cambia); uno en la versión actual no se cambia; una base sin PostGIS se rechaza. Todo se crea en una sola transacción.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="75" />
      <source>CONSTRAINTS: areas to exclude (e.g. water, urban areas, protected areas when you choose so): rasters (pixels with a non-zero value) or polygon layers (pixels whose centre is inside a polygon, or with POLYGON_METHOD every pixel a polygon touches; invalid geometries are repaired and counted). Excluded pixels get class 0 and are reported in the table. MASK (optional): only pixels inside it are scored: a polygon layer, or a raster whose non-zero values, or the values in MASK_VALUES (e.g. -1 for degraded land in an SDG 15.3.1 result), mark the area. Pixels where any criterion has no data are not scored.</source>
      <translation>CONSTRAINTS: áreas a excluir (p. ej. agua, áreas urbanas, áreas protegidas si así lo decide): rásteres (píxeles con valor distinto de cero) o capas de polígonos (píxeles cuyo centro cae dentro de un polígono, o con POLYGON_METHOD todo píxel que toca un polígono; las geometrías no válidas se reparan y se cuentan). Los píxeles excluidos reciben la clase 0 y se informan en la tabla. MASK (opcional): solo se puntúan los píxeles dentro de ella: una capa de polígonos, o un ráster cuyos valores distintos de cero, o los valores de MASK_VALUES (p. ej. -1 para tierras degradadas en un resultado del ODS 15.3.1), marcan el área. Los píxeles donde algún criterio no tiene datos no se puntúan.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="93" />
      <source>CRITERIA ({given}) does not match the names in the matrix file ({found}); leave CRITERIA empty to use the file's names.</source>
      <translation>CRITERIA ({given}) no coincide con los nombres del archivo de matriz ({found}); deje CRITERIA vacío para usar los nombres del archivo.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="32" />
      <source>CRITERIA lists the names in matrix order, separated by commas. MATRIX holds the values row by row: either the full matrix (n x n values; the lower triangle may be left empty) or only the upper triangle (n(n-1)/2 values, row by row, right of the diagonal). Values may be written as 3, 1/3 or 0.33. Instead, MATRIX_FILE reads a CSV with the names in the header row and in the first column (comma or semicolon separated; a semicolon file may use decimal commas).</source>
      <translation>CRITERIA lista los nombres en el orden de la matriz, separados por comas. MATRIX contiene los valores fila por fila: la matriz completa (n x n valores; el triángulo inferior puede quedar vacío) o solo el triángulo superior (n(n-1)/2 valores, fila por fila, a la derecha de la diagonal). Los valores pueden escribirse como 3, 1/3 o 0.33. En su lugar, MATRIX_FILE lee un CSV con los nombres en la fila de encabezado y en la primera columna (separado por comas o por punto y coma; un archivo con punto y coma puede usar coma decimal).</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="61" />
      <source>CRITERIA: the criterion rasters (a multi-band raster, such as the OUTPUT_CRITERIA of 'Degraded forest lands, SERFOR criteria', is added once). RESCALING: one row per criterion with 7 columns: raster number in CRITERIA (1 for the first), band (number or band name), criterion name, method, low, high, lookup. Methods: linear (0 at low, 1 at high, straight line in between, clamped outside), inverted (1 at low, 0 at high: smaller is better), quantile (classes of equal area of the criterion inside the mask and outside the constraints, as in FAO's se.plan; 'low' holds the number of classes, default 5; class c of n scores (c-1)/(n-1); a value equal to a break stays in the lower class), quantile_inverted, categorical (lookup such as '1: 1; 2: 0.5; *: 0', where * scores every other value; without *, a value missing from the table stops the run naming it).</source>
      <translation>CRITERIA: los rásteres de criterios (un ráster multibanda, como el OUTPUT_CRITERIA de 'Tierras forestales degradadas, criterios del SERFOR', se añade una sola vez). RESCALING: una fila por criterio con 7 columnas: número de ráster en CRITERIA (1 para el primero), banda (número o nombre de banda), nombre del criterio, método, bajo, alto, tabla. Métodos: linear (0 en bajo, 1 en alto, recta entre ambos, acotado fuera), inverted (1 en bajo, 0 en alto: menor es mejor), quantile (clases de igual área del criterio dentro de la máscara y fuera de las restricciones, como en se.plan de la FAO; 'bajo' contiene el número de clases, 5 por defecto; la clase c de n puntúa (c-1)/(n-1); un valor igual a un corte queda en la clase inferior), quantile_inverted, categorical (tabla como '1: 1; 2: 0.5; *: 0', donde * puntúa todos los demás valores; sin *, un valor que falte en la tabla detiene la ejecución indicándolo). También se aceptan lineal, invertido, cuantil, cuantil_invertido y categorico.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="179" />
      <source>CRS</source>
      <translation>el SRC</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>CRS of the data</source>
      <translation>SRC de los datos</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="261" />
      <source>CRS of the input (override)</source>
      <translation>SRC de la entrada (reemplaza al declarado)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="75" />
      <source>CRS: {crs}
Sources: {sources}
T2 Restore {version}</source>
      <translation>SRC: {crs}
Fuentes: {sources}
T2 Restore {version}</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="139" />
      <source>CUM group</source>
      <translation>Grupo CUM</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="154" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="../algorithms/errors.py" line="54" />
      <source>Cancelled by the user; no output was written.</source>
      <translation>Cancelado por el usuario; no se escribió ningún resultado.</translation>
    </message>
    <message>
      <location filename="../ui/tasks.py" line="121" />
      <source>Cancelled; nothing was changed.</source>
      <translation>Cancelado; no se cambió nada.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="217" />
      <source>Cannot create the folder {path}: a file of that name is in the way. Choose an output path whose folders are folders, not files.</source>
      <translation>No se puede crear la carpeta {path}: hay un archivo con ese nombre. Elija una ruta de salida cuyas carpetas sean carpetas y no archivos.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="110" />
      <source>Cannot open the raster {name} ({path}). Check that the file exists and is a raster GDAL can read.</source>
      <translation>No se puede abrir el ráster {name} ({path}). Verifique que el archivo exista y sea un ráster que GDAL pueda leer.</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="61" />
      <source>Cannot open the raster {path}. Choose a status raster written by ldn_status.</source>
      <translation>No se puede abrir el ráster {path}. Elija un ráster de estado escrito por ldn_status.</translation>
    </message>
    <message>
      <location filename="../algorithms/dask_engine.py" line="52" />
      <source>Cannot reach the Dask scheduler {address}: {error}. Start it (dask-scheduler, then dask-worker on each machine), check the address, or leave it empty to compute on this machine.</source>
      <translation>No se puede contactar el planificador Dask {address}: {error}. Inícielo (dask-scheduler y luego dask-worker en cada máquina), revise la dirección o déjela vacía para calcular en esta máquina.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="235" />
      <source>Cannot read or write {path}: {reason}. Check the path and that the disk is available, then run again.</source>
      <translation>No se puede leer ni escribir {path}: {reason}. Revise la ruta y que el disco esté disponible, y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="210" />
      <source>Cannot read the date of {name}: neither its band description ('{description}') nor its file name holds a date (e.g. A2019001, 2019-01-17, 2019). Name the files by date or give a date table.</source>
      <translation>No se puede leer la fecha de {name}: ni la descripción de su banda ('{description}') ni el nombre del archivo contienen una fecha (p. ej. A2019001, 2019-01-17, 2019). Nombre los archivos por fecha o indique una tabla de fechas.</translation>
    </message>
    <message>
      <location filename="../processing/_legends.py" line="44" />
      <source>Cannot read the legend file {path}: check the path.</source>
      <translation>No se puede leer el archivo de leyenda {path}: revise la ruta.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="251" />
      <source>Cannot read the pairwise matrix file {path}: {error}</source>
      <translation>No se puede leer el archivo de matriz de comparación por pares {path}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/presets.py" line="23" />
      <location filename="../algorithms/serfor.py" line="73" />
      <source>Cannot read the preset {path}: {error}</source>
      <translation>No se puede leer el preajuste {path}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="415" />
      <location filename="../algorithms/dask_engine.py" line="125" />
      <source>Cannot read the raster {name} ({path}): {error}. The file is truncated or damaged (an interrupted download or copy, a full disk): copy or export it again.</source>
      <translation>No se puede leer el ráster {name} ({path}): {error}. El archivo está truncado o dañado (una descarga o copia interrumpida, un disco lleno): cópielo o expórtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="133" />
      <source>Cannot read the recode file {path}: {error}</source>
      <translation>No se puede leer el archivo de reclasificación {path}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="78" />
      <location filename="../algorithms/minam.py" line="180" />
      <source>Cannot read the rules file {path}: {error}</source>
      <translation>No se puede leer el archivo de reglas {path}: {error}</translation>
    </message>
    <message>
      <location filename="../ui/undo.py" line="73" />
      <source>Cannot undo or redo "{action}": {reason}</source>
      <translation>No se puede deshacer ni rehacer "{action}": {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="219" />
      <source>Cannot use {path}: part of the path is a file, not a folder. Choose an output path whose folders are folders, not files.</source>
      <translation>No se puede usar {path}: una parte de la ruta es un archivo, no una carpeta. Elija una ruta de salida cuyas carpetas sean carpetas y no archivos.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="312" />
      <source>Cannot write the output {path}: {error}. Choose a folder you can write to, on a disk with free space.</source>
      <translation>No se puede escribir la salida {path}: {error}. Elija una carpeta en la que pueda escribir, en un disco con espacio libre.</translation>
    </message>
    <message>
      <location filename="../algorithms/agreement.py" line="108" />
      <source>Cannot write the temporary raster {path}: {error}</source>
      <translation>No se puede escribir el ráster temporal {path}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/zones.py" line="38" />
      <location filename="../algorithms/zones.py" line="31" />
      <source>Cannot write the temporary zones raster: {error}</source>
      <translation>No se puede escribir el ráster temporal de zonas: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="231" />
      <source>Cannot write the work file {path}: {error}. Free some disk space and run again.</source>
      <translation>No se puede escribir el archivo de trabajo {path}: {error}. Libere espacio en disco y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="84" />
      <source>Canopy cover threshold of forest (%)</source>
      <translation>Umbral de cobertura de copas del bosque (%)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="138" />
      <source>Capability codes (raster code, CUM group A, C, P, F or X)</source>
      <translation>Códigos de capacidad (código del ráster, grupo CUM A, C, P, F o X)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="169" />
      <source>Capability groups that are forest lands</source>
      <translation>Grupos de capacidad que son tierras forestales</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="41" />
      <location filename="../registry/validate.py" line="119" />
      <location filename="../registry/validate.py" line="142" />
      <source>Capture method</source>
      <translation>Método de captura</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="20" />
      <source>Check in offline work</source>
      <translation>Devolver el trabajo sin conexión</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="29" />
      <source>Check out initiatives for offline work</source>
      <translation>Extraer iniciativas para trabajar sin conexión</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="37" />
      <source>Checks: the matrix must be square, positive, within 1/9 to 9, have 1 on the diagonal, and be reciprocal (a_ij x a_ji within 5 % of 1, so 0.33 stands for 1/3); otherwise the run stops naming the cell. At most 15 criteria.</source>
      <translation>Controles: la matriz debe ser cuadrada, positiva, estar entre 1/9 y 9, tener 1 en la diagonal y ser recíproca (a_ij x a_ji dentro del 5 % de 1, de modo que 0.33 vale por 1/3); si no, la ejecución se detiene indicando la celda. Como máximo 15 criterios.</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="330" />
      <source>Choose a layer or a file.</source>
      <translation>Elija una capa o un archivo.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="221" />
      <source>Choose a polygon layer and at least one of its fields.</source>
      <translation>Elija una capa de polígonos y al menos uno de sus campos.</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="137" />
      <source>Choose a status raster and press Compute share.</source>
      <translation>Elija un ráster de estado y pulse Calcular proporción.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="211" />
      <source>Choose either a shipped preset or a preset file, not both.</source>
      <translation>Elija un preajuste incluido o un archivo de preajuste, no ambos.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="230" />
      <source>Choose the GeoPackage to import.</source>
      <translation>Elija el GeoPackage que desea importar.</translation>
    </message>
    <message>
      <location filename="../ui/report_action.py" line="130" />
      <source>Choose the degraded land layer for the report.</source>
      <translation>Elija la capa de tierras degradadas para el reporte.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="211" />
      <source>Choose the field of AREAS that holds each area's start year (START_FIELD), or use a registry's restoration areas layer.</source>
      <translation>Elija el campo de AREAS que contiene el año de inicio de cada área (START_FIELD), o use la capa de áreas en restauración de un registro.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="195" />
      <source>Choose the field of PROTECTED_AREAS that holds the protected area's name (PROTECTED_NAME_FIELD): it is written into the registry.</source>
      <translation>Elija el campo de PROTECTED_AREAS que contiene el nombre del área protegida (PROTECTED_NAME_FIELD): es el que se escribe en el registro.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="155" />
      <source>Choose the file to export to.</source>
      <translation>Elija el archivo de destino de la exportación.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="204" />
      <source>Choose the layers of both gaps (MINAM and SERFOR).</source>
      <translation>Elija las capas de las dos brechas (MINAM y SERFOR).</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="162" />
      <source>Choose the status raster (a raster file written by ldn_status) whose degraded land the share is computed on.</source>
      <translation>Elija el ráster de estado (un archivo ráster escrito por ldn_status) sobre cuyas tierras degradadas se calcula la proporción.</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="143" />
      <source>Class</source>
      <translation>Clase</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="199" />
      <source>Class breaks used</source>
      <translation>Cortes de clase usados</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="419" />
      <source>Class breaks used: {breaks}.</source>
      <translation>Cortes de clase usados: {breaks}.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="88" />
      <source>Class field of the polygons (name or code; CobVeg2013 in MINAM's map)</source>
      <translation>Campo de clase de los polígonos (nombre o código; CobVeg2013 en el mapa del MINAM)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="168" />
      <source>Class method</source>
      <translation>Método de clases</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="41" />
      <source>Class raster</source>
      <translation>Ráster de clases</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="39" />
      <source>Classifies every forest pixel by the pattern of forest around it, after Riitters et al. (2000, Conservation Ecology 4(2): 3, with the 2001 errata), the method of GRASS r.forestfrag and of the R package fragmentation. Fragmentation is one of MINAM's degradation indicators.</source>
      <translation>Clasifica cada píxel de bosque según el patrón de bosque a su alrededor, siguiendo a Riitters et al. (2000, Conservation Ecology 4(2): 3, con la fe de erratas de 2001), el método de GRASS r.forestfrag y del paquete de R fragmentation. La fragmentación es uno de los indicadores de degradación del MINAM.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="38" />
      <source>Classifies land as degraded (-1), stable (0) or improved (+1) following the UNCCD Good Practice Guidance for SDG indicator 15.3.1 (version 2, 2021), the method of Trends.Earth.</source>
      <translation>Clasifica la tierra como degradada (-1), estable (0) o mejorada (+1) según la Guía de Buenas Prácticas de la CNULD para el indicador ODS 15.3.1 (versión 2, 2021), el método de Trends.Earth.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="85" />
      <source>Code</source>
      <translation>Código</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="44" />
      <source>Codes outside the legend (a land cover class without a recode row, or outside 1..7 without a recode table; an LPD value other than 1..5, where 0 and 15 are nodata) stop the run, which names each code with its pixel count, unless UNKNOWN_CODES is set to leave those pixels out as no data (the log then says how many). NaN and infinite values are no data in every input.</source>
      <translation>Los códigos fuera de la leyenda (una clase de cobertura sin fila de reclasificación, o fuera de 1..7 sin tabla de reclasificación; un valor LPD distinto de 1..5, donde 0 y 15 son sin datos) detienen la ejecución, que nombra cada código con su número de píxeles, salvo que UNKNOWN_CODES indique dejar esos píxeles fuera como sin datos (el registro dice entonces cuántos). Los valores NaN e infinitos son sin datos en todas las entradas.</translation>
    </message>
    <message>
      <location filename="../processing/_codes.py" line="18" />
      <source>Codes outside the legend (e.g. land cover 50 in a 7-class map, LPD 7)</source>
      <translation>Códigos fuera de la leyenda (p. ej. cobertura 50 en un mapa de 7 clases, LPD 7)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="48" />
      <source>Codes: 0 non-forest; 1 patch (Pf &lt; 0.4); 2 transitional (0.4 &lt;= Pf &lt; 0.6); 3 edge (Pf &gt;= 0.6 and Pf &lt; Pff); 4 perforated (Pf &gt;= 0.6 and Pf &gt; Pff); 5 interior (Pf = 1); 6 undetermined (Pf &gt;= 0.6 and Pf = Pff); 255 nodata. Pf and Pff are compared as exact fractions, so pixels exactly on a boundary get the class of the method (GRASS r.forestfrag uses Pf &gt; 0.6 for perforated and undetermined).</source>
      <translation>Códigos: 0 no bosque; 1 parche (Pf &lt; 0,4); 2 transicional (0,4 &lt;= Pf &lt; 0,6); 3 borde (Pf &gt;= 0,6 y Pf &lt; Pff); 4 perforado (Pf &gt;= 0,6 y Pf &gt; Pff); 5 interior (Pf = 1); 6 indeterminado (Pf &gt;= 0,6 y Pf = Pff); 255 sin datos. Pf y Pff se comparan como fracciones exactas, de modo que los píxeles justo en un límite reciben la clase del método (GRASS r.forestfrag usa Pf &gt; 0,6 para perforado e indeterminado).</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="127" />
      <source>Cohen's kappa</source>
      <translation>Kappa de Cohen</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="218" />
      <source>Common CRSs in Peru…</source>
      <translation>SRC frecuentes en el Perú…</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="45" />
      <source>Compares one or two reporting periods of SDG indicator 15.3.1 with the baseline, as the UNCCD Good Practice Guidance addendum for the 2026 reporting asks and Trends.Earth does. Inputs are SDG 15.3.1 rasters coded -1 degraded, 0 stable, 1 improved (nodata -32768), as ldn_degradation or Trends.Earth write them; any other value stops the run naming the values found, unless UNKNOWN_CODES leaves them out as no data.</source>
      <translation>Compara uno o dos periodos de reporte del indicador ODS 15.3.1 con la línea base, como pide la adenda de la Guía de Buenas Prácticas de la CNULD para el reporte de 2026 y como lo hace Trends.Earth. Las entradas son rásteres ODS 15.3.1 codificados -1 degradado, 0 estable, 1 mejorado (sin datos -32768), como los escriben ldn_degradation o Trends.Earth; cualquier otro valor detiene la ejecución nombrando los valores encontrados, salvo que UNKNOWN_CODES los deje fuera como sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="63" />
      <source>Compares two degradation results, by default MINAM's (A) and SERFOR's (B), and shows where they agree: 0 degraded in neither, 1 only in A, 2 only in B, 3 in both (styled; 255 nodata where a raster input has no data).</source>
      <translation>Compara dos resultados de degradación, por defecto el del MINAM (A) y el del SERFOR (B), y muestra dónde concuerdan: 0 degradado en ninguno, 1 solo en A, 2 solo en B, 3 en ambos (con estilo; 255 sin datos donde una entrada ráster no tiene datos).</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="67" />
      <source>Comparison (1/9 to 9)</source>
      <translation>Comparación (1/9 a 9)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="106" />
      <source>Comparison years (the last years of the series)</source>
      <translation>Años de comparación (los últimos años de la serie)</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="134" />
      <source>Compute share</source>
      <translation>Calcular proporción</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Computed area</source>
      <translation>Área calculada</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="39" />
      <source>Computes the 5-class land productivity dynamics (1 declining, 2 moderate decline or early signs of decline, 3 stressed, 4 stable, 5 increasing) from an annual NDVI series, following the UNCCD Good Practice Guidance for SDG indicator 15.3.1 (version 2, 2021) as Trends.Earth implements it. The result can be the productivity input of 'Degradation, SDG 15.3.1'.</source>
      <translation>Calcula la dinámica de la productividad de la tierra en 5 clases (1 en declive, 2 declive moderado o primeros signos de declive, 3 estresada, 4 estable, 5 en aumento) a partir de una serie anual de NDVI, según la Guía de Buenas Prácticas de la CNULD para el indicador ODS 15.3.1 (versión 2, 2021) tal como la implementa Trends.Earth. El resultado puede ser la entrada de productividad de 'Degradación, ODS 15.3.1'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="266" />
      <source>Computing the distances to conservation areas failed: {error}</source>
      <translation>Falló el cálculo de las distancias a las áreas de conservación: {error}</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="48" />
      <source>Conflicts</source>
      <translation>Conflictos</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="119" />
      <source>Confusion table (hectares, overall agreement and kappa per zone)</source>
      <translation>Tabla de confusión (hectáreas, concordancia global y kappa por zona)</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="31" />
      <source>Connected as {role}: administrator, may change every initiative.</source>
      <translation>Conectado como {role}: administrador, puede cambiar todas las iniciativas.</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="33" />
      <source>Connected as {role}: editor of {institution}, may change only its initiatives; reads all.</source>
      <translation>Conectado como {role}: editor de {institution}, solo puede cambiar sus iniciativas; lee todas.</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="35" />
      <source>Connected as {role}: reader, may not change anything (saving and deleting are disabled).</source>
      <translation>Conectado como {role}: lector, no puede cambiar nada (guardar y eliminar están desactivados).</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="240" />
      <source>Conservation areas</source>
      <translation>Áreas de conservación</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="149" />
      <source>Conservation areas (polygons)</source>
      <translation>Áreas de conservación (polígonos)</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="74" />
      <source>Consistency index (CI)</source>
      <translation>Índice de consistencia (IC)</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="75" />
      <source>Consistency ratio (CR)</source>
      <translation>Razón de consistencia (RC)</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="76" />
      <source>Consistent (CR below 0.10)</source>
      <translation>Consistente (RC menor que 0.10)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="160" />
      <source>Constraints: areas to exclude (rasters or polygon layers)</source>
      <translation>Restricciones: áreas a excluir (rásteres o capas de polígonos)</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="66" />
      <source>Contact email</source>
      <translation>Correo del contacto</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="65" />
      <source>Contact name</source>
      <translation>Nombre del contacto</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="181" />
      <source>Contribution to the national goal (%)</source>
      <translation>Contribución a la meta nacional (%)</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="32" />
      <source>Copies the initiatives of one department (DEPARTMENT: a name, with or without accents, or its 2-digit UBIGEO code) or of one institution (INSTITUTION: the institution owning them in the shared registry) from a PostGIS registry into a new GeoPackage registry, to be edited in the field without a connection. Identifiers and revisions are kept, and the copy records the revision of each initiative: 'Check in offline work' later merges the copy back by identifier and revision and reports conflicts.</source>
      <translation>Copia las iniciativas de un departamento (DEPARTMENT: un nombre, con o sin tildes, o su código UBIGEO de 2 dígitos) o de una institución (INSTITUTION: la institución propietaria en el registro compartido) desde un registro PostGIS a un nuevo registro GeoPackage, para editarlas en campo sin conexión. Se conservan los identificadores y las revisiones, y la copia anota la revisión de cada iniciativa: 'Devolver el trabajo sin conexión' combina luego la copia por identificador y revisión e informa de los conflictos.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="134" />
      <source>Corrected SDG 15.3.1, baseline</source>
      <translation>ODS 15.3.1 corregido, línea base</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="135" />
      <source>Corrected SDG 15.3.1, reporting period 1</source>
      <translation>ODS 15.3.1 corregido, periodo de reporte 1</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="136" />
      <source>Corrected SDG 15.3.1, reporting period 2</source>
      <translation>ODS 15.3.1 corregido, periodo de reporte 2</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="218" />
      <source>Correction polygon {fid} has no geometry and was skipped.</source>
      <translation>El polígono de corrección {fid} no tiene geometría y se omitió.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/corrections.py" line="85" />
      <source>Correction polygon {fid} has no value in the field periods_affected: say which periods it corrects, one or more of baseline, report_1, report_2 (e.g. 'baseline,report_1').</source>
      <translation>El polígono de corrección {fid} no tiene valor en el campo periods_affected: indique qué periodos corrige, uno o más de baseline, report_1, report_2 (p. ej. 'baseline,report_1').</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/corrections.py" line="90" />
      <source>Correction polygon {fid}: the field periods_affected names '{value}', which is not a period; use one or more of baseline, report_1, report_2 (e.g. 'baseline,report_1').</source>
      <translation>Polígono de corrección {fid}: el campo periods_affected nombra '{value}', que no es un periodo; use uno o más de baseline, report_1, report_2 (p. ej. 'baseline,report_1').</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/corrections.py" line="56" />
      <source>Correction polygon {fid}: the field {field} holds '{value}'; it must be -1 (degraded), 0 (stable), 1 (improved) or empty (leave as is). Fix that feature and run again.</source>
      <translation>Polígono de corrección {fid}: el campo {field} contiene '{value}'; debe ser -1 (degradado), 0 (estable), 1 (mejorado) o vacío (dejar como está). Corrija esa entidad y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="238" />
      <source>Correction polygons with invalid geometry were repaired before use (feature ids): {ids}. Check them.</source>
      <translation>Se repararon antes de usarlos los polígonos de corrección con geometría no válida (identificadores de entidad): {ids}. Revíselos.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="243" />
      <source>Correction polygons {ids} only correct report_2, but REPORTING_2 was not given: they change nothing.</source>
      <translation>Los polígonos de corrección {ids} solo corrigen report_2, pero no se dio REPORTING_2: no cambian nada.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="68" />
      <source>Corrections (CORRECTIONS): polygons in Trends.Earth's error-recode format, so that a Trends.Earth layer works unchanged: recode_deg_to, recode_stable_to, recode_imp_to (-1, 0, 1, or empty to leave the pixel as it is: what a pixel now degraded / stable / improved becomes), periods_affected (one or more of baseline, report_1, report_2, as a list or separated by commas) and an optional reason. A polygon without periods_affected or with another value stops the run naming its feature id and field. They are applied to the SDG rasters before the status; where polygons overlap, the later one wins. As in Trends.Earth, a pixel is corrected when its centre is inside a polygon. Polygons in another CRS are reprojected; invalid geometries are repaired and listed in the log. CORRECTIONS_TABLE gives the hectares changed per polygon and period; CORRECTED_* are the corrected SDG rasters.</source>
      <translation>Correcciones (CORRECTIONS): polígonos en el formato de recodificación de errores de Trends.Earth, para que una capa de Trends.Earth funcione sin cambios: recode_deg_to, recode_stable_to, recode_imp_to (-1, 0, 1, o vacío para dejar el píxel como está: en qué se convierte un píxel hoy degradado / estable / mejorado), periods_affected (uno o más de baseline, report_1, report_2, como lista o separados por comas) y un reason (motivo) opcional. Un polígono sin periods_affected o con otro valor detiene la ejecución nombrando su identificador de entidad y el campo. Se aplican a los rásteres ODS antes del estado; donde los polígonos se superponen, gana el posterior. Como en Trends.Earth, un píxel se corrige cuando su centro está dentro de un polígono. Los polígonos en otro SRC se reproyectan; las geometrías no válidas se reparan y se listan en el registro. CORRECTIONS_TABLE da las hectáreas cambiadas por polígono y periodo; CORRECTED_* son los rásteres ODS corregidos.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="118" />
      <source>Corrections of false positives / negatives (Trends.Earth error-recode polygons)</source>
      <translation>Correcciones de falsos positivos / negativos (polígonos de recodificación de errores de Trends.Earth)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="212" />
      <source>Corrections reprojected from {src} to {dst}.</source>
      <translation>Correcciones reproyectadas de {src} a {dst}.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="131" />
      <source>Corrections table (hectares changed per polygon and period)</source>
      <translation>Tabla de correcciones (hectáreas cambiadas por polígono y periodo)</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="223" />
      <source>Could not align the raster {name} onto the reference grid: {error}</source>
      <translation>No se pudo alinear el ráster {name} a la grilla de referencia: {error}</translation>
    </message>
    <message>
      <location filename="../processing/_outputs.py" line="147" />
      <source>Could not write to the output {output} ({dest}): {error}. Check that its folder exists and can be written to and that the disk has space, or choose another file.</source>
      <translation>No se pudo escribir en la salida {output} ({dest}): {error}. Compruebe que su carpeta existe y admite escritura y que el disco tiene espacio, o elija otro archivo.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="63" />
      <source>Counterbalancing (OUTPUT_TABLE): per land type (LAND_TYPE, an integer raster such as the baseline land cover or an ecosystem map; any number of classes; decimal rasters are refused) and per zone when ZONES is given: gains = classes 6 and 7, losses = classes 1 and 2, in hectares on the WGS 84 ellipsoid; net = gains - losses; neutrality (ldn_achieved) when net &gt;= 0. Rows with an empty land type give the whole area. STATUS_TABLE gives the hectares of each status class.</source>
      <translation>Compensación (OUTPUT_TABLE): por tipo de tierra (LAND_TYPE, un ráster de enteros como la cobertura de la línea base o un mapa de ecosistemas; cualquier número de clases; los rásteres decimales se rechazan) y por zona cuando se da ZONES: ganancias = clases 6 y 7, pérdidas = clases 1 y 2, en hectáreas sobre el elipsoide WGS 84; neto = ganancias - pérdidas; neutralidad (ldn_achieved) cuando neto &gt;= 0. Las filas con tipo de tierra vacío dan el área completa. STATUS_TABLE da las hectáreas de cada clase de estado.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="129" />
      <source>Counterbalancing (gains, losses, net per land type and zone)</source>
      <translation>Compensación (ganancias, pérdidas, neto por tipo de tierra y zona)</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="64" />
      <source>Counting only recovering areas, restoration inside degraded land is {ha} ha, {pct} of the degraded land (effective restoration, as Target 2 asks).</source>
      <translation>Contando solo las áreas en recuperación, la restauración dentro de tierras degradadas es de {ha} ha, el {pct} de las tierras degradadas (restauración efectiva, como pide la Meta 2).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="102" />
      <location filename="../registry/validate.py" line="130" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Countries</source>
      <translation>Países</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="31" />
      <source>Counts toward both gaps</source>
      <translation>Cuenta para ambas brechas</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="136" />
      <source>Covariates for matching (e.g. elevation, slope)</source>
      <translation>Covariables para el emparejamiento (p. ej. altitud, pendiente)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="158" />
      <source>Cover loss</source>
      <translation>Pérdida de cobertura</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="337" />
      <source>Cover loss from land cover needs both LC_BASELINE and LC_TARGET.</source>
      <translation>La pérdida de cobertura a partir de la cobertura del suelo necesita LC_BASELINE y LC_TARGET.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="514" />
      <source>Create "{title}"</source>
      <translation>Crear "{title}"</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="125" />
      <source>Create a new registry (GeoPackage)</source>
      <translation>Crear un registro nuevo (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../ui/session.py" line="116" />
      <source>Create or open a registry first (buttons New… and Open… above).</source>
      <translation>Primero cree o abra un registro (botones Nuevo… y Abrir… de arriba).</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="23" />
      <source>Creates an empty initiative registry in a PostgreSQL database that has the PostGIS extension, so that several institutions can share one registry: the tables of the GeoPackage registry (schema t2restore) with UUID keys, areas as EPSG:4326 MultiPolygons with a GiST index, one lookup table per vocabulary, the schema version, an audit table written by triggers (who changed what and when, old and new values) and row-level security for three roles: t2r_admin (everything), t2r_editor (reads everything, changes only the initiatives of its institution, listed in t2restore.role_institutions) and t2r_reader (reads).</source>
      <translation>Crea un registro de iniciativas vacío en una base de datos PostgreSQL con la extensión PostGIS, para que varias instituciones compartan un registro: las tablas del registro GeoPackage (esquema t2restore) con claves UUID, áreas como MultiPolígonos EPSG:4326 con índice GiST, una tabla de consulta por vocabulario, la versión del esquema, una tabla de auditoría escrita por disparadores (quién cambió qué y cuándo, valores anteriores y nuevos) y seguridad a nivel de fila para tres roles: t2r_admin (todo), t2r_editor (lee todo, cambia solo las iniciativas de su institución, listadas en t2restore.role_institutions) y t2r_reader (lee).</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="182" />
      <source>Criteria used</source>
      <translation>Criterios usados</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="262" />
      <source>Criteria used: {used}.</source>
      <translation>Criterios usados: {used}.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="149" />
      <source>Criterion name</source>
      <translation>Nombre del criterio</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="64" />
      <source>Criterion names in matrix order, separated by commas</source>
      <translation>Nombres de los criterios en el orden de la matriz, separados por comas</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="146" />
      <source>Criterion rasters</source>
      <translation>Rásteres de criterios</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="151" />
      <source>Criterion {name}: no band of {raster} is named {band} (its bands: {bands}); band {index} is used, the position documented for it. Check that it holds this criterion.</source>
      <translation>Criterio {name}: ninguna banda de {raster} se llama {band} (sus bandas: {bands}); se usa la banda {index}, la posición documentada para él. Verifique que contenga este criterio.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="33" />
      <location filename="../processing/workshop_region.py" line="51" />
      <source>Cropland</source>
      <translation>Cultivo</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="102" />
      <source>Cumulative area (ha)</source>
      <translation>Área acumulada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_dask.py" line="18" />
      <source>DASK_SCHEDULER (advanced, optional) sends the blocks to a Dask cluster (e.g. tcp://10.0.0.5:8786); its workers read the inputs, so they must be files every worker reaches (a shared folder or a cloud path), and so must the output's folder, where the zones and masks the algorithm rasterizes are written while it runs. The result is the same, byte for byte. Dask is optional: sudo apt install python3-dask python3-distributed.</source>
      <translation>DASK_SCHEDULER (avanzado, opcional) envía los bloques a un clúster Dask (p. ej. tcp://10.0.0.5:8786); sus trabajadores leen las entradas, que deben ser archivos a los que llegue cada trabajador (una carpeta compartida o una ruta en la nube), y también la carpeta de la salida, donde se escriben durante la ejecución las zonas y máscaras que el algoritmo rasteriza. El resultado es el mismo, byte a byte. Dask es opcional: sudo apt install python3-dask python3-distributed.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="158" />
      <source>DEFAULTS (JSON) gives values for fields the source lacks, for example {"restoration_status": 2, "ecosystems": "T1", "lead_organization": "Gobierno Regional de Junín"}. SOURCE_CRS overrides the CRS of the input (needed for CSV files, which carry none).</source>
      <translation>DEFAULTS (JSON) da valores para los campos que faltan en la fuente, por ejemplo {"restoration_status": 2, "ecosystems": "T1", "lead_organization": "Gobierno Regional de Junín"}. SOURCE_CRS reemplaza el SRC de la entrada (necesario para archivos CSV, que no lo declaran).</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="135" />
      <source>DEFAULTS: "{key}" is "{value}", which is not {expected}. Give it as, for example, {example}.</source>
      <translation>DEFAULTS: "{key}" es "{value}", que no es {expected}. Indíquelo, por ejemplo, como {example}.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="343" />
      <source>DEGRADED covers only part of Peru, yet the total is reported as national and compared with the national goal. For a region, give its name in AREA_NAME (and its goal in REGIONAL_TARGET_HA).</source>
      <translation>DEGRADED cubre solo una parte del Perú, pero el total se informa como nacional y se compara con la meta nacional. Para una región, indique su nombre en AREA_NAME (y su meta en REGIONAL_TARGET_HA).</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="49" />
      <source>DEGRADED is the degraded baseline: polygons (all of them are degraded land) or a raster in which the pixels holding DEGRADED_VALUE are degraded (default -1, the degraded class of the T2 Restore degradation algorithm). With the status of ldn_status, DEGRADED_CLASSES lists the classes counted as degraded instead: 1,2,3 (degraded in the reporting period) or 1,2 (only land degrading now). RESTORATION_AREAS are the areas under restoration (a registry layer or any polygon layer); they are dissolved, so land under two overlapping initiatives counts once. Restoration outside degraded land is reported in its own column, not dropped.</source>
      <translation>DEGRADED es la línea base de degradación: polígonos (todos ellos son tierras degradadas) o un ráster en el que los píxeles con el valor DEGRADED_VALUE están degradados (por defecto -1, la clase degradada del algoritmo de degradación de T2 Restore). Con el estado de ldn_status, DEGRADED_CLASSES lista en su lugar las clases que cuentan como degradadas: 1,2,3 (degradadas en el periodo de reporte) o 1,2 (solo la tierra que se degrada ahora). RESTORATION_AREAS son las áreas en restauración (una capa del registro o cualquier capa de polígonos); se disuelven, de modo que el territorio bajo dos iniciativas superpuestas cuenta una sola vez. La restauración fuera de tierras degradadas se informa en su propia columna, no se descarta.</translation>
    </message>
    <message>
      <location filename="../algorithms/dask_engine.py" line="44" />
      <source>Dask is not installed, so the Dask scheduler {address} cannot be used. Install it (Debian/Ubuntu: sudo apt install python3-dask python3-distributed; elsewhere: python3 -m pip install 'dask[distributed]') or leave the scheduler address empty to compute on this machine.</source>
      <translation>Dask no está instalado, así que no se puede usar el planificador Dask {address}. Instálelo (Debian/Ubuntu: sudo apt install python3-dask python3-distributed; en otros sistemas: python3 -m pip install 'dask[distributed]') o deje vacía la dirección del planificador para calcular en esta máquina.</translation>
    </message>
    <message>
      <location filename="../processing/_dask.py" line="33" />
      <source>Dask scheduler address (optional: compute the blocks on a cluster)</source>
      <translation>Dirección del planificador Dask (opcional: calcular los bloques en un clúster)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="156" />
      <source>Date</source>
      <translation>Fecha</translation>
    </message>
    <message>
      <location filename="../ui/widgets/monitoring_editor.py" line="98" />
      <source>Date (YYYY-MM-DD)</source>
      <translation>Fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="105" />
      <source>Date table (CSV: file name or band number, date)</source>
      <translation>Tabla de fechas (CSV: nombre de archivo o número de banda, fecha)</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Dated values of the indicators monitored in this area (FERM): indicator, unit, date, value.</source>
      <translation>Valores fechados de los indicadores monitoreados en esta área (FERM): indicador, unidad, fecha, valor.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="43" />
      <source>Dates: from a DATES table (CSV: file name, or band number of a multi-band raster; date), else from the band description of a multi-band raster, else from the file name: MODIS A2019001 or AppEEARS doy2019001 (year and day of year), 2019-01-17, 20190117, 2019-017, or a lone year (an annual composite). The bands of a multi-band raster without dates are the years from FIRST_YEAR (annual composites, as 'Land productivity dynamics' reads them). A file whose date cannot be read stops the run, named.</source>
      <translation>Fechas: de una tabla DATES (CSV: nombre del archivo, o número de banda de un ráster multibanda; fecha); si no, de la descripción de la banda de un ráster multibanda; si no, del nombre del archivo: MODIS A2019001 o AppEEARS doy2019001 (año y día del año), 2019-01-17, 20190117, 2019-017, o un año solo (un compuesto anual). Las bandas de un ráster multibanda sin fechas son los años desde FIRST_YEAR (compuestos anuales, como los lee 'Dinámica de la productividad de la tierra'). Un archivo cuya fecha no se puede leer detiene la ejecución, con su nombre.</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Declared area</source>
      <translation>Área declarada</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="25" />
      <location filename="../registry/report_tables.py" line="131" />
      <source>Declared area (ha)</source>
      <translation>Área declarada (ha)</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="18" />
      <location filename="../processing/productivity_dynamics.py" line="21" />
      <location filename="../processing/workshop_region.py" line="52" />
      <source>Declining</source>
      <translation>En declive</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="79" />
      <source>Default preset 'MINAM (provisional)' (presets/minam_provisional.json): the thresholds and combination rules of MINAM's 2023 guide are not public in full, so the default is a provisional, editable stand-in written for T2 Restore, not MINAM's official table: loss of vegetation cover gives a high level (very high with declining productivity); otherwise declining productivity and fragmentation add up to low, moderate or high. Replace it with the official table when you have it.</source>
      <translation>Preajuste por defecto 'MINAM (provisional)' (presets/minam_provisional.json): los umbrales y las reglas de combinación de la guía 2023 del MINAM no son públicos en su totalidad, así que el valor por defecto es un sustituto provisional y editable escrito para T2 Restore, no la tabla oficial del MINAM: la pérdida de cobertura vegetal da un nivel alto (muy alto si además la productividad está en declive); si no, el declive de la productividad y la fragmentación se suman en bajo, moderado o alto. Reemplácelo por la tabla oficial cuando la tenga.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="97" />
      <source>Default preset 'SERFOR (provisional)' (presets/serfor_provisional.json): SERFOR's matrices, weights and breaks are not public, so the conflict matrix (on the 7 UNCCD land cover classes), the forest land groups, the 1000 m radius and the 5 recent years are a provisional, editable stand-in written for T2 Restore, not SERFOR's official values. Edit the tables here, with your own land cover codes as rows. Inputs must share the capability raster's grid unless 'Align inputs' is checked (nearest neighbour for classes and years, bilinear for the DEM).</source>
      <translation>Preajuste por defecto 'SERFOR (provisional)' (presets/serfor_provisional.json): las matrices, pesos y cortes del SERFOR no son públicos, así que la matriz de conflicto (sobre las 7 clases de cobertura de la CNULD), los grupos de tierras forestales, el radio de 1000 m y los 5 años recientes son un sustituto provisional y editable escrito para T2 Restore, no los valores oficiales del SERFOR. Edite aquí las tablas, con sus propios códigos de cobertura como filas. Las entradas deben compartir la grilla del ráster de capacidad de uso salvo que se marque 'Alinear entradas' (vecino más cercano para clases y años, bilineal para el MDE).</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="260" />
      <source>Default values (JSON)</source>
      <translation>Valores por defecto (JSON)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="118" />
      <location filename="../processing/serfor_criteria.py" line="165" />
      <source>Deforestation density search radius (m)</source>
      <translation>Radio de búsqueda de la densidad de deforestación (m)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="35" />
      <source>Degradation</source>
      <translation>Degradación</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="184" />
      <location filename="../processing/ldn_degradation.py" line="108" />
      <source>Degradation (SDG 15.3.1)</source>
      <translation>Degradación (ODS 15.3.1)</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="38" />
      <source>Degradation (SDG 15.3.1)...</source>
      <translation>Degradación (ODS 15.3.1)...</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="169" />
      <source>Degradation area table (hectares per ecosystem and level)</source>
      <translation>Tabla de áreas degradadas (hectáreas por ecosistema y nivel)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="112" />
      <source>Degradation area table (hectares per zone and class)</source>
      <translation>Tabla de áreas de degradación (hectáreas por zona y clase)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="272" />
      <location filename="../processing/minam_degradation.py" line="166" />
      <source>Degradation level (MINAM)</source>
      <translation>Nivel de degradación (MINAM)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="45" />
      <source>Degradation levels in terrestrial ecosystems from the three indicators of MINAM's national map of degraded areas (2019) and its procedure guide (2023): loss of vegetation cover, loss of primary productivity and forest fragmentation. Each indicator becomes a state (0 = no sign of degradation) and a rules table gives each combination of states a level: 0 none, 1 low, 2 moderate, 3 high, 4 very high.</source>
      <translation>Niveles de degradación en ecosistemas terrestres a partir de los tres indicadores del mapa nacional de áreas degradadas del MINAM (2019) y de su guía de procedimiento (2023): pérdida de cobertura vegetal, pérdida de productividad primaria y fragmentación del bosque. Cada indicador se convierte en un estado (0 = sin señal de degradación) y una tabla de reglas asigna a cada combinación de estados un nivel: 0 ninguno, 1 bajo, 2 moderado, 3 alto, 4 muy alto.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="103" />
      <source>Degradation result A (raster or polygons)</source>
      <translation>Resultado de degradación A (ráster o polígonos)</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="105" />
      <source>Degradation result B (raster or polygons)</source>
      <translation>Resultado de degradación B (ráster o polígonos)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="42" />
      <source>Degradation, MINAM indicators (levels)</source>
      <translation>Degradación, indicadores del MINAM (niveles)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="35" />
      <source>Degradation, SDG 15.3.1 (one out, all out)</source>
      <translation>Degradación, ODS 15.3.1 (uno fuera, todos fuera)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="23" />
      <location filename="../processing/ldn_status.py" line="32" />
      <source>Degraded</source>
      <translation>Degradada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="115" />
      <location filename="../processing/target2_indicator.py" line="127" />
      <location filename="../processing/target2_report.py" line="113" />
      <source>Degraded area (ha)</source>
      <translation>Área degradada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="176" />
      <source>Degraded area, levels 1 to 4 (ha)</source>
      <translation>Área degradada, niveles 1 a 4 (ha)</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="31" />
      <source>Degraded classes</source>
      <translation>Clases degradadas</translation>
    </message>
    <message>
      <location filename="../processing/_degraded_params.py" line="49" />
      <source>Degraded classes in a raster (e.g. 1,2,3 of an ldn_status status; replaces the degraded value)</source>
      <translation>Clases degradadas en un ráster (p. ej. 1,2,3 de un estado de ldn_status; reemplaza el valor degradado)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="185" />
      <source>Degraded forest land area (ha)</source>
      <translation>Área de tierras forestales degradadas (ha)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="180" />
      <source>Degraded forest land table (hectares per zone and reason)</source>
      <translation>Tabla de tierras forestales degradadas (hectáreas por zona y motivo)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="93" />
      <source>Degraded forest lands (OUTPUT, styled): on the capability groups of FOREST_LAND_GROUPS (default F, X), 1 overuse, 2 forest loss (of any year, or only recent, per LOSS_PERIOD), 3 both; 0 not degraded; 255 nodata where an input used has no data. OUTPUT_TABLE gives hectares per zone and reason (WGS 84 ellipsoid).</source>
      <translation>Tierras forestales degradadas (OUTPUT, con estilo): en los grupos de capacidad de FOREST_LAND_GROUPS (por defecto F, X), 1 sobreuso, 2 pérdida de bosque (de cualquier año, o solo reciente, según LOSS_PERIOD), 3 ambos; 0 no degradada; 255 sin datos donde una entrada usada no tiene datos. OUTPUT_TABLE da hectáreas por zona y motivo (elipsoide WGS 84).</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="264" />
      <location filename="../processing/serfor_criteria.py" line="179" />
      <source>Degraded forest lands (SERFOR)</source>
      <translation>Tierras forestales degradadas (SERFOR)</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="360" />
      <source>Degraded forest lands need the land cover (for overuse) or the forest loss (year of loss raster or points); give at least one.</source>
      <translation>Las tierras forestales degradadas necesitan la cobertura del suelo (para la sobreutilización) o la pérdida de bosque (ráster de año de pérdida o puntos); indique al menos una.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="67" />
      <source>Degraded forest lands, SERFOR criteria (ROAM)</source>
      <translation>Tierras forestales degradadas, criterios del SERFOR (ROAM)</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="40" />
      <location filename="../processing/definition_agreement.py" line="174" />
      <source>Degraded in both</source>
      <translation>Degradado en ambas</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="121" />
      <source>Degraded in both (ha)</source>
      <translation>Degradado en ambas (ha)</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="43" />
      <location filename="../processing/definition_agreement.py" line="175" />
      <source>Degraded in neither</source>
      <translation>Degradado en ninguna</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="124" />
      <source>Degraded in neither (ha)</source>
      <translation>Degradado en ninguna (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_layers.py" line="37" />
      <location filename="../processing/_report_pdf.py" line="86" />
      <location filename="../processing/_report_pdf.py" line="96" />
      <source>Degraded land</source>
      <translation>Tierras degradadas</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="179" />
      <source>Degraded land (classes {classes} of {layer}): {degraded} ha. Registered restoration on it: {inside} ha ({share:.2f} %; {areas} areas, overlaps counted once), outside it: {outside} ha. Missing to {target:g} %: {missing} ha.</source>
      <translation>Tierras degradadas (clases {classes} de {layer}): {degraded} ha. Restauración registrada sobre ellas: {inside} ha ({share:.2f} %; {areas} áreas, las superposiciones cuentan una vez); fuera de ellas: {outside} ha. Falta para el {target:g} %: {missing} ha.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="158" />
      <location filename="../processing/_report_data.py" line="177" />
      <location filename="../processing/_report_data.py" line="188" />
      <source>Degraded land (ha)</source>
      <translation>Tierra degradada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_degraded_params.py" line="45" />
      <location filename="../ui/report_action.py" line="78" />
      <source>Degraded land (polygons, or a raster)</source>
      <translation>Tierras degradadas (polígonos o ráster)</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="128" />
      <source>Degraded land (status raster)</source>
      <translation>Tierras degradadas (ráster de estado)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="83" />
      <source>Degraded land and restoration</source>
      <translation>Tierras degradadas y restauración</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="201" />
      <source>Degraded land: pixels equal to {value}, each with its area on the WGS 84 ellipsoid (zones, ecosystems and gaps by pixel centre). Restoration areas: counted exactly, each pixel with the share of it the dissolved areas cover, so areas smaller than a pixel keep their hectares.</source>
      <translation>Tierra degradada: píxeles iguales a {value}, cada uno con su área en el elipsoide WGS 84 (zonas, ecosistemas y brechas por centro de píxel). Áreas en restauración: contadas exactamente, cada píxel con la fracción que cubren las áreas disueltas, de modo que las áreas menores que un píxel conservan sus hectáreas.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="29" />
      <location filename="../processing/target2_indicator.py" line="271" />
      <source>Degraded land: {ha} ha</source>
      <translation>Tierra degradada: {ha} ha</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="122" />
      <source>Degraded only in A (ha)</source>
      <translation>Degradado solo en A (ha)</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="123" />
      <source>Degraded only in B (ha)</source>
      <translation>Degradado solo en B (ha)</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="41" />
      <location filename="../processing/definition_agreement.py" line="42" />
      <source>Degraded only in {name}</source>
      <translation>Degradado solo en {name}</translation>
    </message>
    <message>
      <location filename="../processing/_degraded_params.py" line="47" />
      <source>Degraded value in a raster</source>
      <translation>Valor degradado en un ráster</translation>
    </message>
    <message>
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>Delete</source>
      <translation>Eliminar</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="548" />
      <source>Delete "{title}"</source>
      <translation>Eliminar "{title}"</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="541" />
      <source>Delete {count} initiative(s)</source>
      <translation>Eliminar {count} iniciativa(s)</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="538" />
      <source>Delete {count} initiative(s) with all their areas? You can undo it.</source>
      <translation>¿Eliminar {count} iniciativa(s) con todas sus áreas? Puede deshacerlo.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="49" />
      <source>Density of recent deforestation (OUTPUT_DENSITY, optional): hectares of forest loss per km2 of land with data within RADIUS metres of each pixel, counting the loss of the last RECENT_YEARS years up to the latest loss year found (0 = every year); nodata -9999. It is computed from the year of forest loss by the same functions as the deforestation density criterion of 't2restore:serfor_criteria', with the same defaults (5 years, 1000 m, from presets/serfor_provisional.json), so it equals that criterion and can be inspected or fed to SERFOR's workflow.</source>
      <translation>Densidad de deforestación reciente (OUTPUT_DENSITY, opcional): hectáreas de pérdida de bosque por km2 de tierra con datos dentro de RADIUS metros de cada píxel, contando la pérdida de los últimos RECENT_YEARS años hasta el último año de pérdida encontrado (0 = todos los años); nodata -9999. Se calcula a partir del año de pérdida de bosque con las mismas funciones que el criterio de densidad de deforestación de 't2restore:serfor_criteria', con los mismos valores por defecto (5 años, 1000 m, de presets/serfor_provisional.json), así que es igual a ese criterio y puede revisarse o usarse en el flujo de trabajo del SERFOR.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="121" />
      <source>Density of recent deforestation (ha per km2)</source>
      <translation>Densidad de deforestación reciente (ha por km2)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="89" />
      <source>Density of recent deforestation: hectares of forest loss per km2 of land with data within RADIUS metres (100 = everything lost), from a year-of-loss raster (LOSS_YEAR: 0 no loss; Hansen's codes 1-99 are read as 2001-2099) or from loss points (with an optional year field). Recent = the last RECENT_YEARS years up to the latest loss year found (0 = every year).</source>
      <translation>Densidad de deforestación reciente: hectáreas de pérdida de bosque por km2 de tierra con datos dentro de RADIUS metros (100 = todo perdido), a partir de un ráster de año de pérdida (LOSS_YEAR: 0 sin pérdida; los códigos 1-99 de Hansen se leen como 2001-2099) o de puntos de pérdida (con un campo de año opcional). Reciente = los últimos RECENT_YEARS años hasta el último año de pérdida encontrado (0 = todos los años).</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="176" />
      <location filename="../processing/registry_checkout.py" line="54" />
      <location filename="../registry/mapping.py" line="33" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="30" />
      <location filename="../ui/area_actions.py" line="238" />
      <source>Department and district filled for {count} areas.</source>
      <translation>Departamento y distrito completados en {count} áreas.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="266" />
      <location filename="../ui/admin_units.py" line="69" />
      <source>Department field</source>
      <translation>Campo del departamento</translation>
    </message>
    <message>
      <location filename="../ui/admin_units.py" line="51" />
      <source>Department, province, district and UBIGEO of each area are read from this polygon layer (for example INEI's district limits). The choice is remembered.</source>
      <translation>El departamento, la provincia, el distrito y el UBIGEO de cada área se leen de esta capa de polígonos (por ejemplo, los límites distritales del INEI). La elección se recuerda.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="175" />
      <location filename="../processing/_report_layers.py" line="60" />
      <location filename="../processing/workshop_region.py" line="43" />
      <source>Departments</source>
      <translation>Departamentos</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="28" />
      <source>Derives criterion weights from a pairwise comparison matrix with Saaty's Analytic Hierarchy Process: each cell a_ij says how much more important criterion i (row) is than criterion j (column) on the 1 to 9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 2, 4, 6, 8 in between), and a_ji = 1 / a_ij.</source>
      <translation>Obtiene los pesos de los criterios a partir de una matriz de comparación por pares con el Proceso de Análisis Jerárquico (AHP) de Saaty: cada celda a_ij indica cuánto más importante es el criterio i (fila) que el criterio j (columna) en la escala de 1 a 9 (1 igual, 3 moderada, 5 fuerte, 7 muy fuerte, 9 extrema; 2, 4, 6, 8 intermedios), y a_ji = 1 / a_ij.</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="24" />
      <source>Detect (scale in the file's metadata, or MODIS MOD13/MYD13 in its name)</source>
      <translation>Detectar (escala en los metadatos del archivo, o MODIS MOD13/MYD13 en su nombre)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="112" />
      <source>Differing fields</source>
      <translation>Campos que difieren</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Digitize new areas with QGIS's own tools on the registry's area layer; save the layer edits and the dock completes them (identifier, hectares, department).</source>
      <translation>Digitalice áreas nuevas con las herramientas de QGIS sobre la capa de áreas del registro; guarde la edición de la capa y el panel las completa (identificador, hectáreas, departamento).</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="454" />
      <source>Discard the unsaved changes of the form?</source>
      <translation>¿Descartar los cambios del formulario que no se han guardado?</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="142" />
      <source>Dissolve each area into one feature</source>
      <translation>Disolver cada área en una sola entidad</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="83" />
      <source>Distance to conservation areas (polygons, e.g. protected areas), in metres, from each pixel centre to the nearest pixel touched by an area (GDAL proximity, bounded memory), within half a pixel diagonal of the exact distance; areas outside the raster count. Distances are computed up to MAX_DISTANCE (default 20 km, from the preset): pixels farther from every area get that value (that far or farther), and areas farther than that from the raster (a stray feature, a wrong CRS) are left out with a warning, so they cost no time. An empty layer leaves the band as nodata and says so in the log.</source>
      <translation>Distancia a áreas de conservación (polígonos, p. ej. áreas protegidas), en metros, desde el centro de cada píxel hasta el píxel más cercano tocado por un área (proximidad de GDAL, memoria acotada), con un error de a lo más media diagonal de píxel respecto de la distancia exacta; cuentan también las áreas fuera del ráster. Las distancias se calculan hasta MAX_DISTANCE (20 km por defecto, del preajuste): los píxeles más lejanos de toda área reciben ese valor (a esa distancia o más), y las áreas más lejanas que eso del ráster (un objeto perdido, un SRC equivocado) se dejan fuera con una advertencia, por lo que no cuestan tiempo. Una capa vacía deja la banda sin datos y lo indica en el registro.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="578" />
      <source>Distances to conservation areas are computed up to {limit:g} m (MAX_DISTANCE); pixels farther from every area get {limit:g}, read as that far or farther.</source>
      <translation>Las distancias a las áreas de conservación se calculan hasta {limit:g} m (MAX_DISTANCE); los píxeles más lejanos de toda área reciben {limit:g}, que se lee como a esa distancia o más.</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="35" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>District</source>
      <translation>Distrito</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="268" />
      <location filename="../ui/admin_units.py" line="71" />
      <source>District field</source>
      <translation>Campo del distrito</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="168" />
      <source>Double counting removed (ha)</source>
      <translation>Doble conteo eliminado (ha)</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Draw on map</source>
      <translation>Dibujar en el mapa</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="86" />
      <source>Draw the areas of "{title}" with QGIS's digitizing tools, then save the layer edits: the dock completes identifier, hectares and department.</source>
      <translation>Dibuje las áreas de "{title}" con las herramientas de digitalización de QGIS y luego guarde la edición de la capa: el panel completa el identificador, las hectáreas y el departamento.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="144" />
      <source>Draw {count} area(s) of "{title}"</source>
      <translation>Dibujar {count} área(s) de "{title}"</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="328" />
      <source>ENCODING "{encoding}" is not a known text encoding; use for example {examples}.</source>
      <translation>ENCODING "{encoding}" no es una codificación de texto conocida; use por ejemplo {examples}.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="425" />
      <source>ENCODING applies to a layer or a file; the input is neither.</source>
      <translation>ENCODING se aplica a una capa o a un archivo; la entrada no es ninguno de los dos.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="180" />
      <source>ENCODING is the text encoding of the input when the file does not declare it (a shapefile without its .cpg file): usually ISO-8859-1, or windows-1252 for files saved on Windows. Without it, text that is not valid UTF-8 stops the import instead of being stored with replacement characters. Invalid geometries (a self-intersecting bow-tie) are repaired before hectares are computed, and the log names each repair. After the import every written initiative is validated with the rules of the FERM export; the log lists each area the export would refuse, and why.</source>
      <translation>ENCODING es la codificación del texto de la entrada cuando el archivo no la declara (un shapefile sin su archivo .cpg): por lo general ISO-8859-1, o windows-1252 para archivos guardados en Windows. Sin ella, un texto que no es UTF-8 válido detiene la importación en lugar de guardarse con caracteres de reemplazo. Las geometrías no válidas (un «corbatín» que se corta a sí mismo) se reparan antes de calcular las hectáreas, y el registro nombra cada reparación. Tras la importación, cada iniciativa escrita se valida con las reglas de la exportación FERM; el registro lista cada área que la exportación rechazaría, y por qué.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="54" />
      <source>Each gap is a polygon layer or a raster mask: every pixel that is not 0 and not nodata is in the gap, and the mask is turned into polygons along pixel edges, in strips of 4,096 rows computed on every core (the strip edges show as cut lines; they change no area). The polygons of each gap are repaired (invalid geometries, such as self-intersecting rings, are fixed with GEOS MakeValid and counted in the log), multi-part features are split into their parts, and each gap is dissolved so that land covered twice inside one gap counts once. Features without geometry are skipped and counted.</source>
      <translation>Cada brecha es una capa de polígonos o una máscara ráster: todo píxel distinto de 0 y que no sea nodata pertenece a la brecha, y la máscara se convierte en polígonos siguiendo los bordes de los píxeles, en franjas de 4096 filas calculadas en todos los núcleos (los bordes de las franjas se ven como líneas de corte; no cambian ningún área). Los polígonos de cada brecha se reparan (las geometrías no válidas, como los anillos que se autointersecan, se corrigen con GEOS MakeValid y se cuentan en el registro), los elementos multiparte se separan en sus partes y cada brecha se disuelve, de modo que el territorio cubierto dos veces dentro de una misma brecha cuenta una sola vez. Los elementos sin geometría se omiten y se cuentan.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="66" />
      <source>Each input is a raster or a polygon layer. In a raster, the values listed in DEGRADED_A / DEGRADED_B are degraded (defaults: 1-4 for A, the MINAM levels low to very high of t2restore:minam_degradation; 1-3 for B, the reasons of t2restore:serfor_criteria; use -1 for an SDG 15.3.1 result). Every other value with data is not degraded. In a polygon layer, the inside of the polygons is degraded (a pixel belongs to a polygon when its centre does).</source>
      <translation>Cada entrada es un ráster o una capa de polígonos. En un ráster, los valores listados en DEGRADED_A / DEGRADED_B son degradados (por defecto: 1-4 para A, los niveles bajo a muy alto del MINAM de t2restore:minam_degradation; 1-3 para B, los motivos de t2restore:serfor_criteria; use -1 para un resultado del ODS 15.3.1). Cualquier otro valor con datos no es degradado. En una capa de polígonos, el interior de los polígonos es degradado (un píxel pertenece a un polígono cuando su centro pertenece).</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="72" />
      <source>Each row needs an initiative: map "initiative_title" (or "initiative_uuid") to a source field, or give "initiative_title" in DEFAULTS.</source>
      <translation>Cada fila necesita una iniciativa: asigne "initiative_title" (o "initiative_uuid") a un campo de la fuente, o indique "initiative_title" en DEFAULTS.</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="112" />
      <source>Ecological units (integer raster)</source>
      <translation>Unidades ecológicas (ráster de enteros)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="181" />
      <source>Ecological units with a performance reference: {n}.</source>
      <translation>Unidades ecológicas con referencia de desempeño: {n}.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="31" />
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>Ecosystem</source>
      <translation>Ecosistema</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="110" />
      <source>Ecosystem name field</source>
      <translation>Campo con el nombre del ecosistema</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="169" />
      <location filename="../processing/target2_indicator.py" line="108" />
      <location filename="../registry/report_tables.py" line="57" />
      <source>Ecosystems</source>
      <translation>Ecosistemas</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="27" />
      <location filename="../registry/validate.py" line="114" />
      <location filename="../registry/validate.py" line="138" />
      <source>Ecosystems (IUCN)</source>
      <translation>Ecosistemas (UICN)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="151" />
      <source>Ecosystems as an integer raster (optional)</source>
      <translation>Ecosistemas como ráster de enteros (opcional)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="154" />
      <source>Ecosystems or other zones as polygons (e.g. the national ecosystem map)</source>
      <translation>Ecosistemas u otras zonas como polígonos (p. ej. el mapa nacional de ecosistemas)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="22" />
      <source>Edge</source>
      <translation>Borde</translation>
    </message>
    <message>
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>Edit</source>
      <translation>Editar</translation>
    </message>
    <message>
      <location filename="../ui/initiative_form.py" line="176" />
      <source>Editing: {title} (revision {revision})</source>
      <translation>Editando: {title} (revisión {revision})</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="147" />
      <source>Elevation (DEM, metres)</source>
      <translation>Elevación (MDE, metros)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="32" />
      <source>Elevation (m)</source>
      <translation>Elevación (m)</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Email</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Encoding</source>
      <translation>Codificación</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="101" />
      <source>Ending year</source>
      <translation>Año de fin</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="50" />
      <source>Ending year of the initiative</source>
      <translation>Año de fin de la iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="48" />
      <source>Equal interval (score range)</source>
      <translation>Intervalos iguales (rango del puntaje)</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="236" />
      <source>Error</source>
      <translation>Error</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="35" />
      <source>Errors</source>
      <translation>Errores</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="143" />
      <source>Errors and warnings</source>
      <translation>Errores y advertencias</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="144" />
      <source>Errors only</source>
      <translation>Solo errores</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="518" />
      <source>Every NDVI value lies between -1 and 1 although NDVI_SCALE = 10000; the series is probably not scaled: set NDVI_SCALE to 1.</source>
      <translation>Todos los valores de NDVI están entre -1 y 1 aunque NDVI_SCALE = 10000; probablemente la serie no está escalada: establezca NDVI_SCALE en 1.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="88" />
      <source>Every area is validated first (the checks are listed in docs/metodos.md, section 12, shipped with the plugin): areas with errors are refused, areas with warnings are exported and flagged. The validation report is written beside the file as &lt;name&gt;.validation.json and .csv. The file is built under a temporary name and renamed only when complete.</source>
      <translation>Primero se valida cada área (las verificaciones se listan en docs/metodos.md, sección 12, incluido en el complemento): las áreas con errores se rechazan y las áreas con advertencias se exportan marcadas. El informe de validación se escribe junto al archivo como &lt;nombre&gt;.validation.json y .csv. El archivo se construye con un nombre temporal y solo se renombra cuando está completo.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="69" />
      <source>Every layer is reprojected to the CRS of gap A (or of gap B when gap A has none), including layers in PSAD56 UTM zones (EPSG:24877 to 24879) with the datum transformation QGIS chooses. Areas are hectares on the WGS 84 ellipsoid whatever the CRS. Very large polygons are cut into quadrants before the overlay so that it stays fast; those cut lines show in the output but change no area.</source>
      <translation>Todas las capas se reproyectan al SRC de la brecha A (o de la brecha B cuando la brecha A no tiene), incluidas las capas en zonas UTM PSAD56 (EPSG:24877 a 24879), con la transformación de datum que elige QGIS. Las áreas son hectáreas sobre el elipsoide WGS 84, cualquiera que sea el SRC. Los polígonos muy grandes se cortan en cuadrantes antes de la superposición para que esta siga siendo rápida; esas líneas de corte se ven en la salida pero no cambian ningún área.</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="25" />
      <source>Every pixel a polygon touches (all touched)</source>
      <translation>Todo píxel que toca un polígono (all touched)</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="35" />
      <source>Excluded / masked (outside the mask)</source>
      <translation>Excluido / enmascarado (fuera de la máscara)</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="34" />
      <source>Excluded by a constraint</source>
      <translation>Excluido por una restricción</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="231" />
      <source>Excluded land</source>
      <translation>Tierras excluidas</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="79" />
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="65" />
      <source>Export initiatives to a FERM-compatible GeoPackage</source>
      <translation>Exportar iniciativas a un GeoPackage compatible con FERM</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="65" />
      <source>Export to FERM (GeoPackage)</source>
      <translation>Exportar a FERM (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="171" />
      <source>Exporting to FERM</source>
      <translation>Exportando a FERM</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="109" />
      <source>FERM</source>
      <translation>FERM</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="145" />
      <source>FERM GeoPackage or upload package</source>
      <translation>GeoPackage FERM o paquete de carga</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="286" />
      <source>FERM merge: conflict table</source>
      <translation>Fusión FERM: tabla de conflictos</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="308" />
      <source>FERM merge: conflicts</source>
      <translation>Fusión FERM: conflictos</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="304" />
      <source>FERM merge: files merged</source>
      <translation>Fusión FERM: archivos fusionados</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="305" />
      <source>FERM merge: initiatives added</source>
      <translation>Fusión FERM: iniciativas añadidas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="307" />
      <source>FERM merge: initiatives replaced by the file's version</source>
      <translation>Fusión FERM: iniciativas reemplazadas por la versión del archivo</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="309" />
      <source>FERM merge: initiatives skipped (areas held by another)</source>
      <translation>Fusión FERM: iniciativas omitidas (áreas de otra iniciativa)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="282" />
      <source>FERM merge: initiatives the registry holds with other content</source>
      <translation>Fusión FERM: iniciativas que el registro tiene con otro contenido</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="306" />
      <source>FERM merge: initiatives unchanged</source>
      <translation>Fusión FERM: iniciativas sin cambios</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="137" />
      <source>FERM upload package (zip)</source>
      <translation>Paquete de carga a FERM (zip)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="137" />
      <source>FERM-compatible GeoPackage</source>
      <translation>GeoPackage compatible con FERM</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="139" />
      <source>FERM-compatible GeoPackages are merged whole by uuid; {parameters} do not apply and were ignored.</source>
      <translation>Los GeoPackage compatibles con FERM se fusionan completos por uuid; {parameters} no se aplican y se ignoraron.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="188" />
      <source>FERM-compatible GeoPackages made by T2 Restore (a FERM export, or another registry) are recognized by their tables, whether INPUT is the .gpkg file or any of its layers (ferm_public_areas, restoration_areas, ...), and merged whole by uuid, as the dock's FERM import does: initiatives, organizations, contacts, areas (with their original CRS) and monitoring values keep their identifiers and values; FIELD_MAPPING, DEFAULTS, ADMIN_LAYER and MODE do not apply. INPUTS takes several such files (for example the 25 regional registries), merged in the order given, each in one transaction. Every file is checked before any is merged: a file that is not a GeoPackage, is damaged (truncated), is not made by T2 Restore or comes from a newer T2 Restore stops the run naming it, and the registry is left as it was.</source>
      <translation>Los GeoPackage compatibles con FERM hechos por T2 Restore (una exportación FERM u otro registro) se reconocen por sus tablas, sea INPUT el archivo .gpkg o cualquiera de sus capas (ferm_public_areas, restoration_areas, ...), y se fusionan completos por uuid, como lo hace la importación FERM del panel: iniciativas, organizaciones, contactos, áreas (con su SRC original) y valores de monitoreo conservan sus identificadores y valores; FIELD_MAPPING, DEFAULTS, ADMIN_LAYER y MODE no se aplican. INPUTS acepta varios de esos archivos (por ejemplo los 25 registros regionales), fusionados en el orden dado, cada uno en una transacción. Todos los archivos se revisan antes de fusionar alguno: un archivo que no es un GeoPackage, está dañado (truncado), no fue hecho por T2 Restore o proviene de un T2 Restore más reciente detiene la ejecución nombrándolo, y el registro queda como estaba.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="253" />
      <source>FERM-compatible GeoPackages to merge (several files)</source>
      <translation>GeoPackage compatibles con FERM a fusionar (varios archivos)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="151" />
      <source>FIELD_MAPPING says which source field fills which registry field, as JSON ({"site_name": "NOMBRE", "initiative_title": "PROYECTO"}) or as a table of target=source lines. Coded fields accept the FERM code or its English or Spanish label; lists may be separated by ';'. Rows with the same initiative_title (or initiative_uuid) become areas of one initiative; an existing initiative with that uuid, or the only one with that exact title, receives the areas.</source>
      <translation>FIELD_MAPPING indica qué campo de la fuente llena cada campo del registro, en JSON ({"site_name": "NOMBRE", "initiative_title": "PROYECTO"}) o como una tabla de líneas destino=fuente. Los campos codificados aceptan el código FERM o su etiqueta en inglés o en español; las listas pueden separarse con ';'. Las filas con el mismo initiative_title (o initiative_uuid) pasan a ser áreas de una misma iniciativa; las áreas se añaden a la iniciativa existente con ese uuid, o a la única con ese título exacto.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="95" />
      <source>FILTER is an optional QGIS expression over the columns of the registry's initiatives table, for example "restoration_status" = 2 AND "start_year" &gt;= 2021; empty exports every initiative. GEF_TABLE adds the FAO-GEF table (ID_CODE, Layer, Restor_str, Restor_end, Restor_eco, Restor_typ, area_ha) and its totals per sub-indicator.</source>
      <translation>FILTER es una expresión QGIS opcional sobre las columnas de la tabla de iniciativas del registro, por ejemplo "restoration_status" = 2 AND "start_year" &gt;= 2021; vacía, exporta todas las iniciativas. GEF_TABLE añade la tabla FAO-GEF (ID_CODE, Layer, Restor_str, Restor_end, Restor_eco, Restor_typ, area_ha) y sus totales por subindicador.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="174" />
      <source>FIRST_YEAR ({first}) is after LAST_YEAR ({last}).</source>
      <translation>FIRST_YEAR ({first}) es posterior a LAST_YEAR ({last}).</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="209" />
      <source>FOREST_VALUES is not used: a forest mask given as polygons is forest inside its polygons.</source>
      <translation>FOREST_VALUES no se usa: una máscara de bosque dada como polígonos es bosque dentro de sus polígonos.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="101" />
      <source>FORMAT = 1 (FERM upload package) writes a zip instead of the GeoPackage: per initiative a folder with the area files FERM's upload accepts, each as GeoJSON and as a zipped shapefile (UTF-8, .cpg), in EPSG:4326, 2D, at most 50 features per file (numbered files, an area never split between two), plus initiatives.csv (the initiatives' FERM fields) and field_names.csv (shapefile names are cut to 10 characters: short name -&gt; full name). UPLOAD_SPLIT = 0 writes one feature per polygon of an area and refuses an area of more than 50 polygons; UPLOAD_SPLIT = 1 dissolves each area into one feature. Each feature carries area_ha (ellipsoidal hectares of its area) and ferm_ha (the hectares FERM computes: equal-area EPSG:6933 area of the union of the area's polygons, 2 decimals); the validation report lists areas where the two differ by more than 0.5 %.</source>
      <translation>FORMAT = 1 (paquete de carga a FERM) escribe un zip en lugar del GeoPackage: por iniciativa, una carpeta con los archivos de áreas que acepta la carga de FERM, cada uno como GeoJSON y como shapefile comprimido (UTF-8, .cpg), en EPSG:4326, 2D, con a lo sumo 50 entidades por archivo (archivos numerados; un área nunca se reparte entre dos), además de initiatives.csv (los campos FERM de las iniciativas) y field_names.csv (los nombres del shapefile se cortan a 10 caracteres: nombre corto -&gt; nombre completo). UPLOAD_SPLIT = 0 escribe una entidad por polígono de un área y rechaza un área de más de 50 polígonos; UPLOAD_SPLIT = 1 disuelve cada área en una sola entidad. Cada entidad lleva area_ha (hectáreas elipsoidales de su área) y ferm_ha (las hectáreas que calcula FERM: superficie de áreas iguales EPSG:6933 de la unión de los polígonos del área, 2 decimales); el informe de validación lista las áreas en que ambas difieren en más de 0,5 %.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="112" />
      <source>Feature {feature} ("{site}"): invalid geometry (self-intersection) repaired before measuring; {before:.2f} ha as drawn, {after:.2f} ha repaired, {parts} part(s).</source>
      <translation>Elemento {feature} ("{site}"): geometría no válida (se corta a sí misma) reparada antes de medirla; {before:.2f} ha tal como fue dibujada, {after:.2f} ha reparada, {parts} parte(s).</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="127" />
      <source>Feature {feature}: "{value}" given for "{field}" matches several values: {candidates}. Write the full label or the code of the one meant.</source>
      <translation>Elemento {feature}: "{value}", dado para «{field}», coincide con varios valores: {candidates}. Escriba la etiqueta completa o el código del que corresponde.</translation>
    </message>
    <message>
      <location filename="../registry/feature_import.py" line="34" />
      <source>Feature {feature}: the field "{field}" holds bytes that are not valid in the encoding {encoding} ("{value}"). The file does not declare its encoding (a shapefile without its .cpg file, for example); nothing was imported. Give the encoding of the file (ENCODING in the algorithm, "Encoding" in the import dialog): usually ISO-8859-1, or windows-1252 for files saved on Windows.</source>
      <translation>Elemento {feature}: el campo "{field}" contiene bytes que no son válidos en la codificación {encoding} ("{value}"). El archivo no declara su codificación (por ejemplo, un shapefile sin su archivo .cpg); no se importó nada. Indique la codificación del archivo (ENCODING en el algoritmo, «Codificación» en el diálogo de importación): por lo general ISO-8859-1, o windows-1252 para archivos guardados en Windows.</translation>
    </message>
    <message>
      <location filename="../registry/feature_import.py" line="124" />
      <source>Feature {feature}: the original CRS "{value}" is not a coordinate reference system QGIS knows. Give it as an authority code (for example EPSG:32718, EPSG:24878 or EPSG:31978) or as WKT, or leave original_crs unmapped to record the CRS of the layer.</source>
      <translation>Entidad {feature}: el SRC original "{value}" no es un sistema de referencia de coordenadas que QGIS conozca. Indíquelo como código de autoridad (por ejemplo EPSG:32718, EPSG:24878 o EPSG:31978) o como WKT, o deje original_crs sin asignar para registrar el SRC de la capa.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="295" />
      <source>Features without a polygon (skipped)</source>
      <translation>Entidades sin polígono (omitidas)</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="67" />
      <source>Field</source>
      <translation>Campo</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="258" />
      <source>Field mapping (JSON or table)</source>
      <translation>Correspondencia de campos (JSON o tabla)</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Field mapping (registry field ← source field)</source>
      <translation>Correspondencia de campos (campo del registro ← campo de la fuente)</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="44" />
      <source>Field of the areas matching area_id of the outcomes (empty: uuid of a registry, else the feature id)</source>
      <translation>Campo de las áreas que corresponde a area_id de los resultados (vacío: uuid de un registro, si no el id de la entidad)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="78" />
      <location filename="../ui/exchange_panel.py" line="100" />
      <source>File</source>
      <translation>Archivo</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="157" />
      <source>Files merged before the failure (they stay merged): {files}.</source>
      <translation>Archivos fusionados antes del fallo (permanecen fusionados): {files}.</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Fill department, province, district and UBIGEO of every area from the administrative layer</source>
      <translation>Completar departamento, provincia, distrito y UBIGEO de todas las áreas desde la capa de límites administrativos</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Fill department…</source>
      <translation>Completar departamento…</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="109" />
      <source>Fill value (stored value meaning no data)</source>
      <translation>Valor de relleno (valor almacenado que significa sin datos)</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="240" />
      <source>Filling departments and districts</source>
      <translation>Completando departamentos y distritos</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="132" />
      <source>Filter on initiatives (expression)</source>
      <translation>Filtro de iniciativas (expresión)</translation>
    </message>
    <message>
      <location filename="../ui/widgets/vocab_widgets.py" line="107" />
      <source>Filter the list…</source>
      <translation>Filtrar la lista…</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="121" />
      <source>First year of the output (0: from the files)</source>
      <translation>Primer año de la salida (0: según los archivos)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="129" />
      <source>First year of the series</source>
      <translation>Primer año de la serie</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="48" />
      <source>Fixed breaks</source>
      <translation>Cortes fijos</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="171" />
      <source>Fixed breaks (increasing, between 0 and 1)</source>
      <translation>Cortes fijos (crecientes, entre 0 y 1)</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="61" />
      <source>Fixed breaks define the classes: give 2, 3 or 4 breaks (3, 4 or 5 classes); {n} were given.</source>
      <translation>Los cortes fijos definen las clases: dé 2, 3 o 4 cortes (3, 4 o 5 clases); se dieron {n}.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="64" />
      <source>Fixed breaks must lie between 0 and 1 and increase strictly: {breaks}.</source>
      <translation>Los cortes fijos deben estar entre 0 y 1 y ser estrictamente crecientes: {breaks}.</translation>
    </message>
    <message>
      <location filename="../ui/report_action.py" line="79" />
      <source>Folder</source>
      <translation>Carpeta</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="97" />
      <source>Folder of vegetation index files</source>
      <translation>Carpeta de archivos del índice de vegetación</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="66" />
      <source>For every restoration area, whether the vegetation inside it changed after its start year more than on comparable land nearby (before-after-control-impact). Outcome classes: recovering, no detectable change, declining and insufficient data, with the reason.</source>
      <translation>Para cada área en restauración, si la vegetación dentro de ella cambió después de su año de inicio más que en tierras comparables cercanas (antes-después-control-impacto). Clases de resultado: en recuperación, sin cambio detectable, en declive y datos insuficientes, con el motivo.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="27" />
      <source>Forest</source>
      <translation>Bosque</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="108" />
      <source>Forest area in the year (ha)</source>
      <translation>Superficie de bosque en el año (ha)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="32" />
      <source>Forest change (Hansen GFC or MapBiomas): forest mask, loss year, loss per zone</source>
      <translation>Cambio de bosque (Hansen GFC o MapBiomas): máscara de bosque, año de pérdida, pérdida por zona</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="92" />
      <source>Forest classes of the series</source>
      <translation>Clases de bosque de la serie</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="132" />
      <source>Forest cover per year (optional)</source>
      <translation>Cobertura de bosque por año (opcional)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="122" />
      <location filename="../processing/forest_fragmentation.py" line="86" />
      <source>Forest fragmentation</source>
      <translation>Fragmentación del bosque</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="36" />
      <source>Forest fragmentation (Riitters classes)</source>
      <translation>Fragmentación del bosque (clases de Riitters)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="183" />
      <source>Forest in {year}: {ha:,.2f} ha</source>
      <translation>Bosque en {year}: {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="31" />
      <source>Forest loss</source>
      <translation>Pérdida de bosque</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="182" />
      <source>Forest loss in {year}: {ha:,.2f} ha</source>
      <translation>Pérdida de bosque en {year}: {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="156" />
      <source>Forest loss points, instead of the raster</source>
      <translation>Puntos de pérdida de bosque, en lugar del ráster</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="107" />
      <source>Forest loss table (hectares per zone and year)</source>
      <translation>Tabla de pérdida de bosque (hectáreas por zona y año)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="172" />
      <source>Forest loss that makes forest land degraded</source>
      <translation>Pérdida de bosque que hace degradada a la tierra forestal</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="154" />
      <source>Forest loss year raster (0 = no loss)</source>
      <translation>Ráster de año de pérdida de bosque (0 = sin pérdida)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="109" />
      <source>Forest loss, all years (ha)</source>
      <translation>Pérdida de bosque, todos los años (ha)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="103" />
      <source>Forest mask of the year</source>
      <translation>Máscara de bosque del año</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="80" />
      <source>Forest mask or land cover raster</source>
      <translation>Máscara de bosque o ráster de cobertura del suelo</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="140" />
      <source>Forest mask, a raster or forest polygons (fragmentation is derived from it)</source>
      <translation>Máscara de bosque, un ráster o polígonos de bosque (de ella se deriva la fragmentación)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="95" />
      <source>Forest pixels</source>
      <translation>Píxeles de bosque</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="188" />
      <source>Forest {year}</source>
      <translation>Bosque {year}</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="137" />
      <source>Format</source>
      <translation>Formato</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="158" />
      <source>Fragmentation</source>
      <translation>Fragmentación</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="149" />
      <source>Fragmentation classes (Riitters 0-6), instead of the forest mask</source>
      <translation>Clases de fragmentación (Riitters 0-6), en lugar de la máscara de bosque</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="146" />
      <source>Fragmentation window (pixels, odd, 3 to 31)</source>
      <translation>Ventana de fragmentación (píxeles, impar, 3 a 31)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="63" />
      <source>Fragmentation: derived from a FOREST_MASK (FOREST_VALUES are forest, default 1) with Riitters' classes in a WINDOW of 3 to 31 pixels (the same method as t2restore:forest_fragmentation), or given as a FRAGMENTATION raster of Riitters classes (0 non-forest, 1 patch, 2 transitional, 3 edge, 4 perforated, 5 interior, 6 undetermined); mapped by default to 3 high (patch), 2 moderate (transitional), 1 low (edge, perforated, undetermined) and 0 none (non-forest, interior).</source>
      <translation>Fragmentación: derivada de una FOREST_MASK (FOREST_VALUES son bosque, por defecto 1) con las clases de Riitters en una ventana WINDOW de 3 a 31 píxeles (el mismo método que t2restore:forest_fragmentation), o dada como un ráster FRAGMENTATION de clases de Riitters (0 no bosque, 1 parche, 2 transicional, 3 borde, 4 perforado, 5 interior, 6 indeterminado); por defecto se convierte en 3 alta (parche), 2 moderada (transicional), 1 baja (borde, perforado, indeterminado) y 0 ninguna (no bosque, interior).</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="35" />
      <source>From Hansen's Global Forest Change layers or an annual land-cover series, three products: the forest mask of YEAR (1 forest, 0 non-forest, 255 nodata; the input of 'Forest fragmentation'), the year of forest loss (OUTPUT_LOSS_YEAR: calendar year, 0 no loss; the LOSS_YEAR input of the SERFOR criteria, which compute the density of recent deforestation from it) and the hectares of forest lost per zone and year (OUTPUT_TABLE: 'class' is the year; WGS 84 ellipsoid).</source>
      <translation>A partir de las capas Global Forest Change de Hansen o de una serie anual de cobertura, tres productos: la máscara de bosque de YEAR (1 bosque, 0 no bosque, 255 sin datos; la entrada de 'Fragmentación del bosque'), el año de pérdida de bosque (OUTPUT_LOSS_YEAR: año calendario, 0 sin pérdida; la entrada LOSS_YEAR de los criterios SERFOR, que calculan con ella la densidad de deforestación reciente) y las hectáreas de bosque perdidas por zona y año (OUTPUT_TABLE: 'class' es el año; elipsoide WGS 84).</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="73" />
      <source>Funding source</source>
      <translation>Fuente de financiamiento</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="59" />
      <location filename="../registry/validate.py" line="110" />
      <location filename="../registry/validate.py" line="134" />
      <source>Funding sources</source>
      <translation>Fuentes de financiamiento</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="64" />
      <source>GAP_A_VALUES and GAP_B_VALUES choose which pixel values of a raster gap are in the gap ('1,2,3', '1-3'), instead of every non-zero pixel. With the status of ldn_status (7 classes) the degraded land of the latest reporting period is '1,2,3' (persistent, recent and baseline degradation, as the UNCCD Good Practice Guidance addendum counts it), or '1,2' for only the land degrading now; with its simplified status, '-1'. A raster without any pixel of those values stops the run.</source>
      <translation>GAP_A_VALUES y GAP_B_VALUES eligen qué valores de píxel de una brecha ráster forman la brecha ('1,2,3', '1-3'), en lugar de todo píxel distinto de cero. Con el estado de ldn_status (7 clases), las tierras degradadas del último periodo de reporte son '1,2,3' (degradación persistente, reciente y de la línea base, como las cuenta el addendum de la Guía de Buenas Prácticas de la CNULD), o '1,2' para contar solo las tierras que se degradan ahora; con su estado simplificado, '-1'. Un ráster sin ningún píxel con esos valores detiene la ejecución.</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="32" />
      <location filename="../registry/validate.py" line="108" />
      <location filename="../registry/validate.py" line="116" />
      <source>GEF core indicator</source>
      <translation>Indicador básico del GEF</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="112" />
      <source>GEF profile (GEF_TABLE): each area's GEF-8 core indicator 3 sub-indicator (Layer: GEF3.1 degraded agricultural land, GEF3.2 forest and forest land, GEF3.3 natural grass and shrublands, GEF3.4 wetlands) is the one chosen in the area's form or, when none is chosen, the one derived from its ecosystems and restoration type: forest biomes T1, T2 -&gt; 3.2; shrublands and grasslands T3, T4 -&gt; 3.3; wetlands TF1, MFT1, FM1, F1, F2 -&gt; 3.4; intensive land use T7 alone -&gt; 3.1; T7 with one natural class -&gt; that class under ecological restoration, 3.1 under rehabilitation alone; several natural classes or other biomes: none (a warning for initiatives on the GEF reporting line). The totals per sub-indicator are added as the table gef_totals (gef_totals.csv in the zip) and in the JSON report.</source>
      <translation>Perfil GEF (GEF_TABLE): el subindicador del indicador básico 3 del GEF-8 de cada área (Layer: GEF3.1 tierras agrícolas degradadas, GEF3.2 bosques y tierras forestales, GEF3.3 pastizales naturales y matorrales, GEF3.4 humedales) es el elegido en el formulario del área o, si no se eligió ninguno, el que se deduce de sus ecosistemas y su tipo de restauración: biomas forestales T1, T2 -&gt; 3.2; matorrales y pastizales T3, T4 -&gt; 3.3; humedales TF1, MFT1, FM1, F1, F2 -&gt; 3.4; uso intensivo de la tierra T7 solo -&gt; 3.1; T7 con una clase natural -&gt; esa clase con restauración ecológica, 3.1 con solo rehabilitación; varias clases naturales u otros biomas: ninguno (una advertencia para las iniciativas de la línea de reporte GEF). Los totales por subindicador se agregan como la tabla gef_totals (gef_totals.csv en el zip) y en el informe JSON.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="239" />
      <source>GEF {indicator}: {areas} areas, {hectares} ha.</source>
      <translation>GEF {indicator}: {areas} áreas, {hectares} ha.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="188" />
      <location filename="../processing/target2_indicator.py" line="32" />
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>Gap</source>
      <translation>Brecha</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="43" />
      <source>Gap A (polygons, or a raster mask)</source>
      <translation>Brecha A (polígonos o máscara ráster)</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="44" />
      <source>Gap B (polygons, or a raster mask)</source>
      <translation>Brecha B (polígonos o máscara ráster)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="218" />
      <source>Gap and protected area written: {count} areas changed.</source>
      <translation>Brecha y área protegida escritas: {count} áreas cambiaron.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="187" />
      <source>Gap layers</source>
      <translation>Capas de brechas</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="255" />
      <source>Gap overlap</source>
      <translation>Superposición de brechas</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="124" />
      <source>Gap overlap (only A, only B, both)</source>
      <translation>Superposición de brechas (solo A, solo B, ambas)</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="125" />
      <source>Gap overlap table (hectares per zone and class)</source>
      <translation>Tabla de superposición de brechas (hectáreas por zona y clase)</translation>
    </message>
    <message>
      <location filename="../processing/_report_layers.py" line="57" />
      <source>Gap: {name}</source>
      <translation>Brecha: {name}</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="65" />
      <source>Gaps</source>
      <translation>Brechas</translation>
    </message>
    <message>
      <location filename="../ui/initiative_form.py" line="87" />
      <source>General</source>
      <translation>General</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="57" />
      <location filename="../ui/exchange_panel.py" line="76" />
      <location filename="../ui/exchange_panel.py" line="99" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="128" />
      <location filename="../processing/import_initiatives.py" line="256" />
      <source>GeoPackage (*.gpkg);;All files (*)</source>
      <translation>GeoPackage (*.gpkg);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="146" />
      <source>GeoPackage (*.gpkg);;ZIP (*.zip)</source>
      <translation>GeoPackage (*.gpkg);;ZIP (*.zip)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="302" />
      <source>Geometries repaired</source>
      <translation>Geometrías reparadas</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="65" />
      <source>Give DEPARTMENT or INSTITUTION, not both.</source>
      <translation>Indique DEPARTMENT o INSTITUTION, no ambos.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="315" />
      <source>Give INPUT (a layer or file of areas, or a FERM-compatible GeoPackage) or INPUTS (FERM-compatible GeoPackages to merge).</source>
      <translation>Indique INPUT (una capa o archivo de áreas, o un GeoPackage compatible con FERM) o INPUTS (GeoPackage compatibles con FERM a fusionar).</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="147" />
      <source>Give LAND_COVER_SERIES, the annual land-cover raster.</source>
      <translation>Indique LAND_COVER_SERIES, el ráster anual de cobertura.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="158" />
      <source>Give SCALE (and OFFSET) for the product 'Other'.</source>
      <translation>Indique SCALE (y OFFSET) para el producto 'Otro'.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/driver.py" line="39" />
      <source>Give at least one criterion raster with its rescaling.</source>
      <translation>Dé al menos un ráster de criterio con su reescalado.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="223" />
      <source>Give at least one indicator: both land cover maps or a cover loss raster, a productivity raster, or a forest mask or fragmentation raster.</source>
      <translation>Indique al menos un indicador: los dos mapas de cobertura o un ráster de pérdida de cobertura, un ráster de productividad, o una máscara de bosque o un ráster de fragmentación.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="167" />
      <source>Give at least one sub-indicator: both land cover rasters, the productivity raster, or both soil organic carbon rasters.</source>
      <translation>Indique al menos un subindicador: los dos rásteres de cobertura del suelo, el ráster de productividad o los dos rásteres de carbono orgánico del suelo.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="138" />
      <source>Give both gap layers, GAP_A and GAP_B.</source>
      <translation>Indique las dos capas de brecha, GAP_A y GAP_B.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="114" />
      <source>Give either PRESET (one of {choices}) or NESTING_FILE (a Trends.Earth legend-nesting JSON file), not both and not neither.</source>
      <translation>Indique PRESET (uno de {choices}) o NESTING_FILE (un archivo JSON de anidamiento de leyenda de Trends.Earth): uno de los dos, no ambos ni ninguno.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="342" />
      <source>Give either a FOREST_MASK (fragmentation is then derived) or a FRAGMENTATION class raster, not both.</source>
      <translation>Indique una FOREST_MASK (de ella se deriva la fragmentación) o un ráster de clases FRAGMENTATION, no ambos.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="339" />
      <source>Give either the two land cover maps (LC_BASELINE, LC_TARGET) or a COVER_LOSS raster, not both.</source>
      <translation>Indique los dos mapas de cobertura del suelo (LC_BASELINE, LC_TARGET) o un ráster COVER_LOSS, no ambos.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="43" />
      <source>Give one or two reporting periods (REPORTING_1, and REPORTING_2 if there is one).</source>
      <translation>Dé uno o dos periodos de reporte (REPORTING_1, y REPORTING_2 si lo hay).</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="434" />
      <location filename="../processing/productivity_dynamics.py" line="133" />
      <source>Give the NDVI series: one raster with a band per year, or one raster per year.</source>
      <translation>Indique la serie de NDVI: un ráster con una banda por año, o un ráster por año.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="226" />
      <source>Give the criteria: rasters in CRITERIA with one RESCALING row each, or a preset.</source>
      <translation>Dé los criterios: rásteres en CRITERIA con una fila de RESCALING cada uno, o un preajuste.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="228" />
      <source>Give the ecosystems either as polygons (ZONES) or as a raster (ECOSYSTEMS), not both.</source>
      <translation>Indique los ecosistemas como polígonos (ZONES) o como ráster (ECOSYSTEMS), no ambos.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="225" />
      <source>Give the forest loss either as a raster (LOSS_YEAR) or as points (LOSS_POINTS), not both.</source>
      <translation>Indique la pérdida de bosque como ráster (LOSS_YEAR) o como puntos (LOSS_POINTS), no ambos.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="129" />
      <source>Give the land cover either as a raster (INPUT) or as polygons (POLYGONS, with CLASS_FIELD), not both and not neither.</source>
      <translation>Indique la cobertura como ráster (INPUT) o como polígonos (POLYGONS, con CLASS_FIELD), no ambos ni ninguno.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="86" />
      <source>Give the pairwise comparisons either in MATRIX or in MATRIX_FILE, not both.</source>
      <translation>Dé las comparaciones por pares en MATRIX o en MATRIX_FILE, no en ambos.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="98" />
      <source>Give the pairwise comparisons in MATRIX (with the names in CRITERIA) or in MATRIX_FILE.</source>
      <translation>Dé las comparaciones por pares en MATRIX (con los nombres en CRITERIA) o en MATRIX_FILE.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="135" />
      <location filename="../processing/import_initiatives.py" line="339" />
      <source>Give the registry file (GeoPackage).</source>
      <translation>Indique el archivo del registro (GeoPackage).</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="190" />
      <source>Give the vegetation index files: INPUT rasters, or a FOLDER holding them (check FILE_FILTER).</source>
      <translation>Indique los archivos del índice de vegetación: ráster INPUT, o una carpeta FOLDER que los contenga (revise FILE_FILTER).</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="535" />
      <source>Give the vegetation index files: a list of rasters, a folder or a multi-band raster.</source>
      <translation>Indique los archivos del índice de vegetación: una lista de ráster, una carpeta o un ráster multibanda.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="238" />
      <source>Give the weights either in WEIGHTS or in WEIGHTS_TABLE, not both.</source>
      <translation>Dé los pesos en WEIGHTS o en WEIGHTS_TABLE, no en ambos.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="156" />
      <source>Give {name}: Hansen's source needs treecover2000 and lossyear.</source>
      <translation>Indique {name}: la fuente Hansen necesita treecover2000 y lossyear.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="281" />
      <source>Goal of {area}, {goal} ha: missing {missing} ha</source>
      <translation>Meta de {area}, {goal} ha: faltan {missing} ha</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="28" />
      <source>Good quality only</source>
      <translation>Solo buena calidad</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="32" />
      <location filename="../processing/workshop_region.py" line="51" />
      <source>Grassland</source>
      <translation>Pastizal</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="71" />
      <source>Grid: the first raster input's. Two rasters must share one grid unless 'Align inputs' is checked (nearest neighbour onto A's grid). Two polygon layers are compared on a grid of PIXEL_SIZE (in the units of A's CRS) over both layers' extent; outside every polygon counts as not degraded.</source>
      <translation>Grilla: la de la primera entrada ráster. Dos rásteres deben compartir una grilla salvo que se marque 'Alinear entradas' (vecino más cercano sobre la grilla de A). Dos capas de polígonos se comparan en una grilla de PIXEL_SIZE (en las unidades del SRC de A) sobre la extensión de ambas capas; fuera de todo polígono cuenta como no degradado.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="25" />
      <source>Hansen Global Forest Change (treecover2000, lossyear, gain)</source>
      <translation>Hansen Global Forest Change (treecover2000, lossyear, gain)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="82" />
      <source>Hansen gain (0, 1)</source>
      <translation>Hansen gain (0, 1)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="81" />
      <source>Hansen lossyear (0, 1-99)</source>
      <translation>Hansen lossyear (0, 1-99)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="80" />
      <source>Hansen treecover2000 (%)</source>
      <translation>Hansen treecover2000 (%)</translation>
    </message>
    <message>
      <location filename="../algorithms/forest_change.py" line="156" />
      <source>Hansen's layers start in {base}: the forest mask year {year} is before it. Choose {base} or later.</source>
      <translation>Las capas de Hansen empiezan en {base}: el año de la máscara de bosque, {year}, es anterior. Elija {base} o posterior.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="40" />
      <source>Hansen: forest in 2000 is treecover2000 at or above THRESHOLD percent canopy cover (default 30). A forest pixel with lossyear code c (1-99) is lost in 2000 + c. Forest in YEAR = forest in 2000 not lost from 2001 to YEAR. With GAIN, a gain pixel is forest from GAIN_YEAR on (2012, the end of the gain period of GFC v1.0-1.7; 2020 for later versions), unless lost after GAIN_YEAR.</source>
      <translation>Hansen: bosque en 2000 es treecover2000 igual o mayor que THRESHOLD por ciento de cobertura de copas (por defecto 30). Un píxel de bosque con código lossyear c (1-99) se pierde en 2000 + c. Bosque en YEAR = bosque en 2000 no perdido de 2001 a YEAR. Con GAIN, un píxel de ganancia es bosque desde GAIN_YEAR (2012, el fin del periodo de ganancia de GFC v1.0-1.7; 2020 en versiones posteriores), salvo que se pierda después de GAIN_YEAR.</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="69" />
      <location filename="../ui/summary_panel.py" line="143" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Hectares</source>
      <translation>Hectáreas</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="136" />
      <source>Hectares by department</source>
      <translation>Hectáreas por departamento</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="135" />
      <source>Hectares by ecosystem (an area with several ecosystems counts in each)</source>
      <translation>Hectáreas por ecosistema (un área con varios ecosistemas cuenta en cada uno)</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="134" />
      <source>Hectares by national gap</source>
      <translation>Hectáreas por brecha nacional</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="137" />
      <source>Hectares by restoration outcome (latest restoration_outcomes run)</source>
      <translation>Hectáreas por resultado de la restauración (última ejecución de restoration_outcomes)</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="133" />
      <source>Hectares by restoration status</source>
      <translation>Hectáreas por estado de la restauración</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="144" />
      <source>Hectares of the union of the areas: overlaps count once.</source>
      <translation>Hectáreas de la unión de las áreas: las superposiciones se cuentan una sola vez.</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="75" />
      <source>Hectares per restoration outcome</source>
      <translation>Hectáreas por resultado de la restauración</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="198" />
      <source>Hectares registered by start year</source>
      <translation>Hectáreas registradas por año de inicio</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="25" />
      <location filename="../algorithms/priority/classes.py" line="26" />
      <location filename="../algorithms/priority/classes.py" line="27" />
      <source>High</source>
      <translation>Alta</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="31" />
      <source>High degradation</source>
      <translation>Degradación alta</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="173" />
      <source>High degradation area (ha)</source>
      <translation>Área con degradación alta (ha)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="201" />
      <source>High priority area (ha)</source>
      <translation>Área de prioridad alta (ha)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="151" />
      <source>High value</source>
      <translation>Valor alto</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="104" />
      <source>History of the initiative</source>
      <translation>Historial de la iniciativa</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="142" />
      <source>History of the initiative…</source>
      <translation>Historial de la iniciativa…</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="13" />
      <source>How. The areas under restoration are dissolved, so land under two overlapping initiatives counts once, and overlaid on the degraded land. Restoration outside degraded land is reported apart, not dropped. Every hectare is measured on the WGS 84 ellipsoid, whatever the map projection.</source>
      <translation>Cómo. Las áreas en restauración se disuelven, de modo que la tierra bajo dos iniciativas superpuestas se cuenta una sola vez, y se superponen a las tierras degradadas. La restauración fuera de tierras degradadas se reporta aparte, no se descarta. Cada hectárea se mide en el elipsoide WGS 84, sea cual sea la proyección del mapa.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="58" />
      <source>INPUT ({layer}) is not a FERM-compatible GeoPackage made by T2 Restore, and INPUTS holds such files: merge the GeoPackages in one run (INPUTS) and import the plain layer in another (INPUT with FIELD_MAPPING).</source>
      <translation>INPUT ({layer}) no es un GeoPackage compatible con FERM hecho por T2 Restore, e INPUTS contiene archivos de ese tipo: fusione los GeoPackage en una ejecución (INPUTS) e importe la capa simple en otra (INPUT con FIELD_MAPPING).</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="42" />
      <source>INPUT: a raster whose values FOREST_VALUES (default 1; several separated by commas, e.g. 1,2,5, or ranges such as 1-5) are forest; every other value is non-forest and nodata cells are left out. WINDOW: the side of the square moving window in pixels, odd from 3 to 31 (default 3).</source>
      <translation>INPUT: un ráster cuyos valores FOREST_VALUES (por defecto 1; varios separados por comas, p. ej. 1,2,5, o rangos como 1-5) son bosque; todo otro valor es no bosque y las celdas sin datos se dejan fuera. WINDOW: el lado de la ventana móvil cuadrada en píxeles, impar de 3 a 31 (por defecto 3).</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="57" />
      <source>IUCN ecosystem</source>
      <translation>Ecosistema UICN</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="67" />
      <source>Identifier (uuid) of the contact</source>
      <translation>Identificador (uuid) del contacto</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="64" />
      <source>Identifier (uuid) of the leading organization</source>
      <translation>Identificador (uuid) de la organización líder</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="121" />
      <source>Identifier field (empty: the registry's, or the feature id)</source>
      <translation>Campo identificador (vacío: el del registro, o el id de la entidad)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="71" />
      <source>Implementing institution</source>
      <translation>Institución ejecutora</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="60" />
      <location filename="../registry/validate.py" line="111" />
      <location filename="../registry/validate.py" line="135" />
      <source>Implementing institutions</source>
      <translation>Instituciones ejecutoras</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="105" />
      <source>Import</source>
      <translation>Importar</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="96" />
      <source>Import a FERM-compatible GeoPackage</source>
      <translation>Importar un GeoPackage compatible con FERM</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Import areas</source>
      <translation>Importar áreas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="142" />
      <source>Import initiatives and areas into a registry</source>
      <translation>Importar iniciativas y áreas a un registro</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="205" />
      <source>Importing areas</source>
      <translation>Importando áreas</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="235" />
      <source>Importing from a FERM GeoPackage</source>
      <translation>Importando desde un GeoPackage FERM</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Import…</source>
      <translation>Importar…</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="23" />
      <location filename="../processing/ldn_status.py" line="32" />
      <source>Improved</source>
      <translation>Mejorada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="116" />
      <source>Improved area (ha)</source>
      <translation>Área mejorada (ha)</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="265" />
      <source>In the pairwise matrix file {path}, row {row} is named '{label}' but column {row} is '{name}'; rows and columns must list the criteria in the same order.</source>
      <translation>En el archivo de matriz de comparación por pares {path}, la fila {row} se llama '{label}' pero la columna {row} es '{name}'; filas y columnas deben listar los criterios en el mismo orden.</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="67" />
      <source>In the registry</source>
      <translation>En el registro</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="45" />
      <source>In the window around each pixel, Pf is the share of forest among the valid cells, and Pff, among the pairs of cardinal neighbours inside the window with at least one forest cell, the share in which both are forest. Cells outside the raster, nodata cells and pairs with a nodata cell are not counted.</source>
      <translation>En la ventana alrededor de cada píxel, Pf es la proporción de bosque entre las celdas válidas, y Pff, entre los pares de vecinos cardinales dentro de la ventana con al menos una celda de bosque, la proporción en que ambas son bosque. No se cuentan las celdas fuera del ráster, las celdas sin datos ni los pares con una celda sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="109" />
      <source>Inconsistent judgments: CR = {cr:.3f} is 0.10 or more. Review first the comparison of {a} with {b}: it is {given}, while the weights imply {implied:.2f} (nearest on the scale: {nearest}).</source>
      <translation>Juicios inconsistentes: RC = {cr:.3f} es 0.10 o más. Revise primero la comparación de {a} con {b}: es {given}, mientras que los pesos implican {implied:.2f} (lo más cercano en la escala: {nearest}).</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="25" />
      <location filename="../processing/workshop_region.py" line="53" />
      <source>Increasing</source>
      <translation>En aumento</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="26" />
      <source>Index values as stored (scale 1, offset 0)</source>
      <translation>Valores del índice tal como están (escala 1, desplazamiento 0)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="156" />
      <location filename="../ui/widgets/monitoring_editor.py" line="98" />
      <source>Indicator</source>
      <translation>Indicador</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="168" />
      <source>Indicator states (cover loss, productivity, fragmentation)</source>
      <translation>Estados de los indicadores (pérdida de cobertura, productividad, fragmentación)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="171" />
      <source>Indicators used</source>
      <translation>Indicadores usados</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="270" />
      <source>Indicators used: {used}.</source>
      <translation>Indicadores usados: {used}.</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="20" />
      <source>Initialize a PostGIS registry</source>
      <translation>Inicializar un registro PostGIS</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="56" />
      <source>Initialize registry</source>
      <translation>Inicializar registro</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="127" />
      <location filename="../registry/report_tables.py" line="145" />
      <location filename="../registry/report_tables.py" line="155" />
      <source>Initiative</source>
      <translation>Iniciativa</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="57" />
      <source>Initiative "{title}" has no leading organization; FERM requires at least one.</source>
      <translation>La iniciativa "{title}" no tiene una organización líder; FERM exige al menos una.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="58" />
      <source>Initiative "{title}": "{field}" holds {code}, which is not a code of the vocabulary {vocabulary}.</source>
      <translation>Iniciativa "{title}": "{field}" contiene {code}, que no es un código del vocabulario {vocabulary}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="91" />
      <source>Initiative "{title}": "{field}" is "{value}", which is not a year. Write it as a number, such as 2021.</source>
      <translation>Iniciativa "{title}": «{field}» es "{value}", que no es un año. Escríbalo como número, por ejemplo 2021.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="63" />
      <source>Initiative "{title}": "{field}" is {value}; it must be between {minimum} and {maximum}.</source>
      <translation>Iniciativa "{title}": "{field}" es {value}; debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="65" />
      <source>Initiative "{title}": the ending year {end} is before the starting year {start}.</source>
      <translation>Iniciativa "{title}": el año de término {end} es anterior al año de inicio {start}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="55" />
      <source>Initiative "{title}": the required field "{field}" is empty.</source>
      <translation>Iniciativa "{title}": el campo obligatorio "{field}" está vacío.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="127" />
      <source>Initiative UUID</source>
      <translation>UUID de la iniciativa</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="47" />
      <source>Initiative description</source>
      <translation>Descripción de la iniciativa</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="45" />
      <source>Initiative identifier (uuid)</source>
      <translation>Identificador de la iniciativa (uuid)</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="57" />
      <location filename="../processing/base.py" line="39" />
      <location filename="../ui/registry_dock.py" line="63" />
      <source>Initiative registry</source>
      <translation>Registro de iniciativas</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="46" />
      <source>Initiative title</source>
      <translation>Título de la iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="150" />
      <location filename="../registry/report_tables.py" line="86" />
      <location filename="../ui/registry_dock.py" line="101" />
      <source>Initiatives</source>
      <translation>Iniciativas</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="126" />
      <source>Initiatives and areas</source>
      <translation>Iniciativas y áreas</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="45" />
      <source>Initiatives changed in both places</source>
      <translation>Iniciativas cambiadas en ambos lugares</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="58" />
      <source>Initiatives checked out</source>
      <translation>Iniciativas extraídas</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="293" />
      <source>Initiatives created</source>
      <translation>Iniciativas creadas</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="150" />
      <source>Initiatives exported</source>
      <translation>Iniciativas exportadas</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="126" />
      <location filename="../processing/gap_overlap.py" line="307" />
      <source>Initiatives in the gaps</source>
      <translation>Iniciativas en las brechas</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="47" />
      <source>Initiatives saved into the registry</source>
      <translation>Iniciativas guardadas en el registro</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="68" />
      <source>Initiatives selected in the list</source>
      <translation>Iniciativas seleccionadas en la lista</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="292" />
      <source>Initiatives written</source>
      <translation>Iniciativas escritas</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="228" />
      <source>Input</source>
      <translation>Entrada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="89" />
      <source>Input class</source>
      <translation>Clase de entrada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="55" />
      <source>Inputs must share one grid (CRS, pixel size, origin, size); otherwise the run stops and names the difference, unless 'Align inputs' is checked (nearest neighbour for classes, bilinear for carbon, onto the baseline's grid). Areas are hectares on the WGS 84 ellipsoid whatever the CRS.</source>
      <translation>Las entradas deben compartir una grilla (SRC, tamaño de píxel, origen, tamaño); si no, el proceso se detiene e indica la diferencia, salvo que se marque 'Alinear las entradas' (vecino más cercano para clases, bilineal para carbono, sobre la grilla de la línea base). Las áreas son hectáreas sobre el elipsoide WGS 84, cualquiera sea el SRC.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="77" />
      <source>Inputs must share one grid (CRS, pixel size, origin, size); otherwise the run stops and names the difference, unless 'Align inputs' is checked (nearest neighbour onto the baseline's grid).</source>
      <translation>Las entradas deben compartir una grilla (SRC, tamaño de píxel, origen, tamaño); si no, el proceso se detiene e indica la diferencia, salvo que se marque 'Alinear las entradas' (vecino más cercano, sobre la grilla de la línea base).</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="55" />
      <source>Inputs must share one grid unless ALIGN is checked (nearest neighbour onto the first input's grid).</source>
      <translation>Las entradas deben compartir una grilla salvo que ALIGN esté marcado (vecino más cercano sobre la grilla de la primera entrada).</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="69" />
      <source>Inputs: AREAS (a registry's restoration areas, or any polygon layer with an identifier field ID_FIELD and a start-year field START_FIELD), SERIES (an annual series, one band per year: FIRST_YEAR is the year of band 1, or 0 to read each band's year from its description, as 'Prepare an annual vegetation series' writes), optional FOREST (forest cover per year, same bands as the series, &gt; 0 is forest), LAND_TYPE (ecosystem or land cover map: controls are of the area's most frequent class), COVARIATES (e.g. elevation, slope: also matched) and EXCLUDE (land that must not serve as control; every area of AREAS, and every area of the registry, is always excluded). Rasters on another grid are aligned onto the series (logged); areas are reprojected to the series' CRS.</source>
      <translation>Entradas: AREAS (las áreas en restauración de un registro, o cualquier capa de polígonos con un campo identificador ID_FIELD y un campo de año de inicio START_FIELD), SERIES (una serie anual, una banda por año: FIRST_YEAR es el año de la banda 1, o 0 para leer el año de cada banda de su descripción, como la escribe 'Preparar una serie anual de vegetación'), y opcionalmente FOREST (cobertura de bosque por año, las mismas bandas que la serie, &gt; 0 es bosque), LAND_TYPE (mapa de ecosistemas o de cobertura: los controles son de la clase más frecuente del área), COVARIATES (p. ej. altitud, pendiente: también se emparejan) y EXCLUDE (tierras que no deben servir de control; todas las áreas de AREAS, y todas las áreas del registro, se excluyen siempre). Los ráster en otra grilla se alinean sobre la serie (queda en el registro); las áreas se reproyectan al SRC de la serie.</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="96" />
      <source>Inside degraded land</source>
      <translation>Dentro de tierras degradadas</translation>
    </message>
    <message>
      <location filename="../ui/widgets/outcome_chart.py" line="139" />
      <source>Inside the area</source>
      <translation>Dentro del área</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="55" />
      <location filename="../processing/target2_report.py" line="103" />
      <location filename="../ui/report_action.py" line="80" />
      <source>Institution</source>
      <translation>Institución</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="84" />
      <source>Institutions</source>
      <translation>Instituciones</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="19" />
      <source>Insufficient data</source>
      <translation>Datos insuficientes</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="30" />
      <source>Integral (index x days)</source>
      <translation>Integral (índice x días)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="24" />
      <source>Interior</source>
      <translation>Interior</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="317" />
      <source>Internal error: the search kernel is larger than the block halo.</source>
      <translation>Error interno: el núcleo de búsqueda es mayor que el borde del bloque.</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="67" />
      <source>Keep</source>
      <translation>Conservar</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="76" />
      <source>Keep mine</source>
      <translation>Conservar la mía</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="77" />
      <source>Keep the registry's</source>
      <translation>Conservar la del registro</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="46" />
      <location filename="../ui/exchange_panel.py" line="102" />
      <source>Keep the registry's version</source>
      <translation>Conservar la versión del registro</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="56" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Keywords</source>
      <translation>Palabras clave</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="239" />
      <location filename="../registry/report_tables.py" line="85" />
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="54" />
      <source>LC_CLASSES is the legend of the land cover maps: every code they may hold (default 1-7, the UNCCD classes; NATURAL_CLASSES must be among them). A land cover code outside it, an LPD value other than 1..5 (0 and 15 are nodata), a cover loss value other than 0 and 1 or a fragmentation code other than 0..6 stops the run, which names each code with its pixel count, unless UNKNOWN_CODES is set to leave those pixels out as no data (the log then says how many). NaN and infinite values are no data in every input.</source>
      <translation>LC_CLASSES es la leyenda de los mapas de cobertura: todos los códigos que pueden contener (por defecto 1-7, las clases de la CNULD; NATURAL_CLASSES debe estar entre ellos). Un código de cobertura fuera de ella, un valor LPD distinto de 1..5 (0 y 15 son sin datos), un valor de pérdida de cobertura distinto de 0 y 1 o un código de fragmentación fuera de 0..6 detiene la ejecución, que nombra cada código con su número de píxeles, salvo que UNKNOWN_CODES indique dejar esos píxeles fuera como sin datos (el registro dice entonces cuántos). Los valores NaN e infinitos son sin datos en todas las entradas.</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="26" />
      <source>LEGEND (optional) fills the class_name column: a land-cover preset id (unccd for the 7 UNCCD classes, mapbiomas_peru, esa_cci, esa_worldcover, modis_igbp, minam_cobertura), a CSV file of code,name or a QML style (e.g. the layer's paletted style, Layer properties &gt; Style &gt; Save style). Codes the legend does not name keep their number.</source>
      <translation>LEGEND (opcional) llena la columna class_name: el identificador de un preajuste de cobertura (unccd para las 7 clases de la CNULD, mapbiomas_peru, esa_cci, esa_worldcover, modis_igbp, minam_cobertura), un archivo CSV de código,nombre o un estilo QML (p. ej. el estilo paletizado de la capa, Propiedades de la capa &gt; Simbología &gt; Guardar estilo). Los códigos que la leyenda no nombra conservan su número.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="73" />
      <source>Lambda max</source>
      <translation>Lambda máx.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="169" />
      <source>Land cover (UNCCD classes)</source>
      <translation>Cobertura (clases de la CNULD)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="142" />
      <source>Land cover (current use)</source>
      <translation>Cobertura del suelo (uso actual)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="114" />
      <source>Land cover (one ecological unit per class)</source>
      <translation>Cobertura del suelo (una unidad ecológica por clase)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="82" />
      <source>Land cover (product codes)</source>
      <translation>Cobertura (códigos del producto)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="85" />
      <source>Land cover as polygons, instead of the raster (e.g. MINAM's cover map)</source>
      <translation>Cobertura como polígonos, en lugar del ráster (p. ej. el mapa de cobertura vegetal del MINAM)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="145" />
      <source>Land cover class</source>
      <translation>Clase de cobertura</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="132" />
      <source>Land cover legend: every class code of the land cover maps (e.g. 1-7 or 11-15,21-25)</source>
      <translation>Leyenda de cobertura: todos los códigos de clase de los mapas de cobertura (p. ej. 1-7 u 11-15,21-25)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="88" />
      <source>Land cover recode table (input class, UNCCD class 1-7)</source>
      <translation>Tabla de reclasificación de cobertura (clase de entrada, clase CNULD 1-7)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="91" />
      <source>Land cover recode table as CSV (columns code, unccd_class)</source>
      <translation>Tabla de reclasificación de cobertura en CSV (columnas code, unccd_class)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="95" />
      <source>Land cover transition matrix (rows baseline, columns target; -1, 0, 1)</source>
      <translation>Matriz de transición de cobertura (filas línea base, columnas meta; -1, 0, 1)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="33" />
      <source>Land cover {baseline}, UNCCD classes</source>
      <translation>Cobertura {baseline}, clases de la CNULD</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="35" />
      <source>Land cover {baseline}, national legend</source>
      <translation>Cobertura {baseline}, leyenda nacional</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="34" />
      <source>Land cover {target}, UNCCD classes</source>
      <translation>Cobertura {target}, clases de la CNULD</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="36" />
      <source>Land cover {target}, national legend</source>
      <translation>Cobertura {target}, leyenda nacional</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="104" />
      <source>Land cover, UNCCD classes</source>
      <translation>Cobertura, clases de la CNULD</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="85" />
      <source>Land cover, baseline</source>
      <translation>Cobertura del suelo, línea base</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="125" />
      <source>Land cover, baseline (for cover loss)</source>
      <translation>Cobertura del suelo, línea base (para la pérdida de cobertura)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="86" />
      <source>Land cover, target</source>
      <translation>Cobertura del suelo, meta</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="127" />
      <source>Land cover, target (for cover loss)</source>
      <translation>Cobertura del suelo, año final (para la pérdida de cobertura)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="40" />
      <source>Land cover: the baseline and target maps in the 7 UNCCD classes (1 tree-covered, 2 grassland, 3 cropland, 4 wetland, 5 artificial, 6 other land, 7 water) are compared through the transition matrix (default: the UNCCD matrix; edit it, e.g. for agroforestry). National legends are recoded with LC_RECODE (input class, UNCCD class) or a CSV file with columns code,unccd_class.</source>
      <translation>Cobertura del suelo: los mapas de línea base y meta en las 7 clases de la CNULD (1 cubierta arbórea, 2 pastizal, 3 tierra de cultivo, 4 humedal, 5 artificial, 6 otras tierras, 7 cuerpo de agua) se comparan mediante la matriz de transición (por defecto la matriz de la CNULD; edítela, p. ej. para sistemas agroforestales). Las leyendas nacionales se reclasifican con LC_RECODE (clase de entrada, clase CNULD) o con un archivo CSV con columnas code,unccd_class.</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="167" />
      <location filename="../processing/workshop_region.py" line="37" />
      <source>Land productivity dynamics</source>
      <translation>Dinámica de la productividad de la tierra</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="99" />
      <location filename="../processing/minam_degradation.py" line="138" />
      <location filename="../processing/productivity_dynamics.py" line="121" />
      <source>Land productivity dynamics (5 classes)</source>
      <translation>Dinámica de la productividad de la tierra (5 clases)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="36" />
      <source>Land productivity dynamics (5 classes) from NDVI</source>
      <translation>Dinámica de la productividad de la tierra (5 clases) a partir del NDVI</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="139" />
      <source>Land that may not serve as control (besides the areas)</source>
      <translation>Tierras que no pueden servir de control (además de las áreas)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="114" />
      <source>Land type (integer classes) for counterbalancing</source>
      <translation>Tipo de tierra (clases enteras) para la compensación</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="134" />
      <source>Land type for matching (ecosystems or land cover, optional)</source>
      <translation>Tipo de tierra para el emparejamiento (ecosistemas o cobertura, opcional)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="41" />
      <source>Land use capability (CUM)</source>
      <translation>Capacidad de uso mayor (CUM)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="136" />
      <source>Land use capability (CUM) raster</source>
      <translation>Ráster de Capacidad de Uso Mayor (CUM)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="44" />
      <source>Land-cover series: forest is a class of FOREST_CLASSES (default 3, 4, 5, 6: MapBiomas' forest formation, savanna or dry forest, mangrove and flooded forest; check your collection's legend). Band years come from band descriptions (e.g. classification_2019) or FIRST_YEAR (the year of band 1). Loss in year Y = forest in Y-1 and not in Y, both with data: every such change counts in the table (gross loss); the loss-year raster keeps the latest.</source>
      <translation>Serie de cobertura: bosque es una clase de FOREST_CLASSES (por defecto 3, 4, 5, 6: formación boscosa, sabana o bosque seco, manglar y bosque inundable de MapBiomas; revise la leyenda de su colección). Los años de las bandas vienen de sus descripciones (p. ej. classification_2019) o de FIRST_YEAR (el año de la banda 1). Pérdida en el año Y = bosque en Y-1 y no en Y, ambos con datos: cada cambio así cuenta en la tabla (pérdida bruta); el ráster de año de pérdida guarda el último.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="144" />
      <source>Land-use conflict matrix (0 not evaluated, 1 overuse, 2 proper use, 3 underuse)</source>
      <translation>Matriz de conflicto de uso (0 no evaluado, 1 sobreuso, 2 uso adecuado, 3 subuso)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="73" />
      <source>Land-use conflict: the land cover (LAND_COVER) against the land use capability group (CAPABILITY, 'Capacidad de Uso Mayor': A cultivation, C permanent crops, P pastures, F forest production, X protection) through CONFLICT_MATRIX gives 1 overuse, 2 proper use, 3 underuse or 0 not evaluated. CAPABILITY_CODES maps the raster's codes to the groups (default 1 A, 2 C, 3 P, 4 F, 5 X, from presets/cum_classes.json); a code or land cover class missing from the tables stops the run and is named.</source>
      <translation>Conflicto de uso: la cobertura del suelo (LAND_COVER) frente al grupo de Capacidad de Uso Mayor (CAPABILITY: A cultivo en limpio, C cultivo permanente, P pastos, F producción forestal, X protección) mediante CONFLICT_MATRIX da 1 sobreuso, 2 uso adecuado, 3 subuso o 0 no evaluado. CAPABILITY_CODES asigna los códigos del ráster a los grupos (por defecto 1 A, 2 C, 3 P, 4 F, 5 X, de presets/cum_classes.json); un código o una clase de cobertura que falte en las tablas detiene la ejecución y se nombra.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="92" />
      <source>Language of layer and class names</source>
      <translation>Idioma de los nombres de capas y clases</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="28" />
      <source>Language of the QGIS interface</source>
      <translation>Idioma de la interfaz de QGIS</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="151" />
      <source>Largest distance to conservation areas computed (m)</source>
      <translation>Distancia máxima calculada a las áreas de conservación (m)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="87" />
      <source>Last year of the gain period</source>
      <translation>Último año del periodo de ganancia</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="122" />
      <source>Last year of the output (0: from the files)</source>
      <translation>Último año de la salida (0: según los archivos)</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Layer in the file</source>
      <translation>Capa del archivo</translation>
    </message>
    <message>
      <location filename="../ui/admin_units.py" line="65" />
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Layer in the project</source>
      <translation>Capa del proyecto</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="98" />
      <source>Layers loaded into the project</source>
      <translation>Capas cargadas en el proyecto</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="106" />
      <source>Layout template (.qpt) of an earlier report, edited</source>
      <translation>Plantilla de diseño (.qpt) de un reporte anterior, editada</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="111" />
      <source>Layout template (empty: beside the PDF)</source>
      <translation>Plantilla de diseño (vacío: junto al PDF)</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="61" />
      <source>Leading organization</source>
      <translation>Organización líder</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Leave empty to report the sum of the areas' hectares.</source>
      <translation>Déjelo vacío para reportar la suma de las hectáreas de las áreas.</translation>
    </message>
    <message>
      <location filename="../processing/_codes.py" line="19" />
      <source>Leave those pixels out as no data</source>
      <translation>Dejar esos píxeles fuera como sin datos</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="215" />
      <source>Left out, every area refused: {titles}.</source>
      <translation>Dejadas fuera, con todas sus áreas rechazadas: {titles}.</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="51" />
      <source>Legend</source>
      <translation>Leyenda</translation>
    </message>
    <message>
      <location filename="../processing/_legends.py" line="22" />
      <source>Legend for class names: a preset ({choices}) or a CSV (code,name) or QML file</source>
      <translation>Leyenda para los nombres de clase: un preajuste ({choices}) o un archivo CSV (código,nombre) o QML</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="97" />
      <source>Legend nesting file (Trends.Earth JSON), instead of a preset</source>
      <translation>Archivo de anidamiento de leyenda (JSON de Trends.Earth), en lugar de un preajuste</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="94" />
      <source>Legend preset ({choices})</source>
      <translation>Preajuste de leyenda ({choices})</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="158" />
      <source>Level (0-4)</source>
      <translation>Nivel (0-4)</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="192" />
      <source>Line {line} of the legend {path} has no name: each line must be code,name.</source>
      <translation>La línea {line} de la leyenda {path} no tiene nombre: cada línea debe ser código,nombre.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="95" />
      <source>Load the layers into the project, styled</source>
      <translation>Cargar las capas en el proyecto, con estilo</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="152" />
      <source>Lookup (value: score; *: other)</source>
      <translation>Tabla (valor: puntaje; *: otros)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="35" />
      <source>Loss of any year</source>
      <translation>Pérdida de cualquier año</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="25" />
      <location filename="../algorithms/priority/classes.py" line="26" />
      <location filename="../algorithms/priority/classes.py" line="27" />
      <source>Low</source>
      <translation>Baja</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="30" />
      <source>Low degradation</source>
      <translation>Degradación baja</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="172" />
      <source>Low degradation area (ha)</source>
      <translation>Área con degradación baja (ha)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="151" />
      <source>Low value (or number of quantile classes)</source>
      <translation>Valor bajo (o número de clases de cuantiles)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="46" />
      <source>MINAM ecosystem recovery gap</source>
      <translation>Brecha de recuperación de ecosistemas (MINAM)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="134" />
      <source>MINAM recovery gap (A)</source>
      <translation>Brecha de recuperación MINAM (A)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="172" />
      <source>MODE says what happens to areas the registry already holds: the same area is one with the same identifier (uuid), or with the same site name and geometry in the same initiative. add-new-and-update (default) adds new areas and updates known ones with the file's values; skip-existing adds new areas and leaves known ones untouched; replace leaves each initiative of the file with exactly the file's areas (its other areas are removed). The log counts inserted, updated, unchanged, skipped and removed areas.</source>
      <translation>MODE indica qué pasa con las áreas que el registro ya contiene: la misma área es la que tiene el mismo identificador (uuid), o el mismo nombre de sitio y la misma geometría en la misma iniciativa. add-new-and-update (por defecto) añade las áreas nuevas y actualiza las conocidas con los valores del archivo; skip-existing añade las áreas nuevas y deja las conocidas como están; replace deja a cada iniciativa del archivo exactamente con las áreas del archivo (sus otras áreas se eliminan). El registro cuenta las áreas añadidas, actualizadas, sin cambios, omitidas y eliminadas.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="25" />
      <source>MODIS MOD13Q1 / MYD13Q1 NDVI or EVI (scale 0.0001, fill -3000)</source>
      <translation>MODIS MOD13Q1 / MYD13Q1 NDVI o EVI (escala 0,0001, relleno -3000)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="27" />
      <source>MODIS VI Quality (16-bit flags)</source>
      <translation>MODIS VI Quality (indicadores de 16 bits)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="63" />
      <source>MODIS files declare an 'unknown datum based upon the Clarke 1866 ellipsoid' geographic CRS; MODIS grids are defined in WGS 84 latitude and longitude, so such a CRS is read as WGS 84, with a note in the log. The raster is read block by block: memory stays bounded whatever its size. The log reports hectares per class on the WGS 84 ellipsoid.</source>
      <translation>Los archivos MODIS declaran un SRC geográfico de 'datum desconocido basado en el elipsoide Clarke 1866'; las grillas MODIS están definidas en latitud y longitud WGS 84, así que ese SRC se lee como WGS 84, con una nota en el registro. El ráster se lee por bloques: la memoria queda acotada sea cual sea su tamaño. El registro informa las hectáreas por clase sobre el elipsoide WGS 84.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="27" />
      <source>MODIS pixel reliability (0 good .. 3 cloudy)</source>
      <translation>MODIS pixel reliability (0 bueno .. 3 nublado)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="254" />
      <location filename="../processing/_report_data.py" line="237" />
      <source>Made on</source>
      <translation>Elaborado el</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="165" />
      <source>Mask raster values inside the mask (default: any non-zero value)</source>
      <translation>Valores del ráster de máscara que están dentro (por defecto: cualquier valor distinto de cero)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="163" />
      <source>Mask: only score inside (raster or polygon layer)</source>
      <translation>Máscara: puntuar solo dentro (ráster o capa de polígonos)</translation>
    </message>
    <message>
      <location filename="../ui/widgets/outcome_chart.py" line="139" />
      <source>Matched controls</source>
      <translation>Controles emparejados</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="30" />
      <source>Maximum</source>
      <translation>Máximo</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="30" />
      <source>Mean</source>
      <translation>Media</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="25" />
      <location filename="../algorithms/priority/classes.py" line="26" />
      <location filename="../algorithms/priority/classes.py" line="27" />
      <source>Medium</source>
      <translation>Media</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="23" />
      <source>Merges a copy made by 'Check out initiatives for offline work' back into its PostGIS registry, by identifier and revision: an initiative changed only in the copy is saved (with the registry's revision check, so a change made meanwhile is never overwritten silently); one created in the copy is added; one changed in both places is a conflict, listed field by field in the log, and the registry's version is kept (ON_CONFLICT = keep) or replaced by the copy's (replace); one deleted in the registry is reported and not brought back. Each initiative is saved in its own transaction.</source>
      <translation>Combina una copia hecha con 'Extraer iniciativas para trabajar sin conexión' con su registro PostGIS, por identificador y revisión: una iniciativa cambiada solo en la copia se guarda (con la comprobación de revisión del registro, así un cambio hecho entretanto nunca se sobrescribe en silencio); una creada en la copia se añade; una cambiada en ambos lugares es un conflicto, listado campo por campo en el registro de mensajes, y se conserva la versión del registro (ON_CONFLICT = keep) o se reemplaza por la de la copia (replace); una eliminada en el registro se informa y no se recupera. Cada iniciativa se guarda en su propia transacción.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="146" />
      <source>Message</source>
      <translation>Mensaje</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="236" />
      <location filename="../processing/_report_data.py" line="237" />
      <source>Method</source>
      <translation>Método</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="150" />
      <source>Method (linear, inverted, quantile, quantile_inverted, categorical)</source>
      <translation>Método (linear, inverted, quantile, quantile_inverted, categorical)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="238" />
      <source>Method and provenance</source>
      <translation>Método y procedencia</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="77" />
      <source>Method: pixels whose centre is inside the area against control pixels outside every excluded polygon (pixels touching one are excluded too), within SEARCH_RADIUS metres of the area's bounding rectangle, of the same land type, each area's sample of pixels matched one to one (nearest without replacement, within a caliper) on the mean and trend of the series before the start (and the covariates). Effect = (mean after the start minus mean before) inside minus the same in the matched controls; trend difference = slope after the start inside minus in the controls. The 95 % interval and the p-value come from a bootstrap over the years of each period and the matched controls, with a fixed seed (repeatable), widened for the few years of a period. The start year itself counts in neither period.</source>
      <translation>Método: los píxeles cuyo centro está dentro del área frente a píxeles de control fuera de todo polígono excluido (también se excluyen los píxeles que tocan uno), a menos de SEARCH_RADIUS metros del rectángulo envolvente del área, del mismo tipo de tierra; la muestra de píxeles de cada área se empareja uno a uno (el más cercano sin reemplazo, dentro de un calibre) según la media y la tendencia de la serie antes del inicio (y las covariables). Efecto = (media después del inicio menos media antes) dentro, menos lo mismo en los controles emparejados; diferencia de tendencia = pendiente después del inicio dentro menos en los controles. El intervalo del 95 % y el valor p salen de un bootstrap sobre los años de cada periodo y los controles emparejados, con semilla fija (repetible), ensanchado por los pocos años de un periodo. El año de inicio no cuenta en ningún periodo.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="70" />
      <source>Methods</source>
      <translation>Métodos</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="67" />
      <source>Mine</source>
      <translation>Mía</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="165" />
      <location filename="../processing/target2_indicator.py" line="132" />
      <source>Missing to the national goal (ha)</source>
      <translation>Faltante para la meta nacional (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="36" />
      <source>Missing to the national goal of {goal} ha: {ha} ha</source>
      <translation>Faltante para la meta nacional de {goal} ha: {ha} ha</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="97" />
      <source>Missing to the target share</source>
      <translation>Faltante para la proporción meta</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="163" />
      <location filename="../processing/_report_data.py" line="180" />
      <location filename="../processing/target2_indicator.py" line="131" />
      <source>Missing to the target share (ha)</source>
      <translation>Faltante para la proporción meta (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="90" />
      <source>Missing to the {target:g} % target share</source>
      <translation>Faltante para la proporción meta de {target:g} %</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="33" />
      <source>Missing to the {target:g} % target share: {ha} ha</source>
      <translation>Faltante para la proporción meta de {target:g} %: {ha} ha</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="52" />
      <source>Moderate decline</source>
      <translation>Declive moderado</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="22" />
      <source>Moderate decline (early signs)</source>
      <translation>Declive moderado (primeros signos)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="31" />
      <source>Moderate degradation</source>
      <translation>Degradación moderada</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="173" />
      <source>Moderate degradation area (ha)</source>
      <translation>Área con degradación moderada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="240" />
      <source>Modified (UTC)</source>
      <translation>Modificado (UTC)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="154" />
      <source>Monitoring</source>
      <translation>Monitoreo</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="121" />
      <location filename="../registry/validate.py" line="144" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Monitoring values</source>
      <translation>Valores de monitoreo</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="137" />
      <source>More</source>
      <translation>Más</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="77" />
      <source>Most inconsistent comparison</source>
      <translation>Comparación más inconsistente</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="109" />
      <source>NDVI scale (1: NDVI from -1 to 1; 10000: NDVI x 10000)</source>
      <translation>Escala del NDVI (1: NDVI de -1 a 1; 10000: NDVI x 10000)</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="486" />
      <source>NDVI values reach {value}, outside -1..1 for NDVI_SCALE = 1; the series is probably scaled by 10000: set NDVI_SCALE to 10000.</source>
      <translation>Los valores de NDVI llegan a {value}, fuera de -1..1 para NDVI_SCALE = 1; probablemente la serie está multiplicada por 10000: establezca NDVI_SCALE en 10000.</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="488" />
      <source>NDVI values reach {value}, outside the range -{scale}..{scale} of NDVI_SCALE = {scale}. Check the nodata value of the NDVI rasters (fill values must be set as nodata) and the scale.</source>
      <translation>Los valores de NDVI llegan a {value}, fuera del rango -{scale}..{scale} de NDVI_SCALE = {scale}. Revise el valor sin datos de los rásteres de NDVI (los valores de relleno deben declararse como sin datos) y la escala.</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="43" />
      <source>NDVI: one raster with one band per year, or several rasters (one per year, or several bands each) taken in the order given; the first band is FIRST_YEAR (default 2001). NDVI_SCALE says whether values are NDVI (1, from -1 to 1) or NDVI x 10000 (10000, default, as MODIS products and Trends.Earth exports). Values outside the range of the scale stop the run: set fill values as nodata.</source>
      <translation>NDVI: un ráster con una banda por año, o varios rásteres (uno por año, o con varias bandas cada uno) tomados en el orden indicado; la primera banda es FIRST_YEAR (por defecto 2001). NDVI_SCALE indica si los valores son NDVI (1, de -1 a 1) o NDVI x 10000 (10000, por defecto, como los productos MODIS y las exportaciones de Trends.Earth). Los valores fuera del rango de la escala detienen el proceso: declare los valores de relleno como sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="369" />
      <source>NDVI_SCALE must be 1 (NDVI from -1 to 1) or 10000 (NDVI x 10000); it is {value}.</source>
      <translation>NDVI_SCALE debe ser 1 (NDVI de -1 a 1) o 10000 (NDVI x 10000); es {value}.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="239" />
      <location filename="../registry/report_tables.py" line="47" />
      <location filename="../registry/report_tables.py" line="85" />
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="137" />
      <source>Name field</source>
      <translation>Campo del nombre</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="118" />
      <source>Name field of the protected areas</source>
      <translation>Campo del nombre de las áreas protegidas</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="108" />
      <source>Name of definition {key}</source>
      <translation>Nombre de la definición {key}</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Name of the initiative (required)</source>
      <translation>Nombre de la iniciativa (obligatorio)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="116" />
      <source>Name of the region covered (empty: national, all of Peru)</source>
      <translation>Nombre de la región cubierta (vacío: nacional, todo el Perú)</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="48" />
      <source>Name of {key}</source>
      <translation>Nombre de {key}</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="31" />
      <source>National</source>
      <translation>Nacional</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="38" />
      <location filename="../registry/report_tables.py" line="65" />
      <location filename="../registry/validate.py" line="117" />
      <source>National gap</source>
      <translation>Brecha nacional</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="124" />
      <source>National gap and protected area of each area</source>
      <translation>Brecha nacional y área protegida de cada área</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="189" />
      <source>National goal</source>
      <translation>Meta nacional</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="164" />
      <source>National goal (ha)</source>
      <translation>Meta nacional (ha)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="278" />
      <source>National goal {goal} ha: missing {missing} ha</source>
      <translation>Meta nacional {goal} ha: faltan {missing} ha</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="67" />
      <source>National or regional: by default the total row is national and is compared with the national goal TARGET_HA (330,000 ha, ProREST). For a region (e.g. one department), give AREA_NAME: the total row is labelled with that name and compared only with REGIONAL_TARGET_HA, when given. Zones are keyed by feature, or by ZONE_ID (e.g. UBIGEO), so zones that share a name stay separate rows.</source>
      <translation>Nacional o regional: por defecto la fila total es nacional y se compara con la meta nacional TARGET_HA (330,000 ha, ProREST). Para una región (p. ej. un departamento), indique AREA_NAME: la fila total lleva ese nombre y solo se compara con REGIONAL_TARGET_HA, cuando se da. Las zonas se identifican por entidad, o por ZONE_ID (p. ej. UBIGEO), de modo que las zonas que comparten un nombre quedan en filas distintas.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="113" />
      <location filename="../processing/target2_report.py" line="100" />
      <source>National restoration goal (ha)</source>
      <translation>Meta nacional de restauración (ha)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="129" />
      <source>Natural vegetation classes of the land cover (e.g. 1,2,4 or 11-15,21)</source>
      <translation>Clases de vegetación natural de la cobertura (p. ej. 1,2,4 u 11-15,21)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="106" />
      <source>Nesting used (Trends.Earth JSON)</source>
      <translation>Anidamiento usado (JSON de Trends.Earth)</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="220" />
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>New</source>
      <translation>Nueva</translation>
    </message>
    <message>
      <location filename="../ui/initiative_form.py" line="173" />
      <source>New initiative (not saved yet)</source>
      <translation>Iniciativa nueva (aún sin guardar)</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="335" />
      <source>New registry</source>
      <translation>Registro nuevo</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="290" />
      <source>New registry created: {path}</source>
      <translation>Registro nuevo creado: {path}</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="124" />
      <source>New…</source>
      <translation>Nuevo…</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="70" />
      <source>No PostgreSQL connection is saved in QGIS: add one in the Browser (PostgreSQL &gt; New Connection), then come back.</source>
      <translation>No hay ninguna conexión PostgreSQL guardada en QGIS: añada una en el Navegador (PostgreSQL &gt; Nueva conexión) y vuelva.</translation>
    </message>
    <message>
      <location filename="../processing/_report_zones.py" line="55" />
      <source>No ZONES were given and no administrative layer with a department field is chosen for the registry: the report has no department pages. Give ZONES, or choose the administrative layer in the registry dock.</source>
      <translation>No se dieron ZONES y no hay una capa administrativa con un campo de departamento elegida para el registro: el reporte no tiene páginas por departamento. Dé ZONES o elija la capa administrativa en el panel del registro.</translation>
    </message>
    <message>
      <location filename="../processing/_report_zones.py" line="81" />
      <source>No ZONES were given: the department pages come from the registry's administrative layer {source}, dissolved by its field {field}.</source>
      <translation>No se dieron ZONES: las páginas por departamento vienen de la capa administrativa del registro {source}, disuelta por su campo {field}.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="261" />
      <source>No area has a pixel of the series inside it: check that AREAS and SERIES cover the same region and that their CRSs are declared correctly.</source>
      <translation>Ninguna área tiene un píxel de la serie dentro: compruebe que AREAS y SERIES cubren la misma región y que sus SRC están declarados correctamente.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/engine.py" line="158" />
      <source>No area starts inside the series ({first}-{last}): start years run from {low} to {high}. Check FIRST_YEAR (the year of band 1) and START_FIELD.</source>
      <translation>Ninguna área empieza dentro de la serie ({first}-{last}): los años de inicio van de {low} a {high}. Revise FIRST_YEAR (el año de la banda 1) y START_FIELD.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="325" />
      <location filename="../processing/base.py" line="346" />
      <location filename="../processing/ldn_status.py" line="281" />
      <source>No data</source>
      <translation>Sin datos</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="125" />
      <location filename="../processing/ldn_degradation.py" line="116" />
      <location filename="../processing/minam_degradation.py" line="177" />
      <source>No data area (ha)</source>
      <translation>Área sin datos (ha)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="121" />
      <source>No data: {px} pixels</source>
      <translation>Sin datos: {px} píxeles</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="188" />
      <source>No data: {px} pixels, of which {none} without any valid year, {few} with too few valid years, {unit} outside every ecological unit and {ref} in units without a reference.</source>
      <translation>Sin datos: {px} píxeles, de ellos {none} sin ningún año válido, {few} con muy pocos años válidos, {unit} fuera de toda unidad ecológica y {ref} en unidades sin referencia.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="30" />
      <source>No degradation</source>
      <translation>Sin degradación</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="466" />
      <source>No department, province, district or UBIGEO field found in the administrative layer; give them with DEPARTMENT_FIELD, PROVINCE_FIELD, DISTRICT_FIELD and UBIGEO_FIELD.</source>
      <translation>No se encontró ningún campo de departamento, provincia, distrito o UBIGEO en la capa administrativa; indíquelos con DEPARTMENT_FIELD, PROVINCE_FIELD, DISTRICT_FIELD y UBIGEO_FIELD.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="17" />
      <source>No detectable change</source>
      <translation>Sin cambio detectable</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="30" />
      <source>No double counting</source>
      <translation>Sin doble conteo</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="345" />
      <source>No field mapping given; fields matched by name: {mapping}</source>
      <translation>No se indicó la correspondencia de campos; campos asociados por nombre: {mapping}</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="185" />
      <source>No forest loss found: check the threshold, the forest classes and the years.</source>
      <translation>No se encontró pérdida de bosque: revise el umbral, las clases de bosque y los años.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="187" />
      <source>No initiative matches the filter; the file holds no initiative.</source>
      <translation>Ninguna iniciativa cumple el filtro; el archivo no contiene iniciativas.</translation>
    </message>
    <message>
      <location filename="../registry/checkout.py" line="46" />
      <source>No initiative of {what} is in the registry {path}; nothing was checked out. Check the spelling of the department or institution.</source>
      <translation>No hay ninguna iniciativa de {what} en el registro {path}; no se extrajo nada. Revise cómo escribió el departamento o la institución.</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="356" />
      <source>No observation falls in the season window (days {start} to {end} of the year). Widen the window or check the dates.</source>
      <translation>Ninguna observación cae en la ventana estacional (días {start} a {end} del año). Amplíe la ventana o revise las fechas.</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="556" />
      <source>No observation falls in the years {first} to {last}. Check FIRST_YEAR and LAST_YEAR against the dates of the files.</source>
      <translation>Ninguna observación cae en los años {first} a {last}. Compare FIRST_YEAR y LAST_YEAR con las fechas de los archivos.</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="568" />
      <source>No observation holds a valid pixel once nodata, fill values and the quality mask are applied. Check the fill value, the quality layers and the strictness.</source>
      <translation>Ninguna observación tiene un píxel válido después de aplicar los valores sin datos, los valores de relleno y la máscara de calidad. Revise el valor de relleno, las capas de calidad y la exigencia.</translation>
    </message>
    <message>
      <location filename="../ui/undo.py" line="19" />
      <source>No registry is open: undo and redo work on the open registry only. Open it again to keep editing.</source>
      <translation>No hay ningún registro abierto: deshacer y rehacer solo actúan sobre el registro abierto. Ábralo de nuevo para seguir editando.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="119" />
      <location filename="../ui/registry_dock.py" line="309" />
      <source>No registry open</source>
      <translation>Ningún registro abierto</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="139" />
      <source>No rule gives a level to cover loss {loss}, productivity {productivity}, fragmentation {fragmentation}. Add a rule (use * for any state).</source>
      <translation>Ninguna regla da un nivel a pérdida de cobertura {loss}, productividad {productivity}, fragmentación {fragmentation}. Agregue una regla (use * para cualquier estado).</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="66" />
      <source>No valid geometry could be made from area "{site}". Draw or import it again.</source>
      <translation>No se pudo obtener una geometría válida del área "{site}". Dibújela o impórtela de nuevo.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="260" />
      <source>No weights were given: every criterion weighs the same.</source>
      <translation>No se dieron pesos: todos los criterios pesan lo mismo.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="108" />
      <source>No zone of {name} overlaps {what}: the zones span {extent} in {zcrs}, {what} spans {target} in {tcrs}. {hint}</source>
      <translation>Ninguna zona de {name} se superpone con {what}: las zonas abarcan {extent} en {zcrs}; {what} abarca {target} en {tcrs}. {hint}</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="48" />
      <source>No zones were given: the report has no department pages.</source>
      <translation>No se indicaron zonas: el reporte no tiene páginas por departamento.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="27" />
      <location filename="../processing/forest_fragmentation.py" line="19" />
      <source>Non-forest</source>
      <translation>No bosque</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="142" />
      <source>None</source>
      <translation>Ninguno</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="239" />
      <source>None of the areas under restoration lies on degraded land: the share is 0 %. Check that the layers cover the same region and that their coordinate reference systems are declared correctly.</source>
      <translation>Ninguna de las áreas en restauración está en tierras degradadas: la proporción es 0 %. Compruebe que las capas cubren la misma región y que sus sistemas de referencia de coordenadas están bien declarados.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="72" />
      <source>None of the input layers has a coordinate reference system, so areas cannot be computed. Assign their CRS (Layer properties &gt; Source) and run again.</source>
      <translation>Ninguna de las capas de entrada tiene sistema de referencia de coordenadas, por lo que no se pueden calcular áreas. Asigne su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="30" />
      <source>Not degraded</source>
      <translation>No degradada</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="168" />
      <location filename="../ui/tasks.py" line="27" />
      <source>Not enough memory. Close other programs or process a smaller region.</source>
      <translation>Memoria insuficiente. Cierre otros programas o procese una región más pequeña.</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="32" />
      <source>Not validated</source>
      <translation>Sin validar</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="139" />
      <source>Not validated yet in this session.</source>
      <translation>Aún no se ha validado en esta sesión.</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="53" />
      <source>Nothing to export to {path}: validation refuses all {refused} areas of the {initiatives} initiatives chosen ({errors} errors). No file was written. Open the validation panel (or the import's log) to see why each area is refused, fix them and export again.</source>
      <translation>Nada que exportar a {path}: la validación rechaza las {refused} áreas de las {initiatives} iniciativas elegidas ({errors} errores). No se escribió ningún archivo. Abra el panel de validación (o el registro de la importación) para ver por qué se rechaza cada área, corríjalas y vuelva a exportar.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="174" />
      <source>Number of classes (quantiles, equal interval)</source>
      <translation>Número de clases (cuantiles, intervalos iguales)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="182" />
      <source>Number of runs</source>
      <translation>Número de corridas</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="130" />
      <source>Number of years</source>
      <translation>Número de años</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="199" />
      <source>ON_CONFLICT says what happens to an initiative the registry already holds with other content (including one an earlier file of the same run brought): keep-registry (default) keeps the registry's version, take-file replaces it with the file's. An initiative with an area another initiative of the registry holds is not merged (skipped). The outputs count the initiatives added, unchanged, replaced, in conflict and skipped; CONFLICTS_TABLE lists each conflict: uuid, title, file, fields that differ, action taken (kept-registry, took-file or skipped), and for a skipped initiative the areas and the initiatives holding them.</source>
      <translation>ON_CONFLICT indica qué sucede con una iniciativa que el registro ya tiene con otro contenido (incluida una que trajo un archivo anterior de la misma ejecución): keep-registry (predeterminado) conserva la versión del registro, take-file la reemplaza por la del archivo. Una iniciativa con un área que tiene otra iniciativa del registro no se fusiona (se omite). Las salidas cuentan las iniciativas añadidas, sin cambios, reemplazadas, en conflicto y omitidas; CONFLICTS_TABLE lista cada conflicto: uuid, título, archivo, campos que difieren, acción tomada (kept-registry, took-file o skipped) y, para una iniciativa omitida, las áreas y las iniciativas que las tienen.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="63" />
      <source>OUTCOMES (the table of restoration_outcomes) adds, beside all registered areas, the restoration of only the areas found recovering to the Summary sheet and the outputs, as target2_indicator counts it with the same OUTCOMES and OUTCOME_ID_FIELD.</source>
      <translation>OUTCOMES (la tabla de restoration_outcomes) añade a la hoja Resumen y a las salidas, junto a todas las áreas registradas, la restauración de solo las áreas que se encontraron en recuperación, tal como la cuenta target2_indicator con los mismos OUTCOMES y OUTCOME_ID_FIELD.</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="58" />
      <source>OUTCOMES needs the fields area_id and outcome: choose the table or the layer written by restoration_outcomes.</source>
      <translation>OUTCOMES necesita los campos area_id y outcome: elija la tabla o la capa escrita por restoration_outcomes.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="160" />
      <source>OUTPUT {path} is a GeoPackage name, but FORMAT asks for the FERM upload package, a zip. Name the output .zip, or choose the GeoPackage format.</source>
      <translation>OUTPUT {path} es un nombre de GeoPackage, pero FORMAT pide el paquete de carga a FERM, un zip. Nombre la salida .zip o elija el formato GeoPackage.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="164" />
      <source>OUTPUT {path} is a zip name, but FORMAT asks for the FERM-compatible GeoPackage. Name the output .gpkg, or choose the FERM upload package format.</source>
      <translation>OUTPUT {path} es un nombre de zip, pero FORMAT pide el GeoPackage compatible con FERM. Nombre la salida .gpkg o elija el formato de paquete de carga a FERM.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="126" />
      <source>OUTPUT_FOLDER {folder} already holds files that are not a workshop region written by T2 Restore; they are left alone. Choose a new or empty folder.</source>
      <translation>OUTPUT_FOLDER {folder} ya contiene archivos que no son una región del taller escrita por T2 Restore; no se tocan. Elija una carpeta nueva o vacía.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="122" />
      <source>OUTPUT_FOLDER {folder} is a file, not a folder. Choose a new or empty folder.</source>
      <translation>OUTPUT_FOLDER {folder} es un archivo, no una carpeta. Elija una carpeta nueva o vacía.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="52" />
      <source>OUTPUT_PF and OUTPUT_PFF (optional, decimal rasters) hold Pf for every valid cell and Pff where a pair holds forest (nodata -9999). The result does not depend on how the raster is split into blocks. The log reports hectares per class on the WGS 84 ellipsoid.</source>
      <translation>OUTPUT_PF y OUTPUT_PFF (opcionales, rásteres decimales) contienen Pf en cada celda válida y Pff donde algún par contiene bosque (sin datos -9999). El resultado no depende de cómo se divide el ráster en bloques. El registro informa las hectáreas por clase sobre el elipsoide WGS 84.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="401" />
      <source>OUTPUT_STABILITY is written only when UNCERTAINTY is checked; it was not written.</source>
      <translation>OUTPUT_STABILITY solo se escribe cuando UNCERTAINTY está marcado; no se escribió.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="74" />
      <source>OUTPUT_TABLE is the confusion table in hectares (WGS 84 ellipsoid) for the whole area and per zone when ZONES are given, with the overall agreement (share of the area where both say the same) and Cohen's kappa weighted by area: kappa = (po - pe) / (1 - pe), where pe is the agreement expected by chance from each definition's degraded share. Kappa is empty when it is undefined (both definitions call everything degraded, or nothing).</source>
      <translation>OUTPUT_TABLE es la tabla de confusión en hectáreas (elipsoide WGS 84) para toda el área y por zona cuando se indican ZONES, con la concordancia global (fracción del área donde ambas dicen lo mismo) y el kappa de Cohen ponderado por área: kappa = (po - pe) / (1 - pe), donde pe es la concordancia esperada por azar a partir de la fracción degradada de cada definición. Kappa queda vacío cuando no está definido (ambas definiciones consideran todo degradado, o nada).</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="41" />
      <location filename="../processing/registry_checkout.py" line="57" />
      <source>Offline copy (GeoPackage registry)</source>
      <translation>Copia sin conexión (registro GeoPackage)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="108" />
      <source>Offset</source>
      <translation>Desplazamiento</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Old shapefiles without a .cpg file (ArcGIS, GPS) are usually ISO-8859-1 or windows-1252: choose it when accented letters show as boxes or question marks.</source>
      <translation>Los shapefiles antiguos sin archivo .cpg (ArcGIS, GPS) suelen estar en ISO-8859-1 o windows-1252: elíjala cuando las letras con tilde se vean como cuadros o signos de interrogación.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="141" />
      <source>One feature per polygon (refuse an area of more than 50)</source>
      <translation>Una entidad por polígono (rechazar un área de más de 50)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="52" />
      <source>One out, all out: degraded where any sub-indicator is degraded, else improved where any is improved, else stable. Any of the three may be left out (at least one is needed); nodata in any used input gives nodata, whose area the table reports as its own row.</source>
      <translation>Uno fuera, todos fuera: degradada donde algún subindicador está degradado; si no, mejorada donde alguno mejora; si no, estable. Cualquiera de los tres puede omitirse (se necesita al menos uno); la falta de datos en cualquier entrada usada da sin datos, cuya área la tabla informa en una fila propia.</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="81" />
      <source>Only areas recovering ({n}): {ha:,.2f} ha inside degraded land, {share:.2f} % of it.</source>
      <translation>Solo áreas en recuperación ({n}): {ha:,.2f} ha dentro de tierras degradadas, el {share:.2f} % de ellas.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="99" />
      <source>Only files of the folder whose name contains (e.g. NDVI)</source>
      <translation>Solo los archivos de la carpeta cuyo nombre contiene (p. ej. NDVI)</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="40" />
      <location filename="../processing/gap_overlap.py" line="41" />
      <source>Only {name}</source>
      <translation>Solo {name}</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="55" />
      <source>Open</source>
      <translation>Abrir</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="129" />
      <source>Open a registry (GeoPackage)</source>
      <translation>Abrir un registro (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="165" />
      <source>Open in the form</source>
      <translation>Abrir en el formulario</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="344" />
      <source>Open registry</source>
      <translation>Abrir registro</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="128" />
      <source>Open…</source>
      <translation>Abrir…</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Organization</source>
      <translation>Organización</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Organizations (at least one leading)</source>
      <translation>Organizaciones (al menos una líder)</translation>
    </message>
    <message>
      <location filename="../ui/initiative_form.py" line="88" />
      <source>Organizations and contacts</source>
      <translation>Organizaciones y contactos</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Original CRS</source>
      <translation>SRC original</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="42" />
      <source>Original CRS of the area (when the source records it)</source>
      <translation>SRC original del área (cuando la fuente lo registra)</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="29" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Other activities</source>
      <translation>Otras actividades</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="36" />
      <location filename="../processing/workshop_region.py" line="52" />
      <source>Other land</source>
      <translation>Otras tierras</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Other objectives</source>
      <translation>Otros objetivos</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="26" />
      <source>Other: SCALE and OFFSET given</source>
      <translation>Otro: SCALE y OFFSET indicados</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="144" />
      <source>Outcome rules (JSON preset; empty: presets/outcomes_default.json)</source>
      <translation>Reglas de resultado (preajuste JSON; vacío: presets/outcomes_default.json)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="84" />
      <source>Outputs: OUTPUT (levels 0..4, nodata 255, styled), OUTPUT_INDICATORS (three bands with the states of cover loss, productivity and fragmentation) and OUTPUT_TABLE (hectares per ecosystem and level). Ecosystems, MINAM's reporting unit, are given as polygons (ZONES, e.g. the national ecosystem map) or as an integer raster (ECOSYSTEMS: positive codes; 0 and nodata are outside every ecosystem). Inputs must share one grid unless 'Align inputs' is checked (nearest neighbour onto the first input's grid). Areas are hectares on the WGS 84 ellipsoid.</source>
      <translation>Salidas: OUTPUT (niveles 0..4, sin datos 255, con estilo), OUTPUT_INDICATORS (tres bandas con los estados de pérdida de cobertura, productividad y fragmentación) y OUTPUT_TABLE (hectáreas por ecosistema y nivel). Los ecosistemas, unidad de reporte del MINAM, se indican como polígonos (ZONES, p. ej. el mapa nacional de ecosistemas) o como un ráster de enteros (ECOSYSTEMS: códigos positivos; 0 y sin datos quedan fuera de todo ecosistema). Las entradas deben compartir una grilla salvo que se marque 'Alinear entradas' (vecino más cercano sobre la grilla de la primera entrada). Las áreas son hectáreas sobre el elipsoide WGS 84.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="103" />
      <source>Outputs: OUTPUT_SCORE (float32, 0..1), OUTPUT_CLASSES (1..n, 0 excluded by a constraint, styled), OUTPUT_TABLE (hectares per zone and class on the WGS 84 ellipsoid, with excluded and no data rows), OUTPUT_STABILITY (0..1). All criteria, the mask and constraint rasters must share one grid; otherwise the run names the difference, unless ALIGN warps them onto the first criterion's grid (bilinear for continuous criteria, nearest for categories and masks).</source>
      <translation>Salidas: OUTPUT_SCORE (float32, 0..1), OUTPUT_CLASSES (1..n, 0 excluido por una restricción, con estilo), OUTPUT_TABLE (hectáreas por zona y clase sobre el elipsoide WGS 84, con filas de excluidos y sin datos), OUTPUT_STABILITY (0..1). Todos los criterios y los rásteres de máscara y restricciones deben compartir una grilla; si no, la ejecución indica la diferencia, salvo que ALIGN los remuestree sobre la grilla del primer criterio (bilineal para criterios continuos, vecino más cercano para categorías y máscaras).</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="90" />
      <source>Outputs: OUTPUT_TABLE, one row per area (area_id, start year, pixels, controls, years, effect, ci_low, ci_high, p_value, trend difference, forest change in ha, outcome code and label, reason, and the series inside and in the controls), and OUTPUT_LAYER, the areas styled by outcome. WRITE_REGISTRY (AREAS a registry): each measure is written as a monitoring value of the area (indicator codes T2R-OUT-*, documented in the methods), dated 31 December of the last year of the series, replacing the values of an earlier run of the same configuration and never values a person entered; all areas in one transaction. A series with fewer years than the method needs, or in which no area starts, stops the run.</source>
      <translation>Salidas: OUTPUT_TABLE, una fila por área (area_id, año de inicio, píxeles, controles, años, efecto, ci_low, ci_high, p_value, diferencia de tendencia, cambio de bosque en ha, código y etiqueta del resultado, motivo, y la serie dentro y en los controles), y OUTPUT_LAYER, las áreas con estilo según el resultado. WRITE_REGISTRY (AREAS es un registro): cada medida se escribe como un valor de monitoreo del área (códigos de indicador T2R-OUT-*, documentados en los métodos), con fecha 31 de diciembre del último año de la serie, reemplazando los valores de una ejecución anterior con la misma configuración y nunca valores que ingresó una persona; todas las áreas en una sola transacción. Una serie con menos años de los que necesita el método, o en la que no empieza ninguna área, detiene la ejecución.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="73" />
      <source>Outputs: the partition (styled, with the gaps' names); a table of hectares per zone (optional ZONES, e.g. departments) and class, also inside and outside the optional PROTECTED_AREAS (e.g. SERNANP's); and, when INITIATIVES are given, each initiative with its hectares in A, in B, in both, in neither and in protected areas, and two double-counting flags: it overlaps another initiative (by at least 1 m2), or it counts toward both gaps.</source>
      <translation>Salidas: la partición (con estilo y con los nombres de las brechas); una tabla de hectáreas por zona (ZONES opcional, p. ej., departamentos) y clase, también dentro y fuera de las PROTECTED_AREAS opcionales (p. ej., las del SERNANP); y, cuando se dan INITIATIVES, cada iniciativa con sus hectáreas en A, en B, en ambas, en ninguna y en áreas protegidas, y dos indicadores de doble conteo: se superpone con otra iniciativa (en al menos 1 m2) o cuenta para ambas brechas.</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="97" />
      <source>Outside degraded land</source>
      <translation>Fuera de tierras degradadas</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="126" />
      <source>Overall agreement (0-1)</source>
      <translation>Concordancia global (0-1)</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="178" />
      <source>Overall agreement {overall:.4f}, Cohen's kappa {kappa}.</source>
      <translation>Concordancia global {overall:.4f}, kappa de Cohen {kappa}.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="47" />
      <source>Overlap of the two national restoration gaps</source>
      <translation>Superposición de las dos brechas nacionales de restauración</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="213" />
      <source>Overlapping areas count once; summed area by area they hold {sum} ha.</source>
      <translation>Las áreas superpuestas se cuentan una sola vez; sumadas área por área suman {sum} ha.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="30" />
      <source>Overlaps another initiative</source>
      <translation>Se superpone con otra iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="30" />
      <source>Overuse</source>
      <translation>Sobreuso</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="31" />
      <source>Overuse and forest loss</source>
      <translation>Sobreuso y pérdida de bosque</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="52" />
      <source>POLYGONS instead of INPUT: a land cover published as polygons, such as MINAM's cover map, with CLASS_FIELD naming each polygon's class (CobVeg2013 for MINAM's map) by its name in the legend (capitals, accents and spacing aside) or by its code. The polygons are rasterized onto REFERENCE, which is then required: a pixel takes the class of the polygon that holds its centre. Names the legend does not have stop the run, which lists them with their number of polygons (or, with UNKNOWN_CODES set to no data, those polygons are left out).</source>
      <translation>POLYGONS en lugar de INPUT: una cobertura publicada como polígonos, como el mapa de cobertura vegetal del MINAM, con CLASS_FIELD que da la clase de cada polígono (CobVeg2013 en el mapa del MINAM) por su nombre en la leyenda (sin importar mayúsculas, tildes ni espacios) o por su código. Los polígonos se rasterizan sobre REFERENCE, que entonces es obligatoria: cada píxel toma la clase del polígono que contiene su centro. Los nombres que la leyenda no tiene detienen la ejecución, que los lista con su número de polígonos (o, con UNKNOWN_CODES en sin datos, esos polígonos se dejan fuera).</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="140" />
      <source>POLYGONS needs REFERENCE, the grid to rasterize the polygons onto (e.g. the other land cover or the productivity raster they will be compared with).</source>
      <translation>POLYGONS necesita REFERENCE, la grilla sobre la que rasterizar los polígonos (p. ej. la otra cobertura o el ráster de productividad con que se compararán).</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="94" />
      <source>PRESET: a JSON file holding criteria, rescaling, weights, constraints, mask, classes and uncertainty (format in presets/README_priority.md); SHIPPED_PRESET offers the presets that come with the plugin. 'ROAM SERFOR (provisional)' reads four bands of the OUTPUT_CRITERIA raster of 'Degraded forest lands, SERFOR criteria' (land-use conflict, slope in degrees, distance to conservation areas, deforestation density), found by name, as raster 1 of CRITERIA; SERFOR's weights and breaks are not public, so its values are editable placeholders. Parameters you set override the preset: RESCALING rows replace its criteria, WEIGHTS or WEIGHTS_TABLE its weights, constraints are added to its own, and class and uncertainty settings changed from their defaults replace its own. OUTPUT_PRESET saves the settings of this run as a preset.</source>
      <translation>PRESET: un archivo JSON con criterios, reescalado, pesos, restricciones, máscara, clases e incertidumbre (formato en presets/README_priority.md); SHIPPED_PRESET ofrece los preajustes que vienen con el complemento. 'ROAM SERFOR (provisional)' lee cuatro bandas del ráster OUTPUT_CRITERIA de 'Tierras forestales degradadas, criterios del SERFOR' (conflicto de uso, pendiente en grados, distancia a áreas de conservación, densidad de deforestación), buscadas por nombre, como ráster 1 de CRITERIA; los pesos y cortes del SERFOR no son públicos, así que sus valores son marcadores editables. Los parámetros que usted fije prevalecen sobre el preajuste: las filas de RESCALING reemplazan sus criterios, WEIGHTS o WEIGHTS_TABLE sus pesos, las restricciones se suman a las suyas, y los ajustes de clases e incertidumbre cambiados respecto de su valor por defecto reemplazan los suyos. OUTPUT_PRESET guarda los ajustes de esta ejecución como preajuste.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="42" />
      <source>PRESET: the legend of the product, by id: mapbiomas_peru (MapBiomas Perú), esa_cci (ESA CCI Land Cover, the UNCCD default nesting), esa_worldcover (ESA WorldCover), modis_igbp (MODIS MCD12Q1 / MCD12C1 LC_Type1) or minam_cobertura (MINAM's Mapa Nacional de Cobertura Vegetal 2015: its 75 units, named as in the field CobVeg2013). Each preset is a file of presets/land_cover citing the legend it follows; copy and edit it to change a class. NESTING_FILE instead: a Trends.Earth custom legend-nesting JSON file (Land cover &gt; Edit definition &gt; Save), used unchanged. OUTPUT_NESTING writes the nesting used in the same format, to open in Trends.Earth or edit.</source>
      <translation>PRESET: la leyenda del producto, por su id: mapbiomas_peru (MapBiomas Perú), esa_cci (ESA CCI Land Cover, el anidamiento por defecto de la CNULD), esa_worldcover (ESA WorldCover), modis_igbp (MODIS MCD12Q1 / MCD12C1 LC_Type1) o minam_cobertura (Mapa Nacional de Cobertura Vegetal 2015 del MINAM: sus 75 unidades, con el nombre del campo CobVeg2013). Cada preajuste es un archivo de presets/land_cover que cita la leyenda que sigue; cópielo y edítelo para cambiar una clase. NESTING_FILE en su lugar: un archivo JSON de anidamiento de leyenda personalizado de Trends.Earth (Land cover &gt; Edit definition &gt; Save), usado sin cambios. OUTPUT_NESTING escribe el anidamiento usado en el mismo formato, para abrirlo en Trends.Earth o editarlo.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="117" />
      <source>Pages of the printable report</source>
      <translation>Páginas del reporte imprimible</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="66" />
      <source>Pairwise comparisons, row by row (full matrix or upper triangle)</source>
      <translation>Comparaciones por pares, fila por fila (matriz completa o triángulo superior)</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="69" />
      <source>Pairwise matrix as CSV (names in the header row and first column)</source>
      <translation>Matriz de comparación por pares como CSV (nombres en la fila de encabezado y en la primera columna)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="233" />
      <source>Parameter</source>
      <translation>Parámetro</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="20" />
      <source>Patch</source>
      <translation>Parche</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="23" />
      <source>Perforated</source>
      <translation>Perforado</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="58" />
      <source>Performance: the pixel's mean NDVI over the series divided by the 90th percentile of that mean among the pixels of its ecological unit (nearest rank on 0.0001 NDVI bins). A ratio of 0.5 or less is low performance. Units: ECOLOGICAL_UNITS (integer raster) and/or LAND_COVER (one unit per class); with both, one unit per land cover class within each unit; with neither, the whole area is one unit. This needs two passes over the data (the percentiles first). A unit whose percentile is not above 0 (water, rock) has no reference and its pixels are nodata.</source>
      <translation>Desempeño: el NDVI medio del píxel en la serie dividido por el percentil 90 de esa media entre los píxeles de su unidad ecológica (rango más cercano sobre intervalos de 0,0001 de NDVI). Una razón de 0,5 o menos es desempeño bajo. Unidades: ECOLOGICAL_UNITS (ráster de enteros) y/o LAND_COVER (una unidad por clase); con ambos, una unidad por clase de cobertura dentro de cada unidad; sin ninguno, toda el área es una unidad. Esto requiere dos pasadas sobre los datos (primero los percentiles). Una unidad cuyo percentil no supera 0 (agua, roca) no tiene referencia y sus píxeles quedan sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="103" />
      <location filename="../ui/report_action.py" line="81" />
      <source>Period</source>
      <translation>Periodo</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="47" />
      <source>Periods: the comparison period is the last COMPARISON_YEARS years (default 3); the baseline is the first BASELINE_YEARS years (default 0: every year before the comparison period). Trajectory and performance use the whole series.</source>
      <translation>Periodos: el periodo de comparación son los últimos COMPARISON_YEARS años (por defecto 3); la línea base son los primeros BASELINE_YEARS años (por defecto 0: todos los años anteriores al periodo de comparación). La trayectoria y el desempeño usan la serie completa.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="215" />
      <source>Permission denied for {path}: this account cannot write or read there. Choose a folder you can write to (for example in your Documents) or ask for access to it.</source>
      <translation>Permiso denegado para {path}: esta cuenta no puede escribir ni leer allí. Elija una carpeta en la que pueda escribir (por ejemplo en sus Documentos) o solicite acceso a ella.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="21" />
      <source>Persistent degradation</source>
      <translation>Degradación persistente</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="22" />
      <source>Persistent improvement</source>
      <translation>Mejora persistente</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Peru additions</source>
      <translation>Datos del Perú</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="88" />
      <source>Pf (share of forest in the window)</source>
      <translation>Pf (proporción de bosque en la ventana)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="90" />
      <source>Pff (share of forest pairs among pairs with forest)</source>
      <translation>Pff (proporción de pares de bosque entre los pares con bosque)</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="25" />
      <source>Pixel centre inside a polygon</source>
      <translation>Centro del píxel dentro de un polígono</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="113" />
      <source>Pixel size when both inputs are polygons (units of A's CRS)</source>
      <translation>Tamaño de píxel cuando ambas entradas son polígonos (unidades del SRC de A)</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="52" />
      <source>Pixel values of {key} that are in the gap, when it is a raster (e.g. 1,2,3: the degraded classes of an ldn_status status; empty: every non-zero pixel)</source>
      <translation>Valores de píxel de {key} que forman la brecha, cuando es un ráster (p. ej. 1,2,3: las clases degradadas de un estado de ldn_status; vacío: todo píxel distinto de cero)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="128" />
      <source>Pixels with too few valid years</source>
      <translation>Píxeles con muy pocos años válidos</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Points of contact</source>
      <translation>Personas de contacto</translation>
    </message>
    <message>
      <location filename="../ui/admin_units.py" line="64" />
      <source>Polygon files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz)</source>
      <translation>Archivos de polígonos (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz)</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="59" />
      <source>Polygon files (*.shp *.zip *.kml *.kmz *.geojson *.json *.gpkg *.csv);;All files (*)</source>
      <translation>Archivos de polígonos (*.shp *.zip *.kml *.kmz *.geojson *.json *.gpkg *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="32" />
      <source>Polygons given as masks or constraints: pixels taken</source>
      <translation>Polígonos dados como máscaras o restricciones: píxeles tomados</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="26" />
      <source>PostGIS registries need the Python module psycopg2, which this QGIS installation lacks (on Debian/Ubuntu install the package python3-psycopg2). GeoPackage registries work without it.</source>
      <translation>Los registros PostGIS necesitan el módulo de Python psycopg2, que falta en esta instalación de QGIS (en Debian/Ubuntu instale el paquete python3-psycopg2). Los registros GeoPackage funcionan sin él.</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="46" />
      <source>PostgreSQL connection (saved connection name, connection string or service=)</source>
      <translation>Conexión PostgreSQL (nombre de conexión guardada, cadena de conexión o service=)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="36" />
      <source>Prepare an annual vegetation index series (NDVI, EVI)</source>
      <translation>Preparar una serie anual de índice de vegetación (NDVI, EVI)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="35" />
      <source>Prepare land cover (national legends to the 7 UNCCD classes)</source>
      <translation>Preparar cobertura (leyendas nacionales a las 7 clases de la CNULD)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="196" />
      <source>Preset (*.json)</source>
      <translation>Preajuste (*.json)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="144" />
      <source>Preset file (JSON)</source>
      <translation>Archivo de preajuste (JSON)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="141" />
      <source>Preset shipped with the plugin</source>
      <translation>Preajuste incluido en el complemento</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="350" />
      <source>Preset: {name} ({file}).</source>
      <translation>Preajuste: {name} ({file}).</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="108" />
      <source>Printable report</source>
      <translation>Reporte imprimible</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="252" />
      <source>Printable report: {path} ({pages} pages); layout: {layout}</source>
      <translation>Reporte imprimible: {path} ({pages} páginas); diseño: {layout}</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="194" />
      <source>Priority area table (hectares per zone and class)</source>
      <translation>Tabla de áreas de prioridad (hectáreas por zona y clase)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="375" />
      <location filename="../processing/priority_score.py" line="190" />
      <source>Priority classes</source>
      <translation>Clases de prioridad</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="376" />
      <location filename="../processing/priority_score.py" line="189" />
      <source>Priority score</source>
      <translation>Puntaje de prioridad</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="378" />
      <location filename="../processing/priority_score.py" line="406" />
      <source>Priority stability</source>
      <translation>Estabilidad de la prioridad</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="120" />
      <source>ProREST's national target is 330,000 ha.</source>
      <translation>La meta nacional del ProREST es de 330 000 ha.</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="198" />
      <source>Problem</source>
      <translation>Problema</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="107" />
      <source>Product (scale and fill)</source>
      <translation>Producto (escala y relleno)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="158" />
      <source>Productivity</source>
      <translation>Productividad</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="123" />
      <source>Productivity metrics (slope, significance, state change, performance ratio)</source>
      <translation>Métricas de productividad (pendiente, significancia, cambio de estado, razón de desempeño)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="48" />
      <source>Productivity: a 5-class land productivity dynamics raster (1 declining, 2 moderate decline, 3 stressed, 4 stable, 5 increasing); 1-2 are degraded, 3-4 stable, 5 improved; 0 and 15 are nodata.</source>
      <translation>Productividad: un ráster de dinámica de la productividad de 5 clases (1 en declive, 2 declive moderado, 3 estresada, 4 estable, 5 en aumento); 1-2 son degradadas, 3-4 estables, 5 mejoradas; 0 y 15 son sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="60" />
      <source>Productivity: a land productivity dynamics raster (LPD, 1 declining .. 5 increasing; 0 and 15 are nodata), mapped by default to 3 declining (LPD 1), 2 moderate decline (2), 1 stressed (3) and 0 no decline (4, 5).</source>
      <translation>Productividad: un ráster de dinámica de la productividad de la tierra (LPD, 1 en declive .. 5 en aumento; 0 y 15 son sin datos), que por defecto se convierte en 3 en declive (LPD 1), 2 declive moderado (2), 1 estresada (3) y 0 sin declive (4, 5).</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="195" />
      <source>Progress</source>
      <translation>Avance</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="84" />
      <location filename="../processing/target2_report.py" line="197" />
      <source>Progress toward the targets</source>
      <translation>Avance hacia las metas</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="40" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Protected area</source>
      <translation>Área protegida</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="145" />
      <location filename="../processing/gap_overlap.py" line="199" />
      <location filename="../processing/workshop_region.py" line="45" />
      <source>Protected areas</source>
      <translation>Áreas protegidas</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="114" />
      <source>Protected areas (e.g. SERNANP)</source>
      <translation>Áreas protegidas (p. ej., SERNANP)</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="34" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Province</source>
      <translation>Provincia</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="267" />
      <location filename="../ui/admin_units.py" line="70" />
      <source>Province field</source>
      <translation>Campo de la provincia</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="44" />
      <source>Provinces</source>
      <translation>Provincias</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="103" />
      <source>Quality files of the folder: names containing (e.g. VI_Quality)</source>
      <translation>Archivos de calidad de la carpeta: nombres que contienen (p. ej. VI_Quality)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="112" />
      <source>Quality layer type</source>
      <translation>Tipo de capa de calidad</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="101" />
      <source>Quality rasters (paired by date)</source>
      <translation>Ráster de calidad (emparejados por fecha)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="114" />
      <source>Quality strictness</source>
      <translation>Exigencia de calidad</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="53" />
      <source>Quality: QUALITY (rasters) or, in FOLDER, the files whose name contains QUALITY_FILTER (e.g. VI_Quality or pixel_reliability), paired with the index by date. VI Quality bits (MOD13 user guide): bits 0-1 MODLAND QA, 2-5 VI usefulness, 10 mixed clouds, 14 possible snow/ice, 15 possible shadow. STRICTNESS 'good': MODLAND 00 (reliability 0); 'usable' (default): MODLAND 00 or 01 with usefulness 1100 or better and none of clouds, snow, shadow (reliability 0 or 1); 'any produced': MODLAND 00 or 01 (reliability 0 or 1).</source>
      <translation>Calidad: QUALITY (ráster) o, en FOLDER, los archivos cuyo nombre contiene QUALITY_FILTER (p. ej. VI_Quality o pixel_reliability), emparejados con el índice por fecha. Bits de VI Quality (guía de usuario MOD13): bits 0-1 MODLAND QA, 2-5 utilidad del VI, 10 nubes mezcladas, 14 posible nieve/hielo, 15 posible sombra. STRICTNESS 'buena': MODLAND 00 (confiabilidad 0); 'utilizable' (por defecto): MODLAND 00 o 01 con utilidad 1100 o mejor y sin nubes, nieve ni sombra (confiabilidad 0 o 1); 'todo valor producido': MODLAND 00 o 01 (confiabilidad 0 o 1).</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="421" />
      <source>Quantile breaks of {name}: {breaks}.</source>
      <translation>Cortes de cuantiles de {name}: {breaks}.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="48" />
      <source>Quantiles (equal area)</source>
      <translation>Cuantiles (igual área)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="58" />
      <source>REFERENCE (optional): the output takes its grid (CRS, pixel size, extent). The classes, never the product's codes, are resampled: the mode of the classes under each reference cell when its cells are larger (coarsening), nearest neighbour otherwise; the log states which, with the coordinate operation used. Without REFERENCE the output keeps the input's grid. ZONES (optional): pixels whose centre is outside every polygon become no data.</source>
      <translation>REFERENCE (opcional): la salida toma su grilla (SRC, tamaño de píxel, extensión). Se remuestrean las clases, nunca los códigos del producto: la moda de las clases bajo cada celda de referencia cuando sus celdas son mayores (agregación), el vecino más cercano en otro caso; el registro indica cuál, con la operación de coordenadas usada. Sin REFERENCE la salida conserva la grilla de la entrada. ZONES (opcional): los píxeles cuyo centro queda fuera de todo polígono pasan a sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="39" />
      <source>REGISTRY is a saved PostgreSQL connection of QGIS, a libpq connection string or service=name. With neither DEPARTMENT nor INSTITUTION every initiative is copied. The copy is written under a temporary name and renamed when complete; an existing file is not replaced.</source>
      <translation>REGISTRY es una conexión PostgreSQL guardada en QGIS, una cadena de conexión libpq o service=nombre. Sin DEPARTMENT ni INSTITUTION se copian todas las iniciativas. La copia se escribe con un nombre temporal y se renombra al terminar; un archivo existente no se reemplaza.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="221" />
      <source>RESCALING replaces the criteria and weights of the preset.</source>
      <translation>RESCALING reemplaza los criterios y los pesos del preajuste.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="46" />
      <source>ROAM SERFOR (provisional)</source>
      <translation>ROAM SERFOR (provisional)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="185" />
      <source>Random seed</source>
      <translation>Semilla aleatoria</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="139" />
      <source>Raster code</source>
      <translation>Código del ráster</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="149" />
      <source>Raster number</source>
      <translation>Número de ráster</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="110" />
      <source>Raster values that are degraded in {key} (e.g. 1-4 or -1)</source>
      <translation>Valores del ráster que son degradados en {key} (p. ej. 1-4 o -1)</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="108" />
      <source>Reading {name}: {n} of {total} features</source>
      <translation>Leyendo {name}: {n} de {total} elementos</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="145" />
      <source>Reads polygons from a layer or a file (shapefile, zipped shapefile, KML/KMZ, GeoJSON, GeoPackage, CSV with a WKT column) and stores them as restoration areas in a T2 Restore registry, grouped into initiatives. Geometries are reprojected from any CRS (PSAD56 and SIRGAS UTM zones included) to EPSG:4326; hectares are computed on the ellipsoid. The registry is created when it does not exist.</source>
      <translation>Lee polígonos de una capa o de un archivo (shapefile, shapefile comprimido en zip, KML/KMZ, GeoJSON, GeoPackage, CSV con una columna WKT) y los guarda como áreas de restauración en un registro de T2 Restore, agrupadas en iniciativas. Las geometrías se reproyectan desde cualquier SRC (incluidas las zonas UTM de PSAD56 y SIRGAS) a EPSG:4326; las hectáreas se calculan sobre el elipsoide. El registro se crea si no existe.</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="115" />
      <location filename="../processing/serfor_criteria.py" line="162" />
      <source>Recent deforestation: last years counted (0 = every year)</source>
      <translation>Deforestación reciente: últimos años contados (0 = todos los años)</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="442" />
      <source>Recent deforestation: loss from {first} to {last}.</source>
      <translation>Deforestación reciente: pérdida de {first} a {last}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="21" />
      <source>Recent degradation</source>
      <translation>Degradación reciente</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="22" />
      <source>Recent improvement</source>
      <translation>Mejora reciente</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="35" />
      <source>Recent loss only</source>
      <translation>Solo pérdida reciente</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="38" />
      <source>Recodes a land-cover raster into the 7 UNCCD classes (1 tree-covered, 2 grassland, 3 cropland, 4 wetland, 5 artificial, 6 other land, 7 water body; 0 no data), aligns it onto a reference grid and clips it to zones, in one step: the input the land cover, SDG 15.3.1 and status algorithms expect. BAND picks one band of a multi-band file (MapBiomas collections hold one band per year).</source>
      <translation>Recodifica un ráster de cobertura a las 7 clases de la CNULD (1 cubierta arbórea, 2 pastizal, 3 cultivo, 4 humedal, 5 artificial, 6 otras tierras, 7 cuerpo de agua; 0 sin datos), lo alinea a una grilla de referencia y lo recorta a las zonas, en un solo paso: la entrada que esperan los algoritmos de cobertura, ODS 15.3.1 y estado. BAND elige una banda de un archivo de varias bandas (las colecciones de MapBiomas tienen una banda por año).</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="16" />
      <source>Recovering</source>
      <translation>En recuperación</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="71" />
      <source>Recovering areas</source>
      <translation>Áreas en recuperación</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="46" />
      <location filename="../processing/_report_data.py" line="169" />
      <source>Recovering restoration inside degraded land (ha)</source>
      <translation>Restauración en recuperación dentro de tierras degradadas (ha)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="85" />
      <source>Recovering: the interval lies above 0 and the effect reaches the preset's min_effect; declining: the interval lies below 0 and the loss reaches min_effect; otherwise no detectable change. Insufficient data: no start year, a start year outside the series, too few pixels inside (an area outside the series or smaller than a pixel), too few valid years before or after, or too few matched controls. Thresholds are in PRESET (presets/outcomes_default.json, provisional: no national rule set exists).</source>
      <translation>En recuperación: el intervalo está por encima de 0 y el efecto alcanza el min_effect del preajuste; en declive: el intervalo está por debajo de 0 y la pérdida alcanza min_effect; si no, sin cambio detectable. Datos insuficientes: sin año de inicio, un año de inicio fuera de la serie, muy pocos píxeles dentro (un área fuera de la serie o menor que un píxel), muy pocos años válidos antes o después, o muy pocos controles emparejados. Los umbrales están en PRESET (presets/outcomes_default.json, provisional: no existe un conjunto de reglas nacional).</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="132" />
      <location filename="../ui/registry_dock.py" line="134" />
      <source>Redo</source>
      <translation>Rehacer</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="100" />
      <source>Reference grid (optional: the input's own grid)</source>
      <translation>Grilla de referencia (opcional: la grilla de la propia entrada)</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="108" />
      <source>Refresh</source>
      <translation>Actualizar</translation>
    </message>
    <message>
      <location filename="../processing/_codes.py" line="19" />
      <source>Refuse the run, naming each code and its pixel count</source>
      <translation>Rechazar la ejecución, nombrando cada código y su número de píxeles</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="31" />
      <source>Region</source>
      <translation>Región</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="118" />
      <source>Regional restoration goal (ha), used with a region name</source>
      <translation>Meta regional de restauración (ha), usada con un nombre de región</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="161" />
      <source>Regional run ({area}): the total is not compared with the national goal; give REGIONAL_TARGET_HA to compare it with a regional goal.</source>
      <translation>Corrida regional ({area}): el total no se compara con la meta nacional; indique REGIONAL_TARGET_HA para compararlo con una meta regional.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="48" />
      <location filename="../registry/report_tables.py" line="87" />
      <location filename="../registry/report_tables.py" line="102" />
      <source>Registered area (ha)</source>
      <translation>Área registrada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="167" />
      <source>Registered area, overlaps counted twice (ha)</source>
      <translation>Área registrada, superposiciones contadas dos veces (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="166" />
      <location filename="../processing/restoration_outcomes.py" line="234" />
      <source>Registered areas</source>
      <translation>Áreas registradas</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="127" />
      <location filename="../processing/import_initiatives.py" line="255" />
      <source>Registry (GeoPackage, or a PostGIS connection: saved name, connection string)</source>
      <translation>Registro (GeoPackage, o una conexión PostGIS: nombre guardado, cadena de conexión)</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="130" />
      <source>Registry areas whose gap or protected area changed</source>
      <translation>Áreas del registro cuya brecha o área protegida cambió</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="153" />
      <source>Registry areas written</source>
      <translation>Áreas del registro escritas</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="48" />
      <source>Registry created (false: it existed)</source>
      <translation>Registro creado (falso: ya existía)</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="66" />
      <source>Registry created in {database} (schema version {version}).</source>
      <translation>Registro creado en {database} (versión del esquema {version}).</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="93" />
      <source>Registry created; open it now.</source>
      <translation>Registro creado; ábralo ahora.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="290" />
      <source>Registry opened: {path}</source>
      <translation>Registro abierto: {path}</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="47" />
      <source>Registry schema version</source>
      <translation>Versión del esquema del registro</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="305" />
      <source>Registry {path}: outcomes written for {n} areas (marker {marker}).</source>
      <translation>Registro {path}: resultados escritos para {n} áreas (marca {marker}).</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="220" />
      <source>Registry {path}: {changed} of {total} areas changed (gap MINAM only {minam}, SERFOR only {serfor}, both {both}, none {none}).</source>
      <translation>Registro {path}: cambiaron {changed} de {total} áreas (brecha solo MINAM {minam}, solo SERFOR {serfor}, ambas {both}, ninguna {none}).</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Remove</source>
      <translation>Quitar</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Remove area</source>
      <translation>Quitar área</translation>
    </message>
    <message>
      <location filename="../ui/widgets/monitoring_editor.py" line="110" />
      <source>Remove value</source>
      <translation>Quitar valor</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="408" />
      <source>Removed (replace mode): {sites}.</source>
      <translation>Eliminadas (modo reemplazar): {sites}.</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="61" />
      <location filename="../ui/validation_panel.py" line="263" />
      <source>Repair geometry</source>
      <translation>Reparar geometría</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="164" />
      <source>Repair geometry…</source>
      <translation>Reparar geometría…</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="46" />
      <source>Replace it with the copy's</source>
      <translation>Reemplazarla por la de la copia</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="53" />
      <source>Replace the initiative's areas with those of the file</source>
      <translation>Reemplazar las áreas de la iniciativa por las del archivo</translation>
    </message>
    <message>
      <location filename="../ui/report_action.py" line="139" />
      <source>Report written: {path}</source>
      <translation>Reporte escrito: {path}</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="107" />
      <location filename="../registry/validate.py" line="131" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Reporting line</source>
      <translation>Línea de reporte</translation>
    </message>
    <message>
      <location filename="../ui/report_action.py" line="102" />
      <source>Report…</source>
      <translation>Reporte…</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="148" />
      <source>Rescaling, one row per criterion</source>
      <translation>Reescalado, una fila por criterio</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="112" />
      <source>Resolution</source>
      <translation>Resolución</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="219" />
      <location filename="../processing/restoration_outcomes.py" line="119" />
      <source>Restoration areas</source>
      <translation>Áreas en restauración</translation>
    </message>
    <message>
      <location filename="../ui/area_layer.py" line="53" />
      <source>Restoration areas (registry)</source>
      <translation>Áreas de restauración (registro)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="37" />
      <source>Restoration gaps</source>
      <translation>Brechas de restauración</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="48" />
      <source>Restoration initiatives</source>
      <translation>Iniciativas de restauración</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="116" />
      <source>Restoration initiatives (areas)</source>
      <translation>Iniciativas de restauración (áreas)</translation>
    </message>
    <message>
      <location filename="../processing/_report_layers.py" line="64" />
      <location filename="../processing/_report_pdf.py" line="87" />
      <location filename="../processing/target2_indicator.py" line="29" />
      <source>Restoration inside degraded land</source>
      <translation>Restauración dentro de tierras degradadas</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="159" />
      <location filename="../processing/_report_data.py" line="177" />
      <location filename="../processing/_report_data.py" line="189" />
      <source>Restoration inside degraded land (ha)</source>
      <translation>Restauración dentro de tierras degradadas (ha)</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="192" />
      <source>Restoration inside degraded land per department (ha)</source>
      <translation>Restauración dentro de tierras degradadas por departamento (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="30" />
      <source>Restoration inside degraded land: {ha} ha</source>
      <translation>Restauración dentro de tierra degradada: {ha} ha</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="272" />
      <source>Restoration inside degraded land: {ha} ha ({pct:.2f} % of the degraded land; target {target:g} %, missing {missing} ha)</source>
      <translation>Restauración dentro de tierra degradada: {ha} ha ({pct:.2f} % de la tierra degradada; meta {target:g} %, faltan {missing} ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="72" />
      <location filename="../processing/restoration_outcomes.py" line="293" />
      <source>Restoration outcomes</source>
      <translation>Resultados de la restauración</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="151" />
      <source>Restoration outcomes (areas)</source>
      <translation>Resultados de la restauración (áreas)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="63" />
      <source>Restoration outcomes (is each area recovering?)</source>
      <translation>Resultados de la restauración (¿se recupera cada área?)</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="41" />
      <source>Restoration outcomes (table of restoration_outcomes): also count only recovering areas</source>
      <translation>Resultados de la restauración (tabla de restoration_outcomes): contar también solo las áreas en recuperación</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="150" />
      <source>Restoration outcomes (table)</source>
      <translation>Resultados de la restauración (tabla)</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="56" />
      <source>Restoration outcomes measured by restoration_outcomes for {n} areas: each area's vegetation before and after the start of restoration, compared with similar land nearby without restoration.</source>
      <translation>Resultados de la restauración medidos por restoration_outcomes en {n} áreas: la vegetación de cada área antes y después del inicio de la restauración, comparada con tierras parecidas cercanas sin restauración.</translation>
    </message>
    <message>
      <location filename="../processing/_report_layers.py" line="62" />
      <location filename="../processing/_report_pdf.py" line="88" />
      <location filename="../processing/target2_indicator.py" line="30" />
      <source>Restoration outside degraded land</source>
      <translation>Restauración fuera de tierras degradadas</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="160" />
      <location filename="../processing/_report_data.py" line="178" />
      <location filename="../processing/_report_data.py" line="190" />
      <source>Restoration outside degraded land (ha)</source>
      <translation>Restauración fuera de tierras degradadas (ha)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="31" />
      <location filename="../processing/target2_indicator.py" line="276" />
      <source>Restoration outside degraded land: {ha} ha</source>
      <translation>Restauración fuera de tierra degradada: {ha} ha</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="118" />
      <location filename="../registry/validate.py" line="141" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Restoration practices</source>
      <translation>Prácticas de restauración</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="39" />
      <source>Restoration practices (Peru)</source>
      <translation>Prácticas de restauración (Perú)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="36" />
      <source>Restoration priority</source>
      <translation>Prioridad de restauración</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="55" />
      <source>Restoration priority score (multi-criteria, ROAM)</source>
      <translation>Puntaje de prioridad de restauración (multicriterio, ROAM)</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="51" />
      <location filename="../registry/validate.py" line="99" />
      <location filename="../registry/validate.py" line="125" />
      <source>Restoration status</source>
      <translation>Estado de la restauración</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="30" />
      <location filename="../registry/validate.py" line="103" />
      <location filename="../registry/validate.py" line="126" />
      <source>Restoration types</source>
      <translation>Tipos de restauración</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="53" />
      <source>Restoration types of the initiative</source>
      <translation>Tipos de restauración de la iniciativa</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="133" />
      <source>Restore an earlier version</source>
      <translation>Restaurar una versión anterior</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="108" />
      <source>Restore this version</source>
      <translation>Restaurar esta versión</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="40" />
      <source>Results: the weights are the principal eigenvector normalized to sum 1; lambda max its eigenvalue; CI = (lambda max - n) / (n - 1); CR = CI / RI(n) with Saaty's random index (0.58 for 3 criteria up to 1.59 for 15). Two criteria are always consistent. CR of 0.10 or more flags the judgments as inconsistent and names the comparison to review first: the one the weights contradict most (Saaty's rule, the largest a_ij w_j / w_i), with the value the weights imply.</source>
      <translation>Resultados: los pesos son el vector propio principal normalizado para sumar 1; lambda máx., su valor propio; IC = (lambda máx. - n) / (n - 1); RC = IC / IA(n) con el índice aleatorio de Saaty (0.58 para 3 criterios hasta 1.59 para 15). Dos criterios siempre son consistentes. Una RC de 0.10 o más marca los juicios como inconsistentes e indica la comparación que conviene revisar primero: la que más contradicen los pesos (regla de Saaty, el mayor a_ij w_j / w_i), con el valor que implican los pesos.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="219" />
      <source>Revert</source>
      <translation>Revertir</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="113" />
      <location filename="../registry/validate.py" line="137" />
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="243" />
      <source>Row {row} of the date table {path} has no date in its second column (e.g. 2019-01-17, 2019-017 or 2019). Fix the row.</source>
      <translation>La fila {row} de la tabla de fechas {path} no tiene una fecha en su segunda columna (p. ej. 2019-01-17, 2019-017 o 2019). Corrija la fila.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="41" />
      <source>Row {row} of the rescaling table has no rescaling method; use linear, inverted, quantile, quantile_inverted or categorical.</source>
      <translation>La fila {row} de la tabla de reescalado no tiene método de reescalado; use linear, inverted, quantile, quantile_inverted o categorical.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="36" />
      <source>Row {row} of the rescaling table: '{value}' is not a raster number (1 for the first raster of CRITERIA).</source>
      <translation>Fila {row} de la tabla de reescalado: '{value}' no es un número de ráster (1 para el primer ráster de CRITERIA).</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="197" />
      <source>Row {row}, column {col} ({a} vs {b}) holds {value}, outside Saaty's scale (1/9 to 9).</source>
      <translation>La fila {row}, columna {col} ({a} frente a {b}) contiene {value}, fuera de la escala de Saaty (1/9 a 9).</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="191" />
      <source>Row {row}, column {col} ({a} vs {b}) holds {value}; comparisons must be positive, from 1/9 to 9 on Saaty's scale.</source>
      <translation>La fila {row}, columna {col} ({a} frente a {b}) contiene {value}; las comparaciones deben ser positivas, de 1/9 a 9 en la escala de Saaty.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="164" />
      <source>Row {row}, column {col} ({a} vs {b}) of the pairwise matrix is empty; the diagonal and the upper triangle must be complete.</source>
      <translation>La fila {row}, columna {col} ({a} frente a {b}) de la matriz de comparación por pares está vacía; la diagonal y el triángulo superior deben estar completos.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="188" />
      <source>Row {row}, column {col} ({a} vs {b}) of the pairwise matrix is not a number. Use values such as 3 or 1/3.</source>
      <translation>La fila {row}, columna {col} ({a} frente a {b}) de la matriz de comparación por pares no es un número. Use valores como 3 o 1/3.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="146" />
      <source>Rule</source>
      <translation>Regla</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="123" />
      <source>Rule {row} must have 4 cells (cover loss, productivity, fragmentation, level); it has {n}.</source>
      <translation>La regla {row} debe tener 4 celdas (pérdida de cobertura, productividad, fragmentación, nivel); tiene {n}.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="132" />
      <source>Rule {row}: the level must be 0 (none) to 4 (very high); it is '{value}'.</source>
      <translation>Regla {row}: el nivel debe ser de 0 (ninguno) a 4 (muy alto); es '{value}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="99" />
      <source>Rule {row}: the {indicator} condition '{value}' is not a state number, a list of states separated by ';' or *.</source>
      <translation>Regla {row}: la condición de {indicator} '{value}' no es un número de estado, una lista de estados separados por ';' ni *.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="103" />
      <source>Rule {row}: {indicator} has no state {value}; its states are 0 to {last}.</source>
      <translation>Regla {row}: {indicator} no tiene el estado {value}; sus estados son 0 a {last}.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="156" />
      <source>Rules (cover loss, productivity, fragmentation, level; * = any state)</source>
      <translation>Reglas (pérdida de cobertura, productividad, fragmentación, nivel; * = cualquier estado)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="161" />
      <source>Rules file (JSON preset or CSV), replaces the rules table</source>
      <translation>Archivo de reglas (preajuste JSON o CSV), reemplaza la tabla de reglas</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="184" />
      <source>Rules read from {path} (the rules table is not used).</source>
      <translation>Reglas leídas de {path} (no se usa la tabla de reglas).</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="73" />
      <source>Rules: an ordered table (cover loss, productivity, fragmentation, level); the first row whose conditions match gives the level; a condition is a state, states separated by ';' or * for any. Every combination must be matched. RULES_FILE (a JSON file in the preset's format, or a CSV with the columns cover_loss, productivity, fragmentation, level) replaces the table; a JSON file may also change the LPD and Riitters mappings. An indicator left out takes state 0 and its band is nodata; at least one is needed. Nodata in any indicator used gives nodata.</source>
      <translation>Reglas: una tabla ordenada (pérdida de cobertura, productividad, fragmentación, nivel); la primera fila cuyas condiciones se cumplen da el nivel; una condición es un estado, estados separados por ';' o * para cualquiera. Toda combinación debe tener una regla. RULES_FILE (un archivo JSON con el formato del preajuste, o un CSV con las columnas cover_loss, productivity, fragmentation, level) reemplaza la tabla; un archivo JSON también puede cambiar las correspondencias de LPD y de Riitters. Un indicador no indicado toma el estado 0 y su banda queda sin datos; se necesita al menos uno. La falta de datos en cualquier indicador usado da sin datos.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="139" />
      <source>Runs «Overlap of the two national restoration gaps» on the registry's areas and stores the gap and protected area of each, in one transaction.</source>
      <translation>Ejecuta «Superposición de las dos brechas nacionales de restauración» sobre las áreas del registro y guarda la brecha y el área protegida de cada una, en una sola transacción.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="42" />
      <source>SDG 15.3.1 status over several periods (counterbalancing, corrections)</source>
      <translation>Estado ODS 15.3.1 en varios periodos (compensación, correcciones)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="106" />
      <source>SDG 15.3.1, baseline period (-1, 0, 1)</source>
      <translation>ODS 15.3.1, periodo de línea base (-1, 0, 1)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="107" />
      <source>SDG 15.3.1, reporting period 1</source>
      <translation>ODS 15.3.1, periodo de reporte 1</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="108" />
      <source>SDG 15.3.1, reporting period 2</source>
      <translation>ODS 15.3.1, periodo de reporte 2</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="178" />
      <source>SERFOR criteria (one band per criterion)</source>
      <translation>Criterios del SERFOR (una banda por criterio)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="47" />
      <source>SERFOR restoration gap</source>
      <translation>Brecha de restauración (SERFOR)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="135" />
      <source>SERFOR restoration gap (B)</source>
      <translation>Brecha de restauración SERFOR (B)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="241" />
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="372" />
      <source>SIGNIFICANCE must be 90, 95 or 99 (percent); it is {value}.</source>
      <translation>SIGNIFICANCE debe ser 90, 95 o 99 (por ciento); es {value}.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="67" />
      <source>SIZE is the side of the rasters in pixels (default 600: 18 km; every size shows the same landscape); SEED makes the region repeatable: the same size and seed give identical files on every machine, so every participant works on the same data. LANGUAGE chooses the language of the layer and class names in the project (default: that of QGIS).</source>
      <translation>SIZE es el lado de los ráster en píxeles (600 por defecto: 18 km; todo tamaño muestra el mismo paisaje); SEED hace la región repetible: el mismo tamaño y semilla dan archivos idénticos en cada máquina, así todos los participantes trabajan con los mismos datos. LANGUAGE elige el idioma de los nombres de capas y clases en el proyecto (por defecto, el de QGIS).</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="218" />
      <source>Save</source>
      <translation>Guardar</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="514" />
      <source>Save "{title}"</source>
      <translation>Guardar "{title}"</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="76" />
      <source>Save the initiative before drawing its areas.</source>
      <translation>Guarde la iniciativa antes de dibujar sus áreas.</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="93" />
      <source>Save the repaired geometry</source>
      <translation>Guardar la geometría reparada</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="196" />
      <source>Save these settings as a preset</source>
      <translation>Guardar estos ajustes como preajuste</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="49" />
      <source>Saved PostgreSQL connection (Browser &gt; PostgreSQL):</source>
      <translation>Conexión PostgreSQL guardada (Navegador &gt; PostgreSQL):</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="446" />
      <source>Saved settings</source>
      <translation>Ajustes guardados</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="108" />
      <source>Scale factor (other product)</source>
      <translation>Factor de escala (otro producto)</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="49" />
      <source>Scale: PRODUCT says how stored values become index values (value x scale + offset). MODIS VI products store the index x 10000 with -3000 as fill. 'Detect' uses the scale written in the file or recognises MODIS by its name; a product whose scale is unknown stops the run: choose the product or give SCALE. FILL is an extra stored value that means no data.</source>
      <translation>Escala: PRODUCT indica cómo los valores almacenados pasan a valores del índice (valor x escala + desplazamiento). Los productos VI de MODIS guardan el índice x 10000 con -3000 como relleno. 'Detectar' usa la escala escrita en el archivo o reconoce MODIS por su nombre; un producto de escala desconocida detiene la ejecución: elija el producto o indique SCALE. FILL es un valor almacenado adicional que significa sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="200" />
      <source>Scored area (ha)</source>
      <translation>Área puntuada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="141" />
      <source>Search radius for controls, metres (0: the preset's)</source>
      <translation>Radio de búsqueda de controles, metros (0: el del preajuste)</translation>
    </message>
    <message>
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>Search title, description, organization, site…</source>
      <translation>Buscar título, descripción, organización, sitio…</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="117" />
      <source>Season window: first day of year</source>
      <translation>Ventana estacional: primer día del año</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="118" />
      <source>Season window: last day of year</source>
      <translation>Ventana estacional: último día del año</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="90" />
      <source>Seed (same seed, same region)</source>
      <translation>Semilla (misma semilla, misma región)</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="167" />
      <source>Select initiatives in the list, or export all of them.</source>
      <translation>Seleccione iniciativas en la lista o exporte todas.</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="153" />
      <source>Select one initiative in the list to see its history.</source>
      <translation>Seleccione una iniciativa en la lista para ver su historial.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="473" />
      <source>Select one initiative in the list.</source>
      <translation>Seleccione una iniciativa en la lista.</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Selected area</source>
      <translation>Área seleccionada</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Separated by semicolons</source>
      <translation>Separadas por punto y coma</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="178" />
      <source>Series {first}-{last}; baseline {b0}-{b1}; comparison {c0}-{c1}.</source>
      <translation>Serie {first}-{last}; línea base {b0}-{b1}; comparación {c0}-{c1}.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="145" />
      <location filename="../ui/models.py" line="195" />
      <source>Severity</source>
      <translation>Gravedad</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="47" />
      <location filename="../processing/_report_data.py" line="170" />
      <source>Share of degraded land under recovering restoration (%)</source>
      <translation>Proporción de tierras degradadas bajo restauración en recuperación (%)</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="89" />
      <location filename="../processing/target2_report.py" line="186" />
      <location filename="../ui/degraded_share.py" line="172" />
      <source>Share of degraded land under restoration</source>
      <translation>Proporción de tierras degradadas en restauración</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="161" />
      <location filename="../processing/_report_data.py" line="179" />
      <location filename="../processing/_report_data.py" line="191" />
      <source>Share of degraded land under restoration (%)</source>
      <translation>Proporción de tierras degradadas en restauración (%)</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="117" />
      <source>Share of degraded land under restoration (Target 2)</source>
      <translation>Proporción de tierras degradadas en restauración (Meta 2)</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="32" />
      <source>Share of degraded land under restoration: {pct}</source>
      <translation>Proporción de tierras degradadas en restauración: {pct}</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="45" />
      <source>Shared registry (PostGIS)</source>
      <translation>Registro compartido (PostGIS)</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="141" />
      <source>Shared registry (PostGIS)…</source>
      <translation>Registro compartido (PostGIS)…</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="43" />
      <location filename="../processing/registry_checkout.py" line="53" />
      <source>Shared registry (saved PostgreSQL connection, connection string or service=)</source>
      <translation>Registro compartido (conexión PostgreSQL guardada, cadena de conexión o service=)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="132" />
      <source>Shared with other areas, double counting (ha)</source>
      <translation>Compartida con otras áreas, doble conteo (ha)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="116" />
      <source>Significance of the trend test (90, 95 or 99 %)</source>
      <translation>Significancia de la prueba de tendencia (90, 95 o 99 %)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="126" />
      <source>Simplified status, reporting period 1 (-1, 0, 1)</source>
      <translation>Estado simplificado, periodo de reporte 1 (-1, 0, 1)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="127" />
      <source>Simplified status, reporting period 2 (-1, 0, 1)</source>
      <translation>Estado simplificado, periodo de reporte 2 (-1, 0, 1)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="128" />
      <location filename="../registry/report_tables.py" line="146" />
      <location filename="../registry/report_tables.py" line="155" />
      <source>Site</source>
      <translation>Sitio</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="23" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Site name</source>
      <translation>Nombre del sitio</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="240" />
      <source>Size (bytes)</source>
      <translation>Tamaño (bytes)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="87" />
      <source>Size (pixels of 30 m per side)</source>
      <translation>Tamaño (píxeles de 30 m por lado)</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="79" />
      <source>Slope from a DEM (elevations in metres) by Horn's method, in degrees and in percent. In a geographic CRS (degrees) pixel sizes are converted to metres for each row from the WGS 84 ellipsoid, so the slope is right at any latitude. A DEM whose CRS contradicts its coordinates (a geographic CRS with UTM-like coordinates, or the reverse) is refused with a message.</source>
      <translation>Pendiente a partir de un MDE (elevaciones en metros) por el método de Horn, en grados y en porcentaje. En un SRC geográfico (grados) el tamaño de píxel se convierte a metros en cada fila según el elipsoide WGS 84, de modo que la pendiente es correcta en cualquier latitud. Un MDE cuyo SRC contradice sus coordenadas (un SRC geográfico con coordenadas de tipo UTM, o al revés) se rechaza con un mensaje.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="38" />
      <source>Soil organic carbon {baseline} (t C/ha)</source>
      <translation>Carbono orgánico del suelo {baseline} (t C/ha)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="39" />
      <source>Soil organic carbon {target} (t C/ha)</source>
      <translation>Carbono orgánico del suelo {target} (t C/ha)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="101" />
      <source>Soil organic carbon, baseline stock</source>
      <translation>Carbono orgánico del suelo, stock de línea base</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="103" />
      <source>Soil organic carbon, target stock</source>
      <translation>Carbono orgánico del suelo, stock meta</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="50" />
      <source>Soil organic carbon: change of at most -10 % is degraded, at least +10 % improved; a baseline of 0 and water in the baseline land cover give nodata.</source>
      <translation>Carbono orgánico del suelo: un cambio de -10 % o menos es degradación, de +10 % o más es mejora; una línea base de 0 y el agua en la cobertura de línea base dan sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/geometry/area.py" line="171" />
      <source>Some coordinates cannot be converted to longitude and latitude to compute areas; check the layers' coordinate reference system.</source>
      <translation>Algunas coordenadas no se pueden convertir a longitud y latitud para calcular áreas; revise el sistema de referencia de coordenadas de las capas.</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="59" />
      <source>Someone else saved this initiative</source>
      <translation>Otra persona guardó esta iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="79" />
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>Source</source>
      <translation>Fuente</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="192" />
      <source>Stability (share of runs high or very high)</source>
      <translation>Estabilidad (proporción de corridas con prioridad alta o muy alta)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="177" />
      <source>Stability under weight uncertainty</source>
      <translation>Estabilidad ante la incertidumbre de los pesos</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="21" />
      <location filename="../processing/ldn_degradation.py" line="23" />
      <location filename="../processing/ldn_status.py" line="32" />
      <source>Stable</source>
      <translation>Estable</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="115" />
      <source>Stable area (ha)</source>
      <translation>Área estable (ha)</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="101" />
      <location filename="../registry/report_tables.py" line="130" />
      <source>Start year</source>
      <translation>Año de inicio</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="124" />
      <source>Start year field (empty: the registry's start_year)</source>
      <translation>Campo del año de inicio (vacío: start_year del registro)</translation>
    </message>
    <message>
      <location filename="../ui/widgets/outcome_chart.py" line="140" />
      <source>Start year {year}</source>
      <translation>Año de inicio {year}</translation>
    </message>
    <message>
      <location filename="../processing/_report_charts.py" line="113" />
      <location filename="../processing/target2_report.py" line="190" />
      <location filename="../registry/report_tables.py" line="100" />
      <source>Start years</source>
      <translation>Años de inicio</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="100" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Starting year</source>
      <translation>Año de inicio</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="26" />
      <source>Starting year of the area</source>
      <translation>Año de inicio del área</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="49" />
      <source>Starting year of the initiative</source>
      <translation>Año de inicio de la iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="54" />
      <source>State: the deciles of the pixel's own baseline values, after adding two synthetic values (minimum minus 5 % and maximum plus 5 % of their range), class the baseline mean and the comparison mean from 1 to 10. A change of -2 or less is degradation, +2 or more improvement; means within 0.01 NDVI are no change.</source>
      <translation>Estado: los deciles de los propios valores de línea base del píxel, tras añadir dos valores sintéticos (mínimo menos 5 % y máximo más 5 % de su rango), clasifican la media de la línea base y la media de la comparación de 1 a 10. Un cambio de -2 o menos es degradación, de +2 o más, mejora; medias a 0,01 de NDVI o menos una de otra no son cambio.</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="66" />
      <location filename="../ui/forms/registry_list.ui" line="0" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="130" />
      <source>Status area table (hectares per period, zone and class)</source>
      <translation>Tabla de áreas del estado (hectáreas por periodo, zona y clase)</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="130" />
      <source>Status classes counted as degraded: 1,2,3 (persistent, recent and baseline degradation, as the UNCCD Good Practice Guidance addendum counts degraded land) or 1,2 (only land degrading now).</source>
      <translation>Clases de estado contadas como degradadas: 1,2,3 (degradación persistente, reciente y de la línea base, como el addendum de la Guía de Buenas Prácticas de la CNULD cuenta las tierras degradadas) o 1,2 (solo las tierras que se degradan ahora).</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="50" />
      <source>Status classes of each reporting period (STATUS_1, STATUS_2): 1 persistent degradation (degraded in the baseline and in the reporting period); 2 recent degradation (stable or improved in the baseline, degraded now); 3 baseline degradation (degraded in the baseline, stable now); 4 stable (stable in both); 5 baseline improvement (improved in the baseline, stable now); 6 recent improvement (degraded or stable in the baseline, improved now); 7 persistent improvement (improved in both). No data in either period gives no data. The simplified status (SIMPLE_STATUS_1, SIMPLE_STATUS_2) is -1 for classes 1-3, 0 for class 4 and 1 for classes 5-7.</source>
      <translation>Clases de estado de cada periodo de reporte (STATUS_1, STATUS_2): 1 degradación persistente (degradado en la línea base y en el periodo de reporte); 2 degradación reciente (estable o mejorado en la línea base, degradado ahora); 3 degradación en la línea base (degradado en la línea base, estable ahora); 4 estable (estable en ambos); 5 mejora en la línea base (mejorado en la línea base, estable ahora); 6 mejora reciente (degradado o estable en la línea base, mejorado ahora); 7 mejora persistente (mejorado en ambos). Sin datos en cualquiera de los periodos da sin datos. El estado simplificado (SIMPLE_STATUS_1, SIMPLE_STATUS_2) es -1 para las clases 1-3, 0 para la clase 4 y 1 para las clases 5-7.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="124" />
      <source>Status, reporting period 1 (7 classes)</source>
      <translation>Estado, periodo de reporte 1 (7 clases)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="125" />
      <source>Status, reporting period 2 (7 classes)</source>
      <translation>Estado, periodo de reporte 2 (7 clases)</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="23" />
      <location filename="../processing/workshop_region.py" line="52" />
      <source>Stressed</source>
      <translation>Bajo estrés</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="186" />
      <source>Sub-indicators</source>
      <translation>Subindicadores</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="110" />
      <source>Sub-indicators (land cover, productivity, soil carbon)</source>
      <translation>Subindicadores (cobertura, productividad, carbono del suelo)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="114" />
      <source>Sub-indicators used</source>
      <translation>Subindicadores usados</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="182" />
      <source>Sub-indicators used: {used}.</source>
      <translation>Subindicadores usados: {used}.</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="170" />
      <source>Summarizing the registry</source>
      <translation>Resumiendo el registro</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="157" />
      <location filename="../ui/registry_dock.py" line="107" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="18" />
      <source>Sums the area of every class of an integer raster, optionally per zone of a polygon layer (e.g. departments). Areas are hectares on the WGS 84 ellipsoid whatever the raster's CRS: per-row cell areas in a geographic CRS, the ellipsoidal cell area across the map in a projected one.</source>
      <translation>Suma el área de cada clase de un ráster de enteros, opcionalmente por zona de una capa de polígonos (p. ej. departamentos). Las áreas son hectáreas sobre el elipsoide WGS 84 cualquiera sea el SRC del ráster: área de celda por fila en un SRC geográfico, área elipsoidal de la celda en todo el mapa en uno proyectado.</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="43" />
      <source>T2 Restore: ecosystem restoration (KM-GBF Target 2)</source>
      <translation>T2 Restore: restauración de ecosistemas (Meta 2 del MMB Kunming-Montreal)</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="60" />
      <source>TEMPLATE takes back a layout saved by an earlier report (OUTPUT_LAYOUT) and edited in the Layout Manager; it must keep the items the report fills (ids starting with t2r_). Every output is written under a temporary name and renamed when complete.</source>
      <translation>TEMPLATE retoma un diseño guardado por un reporte anterior (OUTPUT_LAYOUT) y editado en el Administrador de diseños; debe conservar los elementos que el reporte llena (identificadores que empiezan con t2r_). Cada salida se escribe con un nombre temporal y se renombra cuando está completa.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="103" />
      <source>Take the file's version</source>
      <translation>Tomar la versión del archivo</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="122" />
      <source>Target</source>
      <translation>Meta</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="42" />
      <source>Target 2 indicator (area under restoration over degraded area)</source>
      <translation>Indicador de la Meta 2 (área en restauración sobre área degradada)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="126" />
      <source>Target 2 indicator table</source>
      <translation>Tabla del indicador de la Meta 2</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="54" />
      <location filename="../registry/validate.py" line="104" />
      <location filename="../registry/validate.py" line="127" />
      <source>Target 2 objectives</source>
      <translation>Objetivos de la Meta 2</translation>
    </message>
    <message>
      <location filename="../processing/_report_layout.py" line="107" />
      <location filename="../processing/_report_pdf.py" line="106" />
      <location filename="../ui/report_action.py" line="66" />
      <source>Target 2 report</source>
      <translation>Reporte de la Meta 2</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="37" />
      <source>Target 2 report (workbook, printable report and layout)</source>
      <translation>Reporte de la Meta 2 (libro de cálculo, reporte imprimible y diseño)</translation>
    </message>
    <message>
      <location filename="../ui/report_action.py" line="103" />
      <source>Target 2 report of the open registry: workbook, printable PDF and layout</source>
      <translation>Reporte de la Meta 2 del registro abierto: libro de cálculo, PDF imprimible y diseño</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="38" />
      <source>Target 2 reporting</source>
      <translation>Reporte de la Meta 2</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="102" />
      <location filename="../ui/report_action.py" line="76" />
      <source>Target 2: restoration of degraded land</source>
      <translation>Meta 2: restauración de tierras degradadas</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="57" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Target area</source>
      <translation>Área meta</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="58" />
      <location filename="../registry/validate.py" line="106" />
      <location filename="../registry/validate.py" line="129" />
      <source>Target area unit</source>
      <translation>Unidad del área meta</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="162" />
      <source>Target share (%)</source>
      <translation>Proporción meta (%)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="121" />
      <location filename="../processing/target2_report.py" line="97" />
      <source>Target share of degraded land under restoration (%)</source>
      <translation>Proporción meta de tierras degradadas en restauración (%)</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="31" />
      <location filename="../registry/validate.py" line="105" />
      <location filename="../registry/validate.py" line="128" />
      <source>Tenure statuses</source>
      <translation>Regímenes de tenencia</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="55" />
      <source>Tenure statuses of the initiative</source>
      <translation>Regímenes de tenencia de la iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="280" />
      <source>Text encoding of the input (when the file does not say)</source>
      <translation>Codificación del texto de la entrada (cuando el archivo no la indica)</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="351" />
      <source>The CRS of the data is undefined; choose the CRS the coordinates are in.</source>
      <translation>El SRC de los datos no está definido; elija el SRC en que están las coordenadas.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="444" />
      <source>The CRS of the input "{layer}" is undefined ("{crs}"): its coordinates would be read as degrees. Set the layer's CRS, or give SOURCE_CRS (for example EPSG:32718 or EPSG:24878).</source>
      <translation>El SRC de la entrada "{layer}" no está definido ("{crs}"): sus coordenadas se leerían como grados. Asigne el SRC de la capa, o indique SOURCE_CRS (por ejemplo EPSG:32718 o EPSG:24878).</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="61" />
      <source>The FERM export cannot be written in the folder {folder}: it is read-only, or you do not have permission to write there. Choose a folder where you can write (for example your Documents folder). No file was written.</source>
      <translation>La exportación FERM no puede escribirse en la carpeta {folder}: es de solo lectura o usted no tiene permiso para escribir en ella. Elija una carpeta donde pueda escribir (por ejemplo, Documentos). No se escribió ningún archivo.</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="45" />
      <source>The FERM export cannot be written to {path}: that file is the registry being exported, and the export would replace it. Choose another file name for the export. The registry was left unchanged.</source>
      <translation>La exportación FERM no puede escribirse en {path}: ese archivo es el registro que se exporta y la exportación lo reemplazaría. Elija otro nombre de archivo para la exportación. El registro quedó sin cambios.</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="41" />
      <source>The FERM export to {path} failed: {reason}. No file was written.</source>
      <translation>La exportación FERM a {path} falló: {reason}. No se escribió ningún archivo.</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="516" />
      <source>The NDVI series has no valid pixel (all nodata).</source>
      <translation>La serie de NDVI no tiene ningún píxel válido (todo sin datos).</translation>
    </message>
    <message>
      <location filename="../algorithms/productivity.py" line="352" />
      <source>The NDVI series has {n} years; at least {needed} are needed ({baseline} baseline years and {comparison} comparison years, and {trend} for the trend test). Add years or reduce COMPARISON_YEARS.</source>
      <translation>La serie de NDVI tiene {n} años; se necesitan al menos {needed} ({baseline} años de línea base y {comparison} años de comparación, y {trend} para la prueba de tendencia). Añada años o reduzca COMPARISON_YEARS.</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="33" />
      <source>The PostGIS registry {path} cannot be reached: {reason}. Check the host, port and database of the connection and that the server is running, then try again. Nothing was changed.</source>
      <translation>No se puede acceder al registro PostGIS {path}: {reason}. Revise el servidor, el puerto y la base de datos de la conexión y que el servidor esté en marcha, e inténtelo de nuevo. No se cambió nada.</translation>
    </message>
    <message>
      <location filename="../registry/pg_migrations.py" line="27" />
      <source>The PostGIS registry {path} could not be migrated from schema version {version} to {target}: its lookup table t2restore.lookups holds rows that fit no vocabulary table ({rows}), of a vocabulary this plugin does not know or with a code that is not a number where the vocabulary's codes are numbers. Nothing was changed (the registry is still at version {version}). As the registry's owner, correct or delete those rows, then open it again.</source>
      <translation>El registro PostGIS {path} no pudo migrarse de la versión de esquema {version} a la {target}: su tabla de códigos t2restore.lookups tiene filas que no caben en ninguna tabla de vocabulario ({rows}), de un vocabulario que este complemento no conoce o con un código que no es un número donde los códigos del vocabulario son números. No se cambió nada (el registro sigue en la versión {version}). Como propietario del registro, corrija o elimine esas filas y vuelva a abrirlo.</translation>
    </message>
    <message>
      <location filename="../registry/pg_migrations.py" line="19" />
      <source>The PostGIS registry {path} could not be migrated from schema version {version} to {target}: {reason}. The server rolled the migration back, so the registry is still at version {version}. Correct the cause (as the registry's owner) and open it again.</source>
      <translation>El registro PostGIS {path} no pudo migrarse de la versión de esquema {version} a la {target}: {reason}. El servidor deshizo la migración, así que el registro sigue en la versión {version}. Corrija la causa (como propietario del registro) y vuelva a abrirlo.</translation>
    </message>
    <message>
      <location filename="../registry/admin_setting.py" line="34" />
      <source>The PostGIS registry {path} names its administrative layer in the database setting t2restore.admin_layer, but its value is not a JSON object ({text}). Ask the registry's administrator to set it again, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', or give ZONES.</source>
      <translation>El registro PostGIS {path} nombra su capa administrativa en la configuración de la base de datos t2restore.admin_layer, pero su valor no es un objeto JSON ({text}). Pida al administrador del registro que la configure de nuevo, p. ej. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', o indique ZONES.</translation>
    </message>
    <message>
      <location filename="../registry/admin_setting.py" line="40" />
      <source>The PostGIS registry {path} names its administrative layer in the database setting t2restore.admin_layer, but names no department field in it. Ask the registry's administrator to set it again, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', or give ZONES.</source>
      <translation>El registro PostGIS {path} nombra su capa administrativa en la configuración de la base de datos t2restore.admin_layer, pero no indica en ella el campo de departamento. Pida al administrador del registro que la configure de nuevo, p. ej. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', o indique ZONES.</translation>
    </message>
    <message>
      <location filename="../registry/admin_setting.py" line="51" />
      <source>The PostGIS registry {path} names its administrative layer in the database setting t2restore.admin_layer, but the database holds no polygon table {table} that this role may read. Ask the registry's administrator to load the administrative layer into that table and grant SELECT on it to the registry's roles, or to name the right table, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}'; or give ZONES.</source>
      <translation>El registro PostGIS {path} nombra su capa administrativa en la configuración de la base de datos t2restore.admin_layer, pero la base de datos no tiene una tabla de polígonos {table} que este rol pueda leer. Pida al administrador del registro que cargue la capa administrativa en esa tabla y otorgue SELECT sobre ella a los roles del registro, o que indique la tabla correcta, p. ej. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}'; o indique ZONES.</translation>
    </message>
    <message>
      <location filename="../registry/admin_setting.py" line="43" />
      <source>The PostGIS registry {path} names its administrative layer in the database setting t2restore.admin_layer, but the setting must name either a table of the database or a source layer, not both or neither. Ask the registry's administrator to set it again, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', or give ZONES.</source>
      <translation>El registro PostGIS {path} nombra su capa administrativa en la configuración de la base de datos t2restore.admin_layer, pero la configuración debe indicar o bien una tabla de la base de datos o bien una capa de origen, no ambas ni ninguna. Pida al administrador del registro que la configure de nuevo, p. ej. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', o indique ZONES.</translation>
    </message>
    <message>
      <location filename="../registry/admin_setting.py" line="47" />
      <source>The PostGIS registry {path} names its administrative layer in the database setting t2restore.admin_layer, but the table {table} is not a plain name (schema.table: letters, digits, _). Ask the registry's administrator to set it again, e.g. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', or give ZONES.</source>
      <translation>El registro PostGIS {path} nombra su capa administrativa en la configuración de la base de datos t2restore.admin_layer, pero la tabla {table} no es un nombre simple (esquema.tabla: letras, dígitos, _). Pida al administrador del registro que la configure de nuevo, p. ej. ALTER DATABASE {dbname} SET t2restore.admin_layer = '{example}', o indique ZONES.</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="40" />
      <source>The PostGIS server refused the user name or password for {path}. Correct the credentials of the saved connection (they are kept in QGIS's authentication database) and try again.</source>
      <translation>El servidor PostGIS rechazó el usuario o la contraseña para {path}. Corrija las credenciales de la conexión guardada (se guardan en la base de autenticación de QGIS) e inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="62" />
      <source>The PostGIS server refused: the role {role} may not {action} in the registry {path}. Editors change only their institution's initiatives and readers change nothing; ask the registry's administrator for the right role. Nothing was changed.</source>
      <translation>El servidor PostGIS lo rechazó: el rol {role} no puede {action} en el registro {path}. Los editores solo cambian las iniciativas de su institución y los lectores no cambian nada; pida al administrador del registro el rol adecuado. No se cambió nada.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="40" />
      <source>The Target 2 report a technician hands in: a workbook (XLSX, one sheet per table, numbers as numbers with units in the headers), a printable report (PDF: cover with the headline figures and the progress toward each target, national map, charts, methods, validation, and one page per department) and its print layout (.qpt), which the Layout Manager opens for restyling.</source>
      <translation>El reporte de la Meta 2 que entrega un técnico: un libro de cálculo (XLSX, una hoja por tabla, números como números con las unidades en los encabezados), un reporte imprimible (PDF: portada con las cifras principales y el avance hacia cada meta, mapa nacional, gráficos, métodos, validación y una página por departamento) y su diseño de impresión (.qpt), que el Administrador de diseños abre para cambiar su estilo.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="89" />
      <source>The Trends.Earth description {file} cannot be read ({error}). Fix or remove the JSON file, or read the raster by band number.</source>
      <translation>No se puede leer la descripción de Trends.Earth {file} ({error}). Corrija o quite el archivo JSON, o lea el ráster por número de banda.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="461" />
      <source>The administrative layer has no field "{field}".</source>
      <translation>La capa administrativa no tiene el campo "{field}".</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="32" />
      <source>The administrative layer {path} could not be opened, so department and district were not filled: choose it again (menu: Administrative layer…).</source>
      <translation>No se pudo abrir la capa administrativa {path}, así que no se llenaron departamento ni distrito: elíjala de nuevo (menú: Capa de límites administrativos…).</translation>
    </message>
    <message>
      <location filename="../processing/_report_zones.py" line="61" />
      <source>The administrative layer {source} chosen for the registry cannot be opened or has no field {field}: the report has no department pages. Choose the layer again in the registry dock, or give ZONES.</source>
      <translation>La capa administrativa {source} elegida para el registro no se puede abrir o no tiene el campo {field}: el reporte no tiene páginas por departamento. Elija la capa de nuevo en el panel del registro o dé ZONES.</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="252" />
      <source>The area no longer exists in the registry; validate again.</source>
      <translation>El área ya no existe en el registro; vuelva a validar.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="66" />
      <source>The area {area} already belongs to another initiative ({other}) in this registry; an area can belong to one initiative only.</source>
      <translation>El área {area} ya pertenece a otra iniciativa ({other}) en este registro; un área solo puede pertenecer a una iniciativa.</translation>
    </message>
    <message>
      <location filename="../processing/_outcome_filter.py" line="69" />
      <source>The areas have no field '{field}' (OUTCOME_ID_FIELD).</source>
      <translation>Las áreas no tienen el campo '{field}' (OUTCOME_ID_FIELD).</translation>
    </message>
    <message>
      <location filename="../algorithms/forest_change.py" line="80" />
      <source>The bands of the land-cover series are not in year order ({years}). Order them by year.</source>
      <translation>Las bandas de la serie de cobertura no están en orden de años ({years}). Ordénelas por año.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="546" />
      <source>The capability raster {name} holds classes {values} that are not in the capability table (known: {known}). Add them to CAPABILITY_CODES with their CUM group.</source>
      <translation>El ráster de capacidad de uso {name} contiene las clases {values}, que no están en la tabla de capacidad de uso (conocidas: {known}). Agréguelas a CAPABILITY_CODES con su grupo CUM.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="103" />
      <source>The capability table has a raster code that is not a whole number: '{key}'.</source>
      <translation>La tabla de capacidad de uso tiene un código de ráster que no es un número entero: '{key}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="111" />
      <source>The capability table is empty.</source>
      <translation>La tabla de capacidad de uso está vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="107" />
      <source>The capability table maps code {key} to '{group}'; CUM groups are A, C, P, F and X.</source>
      <translation>La tabla de capacidad de uso asigna el código {key} a '{group}'; los grupos CUM son A, C, P, F y X.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="175" />
      <source>The capability table needs pairs (raster code, CUM group); it has {n} cells.</source>
      <translation>La tabla de capacidad de uso necesita pares (código del ráster, grupo CUM); tiene {n} celdas.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="129" />
      <source>The code {code} is nested twice in {path}: each code of the legend belongs to one class only. Remove one of them.</source>
      <translation>El código {code} está anidado dos veces en {path}: cada código de la leyenda pertenece a una sola clase. Quite uno de ellos.</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="70" />
      <source>The connection to the PostGIS registry {path} was lost: {reason}. The server rolled the unfinished change back, so nothing was half-written; reconnect and save again.</source>
      <translation>Se perdió la conexión con el registro PostGIS {path}: {reason}. El servidor deshizo el cambio inconcluso, así que nada quedó a medio escribir; vuelva a conectarse y guarde de nuevo.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="575" />
      <source>The conservation areas layer has no polygon: the distance band is left as nodata.</source>
      <translation>La capa de áreas de conservación no tiene polígonos: la banda de distancia queda sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/constraints.py" line="65" />
      <source>The constraint {name} excludes every pixel that could be scored, so nothing is left to prioritize. Check that it is the right layer (constraints mark the areas to exclude with non-zero values or polygons), or remove it.</source>
      <translation>La restricción {name} excluye todos los píxeles que podrían puntuarse, así que no queda nada que priorizar. Verifique que sea la capa correcta (las restricciones marcan las áreas a excluir con valores distintos de cero o con polígonos) o quítela.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/constraints.py" line="68" />
      <source>The constraints {names} together exclude every pixel that could be scored, so nothing is left to prioritize. Remove one of them or check their values.</source>
      <translation>Las restricciones {names} juntas excluyen todos los píxeles que podrían puntuarse, así que no queda nada que priorizar. Quite alguna o revise sus valores.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/corrections.py" line="100" />
      <source>The corrections layer has no field periods_affected. Add a text field periods_affected holding, per polygon, the periods it corrects (baseline, report_1, report_2), as Trends.Earth's error-recode layers do.</source>
      <translation>La capa de correcciones no tiene el campo periods_affected. Agregue un campo de texto periods_affected que indique, por polígono, los periodos que corrige (baseline, report_1, report_2), como lo hacen las capas de recodificación de errores de Trends.Earth.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/corrections.py" line="104" />
      <source>The corrections layer has none of the fields recode_deg_to, recode_stable_to, recode_imp_to, so it corrects nothing. Use a Trends.Earth error-recode layer or add those fields (-1, 0, 1 or empty).</source>
      <translation>La capa de correcciones no tiene ninguno de los campos recode_deg_to, recode_stable_to, recode_imp_to, así que no corrige nada. Use una capa de recodificación de errores de Trends.Earth o agregue esos campos (-1, 0, 1 o vacío).</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="227" />
      <source>The corrections layer {name} has no polygon. Choose a layer with correction polygons or leave it empty.</source>
      <translation>La capa de correcciones {name} no tiene polígonos. Elija una capa con polígonos de corrección o déjela vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/__init__.py" line="45" />
      <source>The corrections raster was given without its polygons.</source>
      <translation>Se dio el ráster de correcciones sin sus polígonos.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="246" />
      <source>The covariate {name} is not a raster GDAL can read. Save it as a GeoTIFF first.</source>
      <translation>La covariable {name} no es un ráster que GDAL pueda leer. Guárdela primero como GeoTIFF.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="291" />
      <source>The cover loss raster {name} holds values other than 0 (no loss) and 1 (loss); values (pixels): {values}. Fix the raster or its nodata value, or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>El ráster de pérdida de cobertura {name} contiene valores distintos de 0 (sin pérdida) y 1 (pérdida); valores (píxeles): {values}. Corrija el ráster o su valor sin datos, o ponga UNKNOWN_CODES en sin datos para dejar esos píxeles fuera.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="70" />
      <source>The criteria SERFOR's national restoration gap and its ROAM exercise (IUCN &amp; WRI method) use, and the degraded forest lands they point to: land-use conflict, slope, distance to conservation areas and density of recent deforestation, one named band each in OUTPUT_CRITERIA (nodata -9999).</source>
      <translation>Los criterios que usan la brecha nacional de restauración del SERFOR y su ejercicio ROAM (método de UICN y WRI), y las tierras forestales degradadas que señalan: conflicto de uso de la tierra, pendiente, distancia a áreas de conservación y densidad de deforestación reciente, cada uno en una banda con nombre de OUTPUT_CRITERIA (sin datos -9999).</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="97" />
      <location filename="../algorithms/priority/criteria.py" line="165" />
      <source>The criterion name {name} appears twice; each criterion needs its own name.</source>
      <translation>El nombre de criterio {name} aparece dos veces; cada criterio necesita su propio nombre.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="74" />
      <source>The criterion {name} (categorical rescaling) needs a lookup table of 'value: score' pairs.</source>
      <translation>El criterio {name} (reescalado categórico) necesita una tabla de correspondencia de pares 'valor: puntaje'.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="56" />
      <source>The criterion {name} ({method} rescaling) needs two numbers, the values that score 0 and 1 (low and high).</source>
      <translation>El criterio {name} (reescalado {method}) necesita dos números, los valores que puntúan 0 y 1 (bajo y alto).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="155" />
      <source>The criterion {name} ({origin}) needs a band named {band} in {raster}, but its bands are: {bands}. Choose the right raster, or edit the band in the preset.</source>
      <translation>El criterio {name} ({origin}) necesita una banda llamada {band} en {raster}, pero sus bandas son: {bands}. Elija el ráster correcto o edite la banda en el preajuste.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="103" />
      <source>The criterion {name} ({origin}) refers to raster {input} of CRITERIA, but CRITERIA holds {count} raster(s). Add the rasters this preset expects (see its description).</source>
      <translation>El criterio {name} ({origin}) remite al ráster {input} de CRITERIA, pero CRITERIA contiene {count} ráster(es). Añada los rásteres que espera este preajuste (vea su descripción).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="98" />
      <source>The criterion {name} ({origin}) refers to the file {path}, which does not exist.</source>
      <translation>El criterio {name} ({origin}) remite al archivo {path}, que no existe.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="140" />
      <source>The criterion {name} ({origin}) uses band {band} of {raster}, which has {count} band(s).</source>
      <translation>El criterio {name} ({origin}) usa la banda {band} de {raster}, que tiene {count} banda(s).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="69" />
      <source>The criterion {name} asks for {classes} quantile classes; use 2 to 20 (se.plan uses 5).</source>
      <translation>El criterio {name} pide {classes} clases de cuantiles; use de 2 a 20 (se.plan usa 5).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/quantiles.py" line="72" />
      <source>The criterion {name} has no valid pixel inside the mask and outside the constraints, so its quantiles cannot be computed.</source>
      <translation>El criterio {name} no tiene ningún píxel válido dentro de la máscara y fuera de las restricciones, así que no se pueden calcular sus cuantiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="60" />
      <source>The criterion {name} has the same low and high value ({value}); linear rescaling needs two different values.</source>
      <translation>El criterio {name} tiene el mismo valor bajo y alto ({value}); el reescalado lineal necesita dos valores distintos.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/rescale.py" line="73" />
      <source>The criterion {name} has the unknown rescaling '{method}'; use linear, inverted, quantile, quantile_inverted or categorical.</source>
      <translation>El criterio {name} tiene el reescalado desconocido '{method}'; use linear, inverted, quantile, quantile_inverted o categorical (también lineal, invertido, cuantil, cuantil_invertido, categorico).</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="47" />
      <source>The database {path} has no PostGIS extension. Ask its administrator to run CREATE EXTENSION postgis in it, then initialize the registry.</source>
      <translation>La base de datos {path} no tiene la extensión PostGIS. Pida a su administrador que ejecute CREATE EXTENSION postgis en ella y luego inicialice el registro.</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="54" />
      <source>The database {path} holds no T2 Restore registry yet. Initialize it first (Processing: T2 Restore &gt; Initialize a PostGIS registry, or the dock's Initialize button).</source>
      <translation>La base de datos {path} aún no contiene un registro de T2 Restore. Inicialícelo primero (Procesos: T2 Restore &gt; Inicializar un registro PostGIS, o el botón Inicializar del panel).</translation>
    </message>
    <message>
      <location filename="../algorithms/forest_density.py" line="32" />
      <source>The deforestation density needs 0 or more recent years and a search radius above 0 m; they are {years} and {radius} m. Give values in those ranges.</source>
      <translation>La densidad de deforestación necesita 0 o más años recientes y un radio de búsqueda mayor que 0 m; son {years} y {radius} m. Indique valores en esos rangos.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="221" />
      <location filename="../processing/target2_report.py" line="223" />
      <source>The degraded land layer DEGRADED is missing or cannot be opened.</source>
      <translation>Falta la capa de tierras degradadas DEGRADED o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="194" />
      <source>The degraded land layer has no polygon: it is empty, or every geometry is null or has no area.</source>
      <translation>La capa de tierras degradadas no tiene polígonos: está vacía, o todas sus geometrías son nulas o no tienen área.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="171" />
      <source>The diagonal of the pairwise matrix must be 1 (a criterion compared with itself); row {row} holds {value}.</source>
      <translation>La diagonal de la matriz de comparación por pares debe ser 1 (un criterio comparado consigo mismo); la fila {row} contiene {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="221" />
      <source>The disk holding {path} is full. Free some space or choose a folder on another disk.</source>
      <translation>El disco que contiene {path} está lleno. Libere espacio o elija una carpeta en otro disco.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="146" />
      <source>The disk of {folder} has {free:,.0f} MB free; a region of {size} x {size} pixels needs about {needed:,.0f} MB. Free some space, choose another disk or a smaller SIZE.</source>
      <translation>El disco de {folder} tiene {free:,.0f} MB libres; una región de {size} x {size} píxeles necesita unos {needed:,.0f} MB. Libere espacio, elija otro disco o un SIZE menor.</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="34" />
      <source>The export holds {count} area polygons; FERM accepts at most {limit} undissolved features per upload. Split the upload into several files or dissolve the areas before uploading.</source>
      <translation>La exportación contiene {count} polígonos de áreas; FERM acepta como máximo {limit} entidades sin disolver por carga. Divida la carga en varios archivos o disuelva las áreas antes de cargarlas.</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="114" />
      <source>The field mapping cannot be read: {reason}</source>
      <translation>No se puede leer la correspondencia de campos: {reason}</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="122" />
      <source>The field mapping uses the source field "{field}", which the input does not have.</source>
      <translation>La correspondencia de campos usa el campo "{field}", que la entrada no tiene.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="16" />
      <source>The figures are those of the T2 Restore algorithm target2_indicator on the same inputs; the workbook holds every table, the inputs with their SHA-256 fingerprints and the parameters, so that anyone can repeat the calculation.</source>
      <translation>Las cifras son las del algoritmo target2_indicator de T2 Restore con las mismas entradas; el libro de cálculo contiene todas las tablas, las entradas con sus huellas SHA-256 y los parámetros, para que cualquiera pueda repetir el cálculo.</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="330" />
      <source>The file cannot be read as polygons.</source>
      <translation>El archivo no se puede leer como polígonos.</translation>
    </message>
    <message>
      <location filename="../ui/tasks.py" line="29" />
      <source>The file could not be read or written: {error}</source>
      <translation>No se pudo leer o escribir el archivo: {error}</translation>
    </message>
    <message>
      <location filename="../processing/_report_atlas.py" line="58" />
      <source>The file {path} exists and was not written by a Target 2 report; the report writes its data there. Move that file or choose another name for the printable report (OUTPUT_PDF).</source>
      <translation>El archivo {path} existe y no lo escribió un reporte de la Meta 2; el reporte escribe allí sus datos. Mueva ese archivo o elija otro nombre para el reporte imprimible (OUTPUT_PDF).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/presets.py" line="27" />
      <source>The file {path} is not a priority preset: its "format" must be "t2restore.priority_score".</source>
      <translation>El archivo {path} no es un preajuste de prioridad: su "format" debe ser "t2restore.priority_score".</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="58" />
      <source>The filter expression cannot be evaluated: {error}</source>
      <translation>La expresión del filtro no se puede evaluar: {error}</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="49" />
      <source>The filter expression is not valid: {error}</source>
      <translation>La expresión del filtro no es válida: {error}</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="139" />
      <source>The folder {folder} does not exist.</source>
      <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="132" />
      <source>The folder {folder} of the output {output} cannot be written to ({reason}). Choose a folder that exists and that you can write to.</source>
      <translation>No se puede escribir en la carpeta {folder} de la salida {output} ({reason}). Elija una carpeta que exista y en la que pueda escribir.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="185" />
      <source>The forest land groups must be CUM groups among A, C, P, F and X; got '{value}'.</source>
      <translation>Los grupos de tierras forestales deben ser grupos CUM entre A, C, P, F y X; se recibió '{value}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="417" />
      <source>The forest loss period must be 'all' or 'recent'; it is '{value}'.</source>
      <translation>El periodo de pérdida de bosque debe ser 'all' o 'recent'; es '{value}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="439" />
      <source>The forest loss raster holds no loss; density and forest loss are 0 everywhere.</source>
      <translation>El ráster de pérdida de bosque no contiene pérdida; la densidad y la pérdida de bosque son 0 en todas partes.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="68" />
      <source>The forest mask may also be a polygon layer (e.g. forest or gap polygons published as shapefiles): it is reprojected and rasterized onto the grid of the first raster given (forest inside the polygons, non-forest outside; FOREST_VALUES is then not used). POLYGON_METHOD says which pixels a polygon takes: those whose centre is inside (default) or every pixel it touches; invalid geometries are repaired and counted in the log. A polygon forest mask needs at least one raster input (or ECOSYSTEMS) to set the grid.</source>
      <translation>La máscara de bosque también puede ser una capa de polígonos (p. ej., polígonos de bosque o de brechas publicados como shapefiles): se reproyecta y se rasteriza sobre la grilla del primer ráster dado (bosque dentro de los polígonos, no bosque fuera; FOREST_VALUES no se usa entonces). POLYGON_METHOD indica qué píxeles toma un polígono: aquellos cuyo centro está dentro (por defecto) o todo píxel que toca; las geometrías inválidas se reparan y se cuentan en el registro. Una máscara de bosque de polígonos necesita al menos un ráster de entrada (o ECOSYSTEMS) que fije la grilla.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="481" />
      <source>The forest mask {name} has no forest pixel (no value in {values}), so fragmentation cannot be derived. Check FOREST_VALUES or leave the forest mask out.</source>
      <translation>La máscara de bosque {name} no tiene ningún píxel de bosque (ningún valor en {values}), así que no se puede derivar la fragmentación. Revise FOREST_VALUES o no use la máscara de bosque.</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="202" />
      <source>The forest mask {name} is neither a raster nor a polygon layer. Give a forest raster or a layer of forest polygons.</source>
      <translation>La máscara de bosque {name} no es un ráster ni una capa de polígonos. Dé un ráster de bosque o una capa de polígonos de bosque.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="299" />
      <source>The fragmentation raster {name} holds codes that are not Riitters classes (0 to 6); codes (pixels): {values}. Fix the raster or its nodata value, or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>El ráster de fragmentación {name} contiene códigos que no son clases de Riitters (0 a 6); códigos (píxeles): {values}. Corrija el ráster o su valor sin datos, o ponga UNKNOWN_CODES en sin datos para dejar esos píxeles fuera.</translation>
    </message>
    <message>
      <location filename="../algorithms/overlap/gaps.py" line="169" />
      <source>The gap layer {key} has no polygon: it is empty, or every geometry is null or has no area. Choose a layer with the gap's polygons (or a raster mask with non-zero gap pixels).</source>
      <translation>La capa de brecha {key} no tiene polígonos: está vacía, o todas sus geometrías son nulas o no tienen área. Elija una capa con los polígonos de la brecha (o una máscara ráster con píxeles de brecha distintos de cero).</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="180" />
      <source>The gap layer {name} has no polygon: it is empty, or every geometry is null or has no area.</source>
      <translation>La capa de brecha {name} no tiene polígonos: está vacía, o todas sus geometrías son nulas o no tienen área.</translation>
    </message>
    <message>
      <location filename="../ui/gap_writeback.py" line="16" />
      <source>The gaps could not be written into the registry: {reason}</source>
      <translation>No se pudieron escribir las brechas en el registro: {reason}</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="236" />
      <source>The gaps {a} and {b} do not overlap at all: the area in both is 0 ha. If they should overlap, check that both layers cover the same region and that their coordinate reference systems are declared correctly.</source>
      <translation>Las brechas {a} y {b} no se superponen en absoluto: el área en ambas es 0 ha. Si deberían superponerse, compruebe que ambas capas cubren la misma región y que sus sistemas de referencia de coordenadas están bien declarados.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="42" />
      <source>The geometry of area "{site}" is not valid (self-intersection, spike or unclosed ring). Use "Repair geometry" to fix it.</source>
      <translation>La geometría del área "{site}" no es válida (autointersección, espiga o anillo no cerrado). Use "Reparar geometría" para corregirla.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="23" />
      <source>The geometry of area {area} cannot be read; draw or import it again.</source>
      <translation>No se puede leer la geometría del área {area}; dibújela o impórtela de nuevo.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="169" />
      <source>The grid of {x:,} x {y:,} pixels ({gpx:,.0f} gigapixels) is larger than T2 Restore processes ({limit:,.0f} gigapixels; Peru at 10 m is about 26). Check the pixel size and the extent of the inputs (a wrong CRS or unit makes such grids), or process a smaller region.</source>
      <translation>La grilla de {x:,} x {y:,} píxeles ({gpx:,.0f} gigapíxeles) es más grande de lo que procesa T2 Restore ({limit:,.0f} gigapíxeles; el Perú a 10 m tiene unos 26). Revise el tamaño de píxel y la extensión de las entradas (un SRC o una unidad equivocados producen grillas así), o procese una región más pequeña.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="44" />
      <source>The headline figures are those of target2_indicator, run on the same inputs: DEGRADED, taken as that algorithm takes it (polygons; a degradation raster with DEGRADED_VALUE; the status of ldn_status with the classes DEGRADED_CLASSES counted as degraded; a Trends.Earth result, its band picked by name or by DEGRADED_BAND), RESTORATION_AREAS (a T2 Restore registry, whose initiatives, institutions, start years, monitoring values and validation findings then fill their own sheets, or any polygon layer), the optional gap layers GAP_A (MINAM) and GAP_B (SERFOR), and the optional ZONES (departments, named by ZONE_FIELD), each of which gets its page.</source>
      <translation>Las cifras principales son las de target2_indicator, ejecutado sobre las mismas entradas: DEGRADED, tomado como lo toma ese algoritmo (polígonos; un ráster de degradación con DEGRADED_VALUE; el estado de ldn_status con las clases DEGRADED_CLASSES contadas como degradadas; un resultado de Trends.Earth, con su banda elegida por nombre o por DEGRADED_BAND), RESTORATION_AREAS (un registro de T2 Restore, cuyas iniciativas, instituciones, años de inicio, valores de monitoreo y hallazgos de validación llenan entonces sus propias hojas, o cualquier capa de polígonos), las capas de brechas opcionales GAP_A (MINAM) y GAP_B (SERFOR), y las ZONES opcionales (departamentos, nombrados por ZONE_FIELD), cada una de las cuales tiene su página.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="45" />
      <source>The headline indicator of Target 2 of the Kunming-Montreal Global Biodiversity Framework for Peru: the area under restoration inside degraded land divided by the degraded area, with the distance to the target share (default 30 %) and to the national goal in hectares (default 330,000 ha, ProREST). Per zone (e.g. department), ecosystem and gap, plus national totals.</source>
      <translation>El indicador principal de la Meta 2 del Marco Mundial de Biodiversidad de Kunming-Montreal para el Perú: el área en restauración dentro de tierras degradadas dividida entre el área degradada, con la distancia a la proporción meta (por defecto 30 %) y a la meta nacional en hectáreas (por defecto 330 000 ha, ProREST). Por zona (p. ej., departamento), ecosistema y brecha, más los totales nacionales.</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="145" />
      <source>The history is kept by shared (PostGIS) registries; open one first (menu ⋯ &gt; Shared registry (PostGIS)…).</source>
      <translation>El historial lo guardan los registros compartidos (PostGIS); abra uno primero (menú ⋯ &gt; Registro compartido (PostGIS)…).</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="77" />
      <source>The identifier {value} is not a UUID; a PostGIS registry keys every record by UUID. Import the record again so that it gets a new identifier.</source>
      <translation>El identificador {value} no es un UUID; un registro PostGIS identifica cada registro por UUID. Importe el registro de nuevo para que reciba un identificador nuevo.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="77" />
      <source>The indicator table {path} cannot be read.</source>
      <translation>No se puede leer la tabla del indicador {path}.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="58" />
      <source>The initiative "{title}" was changed or deleted by someone else after you opened it (your revision {expected}, registry revision {actual}). Reload it and apply your changes again.</source>
      <translation>Otra persona modificó o eliminó la iniciativa "{title}" después de que usted la abrió (su revisión {expected}, revisión en el registro {actual}). Vuelva a cargarla y aplique de nuevo sus cambios.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="229" />
      <source>The initiative has no areas yet.</source>
      <translation>La iniciativa aún no tiene áreas.</translation>
    </message>
    <message>
      <location filename="../ui/bindings.py" line="62" />
      <source>The initiative needs a title.</source>
      <translation>La iniciativa necesita un título.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="480" />
      <source>The initiative no longer exists in the registry.</source>
      <translation>La iniciativa ya no existe en el registro.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="440" />
      <source>The input has no CRS; give SOURCE_CRS (for example EPSG:32718 or EPSG:24878).</source>
      <translation>La entrada no tiene SRC; indique SOURCE_CRS (por ejemplo EPSG:32718 o EPSG:24878).</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="359" />
      <source>The input holds no polygon to import.</source>
      <translation>La entrada no contiene ningún polígono que importar.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="420" />
      <location filename="../processing/import_initiatives.py" line="429" />
      <source>The input layer cannot be opened.</source>
      <translation>No se puede abrir la capa de entrada.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="550" />
      <source>The land cover raster {name} holds classes {values} that have no row in the land-use conflict matrix. Add rows for them to CONFLICT_MATRIX.</source>
      <translation>El ráster de cobertura {name} contiene las clases {values}, que no tienen fila en la matriz de conflicto de uso. Agregue filas para ellas en CONFLICT_MATRIX.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="271" />
      <source>The land cover raster {name} holds codes that are not UNCCD classes (1 to 7); codes (pixels): {values}. Give a recode table (LC_RECODE) from your legend to the 7 UNCCD classes, or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>El ráster de cobertura {name} contiene códigos que no son clases de la CNULD (1 a 7); códigos (píxeles): {values}. Dé una tabla de reclasificación (LC_RECODE) de su leyenda a las 7 clases de la CNULD, o ponga UNKNOWN_CODES en sin datos para dejar esos píxeles fuera.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="287" />
      <source>The land cover rasters {name} hold codes outside the land cover legend LC_CLASSES ({legend}); codes (pixels): {values}. Add them to LC_CLASSES (and to NATURAL_CLASSES if they are natural vegetation), or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>Los rásteres de cobertura {name} contienen códigos fuera de la leyenda de cobertura LC_CLASSES ({legend}); códigos (píxeles): {values}. Añádalos a LC_CLASSES (y a NATURAL_CLASSES si son vegetación natural), o ponga UNKNOWN_CODES en sin datos para dejar esos píxeles fuera.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="69" />
      <source>The land cover recode table has a row that is not two whole numbers: {key} -&gt; {value}.</source>
      <translation>La tabla de reclasificación de cobertura tiene una fila que no son dos números enteros: {key} -&gt; {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="267" />
      <source>The land cover recode table has no row for the classes found in {name}; classes (pixels): {values}. Add them to LC_RECODE (input class -&gt; UNCCD class 1..7), or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>La tabla de reclasificación de cobertura no tiene fila para las clases halladas en {name}; clases (píxeles): {values}. Añádalas a LC_RECODE (clase de entrada -&gt; clase CNULD 1..7), o ponga UNKNOWN_CODES en sin datos para dejar esos píxeles fuera.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="76" />
      <source>The land cover recode table is empty.</source>
      <translation>La tabla de reclasificación de cobertura está vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="72" />
      <source>The land cover recode table maps class {key} to {value}; UNCCD classes are 1 to 7.</source>
      <translation>La tabla de reclasificación asigna la clase {key} a {value}; las clases CNULD van de 1 a 7.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="125" />
      <source>The land cover recode table needs pairs of values (input class, UNCCD class); it has {n} values.</source>
      <translation>La tabla de reclasificación de cobertura necesita pares de valores (clase de entrada, clase CNULD); tiene {n} valores.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="319" />
      <source>The land cover sub-indicator needs both the baseline and the target land cover.</source>
      <translation>El subindicador de cobertura necesita la cobertura de línea base y la de meta.</translation>
    </message>
    <message>
      <location filename="../algorithms/land_cover_prep.py" line="227" />
      <source>The land cover {name} does not overlap the reference grid: choose a reference raster (or zones) over the same area.</source>
      <translation>La cobertura {name} no se superpone a la grilla de referencia: elija un ráster de referencia (o zonas) sobre la misma área.</translation>
    </message>
    <message>
      <location filename="../algorithms/land_cover_prep.py" line="45" />
      <source>The land cover {name} holds codes the legend nesting does not know; codes (pixels): {values}. Add them to the nesting (a Trends.Earth legend-nesting file in NESTING_FILE), choose the right PRESET, or set UNKNOWN_CODES to leave those pixels out as no data.</source>
      <translation>La cobertura {name} contiene códigos que el anidamiento de la leyenda no conoce; códigos (píxeles): {values}. Agréguelos al anidamiento (un archivo de anidamiento de Trends.Earth en NESTING_FILE), elija el PRESET correcto o use UNKNOWN_CODES para dejar esos píxeles como sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/land_cover_prep.py" line="74" />
      <source>The land cover {name} holds {dtype} values; class codes must be whole numbers. Convert it to an integer type (Raster &gt; Conversion &gt; Translate, e.g. Int16).</source>
      <translation>La cobertura {name} contiene valores {dtype}; los códigos de clase deben ser números enteros. Conviértala a un tipo entero (Ráster &gt; Conversión &gt; Traducir, p. ej. Int16).</translation>
    </message>
    <message>
      <location filename="../algorithms/land_cover_prep.py" line="223" />
      <source>The land cover {name} or the reference grid has no coordinate reference system: assign one (Layer properties &gt; Source) and run again.</source>
      <translation>La cobertura {name} o la grilla de referencia no tiene sistema de referencia de coordenadas: asígnele uno (Propiedades de la capa &gt; Fuente) y ejecute de nuevo.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/engine.py" line="232" />
      <source>The land type raster {name} holds decimal numbers ({type}); land types are classes and must be whole numbers. Give an integer raster (e.g. the 7-class land cover of the baseline or an ecosystem map), or convert it to integers first.</source>
      <translation>El ráster de tipo de tierra {name} contiene números decimales ({type}); los tipos de tierra son clases y deben ser números enteros. Dé un ráster de enteros (p. ej. la cobertura de 7 clases de la línea base o un mapa de ecosistemas), o conviértalo antes a enteros.</translation>
    </message>
    <message>
      <location filename="../algorithms/forest_change.py" line="182" />
      <source>The land-cover series covers {first}-{last}: it has no band for {year}. Choose a year it covers.</source>
      <translation>La serie de cobertura abarca {first}-{last}: no tiene banda para {year}. Elija un año que abarque.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="122" />
      <source>The land-use conflict matrix has a land cover class that is not a whole number: '{key}'.</source>
      <translation>La matriz de conflicto de uso tiene una clase de cobertura que no es un número entero: '{key}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="138" />
      <source>The land-use conflict matrix is empty.</source>
      <translation>La matriz de conflicto de uso está vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="148" />
      <source>The land-use conflict matrix needs 6 cells per row (land cover class, A, C, P, F, X); it has {n} cells.</source>
      <translation>La matriz de conflicto de uso necesita 6 celdas por fila (clase de cobertura, A, C, P, F, X); tiene {n} celdas.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="132" />
      <source>The land-use conflict matrix, class {key}, group {group}: the value must be 0 (not evaluated), 1 (overuse), 2 (proper use) or 3 (underuse); it is '{value}'.</source>
      <translation>Matriz de conflicto de uso, clase {key}, grupo {group}: el valor debe ser 0 (no evaluado), 1 (sobreuso), 2 (uso adecuado) o 3 (subuso); es '{value}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="570" />
      <source>The largest distance to conservation areas must be a number of metres above 0; it is {value}.</source>
      <translation>La distancia máxima a las áreas de conservación debe ser un número de metros mayor que 0; es {value}.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="206" />
      <source>The layer AREAS is missing or cannot be opened.</source>
      <translation>La capa AREAS falta o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="227" />
      <source>The layer of areas under restoration is missing or cannot be opened.</source>
      <translation>Falta la capa de áreas en restauración o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="74" />
      <source>The layer {name} has no defined coordinate reference system ({found}): its coordinates are assumed to be in {assumed}, the CRS of the data it summarizes. If that is wrong, assign the right CRS (Layer properties &gt; Source, or a .prj file) and run again.</source>
      <translation>La capa {name} no tiene un sistema de referencia de coordenadas definido ({found}): se asume que sus coordenadas están en {assumed}, el SRC de los datos que resume. Si no es así, asigne el SRC correcto (Propiedades de la capa &gt; Fuente, o un archivo .prj) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="142" />
      <source>The layer {name} has no field '{field}'.</source>
      <translation>La capa {name} no tiene el campo '{field}'.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="190" />
      <location filename="../processing/target2_indicator.py" line="148" />
      <source>The layer {name} has no polygon to summarize by. Choose a layer with polygons or leave it empty.</source>
      <translation>La capa {name} no tiene polígonos por los que resumir. Elija una capa con polígonos o déjela vacía.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="59" />
      <source>The layer {name} holds {kind}, not polygons: zones must be polygons (e.g. districts). Choose a polygon layer.</source>
      <translation>La capa {name} contiene {kind}, no polígonos: las zonas deben ser polígonos (p. ej. distritos). Elija una capa de polígonos.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="138" />
      <source>The layer {name} is missing or cannot be opened.</source>
      <translation>La capa {name} falta o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="153" />
      <source>The layer {name} is neither a raster nor a polygon layer.</source>
      <translation>La capa {name} no es un ráster ni una capa de polígonos.</translation>
    </message>
    <message>
      <location filename="../algorithms/geometry/area.py" line="142" />
      <source>The layers have no coordinate reference system, so their areas cannot be computed. Assign their CRS (Layer properties &gt; Source) and run again.</source>
      <translation>Las capas no tienen sistema de referencia de coordenadas, por lo que no se pueden calcular sus áreas. Asigne su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/_report_layout.py" line="207" />
      <source>The layout template {path} cannot be written. Choose a folder you can write to.</source>
      <translation>No se puede escribir la plantilla de diseño {path}. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="216" />
      <source>The legend '{legend}' is neither a preset ({choices}), a CSV file of code,name nor a QML style file.</source>
      <translation>La leyenda '{legend}' no es un preajuste ({choices}), ni un archivo CSV de código,nombre, ni un archivo de estilo QML.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="144" />
      <source>The legend file {path} holds the code '{value}'; codes must be whole numbers.</source>
      <translation>El archivo de leyenda {path} contiene el código '{value}'; los códigos deben ser números enteros.</translation>
    </message>
    <message>
      <location filename="../processing/_legends.py" line="48" />
      <source>The legend file {path} is not a QML style (XML).</source>
      <translation>El archivo de leyenda {path} no es un estilo QML (XML).</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="200" />
      <source>The legend {path} holds no code,name line.</source>
      <translation>La leyenda {path} no contiene ninguna línea código,nombre.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="198" />
      <source>The legend {path} is not UTF-8 text: save it as CSV UTF-8.</source>
      <translation>La leyenda {path} no es texto UTF-8: guárdela como CSV UTF-8.</translation>
    </message>
    <message>
      <location filename="../algorithms/values.py" line="23" />
      <source>The list {name} has a range that runs backwards or is too long: '{item}'.</source>
      <translation>La lista {name} tiene un rango invertido o demasiado largo: '{item}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/values.py" line="33" />
      <source>The list {name} has an item that is neither a whole number nor a range such as 11-15: '{item}'.</source>
      <translation>La lista {name} tiene un elemento que no es un número entero ni un rango como 11-15: '{item}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/values.py" line="52" />
      <source>The list {name} is empty; give at least one value.</source>
      <translation>La lista {name} está vacía; indique al menos un valor.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/parsing.py" line="18" />
      <source>The lookup table entry '{item}' is not 'value: score' (e.g. '3: 0.5').</source>
      <translation>La entrada de la tabla de correspondencia '{item}' no tiene la forma 'valor: puntaje' (p. ej. '3: 0.5').</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/passes.py" line="78" />
      <source>The lookup table of criterion {name} has no row for the values {values} found in its raster. Add them to the table, or give a score for other values ('*: 0').</source>
      <translation>La tabla de correspondencia del criterio {name} no tiene fila para los valores {values} presentes en su ráster. Añádalos a la tabla o dé un puntaje para los demás valores ('*: 0').</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/criteria.py" line="80" />
      <source>The lookup table of criterion {name} holds the score {score}; scores must lie between 0 and 1.</source>
      <translation>La tabla de correspondencia del criterio {name} contiene el puntaje {score}; los puntajes deben estar entre 0 y 1.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="195" />
      <source>The loss points have no field '{field}'.</source>
      <translation>Los puntos de pérdida no tienen el campo '{field}'.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="451" />
      <source>The loss points have no year: every point counts as recent loss.</source>
      <translation>Los puntos de pérdida no tienen año: cada punto cuenta como pérdida reciente.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="216" />
      <source>The loss points layer has no point to use.</source>
      <translation>La capa de puntos de pérdida no tiene ningún punto utilizable.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/constraints.py" line="61" />
      <source>The mask {name} leaves no pixel to score: none of the pixels where the criteria have data is inside it. Check MASK and MASK_VALUES.</source>
      <translation>La máscara {name} no deja ningún píxel por puntuar: ninguno de los píxeles donde los criterios tienen datos está dentro de ella. Revise MASK y MASK_VALUES.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="312" />
      <source>The natural vegetation classes {values} are not in the land cover legend LC_CLASSES ({legend}). Set LC_CLASSES to every class of your land cover maps.</source>
      <translation>Las clases de vegetación natural {values} no están en la leyenda de cobertura LC_CLASSES ({legend}). Ponga en LC_CLASSES todas las clases de sus mapas de cobertura.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="87" />
      <source>The nesting file {path} is not valid JSON ({error}). Export it again from Trends.Earth or fix it in a text editor.</source>
      <translation>El archivo de anidamiento {path} no es JSON válido ({error}). Expórtelo de nuevo desde Trends.Earth o corríjalo en un editor de texto.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="95" />
      <source>The nesting file {path} lacks 'parent', 'child' or 'nesting': it is not a Trends.Earth legend-nesting file (Land cover &gt; custom legend &gt; Save).</source>
      <translation>Al archivo de anidamiento {path} le falta 'parent', 'child' o 'nesting': no es un archivo de anidamiento de leyenda de Trends.Earth (Cobertura &gt; leyenda personalizada &gt; Guardar).</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="124" />
      <source>The nesting of {path} gives '{value}' for the class {code}; it must be a list of codes.</source>
      <translation>El anidamiento de {path} da '{value}' para la clase {code}; debe ser una lista de códigos.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="121" />
      <source>The nesting of {path} nests codes under {code}, which is not a UNCCD class (1..7) nor no data (-32768).</source>
      <translation>El anidamiento de {path} anida códigos bajo {code}, que no es una clase de la CNULD (1..7) ni sin datos (-32768).</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="421" />
      <source>The number of recent years must be 0 (every year) or more; it is {value}.</source>
      <translation>El número de años recientes debe ser 0 (todos los años) o más; es {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="80" />
      <source>The outcome preset {path} cannot be read ({error}). Choose a JSON file like presets/outcomes_default.json.</source>
      <translation>No se puede leer el preajuste de resultados {path} ({error}). Elija un archivo JSON como presets/outcomes_default.json.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="94" />
      <source>The outcome preset {path} needs {key} as a number from {low} to {high} (found {value}). Correct the file, or use presets/outcomes_default.json.</source>
      <translation>El preajuste de resultados {path} necesita {key} como un número de {low} a {high} (se encontró {value}). Corrija el archivo o use presets/outcomes_default.json.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="45" />
      <source>The output table has one row per criterion with the columns criterion, weight, rank, lambda_max, ci, cr and consistent (1 or 0). Save it (e.g. as CSV) and give it to 'Restoration priority score' as WEIGHTS_TABLE: weights are matched to criteria by name.</source>
      <translation>La tabla de salida tiene una fila por criterio con las columnas criterion, weight, rank, lambda_max, ci, cr y consistent (1 o 0). Guárdela (p. ej. como CSV) y désela a 'Puntaje de prioridad de restauración' como WEIGHTS_TABLE: los pesos se asignan a los criterios por su nombre.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="117" />
      <source>The output {output} ({dest}) cannot be written: its folder does not exist or you may not write there. Choose another folder. Nothing was merged.</source>
      <translation>No se puede escribir la salida {output} ({dest}): su carpeta no existe o no tiene permiso para escribir en ella. Elija otra carpeta. No se fusionó nada.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="147" />
      <source>The output {output} could not be created. Choose another file or format.</source>
      <translation>No se pudo crear la salida {output}. Elija otro archivo u otro formato.</translation>
    </message>
    <message>
      <location filename="../processing/_outputs.py" line="119" />
      <source>The output {output} would overwrite the input {input}: both are {path}. Choose another file for {output}; nothing was written.</source>
      <translation>La salida {output} sobrescribiría la entrada {input}: ambas son {path}. Elija otro archivo para {output}; no se escribió nada.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="209" />
      <source>The outputs need up to {need} on the disk of {folder}, which has {free} free. Free some space or choose an output folder on another disk.</source>
      <translation>Las salidas necesitan hasta {need} en el disco de {folder}, que tiene {free} libres. Libere espacio o elija una carpeta de salida en otro disco.</translation>
    </message>
    <message>
      <location filename="../processing/_outputs.py" line="125" />
      <source>The outputs {output} and {other} are the same file {path}; one would overwrite the other. Choose a different file for each.</source>
      <translation>Las salidas {output} y {other} son el mismo archivo {path}; una sobrescribiría a la otra. Elija un archivo distinto para cada una.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="242" />
      <source>The overlap is {pa:.1f} % of {a} and {pb:.1f} % of {b}.</source>
      <translation>La superposición es el {pa:.1f} % de {a} y el {pb:.1f} % de {b}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="135" />
      <source>The pairwise comparison handles at most {max} criteria (Saaty's random index table ends there); {n} were given. Group criteria, or compare them in two levels.</source>
      <translation>La comparación por pares admite como máximo {max} criterios (la tabla del índice aleatorio de Saaty termina ahí); se dieron {n}. Agrupe criterios o compárelos en dos niveles.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="133" />
      <source>The pairwise comparison needs at least two criteria; {n} were given.</source>
      <translation>La comparación por pares necesita al menos dos criterios; se dieron {n}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="271" />
      <source>The pairwise matrix file {path} has {rows} rows for {n} criteria; it must be square.</source>
      <translation>El archivo de matriz de comparación por pares {path} tiene {rows} filas para {n} criterios; debe ser cuadrada.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="256" />
      <source>The pairwise matrix file {path} needs a header row with the criterion names and one row per criterion.</source>
      <translation>El archivo de matriz de comparación por pares {path} necesita una fila de encabezado con los nombres de los criterios y una fila por criterio.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="178" />
      <source>The pairwise matrix is not reciprocal: row {row}, column {col} ({a} vs {b}) holds {value}, so row {col}, column {row} must hold {expected}, but it holds {other}. Give only the upper triangle and the lower one is filled in.</source>
      <translation>La matriz de comparación por pares no es recíproca: la fila {row}, columna {col} ({a} frente a {b}) contiene {value}, así que la fila {col}, columna {row} debe contener {expected}, pero contiene {other}. Dé solo el triángulo superior y el inferior se completa solo.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="190" />
      <source>The parameter {label} ({name}) is '{value}', which is not a finite number. Enter a number.</source>
      <translation>El parámetro {label} ({name}) es '{value}', que no es un número finito. Introduzca un número.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="99" />
      <source>The parent legend of {path} has the codes {codes}; it must be the 7 UNCCD classes (1 tree-covered .. 7 water body).</source>
      <translation>La leyenda padre de {path} tiene los códigos {codes}; debe ser la de las 7 clases de la CNULD (1 cubierta arbórea .. 7 cuerpo de agua).</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="138" />
      <source>The polygon layer POLYGONS is missing or cannot be opened.</source>
      <translation>La capa de polígonos POLYGONS falta o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../algorithms/agreement.py" line="73" />
      <source>The polygon layers have an empty extent; there is nothing to compare.</source>
      <translation>Las capas de polígonos tienen una extensión vacía; no hay nada que comparar.</translation>
    </message>
    <message>
      <location filename="../algorithms/overlap/pieces.py" line="41" />
      <source>The polygon overlay did not conserve area near ({x:.6f}, {y:.6f}): the pieces add up to {got:.3f} instead of {expected:.3f} square units, so land would be counted twice or lost. Repair the geometries there (Vector &gt; Geometry tools &gt; Fix geometries) and run again.</source>
      <translation>La superposición de polígonos no conservó el área cerca de ({x:.6f}, {y:.6f}): las piezas suman {got:.3f} en lugar de {expected:.3f} unidades cuadradas, de modo que habría tierra contada dos veces o perdida. Repare allí las geometrías (Vectorial &gt; Herramientas de geometría &gt; Corregir geometrías) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../algorithms/geometry/overlay.py" line="31" />
      <source>The polygon overlay failed near ({x:.6f}, {y:.6f}): {error} Repair the geometries there (Vector &gt; Geometry tools &gt; Fix geometries) and run again.</source>
      <translation>La superposición de polígonos falló cerca de ({x:.6f}, {y:.6f}): {error} Repare las geometrías de esa zona (Vectorial &gt; Herramientas de geometría &gt; Corregir geometrías) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="496" />
      <source>The preset refers to the layer {path}, which cannot be opened.</source>
      <translation>El preajuste remite a la capa {path}, que no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/presets.py" line="42" />
      <source>The preset {path} gives a weight to {names}, which is not one of its criteria.</source>
      <translation>El preajuste {path} da un peso a {names}, que no es uno de sus criterios.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/presets.py" line="30" />
      <source>The preset {path} has format version {version}; this plugin reads version {supported}. Update the plugin.</source>
      <translation>El preajuste {path} tiene la versión de formato {version}; este complemento lee la versión {supported}. Actualice el complemento.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/presets.py" line="34" />
      <source>The preset {path} has no "criteria" list.</source>
      <translation>El preajuste {path} no tiene una lista "criteria".</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/presets.py" line="25" />
      <location filename="../algorithms/serfor.py" line="75" />
      <source>The preset {path} is not valid JSON: {error}</source>
      <translation>El preajuste {path} no es un JSON válido: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="276" />
      <location filename="../algorithms/minam.py" line="295" />
      <source>The productivity raster {name} holds codes that are not land productivity dynamics classes (1 to 5; 0 and 15 are no data); codes (pixels): {values}. Fix the raster or its nodata value, or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>El ráster de productividad {name} contiene códigos que no son clases de dinámica de la productividad de la tierra (1 a 5; 0 y 15 son sin datos); códigos (píxeles): {values}. Corrija el ráster o su valor sin datos, o ponga UNKNOWN_CODES en sin datos para dejar esos píxeles fuera.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="208" />
      <source>The raster DEGRADED has no pixel with the degraded value {value}. Check DEGRADED_VALUE (the T2 Restore degradation output uses -1).</source>
      <translation>El ráster DEGRADED no tiene ningún píxel con el valor degradado {value}. Revise DEGRADED_VALUE (la salida de degradación de T2 Restore usa -1).</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="42" />
      <source>The raster grid is rotated (its geotransform has rotation terms); slope and distances need a north-up raster. Warp it to a north-up grid first.</source>
      <translation>La grilla del ráster está rotada (su geotransformación tiene términos de rotación); la pendiente y las distancias necesitan un ráster orientado al norte. Reproyéctelo primero a una grilla orientada al norte.</translation>
    </message>
    <message>
      <location filename="../algorithms/areas.py" line="57" />
      <source>The raster has no coordinate reference system, so its areas cannot be computed. Assign its CRS (Layer properties &gt; Source) and run again.</source>
      <translation>El ráster no tiene sistema de referencia de coordenadas, así que no se pueden calcular sus áreas. Asígnele su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="180" />
      <source>The raster {file} cannot be opened: {error}</source>
      <translation>No se puede abrir el ráster {file}: {error}</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="146" />
      <source>The raster {key} ({name}) has no pixel with the values {values} given in {values_key}. Check {values_key} (the status of ldn_status has the classes 1 to 7; 1, 2 and 3 are degraded) or choose another raster.</source>
      <translation>El ráster {key} ({name}) no tiene ningún píxel con los valores {values} dados en {values_key}. Revise {values_key} (el estado de ldn_status tiene las clases 1 a 7; 1, 2 y 3 son degradadas) o elija otro ráster.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="163" />
      <location filename="../processing/base.py" line="205" />
      <location filename="../processing/priority_score.py" line="479" />
      <source>The raster {name} comes from the '{provider}' provider; T2 Restore reads files GDAL can open. Save it as a GeoTIFF first.</source>
      <translation>El ráster {name} viene del proveedor '{provider}'; T2 Restore lee archivos que GDAL puede abrir. Guárdelo primero como GeoTIFF.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="84" />
      <source>The raster {name} has a geographic CRS ({crs}) but its coordinates ({x:.0f}, {y:.0f}) are not longitudes and latitudes: it is probably in a projected CRS such as UTM. Assign the right CRS (Layer properties &gt; Source) and run again.</source>
      <translation>El ráster {name} tiene un SRC geográfico ({crs}), pero sus coordenadas ({x:.0f}, {y:.0f}) no son longitudes y latitudes: probablemente está en un SRC proyectado como UTM. Asigne el SRC correcto (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="91" />
      <source>The raster {name} has a projected CRS ({crs}) but its pixel size ({size:g}) and coordinates ({x:g}, {y:g}) look like degrees: it is probably in a geographic CRS such as EPSG:4326. Assign the right CRS (Layer properties &gt; Source) and run again.</source>
      <translation>El ráster {name} tiene un SRC proyectado ({crs}), pero su tamaño de píxel ({size:g}) y sus coordenadas ({x:g}, {y:g}) parecen grados: probablemente está en un SRC geográfico como EPSG:4326. Asigne el SRC correcto (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="249" />
      <location filename="../algorithms/land_cover_prep.py" line="71" />
      <source>The raster {name} has no band {band}.</source>
      <translation>El ráster {name} no tiene la banda {band}.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor_grid.py" line="77" />
      <source>The raster {name} has no coordinate reference system; slope, distances and areas need one. Assign its CRS (Layer properties &gt; Source) and run again.</source>
      <translation>El ráster {name} no tiene sistema de referencia de coordenadas; la pendiente, las distancias y las áreas lo necesitan. Asigne su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../algorithms/fragmentation.py" line="226" />
      <source>The raster {name} has no forest pixel: no valid cell holds {forest} (FOREST_VALUES). Values found: {found}. Set FOREST_VALUES to the values that mean forest.</source>
      <translation>El ráster {name} no tiene ningún píxel de bosque: ninguna celda válida contiene {forest} (FOREST_VALUES). Valores encontrados: {found}. Establezca FOREST_VALUES con los valores que significan bosque.</translation>
    </message>
    <message>
      <location filename="../algorithms/agreement.py" line="164" />
      <location filename="../algorithms/blocks.py" line="572" />
      <location filename="../algorithms/priority/passes.py" line="74" />
      <source>The raster {name} has no valid pixel (all nodata).</source>
      <translation>El ráster {name} no tiene ningún píxel válido (todo sin datos).</translation>
    </message>
    <message>
      <location filename="../algorithms/summary.py" line="14" />
      <source>The raster {name} holds decimal values; area by class needs an integer (class) raster. Classify or convert it first.</source>
      <translation>El ráster {name} contiene valores decimales; el área por clase necesita un ráster de enteros (clases). Clasifíquelo o conviértalo primero.</translation>
    </message>
    <message>
      <location filename="../algorithms/unit_histograms.py" line="96" />
      <source>The raster {name} holds decimal values; ecological units and land cover must be integer class rasters.</source>
      <translation>El ráster {name} contiene valores decimales; las unidades ecológicas y la cobertura del suelo deben ser rásteres de clases enteras.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="368" />
      <source>The raster {name} holds decimal values; it must hold class codes (whole numbers).</source>
      <translation>El ráster {name} contiene valores decimales; debe contener códigos de clase (números enteros).</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn_status/engine.py" line="44" />
      <source>The raster {name} holds values other than -1 (degraded), 0 (stable), 1 (improved) and its no data value; values (pixels): {values}. Give an SDG 15.3.1 raster (as ldn_degradation or Trends.Earth write it), set its no data value, or set UNKNOWN_CODES to nodata to leave those pixels out.</source>
      <translation>El ráster {name} contiene valores distintos de -1 (degradado), 0 (estable), 1 (mejorado) y su valor sin datos; valores (píxeles): {values}. Dé un ráster ODS 15.3.1 (como lo escriben ldn_degradation o Trends.Earth), defina su valor sin datos, o ponga UNKNOWN_CODES en sin datos para dejar fuera esos píxeles.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="201" />
      <source>The raster {name} is missing or cannot be opened.</source>
      <translation>Falta el ráster {name} o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../algorithms/target2.py" line="236" />
      <source>The raster {name} is rotated (its geotransform has rotation terms); warp it to a north-up grid first (Raster &gt; Projections &gt; Warp).</source>
      <translation>El ráster {name} está rotado (su geotransformación tiene términos de rotación); reproyéctelo primero a una grilla orientada al norte (Ráster &gt; Proyecciones &gt; Combar).</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="66" />
      <source>The raster {path} has no coordinate reference system, so the registry's areas cannot be placed on it. Assign its CRS (Layer properties &gt; Source) and compute again.</source>
      <translation>El ráster {path} no tiene sistema de referencia de coordenadas, así que las áreas del registro no pueden ubicarse sobre él. Asigne su SRC (Propiedades de la capa &gt; Fuente) y calcule de nuevo.</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="91" />
      <source>The raster {path} has no pixel of the degraded classes {classes}. Choose the status raster of ldn_status (classes 1 to 7; 1, 2 and 3 are degraded) or change the classes.</source>
      <translation>El ráster {path} no tiene ningún píxel de las clases degradadas {classes}. Elija el ráster de estado de ldn_status (clases 1 a 7; 1, 2 y 3 son degradadas) o cambie las clases.</translation>
    </message>
    <message>
      <location filename="../algorithms/errors.py" line="46" />
      <source>The rasters {name_a} and {name_b} are not on the same grid: {property} differs ({value_a} vs {value_b}). Resample them onto one grid first, or enable the alignment option to warp them onto the reference grid.</source>
      <translation>Los rásteres {name_a} y {name_b} no están en la misma grilla: difiere {property} ({value_a} frente a {value_b}). Remuestréelos primero a una sola grilla, o active la opción de alineación para proyectarlos sobre la grilla de referencia.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="136" />
      <source>The recode file {path} needs the columns code and unccd_class.</source>
      <translation>El archivo de reclasificación {path} necesita las columnas code y unccd_class.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="71" />
      <source>The region is written into a temporary folder beside OUTPUT_FOLDER and moved into place only when complete. OUTPUT_FOLDER must be new, empty, or hold a region written before by this algorithm (which is replaced); a folder holding other files is refused, so nothing of yours is overwritten. The free disk space is checked first.</source>
      <translation>La región se escribe en una carpeta temporal junto a OUTPUT_FOLDER y se mueve a su lugar solo cuando está completa. OUTPUT_FOLDER debe ser nueva, estar vacía o contener una región escrita antes por este algoritmo (que se reemplaza); una carpeta con otros archivos se rechaza, así nada suyo se sobrescribe. Primero se comprueba el espacio libre en disco.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="51" />
      <source>The registry has {n} validation errors, listed in the section Validation and in the sheet of the same name.</source>
      <translation>El registro tiene {n} errores de validación, listados en la sección Validación y en la hoja del mismo nombre.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="137" />
      <source>The registry has {n} validation errors: the report is made and lists them in their own section and sheet.</source>
      <translation>El registro tiene {n} errores de validación: el reporte se elabora y los lista en su propia sección y hoja.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="83" />
      <source>The registry may be a GeoPackage (&lt;registry&gt;.gpkg|layername=restoration_areas) or a shared PostGIS registry: its layer t2restore.restoration_areas, opened from a saved PostgreSQL connection (the user name and password come from QGIS's authentication database) or, with qgis_process, given as postgres://dbname=... table="t2restore"."restoration_areas" (geom).</source>
      <translation>El registro puede ser un GeoPackage (&lt;registro&gt;.gpkg|layername=restoration_areas) o un registro PostGIS compartido: su capa t2restore.restoration_areas, abierta desde una conexión PostgreSQL guardada (el usuario y la contraseña vienen de la base de autenticación de QGIS) o, con qgis_process, dada como postgres://dbname=... table="t2restore"."restoration_areas" (geom).</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="168" />
      <source>The registry {path} cannot be created: {detail}</source>
      <translation>No se puede crear el registro {path}: {detail}</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="43" />
      <source>The registry {path} cannot be opened: you do not have permission to read it. Ask the owner of the file for read permission, or open a copy of it.</source>
      <translation>No se puede abrir el registro {path}: usted no tiene permiso para leerlo. Pida permiso de lectura a quien administra el archivo, o abra una copia.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="11" />
      <source>The registry {path} cannot be used: {reason}</source>
      <translation>No se puede usar el registro {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="35" />
      <source>The registry {path} cannot be written: the file or its folder is read-only, or you do not have permission to change it. Copy the registry to a folder where you can write (for example your Documents folder) and open the copy, or ask for write permission. Nothing was changed.</source>
      <translation>No se puede escribir en el registro {path}: el archivo o su carpeta son de solo lectura, o usted no tiene permiso para modificarlo. Copie el registro a una carpeta donde pueda escribir (por ejemplo, Documentos) y abra la copia, o pida permiso de escritura. No se cambió nada.</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="179" />
      <source>The registry {path} could not be migrated from schema version {version}: {reason}. The file was left unchanged; a backup is at {backup}.</source>
      <translation>No se pudo migrar el registro {path} desde la versión de esquema {version}: {reason}. El archivo quedó sin cambios; hay una copia de respaldo en {backup}.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="174" />
      <location filename="../registry/errors.py" line="15" />
      <source>The registry {path} does not exist.</source>
      <translation>El registro {path} no existe.</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="172" />
      <source>The registry {path} has schema version {version}, newer than this plugin supports ({supported}). Update the T2 Restore plugin.</source>
      <translation>El registro {path} tiene la versión de esquema {version}, más reciente que la que admite este complemento ({supported}). Actualice el complemento T2 Restore.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="50" />
      <source>The registry {path} is being written by another program (QGIS, qgis_process or another user) and stayed locked for {seconds} s. Wait for it to finish, or close the other editing session, and try again. Nothing was changed.</source>
      <translation>Otro programa (QGIS, qgis_process u otro usuario) está escribiendo en el registro {path}, que permaneció bloqueado durante {seconds} s. Espere a que termine o cierre la otra sesión de edición, y vuelva a intentarlo. No se cambió nada.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="27" />
      <source>The registry {path} is damaged or truncated: it is not a readable GeoPackage any more. Do not keep working on it: restore it from a backup copy (a file named {name}.backup-… beside it, or your own backup), or ask whoever sent it for a new copy.</source>
      <translation>El registro {path} está dañado o truncado: ya no es un GeoPackage legible. No siga trabajando en él: restáurelo desde una copia de respaldo (un archivo llamado {name}.backup-… junto a él, o su propio respaldo), o pida una copia nueva a quien se lo envió.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="83" />
      <source>The registry's area layer cannot be edited.</source>
      <translation>La capa de áreas del registro no se puede editar.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="45" />
      <source>The registry's initiatives table cannot be read: {path}</source>
      <translation>No se puede leer la tabla de iniciativas del registro: {path}</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="86" />
      <source>The repair changes the area by more than 5 %: check it on the map before accepting.</source>
      <translation>La reparación cambia la superficie en más de un 5 %: revísela en el mapa antes de aceptar.</translation>
    </message>
    <message>
      <location filename="../ui/report_action.py" line="57" />
      <source>The report could not be made; the details are in the log.</source>
      <translation>No se pudo elaborar el reporte; los detalles están en el registro de mensajes.</translation>
    </message>
    <message>
      <location filename="../processing/_report_pdf.py" line="162" />
      <source>The report {path} could not be written. Choose a folder you can write to.</source>
      <translation>No se pudo escribir el reporte {path}. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <location filename="../processing/_report_atlas.py" line="109" />
      <source>The report's data {path} cannot be written. Choose a folder you can write to.</source>
      <translation>No se pueden escribir los datos del reporte {path}. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="83" />
      <source>The rules file {path} has no 'rules' list (see presets/minam_provisional.json for the format).</source>
      <translation>El archivo de reglas {path} no tiene una lista 'rules' (vea el formato en presets/minam_provisional.json).</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="80" />
      <source>The rules file {path} is not valid JSON: {error}</source>
      <translation>El archivo de reglas {path} no es un JSON válido: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="183" />
      <source>The rules file {path} needs the columns cover_loss, productivity, fragmentation and level.</source>
      <translation>El archivo de reglas {path} necesita las columnas cover_loss, productivity, fragmentation y level.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="136" />
      <source>The rules table is empty.</source>
      <translation>La tabla de reglas está vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="151" />
      <source>The rules table needs 4 cells per row (cover loss, productivity, fragmentation, level); it has {n} cells.</source>
      <translation>La tabla de reglas necesita 4 celdas por fila (pérdida de cobertura, productividad, fragmentación, nivel); tiene {n} celdas.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="164" />
      <source>The scale factor of {name} is unknown: its metadata has none and its name is not a known product. Choose the PRODUCT (e.g. MODIS, or 'Index values as stored') or give SCALE and OFFSET.</source>
      <translation>El factor de escala de {name} es desconocido: sus metadatos no lo tienen y su nombre no es el de un producto conocido. Elija el producto PRODUCT (p. ej. MODIS, o 'Valores del índice tal como están') o indique SCALE y OFFSET.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="424" />
      <source>The search radius must be more than 0 m; it is {value}.</source>
      <translation>El radio de búsqueda debe ser mayor que 0 m; es {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="447" />
      <source>The search radius of {radius:g} m spans {pixels} pixels; at most {limit} are supported. Use a smaller radius or a coarser raster.</source>
      <translation>El radio de búsqueda de {radius:g} m abarca {pixels} píxeles; se admiten como máximo {limit}. Use un radio menor o un ráster más grueso.</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="113" />
      <source>The server skipped {count} initiatives owned by other institutions ({institutions}): the role {role} may change only its own institution's initiatives, so their {what} were not written. An editor of those institutions or an administrator of the registry can write them.</source>
      <translation>El servidor omitió {count} iniciativas de otras instituciones ({institutions}): el rol {role} solo puede cambiar las iniciativas de su propia institución, así que sus {what} no se escribieron. Puede escribirlos un editor de esas instituciones o un administrador del registro.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="322" />
      <source>The soil organic carbon sub-indicator needs both the baseline and the target stock.</source>
      <translation>El subindicador de carbono orgánico del suelo necesita el stock de línea base y el stock meta.</translation>
    </message>
    <message>
      <location filename="../ui/degraded_share.py" line="126" />
      <source>The status raster of ldn_status of the latest reporting period (STATUS_2 when there are two periods).</source>
      <translation>El ráster de estado de ldn_status del último periodo de reporte (STATUS_2 cuando hay dos periodos).</translation>
    </message>
    <message>
      <location filename="../processing/_legends.py" line="62" />
      <source>The style {path} has no class with a value and a label (a paletted or categorized style is needed).</source>
      <translation>El estilo {path} no tiene ninguna clase con valor y etiqueta (se necesita un estilo paletizado o categorizado).</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="71" />
      <source>The table has one row per level: national, each zone, each ecosystem and each gap (plus the land outside every zone or ecosystem when there is any): degraded hectares, restoration inside and outside degraded land, the share, the hectares missing to the target share, and the row's contribution to the national goal; the national row also gives the hectares missing to that goal.</source>
      <translation>La tabla tiene una fila por nivel: nacional, cada zona, cada ecosistema y cada brecha (más el territorio fuera de toda zona o ecosistema cuando lo hay): hectáreas degradadas, restauración dentro y fuera de tierras degradadas, la proporción, las hectáreas que faltan para la proporción meta y el aporte de la fila a la meta nacional; la fila nacional da además las hectáreas que faltan para esa meta.</translation>
    </message>
    <message>
      <location filename="../processing/_report_layout.py" line="123" />
      <source>The template {path} cannot be read ({error}). Choose a .qpt file saved by the report or by the Layout Manager.</source>
      <translation>No se puede leer la plantilla {path} ({error}). Elija un archivo .qpt guardado por el reporte o por el Administrador de diseños.</translation>
    </message>
    <message>
      <location filename="../processing/_report_layout.py" line="129" />
      <source>The template {path} is not a QGIS layout template (.qpt). Choose the .qpt file saved beside a report (OUTPUT_LAYOUT).</source>
      <translation>La plantilla {path} no es una plantilla de diseño de QGIS (.qpt). Elija el archivo .qpt guardado junto a un reporte (OUTPUT_LAYOUT).</translation>
    </message>
    <message>
      <location filename="../processing/_report_layout.py" line="134" />
      <source>The template {path} lacks items the report fills: {items}. Start from the .qpt saved beside a report (OUTPUT_LAYOUT) and keep these items with their ids (Item properties &gt; Item ID); anything else may be moved, resized, restyled or added.</source>
      <translation>A la plantilla {path} le faltan elementos que el reporte llena: {items}. Parta del .qpt guardado junto a un reporte (OUTPUT_LAYOUT) y conserve esos elementos con sus identificadores (Propiedades del elemento &gt; ID del elemento); todo lo demás se puede mover, redimensionar, cambiar de estilo o agregar.</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="347" />
      <source>The text of feature {feature} (field "{field}") is not valid in the encoding read: the file does not declare its encoding. Choose it under "Encoding" (usually ISO-8859-1, or windows-1252).</source>
      <translation>El texto del elemento {feature} (campo "{field}") no es válido en la codificación leída: el archivo no declara su codificación. Elíjala en «Codificación» (por lo general ISO-8859-1, o windows-1252).</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="64" />
      <source>The three metrics combine into the 5 classes with the table of the Good Practice Guidance. Years with nodata at a pixel are left out of its statistics. A pixel needs at least 5 valid years, 3 of them in the baseline and 1 in the comparison period; otherwise it is nodata, and the log counts these pixels apart. OUTPUT_METRICS (optional) holds four bands: slope (NDVI per year), Mann-Kendall significance code (sign of the trend x 1 at 90 %, 2 at 95 %, 3 at 99 %, 0 not significant), state change in decile classes and performance ratio.</source>
      <translation>Las tres métricas se combinan en las 5 clases con la tabla de la Guía de Buenas Prácticas. Los años sin datos en un píxel quedan fuera de sus estadísticas. Un píxel necesita al menos 5 años válidos, 3 de ellos en la línea base y 1 en el periodo de comparación; si no, queda sin datos y el registro cuenta esos píxeles aparte. OUTPUT_METRICS (opcional) contiene cuatro bandas: pendiente (NDVI por año), código de significancia de Mann-Kendall (signo de la tendencia x 1 al 90 %, 2 al 95 %, 3 al 99 %, 0 no significativa), cambio de estado en clases de deciles y razón de desempeño.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="151" />
      <source>The transition matrix may only hold -1, 0 or 1.</source>
      <translation>La matriz de transición solo puede contener -1, 0 o 1.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="56" />
      <source>The transition matrix may only hold -1, 0 or 1; row {row}, column {col} holds {value}.</source>
      <translation>La matriz de transición solo puede contener -1, 0 o 1; la fila {row}, columna {col} contiene {value}.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="146" />
      <source>The transition matrix must be 7 x 7 (49 values, one row and one column per UNCCD class); it has {n} values.</source>
      <translation>La matriz de transición debe ser de 7 x 7 (49 valores, una fila y una columna por clase CNULD); tiene {n} valores.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="51" />
      <source>The transition matrix must be 7 x 7 (one row and one column per UNCCD class); it is {shape}.</source>
      <translation>La matriz de transición debe ser de 7 x 7 (una fila y una columna por clase CNULD); es de {shape}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="48" />
      <source>The transition matrix must hold numbers only (-1, 0 or 1).</source>
      <translation>La matriz de transición solo debe contener números (-1, 0 o 1).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/driver.py" line="47" />
      <source>The uncertainty analysis needs an output for the stability raster.</source>
      <translation>El análisis de incertidumbre necesita una salida para el ráster de estabilidad.</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="224" />
      <source>The vegetation index {name} ({date}) has {n} quality layers of the same date; it needs exactly one. Give one quality layer per date, or none.</source>
      <translation>El índice de vegetación {name} ({date}) tiene {n} capas de calidad de la misma fecha; necesita exactamente una. Indique una capa de calidad por fecha, o ninguna.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/weights.py" line="19" />
      <source>The weight of criterion {name} is {value}; weights must be zero or positive.</source>
      <translation>El peso del criterio {name} es {value}; los pesos deben ser cero o positivos.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/uncertainty.py" line="37" />
      <source>The weight perturbation must be more than 0 and at most 100 percent; {value} was given.</source>
      <translation>La perturbación de los pesos debe ser mayor que 0 y como máximo 100 por ciento; se dio {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/weights.py" line="23" />
      <source>The weights sum to 0; give at least one criterion a positive weight.</source>
      <translation>Los pesos suman 0; dé un peso positivo al menos a un criterio.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="414" />
      <source>The weights summed to {total:g}, not 1; they were normalized to sum 1.</source>
      <translation>Los pesos sumaban {total:g}, no 1; se normalizaron para sumar 1.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="255" />
      <source>The weights table comes from inconsistent AHP judgments (CR = {cr:.3f}); its weights are used, but review the comparisons.</source>
      <translation>La tabla de pesos proviene de juicios AHP inconsistentes (RC = {cr:.3f}); se usan sus pesos, pero revise las comparaciones.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/weights.py" line="37" />
      <source>The weights table gives '{weight}' as the weight of {name}; it must be a number.</source>
      <translation>La tabla de pesos da '{weight}' como peso de {name}; debe ser un número.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/weights.py" line="41" />
      <source>The weights table has no row for the criteria {missing}; its criteria are {found}. Criterion names must match.</source>
      <translation>La tabla de pesos no tiene fila para los criterios {missing}; sus criterios son {found}. Los nombres de los criterios deben coincidir.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/weights.py" line="46" />
      <source>The weights table names {extra}, which are not criteria of this run ({names}).</source>
      <translation>La tabla de pesos nombra {extra}, que no son criterios de esta ejecución ({names}).</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="244" />
      <source>The weights table needs the columns criterion and weight (as written by 'AHP weights').</source>
      <translation>La tabla de pesos necesita las columnas criterion y weight (como las escribe 'Pesos AHP').</translation>
    </message>
    <message>
      <location filename="../algorithms/workbook.py" line="61" />
      <source>The workbook sheet {name} cannot be created: {reason}</source>
      <translation>No se puede crear la hoja {name} del libro de cálculo: {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/workbook.py" line="92" />
      <source>The workbook {path} cannot be created: {reason}. Choose a folder you can write to.</source>
      <translation>No se puede crear el libro de cálculo {path}: {reason}. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <location filename="../algorithms/workbook.py" line="99" />
      <source>The workbook {path} cannot be written: {reason}. Choose a folder you can write to.</source>
      <translation>No se puede escribir el libro de cálculo {path}: {reason}. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/engine.py" line="43" />
      <source>The years in the band descriptions of {name} do not increase band by band ({years}). Give FIRST_YEAR, or order the bands by year.</source>
      <translation>Los años en las descripciones de las bandas de {name} no aumentan banda a banda ({years}). Indique FIRST_YEAR u ordene las bandas por año.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="260" />
      <source>The zones layer has no field '{field}'.</source>
      <translation>La capa de zonas no tiene el campo '{field}'.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="295" />
      <source>The zones layer has no polygon to summarize by. Choose a layer with polygons or leave ZONES empty.</source>
      <translation>La capa de zonas no tiene polígonos para resumir. Elija una capa con polígonos o deje ZONES vacío.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="363" />
      <source>The zones raster {name} holds decimal values; zones must be whole numbers (e.g. ecosystem codes).</source>
      <translation>El ráster de zonas {name} contiene valores decimales; las zonas deben ser números enteros (p. ej. códigos de ecosistema).</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="212" />
      <source>The {name} mapping has a row that is not two whole numbers: {key} -&gt; {value}.</source>
      <translation>La correspondencia {name} tiene una fila que no son dos números enteros: {key} -&gt; {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="226" />
      <source>The {name} mapping has no state for the codes {values}.</source>
      <translation>La correspondencia {name} no tiene estado para los códigos {values}.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="219" />
      <source>The {name} mapping is empty.</source>
      <translation>La correspondencia {name} está vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="215" />
      <source>The {name} mapping sends code {key} to state {value}; states are 0 to {last}.</source>
      <translation>La correspondencia {name} lleva el código {key} al estado {value}; los estados son 0 a {last}.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="106" />
      <source>Their coordinates fit none of the CRSs usual in Peru (WGS 84, UTM 17S/18S/19S on WGS 84, PSAD56 or SIRGAS 2000): check that the zones cover the same region.</source>
      <translation>Sus coordenadas no encajan en ninguno de los SRC usuales en el Perú (WGS 84, UTM 17S/18S/19S sobre WGS 84, PSAD56 o SIRGAS 2000): verifique que las zonas cubran la misma región.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="104" />
      <source>Their coordinates would fit {crs}: assign that CRS to the zones (Layer properties &gt; Source, or a .prj file).</source>
      <translation>Sus coordenadas encajarían en {crs}: asigne ese SRC a las zonas (Propiedades de la capa &gt; Fuente, o un archivo .prj).</translation>
    </message>
    <message>
      <location filename="../algorithms/unit_histograms.py" line="42" />
      <source>There are more than {max} ecological units (land cover classes x ecological units); performance needs one reference per unit. Group the classes into fewer units.</source>
      <translation>Hay más de {max} unidades ecológicas (clases de cobertura x unidades ecológicas); el desempeño necesita una referencia por unidad. Agrupe las clases en menos unidades.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="230" />
      <source>There is no area under restoration (the layer is empty or has no polygon): the share is 0 %.</source>
      <translation>No hay áreas en restauración (la capa está vacía o no tiene polígonos): la proporción es 0 %.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="45" />
      <source>There is no degraded land in the chosen zones: every department page shows 0 ha of degraded land.</source>
      <translation>No hay tierras degradadas en las zonas elegidas: cada página de departamento muestra 0 ha de tierra degradada.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="71" />
      <source>There is no land-cover preset '{preset}'. Choose one of: {choices}; or give a nesting file (Trends.Earth's legend-nesting JSON).</source>
      <translation>No existe el preajuste de cobertura '{preset}'. Elija uno de: {choices}; o indique un archivo de anidamiento (JSON de anidamiento de leyenda de Trends.Earth).</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/passes.py" line="83" />
      <source>There is no pixel where all the criteria have data: their valid areas do not overlap. Check that they cover the same region.</source>
      <translation>No hay ningún píxel donde todos los criterios tengan datos: sus áreas válidas no se superponen. Verifique que cubran la misma región.</translation>
    </message>
    <message>
      <location filename="../algorithms/tables.py" line="141" />
      <source>There is no pixel where all the inputs have data: the inputs' valid areas do not overlap. Check that they cover the same region.</source>
      <translation>No hay ningún píxel donde todas las entradas tengan datos: las áreas válidas de las entradas no se superponen. Verifique que cubran la misma región.</translation>
    </message>
    <message>
      <location filename="../algorithms/workbook.py" line="83" />
      <source>This GDAL has no XLSX driver, so the workbook cannot be written. Install a GDAL built with XLSX support (every QGIS installer ships one).</source>
      <translation>Este GDAL no tiene el controlador XLSX, por lo que no se puede escribir el libro de cálculo. Instale un GDAL con soporte XLSX (todo instalador de QGIS trae uno).</translation>
    </message>
    <message>
      <location filename="../algorithms/block_threads.py" line="127" />
      <source>This algorithm cannot run on a Dask cluster yet (its block function keeps state the cluster cannot return). Run it without a Dask scheduler.</source>
      <translation>Este algoritmo aún no puede ejecutarse en un clúster Dask (su función de bloque guarda un estado que el clúster no puede devolver). Ejecútelo sin planificador Dask.</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="94" />
      <source>This database already holds a registry (schema version {version}).</source>
      <translation>Esta base de datos ya contiene un registro (versión del esquema {version}).</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="353" />
      <source>This preset is provisional: its weights and thresholds are editable placeholders, not an official rule set.</source>
      <translation>Este preajuste es provisional: sus pesos y umbrales son marcadores editables, no un conjunto de reglas oficial.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="102" />
      <location filename="../registry/validate.py" line="98" />
      <location filename="../ui/models.py" line="65" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="157" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="48" />
      <source>Total area with data (ha)</source>
      <translation>Área total con datos (ha)</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="60" />
      <source>Total area with data: {ha:,.2f} ha</source>
      <translation>Área total con datos: {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="50" />
      <source>Trajectory: least-squares slope of NDVI on the year and a two-sided Mann-Kendall test (variance corrected for tied values, continuity correction, normal approximation). Significant at SIGNIFICANCE (90, 95 or 99 %, default 95) with a slope of the same sign and larger than 0.001 NDVI per year: declining or increasing; otherwise no trend.</source>
      <translation>Trayectoria: pendiente por mínimos cuadrados del NDVI respecto al año y prueba de Mann-Kendall bilateral (varianza corregida por valores empatados, corrección de continuidad, aproximación normal). Significativa al nivel SIGNIFICANCE (90, 95 o 99 %, por defecto 95) con una pendiente del mismo signo y mayor que 0,001 de NDVI por año: en declive o en aumento; si no, sin tendencia.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="21" />
      <source>Transitional</source>
      <translation>Transicional</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="31" />
      <location filename="../processing/workshop_region.py" line="51" />
      <source>Tree-covered</source>
      <translation>Cobertura arbórea</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="79" />
      <source>Trends.Earth outputs: a Trends.Earth result is a multi-band GeoTIFF with a JSON file of the same name beside it. When that JSON is there and BASELINE_BAND, REPORTING_1_BAND or REPORTING_2_BAND is left empty, the band named 'SDG 15.3.1 Indicator' is read (the log names the band and its years). A band number given there always wins. Without the JSON, the band given is read, band 1 when none is given, with a warning when the file has several bands.</source>
      <translation>Resultados de Trends.Earth: un resultado de Trends.Earth es un GeoTIFF de varias bandas con un archivo JSON del mismo nombre al lado. Cuando ese JSON está y BASELINE_BAND, REPORTING_1_BAND o REPORTING_2_BAND se deja vacío, se lee la banda llamada 'SDG 15.3.1 Indicator' (el registro indica la banda y sus años). Un número de banda indicado ahí siempre prevalece. Sin el JSON, se lee la banda indicada, la banda 1 si no se indica ninguna, con una advertencia cuando el archivo tiene varias bandas.</translation>
    </message>
    <message>
      <location filename="../algorithms/overlap/masks.py" line="68" />
      <source>Turning the raster {name} into polygons failed: {error}</source>
      <translation>No se pudo convertir el ráster {name} en polígonos: {error}</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_people.ui" line="0" />
      <source>Type</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="63" />
      <location filename="../registry/validate.py" line="112" />
      <location filename="../registry/validate.py" line="136" />
      <source>Type of the leading organization</source>
      <translation>Tipo de la organización líder</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>UBIGEO</source>
      <translation>UBIGEO</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="36" />
      <source>UBIGEO code</source>
      <translation>Código UBIGEO</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="37" />
      <location filename="../registry/validate.py" line="120" />
      <location filename="../registry/validate.py" line="143" />
      <source>UBIGEO code source</source>
      <translation>Fuente del código UBIGEO</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="275" />
      <source>UBIGEO code source (INEI or RENIEC)</source>
      <translation>Fuente del código UBIGEO (INEI o RENIEC)</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="269" />
      <location filename="../ui/admin_units.py" line="72" />
      <source>UBIGEO field</source>
      <translation>Campo del UBIGEO</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="324" />
      <source>UBIGEO_SOURCE must be one of: {codes}.</source>
      <translation>UBIGEO_SOURCE debe ser uno de: {codes}.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="89" />
      <source>UNCCD class</source>
      <translation>Clase CNULD</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="85" />
      <source>UNCERTAINTY: each of RUNS weight vectors (default 50) multiplies every weight by a factor drawn uniformly within +-PERCENT (default 20 %) and renormalizes them to sum 1 (SEED makes the runs repeatable). OUTPUT_STABILITY is the share of runs in which each pixel is high or very high (the top two classes; the top class with 3 classes). Each block is read once and all runs are one matrix product. With fixed breaks every run uses the same breaks; with quantiles or equal interval each run gets its own breaks from its own score distribution, accumulated in the same shared pass, because those classes are relative: the question is whether a pixel stays in the top of the ranking under other weights, not whether the whole score moved. That needs a second pass, which reads the criteria again.</source>
      <translation>UNCERTAINTY: cada uno de los RUNS vectores de pesos (50 por defecto) multiplica cada peso por un factor sorteado uniformemente dentro de +-PERCENT (20 % por defecto) y los renormaliza para sumar 1 (SEED hace repetibles las corridas). OUTPUT_STABILITY es la proporción de corridas en que cada píxel tiene prioridad alta o muy alta (las dos clases superiores; la clase superior con 3 clases). Cada bloque se lee una sola vez y todas las corridas son un único producto de matrices. Con cortes fijos todas las corridas usan los mismos cortes; con cuantiles o intervalos iguales cada corrida obtiene sus propios cortes de su propia distribución de puntajes, acumulada en la misma pasada compartida, porque esas clases son relativas: la pregunta es si un píxel sigue en lo alto del ordenamiento con otros pesos, no si todo el puntaje se desplazó. Eso requiere una segunda pasada, que vuelve a leer los criterios.</translation>
    </message>
    <message>
      <location filename="../algorithms/codes.py" line="25" />
      <source>UNKNOWN_CODES must be 'refuse' or 'nodata'; it is '{value}'.</source>
      <translation>UNKNOWN_CODES debe ser 'refuse' o 'nodata'; es '{value}'.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="25" />
      <source>Undetermined</source>
      <translation>Indeterminado</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="131" />
      <location filename="../ui/registry_dock.py" line="133" />
      <source>Undo</source>
      <translation>Deshacer</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="171" />
      <source>Unexpected error in {algorithm}: {error}. The details are in the log panel (T2 Restore tab); please report them.</source>
      <translation>Error inesperado en {algorithm}: {error}. Los detalles están en el panel de registro (pestaña T2 Restore); por favor, repórtelos.</translation>
    </message>
    <message>
      <location filename="../algorithms/errors.py" line="17" />
      <source>Unexpected error.</source>
      <translation>Error inesperado.</translation>
    </message>
    <message>
      <location filename="../ui/tasks.py" line="30" />
      <source>Unexpected error: {error}. Details are in the T2 Restore message log.</source>
      <translation>Error inesperado: {error}. Los detalles están en el registro de mensajes de T2 Restore.</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="156" />
      <location filename="../ui/widgets/monitoring_editor.py" line="98" />
      <source>Unit</source>
      <translation>Unidad</translation>
    </message>
    <message>
      <location filename="../algorithms/vegetation_series.py" line="537" />
      <source>Unknown annual aggregate '{value}': use mean, max or integral.</source>
      <translation>Agregado anual desconocido '{value}': use media, máximo o integral.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="55" />
      <source>Unknown class method '{method}'; use fixed, quantile or equal_interval.</source>
      <translation>Método de clases desconocido '{method}'; use fixed, quantile o equal_interval.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="55" />
      <source>Unlike the algorithms that combine several rasters, this one has no ALIGN option: it reads a single raster, so there is no other grid to align with, and the outputs are on the grid of INPUT. To combine the result with rasters on another grid, align them in the algorithm that combines them.</source>
      <translation>A diferencia de los algoritmos que combinan varios rásteres, este no tiene opción ALIGN: lee un solo ráster, así que no hay otra grilla con la cual alinearlo, y las salidas quedan en la grilla de INPUT. Para combinar el resultado con rásteres en otra grilla, alinéelos en el algoritmo que los combina.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="140" />
      <source>Upload package: areas of many polygons</source>
      <translation>Paquete de carga: áreas de muchos polígonos</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="28" />
      <source>Usable (good, or marginal without clouds, snow or shadow)</source>
      <translation>Utilizable (buena, o marginal sin nubes, nieve ni sombra)</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/uncertainty.py" line="40" />
      <source>Use 2 to 1000 uncertainty runs; {value} were asked for.</source>
      <translation>Use de 2 a 1000 corridas de incertidumbre; se pidieron {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="69" />
      <source>Use 3, 4 or 5 priority classes; {n} were asked for.</source>
      <translation>Use 3, 4 o 5 clases de prioridad; se pidieron {n}.</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="33" />
      <source>Valid</source>
      <translation>Válida</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="132" />
      <source>Validate all</source>
      <translation>Validar todo</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="133" />
      <source>Validate selected</source>
      <translation>Validar selección</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="193" />
      <source>Validating initiatives</source>
      <translation>Validando iniciativas</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="144" />
      <location filename="../ui/models.py" line="67" />
      <location filename="../ui/registry_dock.py" line="104" />
      <source>Validation</source>
      <translation>Validación</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="133" />
      <source>Validation flags</source>
      <translation>Alertas de validación</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="149" />
      <source>Validation report (CSV)</source>
      <translation>Informe de validación (CSV)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="148" />
      <source>Validation report (JSON)</source>
      <translation>Informe de validación (JSON)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="231" />
      <location filename="../ui/exchange_panel.py" line="190" />
      <source>Validation report: {json} and {csv}</source>
      <translation>Informe de validación: {json} y {csv}</translation>
    </message>
    <message>
      <location filename="../registry/report_tables.py" line="128" />
      <source>Validation state</source>
      <translation>Estado de validación</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="124" />
      <source>Validation with the FERM export rules: {ok} of the {areas} areas of these initiatives can be exported, {refused} would be refused; {errors} errors, {warnings} warnings.</source>
      <translation>Validación con las reglas de la exportación FERM: {ok} de las {areas} áreas de estas iniciativas se pueden exportar, {refused} serían rechazadas; {errors} errores, {warnings} advertencias.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="58" />
      <source>Validation: the areas do not come from a T2 Restore registry, so they were not validated.</source>
      <translation>Validación: las áreas no provienen de un registro de T2 Restore, por lo que no se validaron.</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="60" />
      <source>Validation: {errors} errors, {warnings} warnings.</source>
      <translation>Validación: {errors} errores, {warnings} advertencias.</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="239" />
      <location filename="../registry/report_tables.py" line="157" />
      <location filename="../ui/widgets/monitoring_editor.py" line="98" />
      <source>Value</source>
      <translation>Valor</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="143" />
      <source>Values of the forest mask that are forest</source>
      <translation>Valores de la máscara que son bosque</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="82" />
      <source>Values that mean forest (separated by commas)</source>
      <translation>Valores que significan bosque (separados por comas)</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="135" />
      <source>Vegetation cover loss raster (0 no loss, 1 loss), instead of the land cover maps</source>
      <translation>Ráster de pérdida de cobertura vegetal (0 sin pérdida, 1 pérdida), en lugar de los mapas de cobertura</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="50" />
      <source>Vegetation cover loss: from LC_BASELINE and LC_TARGET (any legend), a pixel whose baseline class is in NATURAL_CLASSES (default 1,2,4: tree-covered, grassland and wetland of the 7 UNCCD classes; ranges such as 11-15 are allowed) and whose target class is not has lost its cover (state 1). Or give a COVER_LOSS raster holding 0 (no loss) and 1 (loss).</source>
      <translation>Pérdida de cobertura vegetal: a partir de LC_BASELINE y LC_TARGET (cualquier leyenda), un píxel cuya clase de línea base está en NATURAL_CLASSES (por defecto 1,2,4: cubierto de árboles, pastizal y humedal de las 7 clases de la CNULD; se admiten rangos como 11-15) y cuya clase final no lo está ha perdido su cobertura (estado 1). O indique un ráster COVER_LOSS con 0 (sin pérdida) y 1 (pérdida).</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="95" />
      <source>Vegetation index rasters (or one multi-band raster)</source>
      <translation>Ráster del índice de vegetación (o un ráster multibanda)</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="234" />
      <location filename="../processing/_report_data.py" line="235" />
      <source>Version</source>
      <translation>Versión</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="26" />
      <location filename="../algorithms/priority/classes.py" line="27" />
      <source>Very high</source>
      <translation>Muy alta</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="32" />
      <source>Very high degradation</source>
      <translation>Degradación muy alta</translation>
    </message>
    <message>
      <location filename="../processing/minam_degradation.py" line="174" />
      <source>Very high degradation area (ha)</source>
      <translation>Área con degradación muy alta (ha)</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/classes.py" line="27" />
      <source>Very low</source>
      <translation>Muy baja</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="71" />
      <source>WEIGHTS: one number per criterion in RESCALING order, separated by commas; or WEIGHTS_TABLE, the table written by 'AHP weights' (columns criterion and weight, matched by name). Weights must be zero or positive; they are normalized to sum 1, with a warning when they did not; weights summing to 0 stop the run. Without weights every criterion weighs the same.</source>
      <translation>WEIGHTS: un número por criterio en el orden de RESCALING, separados por comas; o WEIGHTS_TABLE, la tabla que escribe 'Pesos AHP' (columnas criterion y weight, asignadas por nombre). Los pesos deben ser cero o positivos; se normalizan para sumar 1, con una advertencia si no sumaban 1; pesos que suman 0 detienen la ejecución. Sin pesos, todos los criterios pesan lo mismo.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="33" />
      <source>WGS 84 ellipsoid (degraded land: pixel areas; restoration: the exact share of each pixel the areas cover)</source>
      <translation>Elipsoide WGS 84 (tierra degradada: áreas de píxel; restauración: la fracción exacta de cada píxel que cubren las áreas)</translation>
    </message>
    <message>
      <location filename="../algorithms/geometry/area.py" line="42" />
      <source>WGS 84 ellipsoid (polygons in the Lambert cylindrical equal-area projection, as EPSG:6933)</source>
      <translation>Elipsoide WGS 84 (polígonos en la proyección cilíndrica equivalente de Lambert, como EPSG:6933)</translation>
    </message>
    <message>
      <location filename="../algorithms/fragmentation.py" line="38" />
      <source>WINDOW must be an odd whole number from {min} to {max} (3, 5, 7 ...); it is {value}.</source>
      <translation>WINDOW debe ser un número entero impar de {min} a {max} (3, 5, 7 ...); es {value}.</translation>
    </message>
    <message>
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>WKT column (CSV)</source>
      <translation>Columna WKT (CSV)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="166" />
      <source>WRITE_REGISTRY needs AREAS to be the restoration areas layer of a T2 Restore registry (&lt;registry&gt;.gpkg|layername=restoration_areas). Choose the registry's layer, or turn WRITE_REGISTRY off.</source>
      <translation>WRITE_REGISTRY necesita que AREAS sea la capa de áreas en restauración de un registro de T2 Restore (&lt;registro&gt;.gpkg|layername=restoration_areas). Elija la capa del registro o desactive WRITE_REGISTRY.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="181" />
      <source>WRITE_TO_REGISTRY needs INITIATIVES to be the restoration areas layer of a T2 Restore registry (&lt;registry&gt;.gpkg|layername=restoration_areas). Choose the registry's layer, or turn WRITE_TO_REGISTRY off.</source>
      <translation>WRITE_TO_REGISTRY necesita que INITIATIVES sea la capa de áreas de restauración de un registro de T2 Restore (&lt;registro&gt;.gpkg|layername=restoration_areas). Elija la capa del registro o desactive WRITE_TO_REGISTRY.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="78" />
      <source>WRITE_TO_REGISTRY: when INITIATIVES is the restoration areas layer of a T2 Restore registry, the national gap of each area (MINAM only, SERFOR only, both, none: gap A is taken as MINAM's and gap B as SERFOR's; at least 1 m2 inside a gap counts) and the names of the protected areas it lies in (field PROTECTED_NAME_FIELD of PROTECTED_AREAS) are written into the registry, all areas in one transaction. Without PROTECTED_AREAS the protected area of each area is left as it was.</source>
      <translation>WRITE_TO_REGISTRY: cuando INITIATIVES es la capa de áreas de restauración de un registro de T2 Restore, se escriben en el registro la brecha nacional de cada área (solo MINAM, solo SERFOR, ambas, ninguna: la brecha A se toma como la de MINAM y la B como la de SERFOR; cuenta al menos 1 m2 dentro de una brecha) y los nombres de las áreas protegidas en que se encuentra (campo PROTECTED_NAME_FIELD de PROTECTED_AREAS), todas las áreas en una sola transacción. Sin PROTECTED_AREAS, el área protegida de cada área queda como estaba.</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="236" />
      <source>Warning</source>
      <translation>Advertencia</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="34" />
      <source>Warnings</source>
      <translation>Advertencias</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="145" />
      <source>Warnings only</source>
      <translation>Solo advertencias</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="37" />
      <location filename="../processing/workshop_region.py" line="52" />
      <source>Water body</source>
      <translation>Cuerpo de agua</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="48" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Website</source>
      <translation>Sitio web</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="179" />
      <source>Weight perturbation (+- percent)</source>
      <translation>Perturbación de los pesos (+- por ciento)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="58" />
      <source>Weighted multi-criteria restoration priority, as in ROAM (IUCN and WRI) and SERFOR's national prioritization: each criterion is rescaled to 0..1, the rescaled criteria are summed with weights that sum to 1, constraint areas are excluded, and the score is classed low, medium, high and very high.</source>
      <translation>Prioridad de restauración multicriterio ponderada, como en ROAM (UICN y WRI) y en la priorización nacional del SERFOR: cada criterio se reescala a 0..1, los criterios reescalados se suman con pesos que suman 1, se excluyen las áreas de restricción y el puntaje se clasifica en prioridad baja, media, alta y muy alta.</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="78" />
      <source>Weights (criterion=weight, ...)</source>
      <translation>Pesos (criterio=peso, ...)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="155" />
      <source>Weights in criteria order, separated by commas</source>
      <translation>Pesos en el orden de los criterios, separados por comas</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="157" />
      <source>Weights table from 'AHP weights' (criterion, weight)</source>
      <translation>Tabla de pesos de 'Pesos AHP' (criterion, weight)</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="198" />
      <source>Weights used</source>
      <translation>Pesos usados</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="418" />
      <source>Weights used: {weights}.</source>
      <translation>Pesos usados: {weights}.</translation>
    </message>
    <message>
      <location filename="../algorithms/legends.py" line="34" />
      <location filename="../processing/workshop_region.py" line="51" />
      <source>Wetland</source>
      <translation>Humedal</translation>
    </message>
    <message>
      <location filename="../processing/_report_texts.py" line="10" />
      <source>What this report measures. Target 2 of the Kunming-Montreal Global Biodiversity Framework asks that by 2030 at least 30 % of degraded land be under effective restoration. The indicator is the area under restoration inside degraded land divided by the degraded area.</source>
      <translation>Qué mide este reporte. La Meta 2 del Marco Mundial de Biodiversidad de Kunming-Montreal pide que para 2030 al menos el 30 % de las tierras degradadas esté en restauración efectiva. El indicador es el área en restauración dentro de tierras degradadas dividida entre el área degradada.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="104" />
      <source>When an initiative differs</source>
      <translation>Si una iniciativa difiere</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="50" />
      <source>Where the MINAM ecosystem recovery gap (gap A) and the SERFOR restoration gap (gap B) overlap: the land of the two gaps is cut into three classes, only in gap A (1), only in gap B (2) and in both (3), a valid partition without overlaps, each polygon with its hectares on the WGS 84 ellipsoid. Land in both gaps is where the two sectors risk planning or counting the same restoration twice.</source>
      <translation>Dónde se superponen la brecha de recuperación de ecosistemas del MINAM (brecha A) y la brecha de restauración del SERFOR (brecha B): el territorio de las dos brechas se divide en tres clases, solo en la brecha A (1), solo en la brecha B (2) y en ambas (3), una partición válida sin superposiciones, cada polígono con sus hectáreas sobre el elipsoide WGS 84. El territorio en ambas brechas es donde los dos sectores corren el riesgo de planificar o contabilizar dos veces la misma restauración.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="57" />
      <source>Which classes count as degraded for the Target 2 denominator: in the UNCCD Good Practice Guidance for SDG 15.3.1 (version 2, 2021) and its addendum for the 2026 reporting, land degraded in the baseline stays degraded in a reporting period until it improves, so the degraded land of a reporting period is classes 1, 2 and 3 (simplified status -1). Counting only land degrading now (classes 1 and 2) is the narrower choice. For the denominator give the status of the latest period to target2_indicator with DEGRADED_CLASSES 1,2,3 (or 1,2), or its simplified status with the degraded value -1.</source>
      <translation>Qué clases cuentan como degradadas para el denominador de la Meta 2: en la Guía de Buenas Prácticas de la CNULD para el ODS 15.3.1 (versión 2, 2021) y su adenda para el reporte de 2026, la tierra degradada en la línea base sigue degradada en un periodo de reporte hasta que mejore, así que la tierra degradada de un periodo de reporte son las clases 1, 2 y 3 (estado simplificado -1). Contar solo la tierra que se degrada ahora (clases 1 y 2) es la opción más estrecha. Para el denominador dé el estado del último periodo a target2_indicator con DEGRADED_CLASSES 1,2,3 (o 1,2), o su estado simplificado con el valor degradado -1.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="84" />
      <source>Window size in pixels (odd, 3 to 31)</source>
      <translation>Tamaño de la ventana en píxeles (impar, de 3 a 31)</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="108" />
      <source>Window {w} x {w} pixels; forest values: {values}.</source>
      <translation>Ventana de {w} x {w} píxeles; valores de bosque: {values}.</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="61" />
      <source>With polygons the overlay is exact (GEOS). With a raster the degraded area is the sum of the degraded pixels, each with its own area on the WGS 84 ellipsoid, and the restoration areas are never reduced to pixel centres: each pixel counts with the exact share of it the dissolved areas cover, so every registered hectare is counted once, inside or outside degraded land, at any pixel size (an area smaller than a pixel keeps its hectares). Every layer is reprojected to the CRS of DEGRADED; areas are hectares on the WGS 84 ellipsoid whatever the CRS.</source>
      <translation>Con polígonos la superposición es exacta (GEOS). Con un ráster la superficie degradada es la suma de los píxeles degradados, cada uno con su propia área en el elipsoide WGS 84, y las áreas en restauración nunca se reducen a centros de píxel: cada píxel cuenta con la fracción exacta que cubren las áreas disueltas, de modo que cada hectárea registrada se cuenta una vez, dentro o fuera de tierra degradada, con cualquier tamaño de píxel (un área menor que un píxel conserva sus hectáreas). Cada capa se reproyecta al SRC de DEGRADED; las áreas son hectáreas en el elipsoide WGS 84 sea cual sea el SRC.</translation>
    </message>
    <message>
      <location filename="../algorithms/ahp.py" line="157" />
      <source>With {n} criteria the pairwise matrix needs {full} values (the full {n} x {n} matrix, row by row) or {upper} values (the upper triangle, row by row, right of the diagonal); {count} values were given. The matrix must be square, one row and one column per criterion.</source>
      <translation>Con {n} criterios la matriz de comparación por pares necesita {full} valores (la matriz completa de {n} x {n}, fila por fila) o {upper} valores (el triángulo superior, fila por fila, a la derecha de la diagonal); se dieron {count} valores. La matriz debe ser cuadrada, con una fila y una columna por criterio.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="51" />
      <source>Without ZONES, the pages of a registry are its departments: the administrative layer the registry names itself (a PostGIS registry: the database setting t2restore.admin_layer, which its administrator sets to a polygon table of the same database and its department field), else the one chosen in the registry dock (from which its areas get their department), dissolved by its department field. Without such a layer, or with any other polygon layer as RESTORATION_AREAS, there are no department pages.</source>
      <translation>Sin ZONES, las páginas de un registro son sus departamentos: la capa administrativa que el propio registro indica (un registro PostGIS: la configuración de la base de datos t2restore.admin_layer, que su administrador fija en una tabla de polígonos de la misma base de datos y su campo de departamento), o si no la elegida en el panel del registro (de la que sus áreas toman su departamento), disuelta por su campo de departamento. Sin esa capa, o con cualquier otra capa de polígonos como RESTORATION_AREAS, no hay páginas por departamento.</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="107" />
      <source>Workbook</source>
      <translation>Libro de cálculo</translation>
    </message>
    <message>
      <location filename="../processing/target2_report.py" line="237" />
      <source>Workbook: {path}</source>
      <translation>Libro de cálculo: {path}</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="52" />
      <location filename="../registry/validate.py" line="109" />
      <location filename="../registry/validate.py" line="133" />
      <source>Workflow status</source>
      <translation>Estado del flujo de trabajo</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="140" />
      <location filename="../processing/target2_indicator.py" line="223" />
      <source>Working CRS: {crs}; areas on the WGS 84 ellipsoid.</source>
      <translation>SRC de trabajo: {crs}; áreas sobre el elipsoide WGS 84.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="41" />
      <source>Workshop and demo data</source>
      <translation>Taller y datos de demostración</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="58" />
      <source>Workshop region (demo data)</source>
      <translation>Región del taller (datos de demostración)</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="96" />
      <location filename="../processing/workshop_region.py" line="97" />
      <source>Workshop region folder</source>
      <translation>Carpeta de la región del taller</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="138" />
      <source>Write into the registry</source>
      <translation>Escribir en el registro</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="121" />
      <source>Write the gap and protected area of each area into the registry (INITIATIVES must be a registry)</source>
      <translation>Escribir la brecha y el área protegida de cada área en el registro (INITIATIVES debe ser un registro)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="147" />
      <source>Write the outcomes into the registry's monitoring values (AREAS must be a registry)</source>
      <translation>Escribir los resultados en los valores de monitoreo del registro (AREAS debe ser un registro)</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="82" />
      <source>Writes the initiatives of a T2 Restore registry to one GeoPackage that FAO's FERM and the national platforms can take: restoration areas as EPSG:4326 MultiPolygons with a spatial index, the initiative, organization, contact and monitoring tables linked by uuid, lookup tables (code, English and Spanish label) for every vocabulary, FERM's flat public-export layer and export metadata.</source>
      <translation>Escribe las iniciativas de un registro de T2 Restore en un GeoPackage que el FERM de la FAO y las plataformas nacionales pueden recibir: áreas de restauración como MultiPolígonos en EPSG:4326 con índice espacial, las tablas de iniciativas, organizaciones, contactos y monitoreo enlazadas por uuid, tablas de códigos (código, etiqueta en inglés y en español) de cada vocabulario, la capa plana de exportación pública de FERM y los metadatos de la exportación.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="61" />
      <source>Writes the synthetic demo region the workshop uses (the same generator as 'make demo': central Peru, Huánuco, Pasco and Ucayali, EPSG:32718, 30 m pixels) into OUTPUT_FOLDER and loads its layers into the project, styled with their class names: land cover (UNCCD and national legends), land productivity dynamics, soil organic carbon, forest loss year, land use capability, the annual NDVI series, elevation, departments and provinces, protected areas, the MINAM and SERFOR restoration gaps and restoration initiatives. No internet and no terminal are needed.</source>
      <translation>Escribe en OUTPUT_FOLDER la región sintética de demostración que usa el taller (el mismo generador que 'make demo': Perú central, Huánuco, Pasco y Ucayali, EPSG:32718, píxeles de 30 m) y carga sus capas en el proyecto, con estilo y nombres de clase: cobertura (leyendas de la CNULD y nacional), dinámica de la productividad, carbono orgánico del suelo, año de pérdida de bosque, capacidad de uso mayor, la serie anual de NDVI, elevación, departamentos y provincias, áreas protegidas, las brechas de restauración de MINAM y SERFOR e iniciativas de restauración. No se necesita internet ni terminal.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="211" />
      <source>Writing gaps into the registry</source>
      <translation>Escribiendo las brechas en el registro</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="106" />
      <source>Writing the workshop region ({size} x {size} pixels of 30 m, seed {seed}) into {folder}.</source>
      <translation>Escribiendo la región del taller ({size} x {size} píxeles de 30 m, semilla {seed}) en {folder}.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="158" />
      <source>Year field of the loss points</source>
      <translation>Campo de año de los puntos de pérdida</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="129" />
      <source>Year of band 1 (0: read from the band descriptions)</source>
      <translation>Año de la banda 1 (0: leerlo de las descripciones de las bandas)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="94" />
      <source>Year of band 1 of the series (0: from band descriptions)</source>
      <translation>Año de la banda 1 de la serie (0: según las descripciones de las bandas)</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="105" />
      <location filename="../processing/workshop_region.py" line="40" />
      <source>Year of forest loss</source>
      <translation>Año de pérdida de bosque</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="100" />
      <source>Year of the first band</source>
      <translation>Año de la primera banda</translation>
    </message>
    <message>
      <location filename="../processing/forest_change.py" line="97" />
      <source>Year of the forest mask</source>
      <translation>Año de la máscara de bosque</translation>
    </message>
    <message>
      <location filename="../ui/models.py" line="71" />
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>Years</source>
      <translation>Años</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="220" />
      <source>Years whose observations hold no valid pixel (fill, nodata or rejected by the quality mask), left as nodata: {years}.</source>
      <translation>Años cuyas observaciones no tienen ningún píxel válido (relleno, sin datos o rechazado por la máscara de calidad), dejados sin datos: {years}.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="217" />
      <source>Years without any observation, left as nodata: {years}.</source>
      <translation>Años sin ninguna observación, dejados sin datos: {years}.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="131" />
      <source>Years without observations</source>
      <translation>Años sin observaciones</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="31" />
      <source>Zone</source>
      <translation>Zona</translation>
    </message>
    <message>
      <location filename="../processing/_report_data.py" line="176" />
      <source>Zone id</source>
      <translation>Identificador de zona</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="223" />
      <source>Zone identifier field (e.g. UBIGEO; empty: each feature is a zone)</source>
      <translation>Campo identificador de zona (p. ej. UBIGEO; vacío: cada entidad es una zona)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="221" />
      <source>Zone name field</source>
      <translation>Campo con el nombre de la zona</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="179" />
      <location filename="../processing/base.py" line="277" />
      <source>Zones</source>
      <translation>Zonas</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="219" />
      <location filename="../ui/report_action.py" line="79" />
      <source>Zones (e.g. departments)</source>
      <translation>Zonas (p. ej. departamentos)</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="23" />
      <source>Zones are keyed by feature, or by ZONE_ID (e.g. UBIGEO), never by name: districts that share a name stay separate rows, each with its zone_id. Zones without a defined CRS are taken to be in the raster's CRS (with a warning); zones that do not overlap the raster stop the run.</source>
      <translation>Las zonas se identifican por entidad, o por ZONE_ID (p. ej. UBIGEO), nunca por nombre: los distritos que comparten un nombre quedan en filas distintas, cada una con su zone_id. Las zonas sin SRC definido se toman en el SRC del ráster (con una advertencia); si ninguna zona se superpone al ráster, el algoritmo se detiene.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="284" />
      <source>Zones reprojected from {src} to {dst}.</source>
      <translation>Zonas reproyectadas de {src} a {dst}.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="102" />
      <source>Zones to clip to (optional)</source>
      <translation>Zonas para recortar (opcional)</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="163" />
      <location filename="../ui/forms/initiative_areas.ui" line="0" />
      <source>Zoom to</source>
      <translation>Acercar a</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="138" />
      <source>a number</source>
      <translation>un número</translation>
    </message>
    <message>
      <location filename="../registry/mapping.py" line="138" />
      <source>a whole number</source>
      <translation>un número entero</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="278" />
      <source>achieved</source>
      <translation>lograda</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="20" />
      <source>bilinear</source>
      <translation>bilineal</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="507" />
      <source>change the owner</source>
      <translation>cambiar el propietario</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="435" />
      <source>change this initiative</source>
      <translation>cambiar esta iniciativa</translation>
    </message>
    <message>
      <location filename="../ui/widgets/monitoring_editor.py" line="64" />
      <source>choose an indicator</source>
      <translation>elija un indicador</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="501" />
      <location filename="../processing/priority_score.py" line="271" />
      <source>class break</source>
      <translation>corte de clase</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="45" />
      <source>classes</source>
      <translation>clases</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="481" />
      <location filename="../registry/postgis_store.py" line="490" />
      <source>delete</source>
      <translation>eliminar</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="34" />
      <source>density of recent deforestation</source>
      <translation>densidad de deforestación reciente</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="33" />
      <source>distance to conservation areas</source>
      <translation>distancia a áreas de conservación</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="26" />
      <source>every pixel a polygon touches (all touched)</source>
      <translation>todo píxel que toca un polígono (all touched)</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="41" />
      <source>fragmentation</source>
      <translation>fragmentación</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="31" />
      <source>gain beyond the controls, interval above 0</source>
      <translation>ganancia respecto a los controles, intervalo por encima de 0</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="219" />
      <source>gap results</source>
      <translation>resultados de brechas</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="50" />
      <source>high</source>
      <translation>alto</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="464" />
      <source>import</source>
      <translation>importar</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="98" />
      <source>initialize</source>
      <translation>inicializar</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="252" />
      <source>kept the registry's version</source>
      <translation>se conservó la versión del registro</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="106" />
      <source>lambda max = {lam:.4f}, CI = {ci:.4f}, RI = {ri:.2f}, CR = {cr:.4f}</source>
      <translation>lambda máx. = {lam:.4f}, IC = {ci:.4f}, IA = {ri:.2f}, RC = {cr:.4f}</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="24" />
      <source>land cover</source>
      <translation>cobertura del suelo</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="32" />
      <source>land-use conflict</source>
      <translation>conflicto de uso de la tierra</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/parsing.py" line="19" />
      <source>lookup score</source>
      <translation>puntaje de la tabla</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/parsing.py" line="23" />
      <source>lookup value</source>
      <translation>valor de la tabla</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="32" />
      <source>loss beyond the controls, interval below 0</source>
      <translation>pérdida respecto a los controles, intervalo por debajo de 0</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="49" />
      <source>low</source>
      <translation>bajo</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="301" />
      <source>mask value</source>
      <translation>valor de máscara</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="152" />
      <source>migrate</source>
      <translation>migrar</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="93" />
      <source>mine</source>
      <translation>mía</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="25" />
      <source>mode of the UNCCD classes</source>
      <translation>moda de las clases de la CNULD</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="20" />
      <source>nearest neighbour</source>
      <translation>vecino más cercano</translation>
    </message>
    <message>
      <location filename="../registry/pg_connect.py" line="130" />
      <source>no institution</source>
      <translation>sin institución</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="25" />
      <source>no start year</source>
      <translation>sin año de inicio</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="240" />
      <source>no sub-indicator</source>
      <translation>sin subindicador</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="278" />
      <source>not achieved</source>
      <translation>no lograda</translation>
    </message>
    <message>
      <location filename="../ui/admin_units.py" line="66" />
      <location filename="../ui/forms/area_import.ui" line="0" />
      <source>or a file</source>
      <translation>o un archivo</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="187" />
      <source>origin</source>
      <translation>el origen</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="185" />
      <source>pixel size</source>
      <translation>el tamaño de píxel</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="26" />
      <source>pixels whose centre is inside a polygon</source>
      <translation>los píxeles cuyo centro está dentro de un polígono</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="24" />
      <source>productivity</source>
      <translation>productividad</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="40" />
      <source>productivity decline</source>
      <translation>declinación de la productividad</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="224" />
      <source>read</source>
      <translation>leer</translation>
    </message>
    <message>
      <location filename="../ui/conflict_dialog.py" line="93" />
      <source>registry</source>
      <translation>registro</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="253" />
      <source>replaced by the file's version</source>
      <translation>se reemplazó por la versión del archivo</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="540" />
      <location filename="../registry/postgis_store.py" line="562" />
      <location filename="../registry/postgis_store.py" line="448" />
      <source>save</source>
      <translation>guardar</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="34" />
      <source>significant but smaller than {min_effect}</source>
      <translation>significativo pero menor que {min_effect}</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="189" />
      <source>size</source>
      <translation>el tamaño</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="254" />
      <source>skipped: an area belongs to another initiative</source>
      <translation>omitida: un área pertenece a otra iniciativa</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="32" />
      <source>slope</source>
      <translation>pendiente</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="25" />
      <source>soil organic carbon</source>
      <translation>carbono orgánico del suelo</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="26" />
      <source>start year {start} outside the series {first}-{last}</source>
      <translation>año de inicio {start} fuera de la serie {first}-{last}</translation>
    </message>
    <message>
      <location filename="../ui/widgets/monitoring_editor.py" line="66" />
      <source>the date "{date}" is not a date (YYYY-MM-DD)</source>
      <translation>la fecha "{date}" no es una fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
      <location filename="../processing/target2_indicator.py" line="168" />
      <source>the degraded land</source>
      <translation>la tierra degradada</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="147" />
      <source>the gaps</source>
      <translation>las brechas</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="33" />
      <source>the interval includes 0</source>
      <translation>el intervalo incluye el 0</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="298" />
      <source>the raster</source>
      <translation>el ráster</translation>
    </message>
    <message>
      <location filename="../ui/widgets/monitoring_editor.py" line="69" />
      <source>the value "{value}" is not a number</source>
      <translation>el valor "{value}" no es un número</translation>
    </message>
    <message>
      <location filename="../processing/_outputs.py" line="150" />
      <source>the write was refused</source>
      <translation>la escritura fue rechazada</translation>
    </message>
    <message>
      <location filename="../ui/forms/initiative_general.ui" line="0" />
      <source>to</source>
      <translation>a</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="65" />
      <location filename="../ui/area_import.py" line="335" />
      <source>unknown</source>
      <translation>desconocido</translation>
    </message>
    <message>
      <location filename="../registry/postgis_store.py" line="531" />
      <source>validate</source>
      <translation>validar</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="49" />
      <source>validation results</source>
      <translation>resultados de validación</translation>
    </message>
    <message>
      <location filename="../algorithms/minam.py" line="40" />
      <source>vegetation cover loss</source>
      <translation>pérdida de cobertura vegetal</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/parsing.py" line="47" />
      <source>weight</source>
      <translation>peso</translation>
    </message>
    <message>
      <location filename="../ui/session.py" line="148" />
      <source>{action}: done.</source>
      <translation>{action}: hecho.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="402" />
      <source>{areas} areas read into {initiatives} initiatives ({created} new): {inserted} added, {updated} updated, {unchanged} unchanged, {skipped} skipped, {removed} removed.</source>
      <translation>{areas} áreas leídas en {initiatives} iniciativas ({created} nuevas): {inserted} añadidas, {updated} actualizadas, {unchanged} sin cambios, {skipped} omitidas, {removed} eliminadas.</translation>
    </message>
    <message>
      <location filename="../ui/summary_panel.py" line="209" />
      <source>{areas} areas, {total} ha registered in total.</source>
      <translation>{areas} áreas, {total} ha registradas en total.</translation>
    </message>
    <message>
      <location filename="../ui/postgis_home.py" line="115" />
      <source>{at} {who}: {action}, revision {revision}: {title}</source>
      <translation>{at} {who}: {action}, revisión {revision}: {title}</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="42" />
      <source>{a} and {b}</source>
      <translation>{a} y {b}</translation>
    </message>
    <message>
      <location filename="../ui/widgets/vocab_widgets.py" line="52" />
      <source>{code} (not in the vocabulary)</source>
      <translation>{code} (no está en el vocabulario)</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="30" />
      <source>{controls} matched controls, fewer than {needed}</source>
      <translation>{controls} controles emparejados, menos de {needed}</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="308" />
      <source>{count} areas of AREAS are no longer in the registry and were not written.</source>
      <translation>{count} áreas de AREAS ya no están en el registro y no se escribieron.</translation>
    </message>
    <message>
      <location filename="../processing/gap_overlap.py" line="225" />
      <source>{count} areas of INITIATIVES are no longer in the registry and were not written.</source>
      <translation>{count} áreas de INITIATIVES ya no están en el registro y no se escribieron.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="21" />
      <source>{count} areas read: {inserted} added, {updated} updated, {unchanged} unchanged, {skipped} skipped, {removed} removed; save the initiative to keep them.</source>
      <translation>{count} áreas leídas: {inserted} añadidas, {updated} actualizadas, {unchanged} sin cambios, {skipped} omitidas, {removed} eliminadas; guarde la iniciativa para conservarlas.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="119" />
      <source>{count} drawn area(s) are not attached to any initiative. Open an initiative in the form and use "Draw on map" before drawing.</source>
      <translation>{count} área(s) dibujada(s) no pertenecen a ninguna iniciativa. Abra una iniciativa en el formulario y use "Dibujar en el mapa" antes de dibujar.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="357" />
      <location filename="../ui/area_actions.py" line="28" />
      <source>{count} features without a polygon were skipped.</source>
      <translation>Se omitieron {count} entidades sin polígono.</translation>
    </message>
    <message>
      <location filename="../ui/area_import.py" line="334" />
      <source>{count} features; the layer says its CRS is {crs}.</source>
      <translation>{count} entidades; la capa declara el SRC {crs}.</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="555" />
      <source>{count} initiative(s) deleted.</source>
      <translation>{count} iniciativa(s) eliminada(s).</translation>
    </message>
    <message>
      <location filename="../ui/registry_dock.py" line="378" />
      <source>{count} initiatives</source>
      <translation>{count} iniciativas</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="70" />
      <source>{count} initiatives checked out into {path}.</source>
      <translation>{count} iniciativas extraídas en {path}.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="185" />
      <source>{count} initiatives match the filter.</source>
      <translation>{count} iniciativas cumplen el filtro.</translation>
    </message>
    <message>
      <location filename="../ui/area_actions.py" line="26" />
      <source>{count} invalid geometries were repaired before measuring.</source>
      <translation>{count} geometrías no válidas se repararon antes de medirlas.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="101" />
      <source>{count} more conflicts not listed; see the conflict table (CONFLICTS_TABLE).</source>
      <translation>{count} conflictos más no listados; vea la tabla de conflictos (CONFLICTS_TABLE).</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="135" />
      <source>{count} more findings not listed; open the registry's validation panel.</source>
      <translation>{count} hallazgos más no se listan; abra el panel de validación del registro.</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="69" />
      <source>{database} already holds a registry (schema version {version}); nothing was changed.</source>
      <translation>{database} ya contiene un registro (versión del esquema {version}); no se cambió nada.</translation>
    </message>
    <message>
      <location filename="../processing/registry_init.py" line="62" />
      <source>{database}: registry migrated from schema version {old} to {new}.</source>
      <translation>{database}: registro migrado de la versión de esquema {old} a la {new}.</translation>
    </message>
    <message>
      <location filename="../ui/widgets/progress_chart.py" line="47" />
      <source>{done} ha of {target} ha ({percent:.1f} %)</source>
      <translation>{done} ha de {target} ha ({percent:.1f} %)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="141" />
      <source>{error}. Check that the folder of the output {output} exists and can be written to, or choose another file.</source>
      <translation>{error}. Compruebe que la carpeta de la salida {output} existe y admite escritura, o elija otro archivo.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="94" />
      <source>{file} is not a Trends.Earth result description (no 'results.rasters' and no 'bands' for {raster}). Remove it, or read the raster by band number.</source>
      <translation>{file} no es una descripción de resultado de Trends.Earth (no tiene 'results.rasters' ni 'bands' para {raster}). Quítelo, o lea el ráster por número de banda.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="79" />
      <source>{file}: {areas} areas; initiatives: {inserted} added, {unchanged} unchanged, {replaced} replaced, {conflicts} conflicts, {skipped} skipped.</source>
      <translation>{file}: {areas} áreas; iniciativas: {inserted} añadidas, {unchanged} sin cambios, {replaced} reemplazadas, {conflicts} conflictos, {skipped} omitidas.</translation>
    </message>
    <message>
      <location filename="../processing/import_initiatives.py" line="365" />
      <source>{filled} of {areas} areas given department, province, district and UBIGEO.</source>
      <translation>{filled} de {areas} áreas recibieron departamento, provincia, distrito y UBIGEO.</translation>
    </message>
    <message>
      <location filename="../ui/validation_panel.py" line="206" />
      <source>{initiatives} initiatives and {areas} areas checked: {errors} errors, {warnings} warnings; {valid} initiatives valid.</source>
      <translation>{initiatives} iniciativas y {areas} áreas revisadas: {errors} errores, {warnings} advertencias; {valid} iniciativas válidas.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="184" />
      <source>{initiatives} initiatives and {areas} areas exported to {path}.</source>
      <translation>{initiatives} iniciativas y {areas} áreas exportadas a {path}.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="217" />
      <source>{initiatives} initiatives and {areas} areas exported; {refused} areas refused.</source>
      <translation>{initiatives} iniciativas y {areas} áreas exportadas; {refused} áreas rechazadas.</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="242" />
      <source>{inserted} initiatives added, {replaced} replaced, {unchanged} unchanged, {conflicts} conflicts.</source>
      <translation>{inserted} iniciativas añadidas, {replaced} reemplazadas, {unchanged} sin cambios, {conflicts} conflictos.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="93" />
      <location filename="../processing/productivity_dynamics.py" line="126" />
      <location filename="../processing/serfor_criteria.py" line="184" />
      <source>{label} (ha)</source>
      <translation>{label} (ha)</translation>
    </message>
    <message>
      <location filename="../ui/widgets/outcome_chart.py" line="67" />
      <source>{label}: effect {effect:+.3f} ({low:+.3f} to {high:+.3f})</source>
      <translation>{label}: efecto {effect:+.3f} ({low:+.3f} a {high:+.3f})</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="344" />
      <location filename="../processing/base.py" line="346" />
      <location filename="../processing/definition_agreement.py" line="176" />
      <source>{label}: {ha:,.2f} ha</source>
      <translation>{label}: {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="116" />
      <location filename="../processing/productivity_dynamics.py" line="184" />
      <source>{label}: {ha:,.2f} ha ({px} pixels)</source>
      <translation>{label}: {ha:,.2f} ha ({px} píxeles)</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="265" />
      <source>{label}: {n} areas, {ha:,.2f} ha</source>
      <translation>{label}: {n} áreas, {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="29" />
      <source>{label}: {n} areas, {ha} ha. No difference from comparable land could be shown yet.</source>
      <translation>{label}: {n} áreas, {ha} ha. Aún no se pudo mostrar una diferencia con tierras comparables.</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="32" />
      <source>{label}: {n} areas, {ha} ha. Too few years, pixels or comparable land to judge.</source>
      <translation>{label}: {n} áreas, {ha} ha. Muy pocos años, píxeles o tierras comparables para juzgar.</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="27" />
      <source>{label}: {n} areas, {ha} ha. Vegetation there gained more than on comparable land without restoration.</source>
      <translation>{label}: {n} áreas, {ha} ha. Allí la vegetación ganó más que en tierras comparables sin restauración.</translation>
    </message>
    <message>
      <location filename="../processing/_report_outcomes.py" line="30" />
      <source>{label}: {n} areas, {ha} ha. Vegetation there lost more than on comparable land: these areas need a visit.</source>
      <translation>{label}: {n} áreas, {ha} ha. Allí la vegetación perdió más que en tierras comparables: estas áreas necesitan una visita.</translation>
    </message>
    <message>
      <location filename="../processing/forest_fragmentation.py" line="120" />
      <location filename="../processing/productivity_dynamics.py" line="187" />
      <source>{label}: {px} pixels</source>
      <translation>{label}: {px} píxeles</translation>
    </message>
    <message>
      <location filename="../processing/_align.py" line="65" />
      <source>{m:g} m</source>
      <translation>{m:g} m</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="52" />
      <source>{name} ({key}) has no coordinate reference system; it is assumed to be in the CRS of the other input, {crs}. If that is wrong, assign its CRS (Layer properties &gt; Source) and run again.</source>
      <translation>{name} ({key}) no tiene sistema de referencia de coordenadas; se supone que está en el SRC de la otra entrada, {crs}. Si no es así, asigne su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="424" />
      <source>{name} excludes {n} pixels.</source>
      <translation>{name} excluye {n} píxeles.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="175" />
      <source>{name} has no coordinate reference system; its pixels are assumed to be in {dst}. If that is wrong, assign its CRS (Layer properties &gt; Source) and run again.</source>
      <translation>{name} no tiene sistema de referencia de coordenadas; se supone que sus píxeles están en {dst}. Si no es así, asigne su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/definition_agreement.py" line="167" />
      <source>{name} has no degraded pixel with the values given; check its degraded values.</source>
      <translation>{name} no tiene ningún píxel degradado con los valores indicados; revise sus valores degradados.</translation>
    </message>
    <message>
      <location filename="../processing/_class_polygons.py" line="30" />
      <source>{name} has no field '{field}'; its fields: {fields}.</source>
      <translation>{name} no tiene el campo '{field}'; sus campos: {fields}.</translation>
    </message>
    <message>
      <location filename="../processing/_class_polygons.py" line="83" />
      <source>{name} has no polygon with a class of the legend '{legend}': nothing to rasterize. Check CLASS_FIELD and the legend.</source>
      <translation>{name} no tiene ningún polígono con una clase de la leyenda '{legend}': no hay nada que rasterizar. Revise CLASS_FIELD y la leyenda.</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="60" />
      <source>{name} has no polygon; it changes nothing.</source>
      <translation>{name} no tiene polígonos; no cambia nada.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/engine.py" line="53" />
      <source>{name} has {count} years ({first}-{last}); the outcome method needs at least {needed} ({before} before the start, {after} after it). Use a longer series, or lower min_years_before / min_years_after in a copy of the preset.</source>
      <translation>{name} tiene {count} años ({first}-{last}); el método de resultados necesita al menos {needed} ({before} antes del inicio, {after} después). Use una serie más larga o reduzca min_years_before / min_years_after en una copia del preajuste.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/engine.py" line="64" />
      <source>{name} has {found} bands but the series has {count} years: give one band per year of the series, in the same order.</source>
      <translation>{name} tiene {found} bandas pero la serie tiene {count} años: dé una banda por año de la serie, en el mismo orden.</translation>
    </message>
    <message>
      <location filename="../processing/priority_score.py" line="326" />
      <source>{name} is neither a raster nor a polygon layer; constraints and masks must be one of those.</source>
      <translation>{name} no es un ráster ni una capa de polígonos; las restricciones y máscaras deben ser una de ellas.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="153" />
      <source>{name} must be a polygon layer or a raster mask.</source>
      <translation>{name} debe ser una capa de polígonos o una máscara ráster.</translation>
    </message>
    <message>
      <location filename="../processing/_class_polygons.py" line="26" />
      <source>{name} needs CLASS_FIELD: the field that holds each polygon's class name or code (CobVeg2013 in MINAM's cover map).</source>
      <translation>{name} necesita CLASS_FIELD: el campo con el nombre o el código de la clase de cada polígono (CobVeg2013 en el mapa de cobertura vegetal del MINAM).</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="88" />
      <location filename="../processing/_vector.py" line="180" />
      <location filename="../processing/serfor_criteria.py" line="53" />
      <source>{name} reprojected from {src} to {dst}.</source>
      <translation>{name} reproyectada de {src} a {dst}.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="212" />
      <source>{name} was aligned onto the first file's grid.</source>
      <translation>{name} se alineó a la grilla del primer archivo.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_land_cover.py" line="155" />
      <source>{name}: its CRS is a geographic CRS with an unknown datum (as MODIS files declare); it is read as WGS 84 latitude and longitude.</source>
      <translation>{name}: su SRC es un SRC geográfico con datum desconocido (como declaran los archivos MODIS); se lee como latitud y longitud WGS 84.</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="62" />
      <source>{name}: polygons rasterized onto the grid of the first criterion: {method}.</source>
      <translation>{name}: polígonos rasterizados sobre la grilla del primer criterio: {method}.</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="65" />
      <source>{name}: polygons rasterized onto the grid of {grid}: {method}; 1 inside, 0 outside.</source>
      <translation>{name}: polígonos rasterizados sobre la grilla de {grid}: {method}; 1 dentro, 0 fuera.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="169" />
      <source>{name}: the degraded pixels (-1) of the Trends.Earth band are the mask.</source>
      <translation>{name}: los píxeles degradados (-1) de la banda de Trends.Earth son la máscara.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="142" />
      <source>{name}: the pixels with the values {values} ({key}) are the gap.</source>
      <translation>{name}: los píxeles con los valores {values} ({key}) forman la brecha.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="165" />
      <source>{name}: turning the raster mask into polygons.</source>
      <translation>{name}: convirtiendo la máscara ráster en polígonos.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="204" />
      <source>{name}: {n} features without area (lines, points or collapsed polygons) were skipped.</source>
      <translation>{name}: se omitieron {n} elementos sin área (líneas, puntos o polígonos colapsados).</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="39" />
      <location filename="../processing/_vector.py" line="198" />
      <location filename="../processing/serfor_criteria.py" line="58" />
      <source>{name}: {n} features without geometry were skipped.</source>
      <translation>{name}: se omitieron {n} entidades sin geometría.</translation>
    </message>
    <message>
      <location filename="../processing/_rasterize.py" line="42" />
      <source>{name}: {n} invalid geometries (e.g. self-intersecting rings) were repaired.</source>
      <translation>{name}: se repararon {n} geometrías no válidas (p. ej. anillos que se cortan a sí mismos).</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="201" />
      <source>{name}: {n} invalid geometries (e.g. self-intersecting rings) were repaired; first feature ids: {ids}.</source>
      <translation>{name}: se repararon {n} geometrías no válidas (p. ej., anillos que se autointersecan); primeros identificadores de elemento: {ids}.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="61" />
      <source>{name}: {n} invalid geometries were repaired.</source>
      <translation>{name}: se repararon {n} geometrías no válidas.</translation>
    </message>
    <message>
      <location filename="../processing/_class_polygons.py" line="74" />
      <source>{name}: {n} polygons name a class (field {field}) that the legend '{legend}' does not have; values (polygons): {values}. Correct those values, choose the legend they follow, or set UNKNOWN_CODES to nodata to leave those polygons out.</source>
      <translation>{name}: {n} polígonos nombran una clase (campo {field}) que la leyenda '{legend}' no tiene; valores (polígonos): {values}. Corrija esos valores, elija la leyenda que siguen o ponga UNKNOWN_CODES en nodata para dejar fuera esos polígonos.</translation>
    </message>
    <message>
      <location filename="../processing/_class_polygons.py" line="86" />
      <source>{name}: {n} polygons rasterized onto the grid of REFERENCE by their class (field {field}): a pixel takes the class of the polygon that holds its centre, the later one where polygons overlap.</source>
      <translation>{name}: {n} polígonos rasterizados sobre la grilla de REFERENCE según su clase (campo {field}): cada píxel toma la clase del polígono que contiene su centro, el último donde los polígonos se superponen.</translation>
    </message>
    <message>
      <location filename="../processing/_class_polygons.py" line="79" />
      <source>{name}: {n} polygons whose class the legend does not have were left out as no data; values (polygons): {values}.</source>
      <translation>{name}: se dejaron fuera como sin datos {n} polígonos cuya clase la leyenda no tiene; valores (polígonos): {values}.</translation>
    </message>
    <message>
      <location filename="../processing/_codes.py" line="31" />
      <source>{name}: {pixels} pixels hold codes outside the legend and were left out as no data; codes (pixels): {values}.</source>
      <translation>{name}: {pixels} píxeles contienen códigos fuera de la leyenda y se dejaron fuera como sin datos; códigos (píxeles): {values}.</translation>
    </message>
    <message>
      <location filename="../processing/restoration_outcomes.py" line="178" />
      <source>{n} areas; series {first}-{last}; controls within {radius:g} m.</source>
      <translation>{n} áreas; serie {first}-{last}; controles a menos de {radius:g} m.</translation>
    </message>
    <message>
      <location filename="../algorithms/serfor.py" line="581" />
      <source>{n} conservation areas lie farther than {limit:g} m (the largest distance computed) from the raster and were left out: the nearest pixels are that far or farther. If they should be near, check their CRS; to measure them, raise MAX_DISTANCE.</source>
      <translation>{n} áreas de conservación están a más de {limit:g} m (la distancia máxima calculada) del ráster y se dejaron fuera: los píxeles más cercanos están a esa distancia o más. Si deberían estar cerca, revise su SRC; para medirlas, aumente MAX_DISTANCE.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="245" />
      <source>{n} correction polygons read.</source>
      <translation>{n} polígonos de corrección leídos.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="293" />
      <source>{n} invalid zone geometries were repaired.</source>
      <translation>Se repararon {n} geometrías de zona no válidas.</translation>
    </message>
    <message>
      <location filename="../processing/workshop_region.py" line="114" />
      <source>{n} layers will be loaded into the project, styled.</source>
      <translation>Se cargarán {n} capas en el proyecto, con estilo.</translation>
    </message>
    <message>
      <location filename="../processing/serfor_criteria.py" line="214" />
      <source>{n} loss points without a year were skipped.</source>
      <translation>Se omitieron {n} puntos de pérdida sin año.</translation>
    </message>
    <message>
      <location filename="../processing/_zones.py" line="150" />
      <source>{n} names are borne by more than one zone of {name} ({names}): each zone keeps its own row, told apart by zone_id (the feature id). Give ZONE_ID (e.g. UBIGEO) to identify the zones by code.</source>
      <translation>{n} nombres los llevan varias zonas de {name} ({names}): cada zona conserva su propia fila, distinguida por zone_id (el id de la entidad). Indique ZONE_ID (p. ej. UBIGEO) para identificar las zonas por código.</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="198" />
      <source>{n} observations in {files} files; scale {scale:g}, offset {offset:g}.</source>
      <translation>{n} observaciones en {files} archivos; escala {scale:g}, desplazamiento {offset:g}.</translation>
    </message>
    <message>
      <location filename="../processing/productivity_dynamics.py" line="194" />
      <source>{n} pixels have fewer valid years than needed ({trend} in the series, {baseline} in the baseline, {comparison} in the comparison period) and are nodata.</source>
      <translation>{n} píxeles tienen menos años válidos de los necesarios ({trend} en la serie, {baseline} en la línea base, {comparison} en el periodo de comparación) y quedan sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/weights.py" line="14" />
      <source>{n} weights were given for {k} criteria ({names}); give one weight per criterion, in the same order.</source>
      <translation>Se dieron {n} pesos para {k} criterios ({names}); dé un peso por criterio, en el mismo orden.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="291" />
      <source>{n} zones without geometry were skipped.</source>
      <translation>Se omitieron {n} zonas sin geometría.</translation>
    </message>
    <message>
      <location filename="../algorithms/priority/entries.py" line="115" />
      <source>{origin} gives weights to some criteria but not to {names}; give a weight to every criterion or to none.</source>
      <translation>{origin} da pesos a algunos criterios pero no a {names}; dé un peso a todos los criterios o a ninguno.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="187" />
      <source>{parameter}: band {number} '{label}' of the Trends.Earth result {file} (named in its JSON).</source>
      <translation>{parameter}: banda {number} '{label}' del resultado de Trends.Earth {file} (nombrada en su JSON).</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="161" />
      <source>{parameter}: the Trends.Earth result has no band named {names}; its bands are: {bands}. Give one of these names or a band number.</source>
      <translation>{parameter}: el resultado de Trends.Earth no tiene ninguna banda llamada {names}; sus bandas son: {bands}. Indique uno de esos nombres o un número de banda.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="148" />
      <source>{parameter}: the Trends.Earth result has no band {number}; its bands are: {bands}.</source>
      <translation>{parameter}: el resultado de Trends.Earth no tiene la banda {number}; sus bandas son: {bands}.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="158" />
      <source>{parameter}: the Trends.Earth result has several bands named '{name}': {bands}. Give the band number, or the name and year as '{name} @ YEAR'.</source>
      <translation>{parameter}: el resultado de Trends.Earth tiene varias bandas llamadas '{name}': {bands}. Indique el número de banda, o el nombre y el año como '{name} @ AÑO'.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="196" />
      <source>{parameter}: {file} has {count} bands and no Trends.Earth JSON beside it ({json}), so bands cannot be picked by name: band {number} is read. If that is not the band you mean, put the JSON Trends.Earth wrote beside the raster, or give the band number.</source>
      <translation>{parameter}: {file} tiene {count} bandas y ningún JSON de Trends.Earth al lado ({json}), así que las bandas no se pueden elegir por nombre: se lee la banda {number}. Si no es la banda que quiere, ponga junto al ráster el JSON que escribió Trends.Earth, o indique el número de banda.</translation>
    </message>
    <message>
      <location filename="../processing/_te_bands.py" line="203" />
      <source>{parameter}: {file} has {count} bands, not {number}. Give a band between 1 and {count}.</source>
      <translation>{parameter}: {file} tiene {count} bandas, no {number}. Indique una banda entre 1 y {count}.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="19" />
      <source>{path} already exists; choose another file name for the new registry.</source>
      <translation>{path} ya existe; elija otro nombre de archivo para el nuevo registro.</translation>
    </message>
    <message>
      <location filename="../registry/ferm_source.py" line="23" />
      <source>{path} cannot be merged: {reason}. Nothing of it was merged.</source>
      <translation>{path} no se puede fusionar: {reason}. No se fusionó nada de él.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="223" />
      <source>{path} does not exist. Check the path, or that the disk or network folder is connected.</source>
      <translation>{path} no existe. Revise la ruta, o que el disco o la carpeta de red estén conectados.</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="224" />
      <source>{path} is a folder, not a file. Choose a file name.</source>
      <translation>{path} es una carpeta, no un archivo. Elija un nombre de archivo.</translation>
    </message>
    <message>
      <location filename="../registry/ferm_source.py" line="34" />
      <source>{path} is damaged: it cannot be read to the end ({detail}); it is probably a truncated or unfinished copy. Nothing was merged. Copy the file again from where it came from, or ask for a new export, and run the import again.</source>
      <translation>{path} está dañado: no se puede leer hasta el final ({detail}); probablemente es una copia truncada o incompleta. No se fusionó nada. Copie el archivo otra vez desde su origen, o pida una nueva exportación, y ejecute la importación de nuevo.</translation>
    </message>
    <message>
      <location filename="../registry/ferm_source.py" line="42" />
      <source>{path} is not a FERM-compatible GeoPackage made by T2 Restore (it has no t2r_export_metadata table and no registry tables). Nothing was merged. Import it with INPUT and a FIELD_MAPPING instead.</source>
      <translation>{path} no es un GeoPackage compatible con FERM hecho por T2 Restore (no tiene la tabla t2r_export_metadata ni las tablas de un registro). No se fusionó nada. Impórtelo con INPUT y un FIELD_MAPPING.</translation>
    </message>
    <message>
      <location filename="../registry/ferm_source.py" line="27" />
      <source>{path} is not a GeoPackage (it does not start as one; a renamed or unfinished file?). Nothing was merged. Give the .gpkg file of the FERM export, or copy it again from where it came from.</source>
      <translation>{path} no es un GeoPackage (no empieza como uno; ¿un archivo renombrado o incompleto?). No se fusionó nada. Indique el archivo .gpkg de la exportación FERM, o cópielo otra vez desde su origen.</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="164" />
      <source>{path} is not a T2 Restore registry (it has no initiatives and restoration areas tables).</source>
      <translation>{path} no es un registro de T2 Restore (no tiene las tablas de iniciativas y de áreas en restauración).</translation>
    </message>
    <message>
      <location filename="../registry/checkout.py" line="39" />
      <source>{path} is not a checked-out copy of a shared registry (it has no check-out record), so it cannot be checked in. Merge it with Import initiatives (FERM GeoPackage) instead.</source>
      <translation>{path} no es una copia extraída de un registro compartido (no tiene registro de extracción), así que no se puede devolver. Combínelo con Importar iniciativas (GeoPackage FERM).</translation>
    </message>
    <message>
      <location filename="../algorithms/files.py" line="222" />
      <source>{path} is on a read-only disk. Choose a folder on a writable disk.</source>
      <translation>{path} está en un disco de solo lectura. Elija una carpeta en un disco que admita escritura.</translation>
    </message>
    <message>
      <location filename="../processing/_ferm_merge.py" line="71" />
      <source>{path} is the registry itself; it cannot be merged into itself. Remove it from INPUT/INPUTS.</source>
      <translation>{path} es el propio registro; no se puede fusionar consigo mismo. Quítelo de INPUT/INPUTS.</translation>
    </message>
    <message>
      <location filename="../registry/ferm_source.py" line="49" />
      <source>{path} was made by a newer T2 Restore (schema {version}; this plugin reads schema {supported} and older). Nothing was merged. Update the T2 Restore plugin, then run the import again.</source>
      <translation>{path} fue hecho por un T2 Restore más reciente (esquema {version}; este complemento lee el esquema {supported} y anteriores). No se fusionó nada. Actualice el complemento T2 Restore y ejecute la importación de nuevo.</translation>
    </message>
    <message>
      <location filename="../registry/errors.py" line="73" />
      <source>{path}: a PostGIS registry is not created by opening it; initialize it with T2 Restore &gt; Initialize a PostGIS registry (or the dock's Initialize button).</source>
      <translation>{path}: un registro PostGIS no se crea al abrirlo; inicialícelo con T2 Restore &gt; Inicializar un registro PostGIS (o el botón Inicializar del panel).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="54" />
      <source>{percent:.1f} % of area "{site}" lies outside Peru's outline. Check the boundary of the area.</source>
      <translation>El {percent:.1f} % del área "{site}" queda fuera del contorno del Perú. Revise el límite del área.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_status.py" line="275" />
      <source>{period}: gains {gains:,.2f} ha, losses {losses:,.2f} ha, net {net:,.2f} ha; neutrality {state}.</source>
      <translation>{period}: ganancias {gains:,.2f} ha, pérdidas {losses:,.2f} ha, neto {net:,.2f} ha; neutralidad {state}.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="27" />
      <source>{pixels} pixels inside, fewer than {needed}</source>
      <translation>{pixels} píxeles dentro, menos de {needed}</translation>
    </message>
    <message>
      <location filename="../processing/ahp_weights.py" line="105" />
      <source>{rank}. {name}: {weight:.4f}</source>
      <translation>{rank}. {name}: {weight:.4f}</translation>
    </message>
    <message>
      <location filename="../ui/exchange_panel.py" line="187" />
      <source>{refused} areas refused (errors), {warnings} warnings.</source>
      <translation>{refused} áreas rechazadas (errores), {warnings} advertencias.</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkin.py" line="62" />
      <source>{saved} initiatives saved, {unchanged} unchanged, {conflicts} conflicts.</source>
      <translation>{saved} iniciativas guardadas, {unchanged} sin cambios, {conflicts} conflictos.</translation>
    </message>
    <message>
      <location filename="../processing/_vector.py" line="155" />
      <source>{values_key} applies to a raster; {key} is a polygon layer, so all its polygons are the gap.</source>
      <translation>{values_key} se aplica a un ráster; {key} es una capa de polígonos, así que todos sus polígonos forman la brecha.</translation>
    </message>
    <message>
      <location filename="../processing/registry_checkout.py" line="20" />
      <location filename="../processing/registry_init.py" line="54" />
      <source>{value} is neither a saved PostgreSQL connection of QGIS nor a connection string. Give the name of a connection saved in the Browser (PostgreSQL), host=... dbname=... user=..., or service=name.</source>
      <translation>{value} no es una conexión PostgreSQL guardada en QGIS ni una cadena de conexión. Indique el nombre de una conexión guardada en el Navegador (PostgreSQL), host=... dbname=... user=..., o service=nombre.</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="29" />
      <source>{years} valid years after the start, fewer than {needed}</source>
      <translation>{years} años válidos después del inicio, menos de {needed}</translation>
    </message>
    <message>
      <location filename="../algorithms/outcomes/rules.py" line="28" />
      <source>{years} valid years before the start, fewer than {needed}</source>
      <translation>{years} años válidos antes del inicio, menos de {needed}</translation>
    </message>
    <message>
      <location filename="../processing/prepare_vegetation_series.py" line="214" />
      <source>{year}: {n} observations, {px} pixels with a value.</source>
      <translation>{year}: {n} observaciones, {px} píxeles con valor.</translation>
    </message>
    <message>
      <location filename="../processing/export_ferm.py" line="229" />
      <source>… and {count} more errors: see the validation report.</source>
      <translation>… y {count} errores más: vea el informe de validación.</translation>
    </message>
  </context>
</TS>
