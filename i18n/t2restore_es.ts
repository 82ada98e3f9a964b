<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name>T2Restore</name>
    <message>
      <location filename="../processing/base.py" line="178" />
      <source>(all)</source>
      <translation>(todo)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="176" />
      <source>(outside every zone)</source>
      <translation>(fuera de toda zona)</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="19" />
      <source>A pixel belongs to the zone whose polygon contains its centre. Nodata pixels are reported as their own row, never dropped. The table states the raster's CRS and the area method.</source>
      <translation>Un píxel pertenece a la zona cuyo polígono contiene su centro. Los píxeles sin datos se informan en una fila propia, nunca se descartan. La tabla indica el SRC del ráster y el método de cálculo de áreas.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="78" />
      <source>Align inputs onto the baseline grid when they differ</source>
      <translation>Alinear las entradas a la grilla de la línea base cuando difieren</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="39" />
      <source>Area "{site}" has no geometry. Draw it on the map or import it from a file.</source>
      <translation>El área "{site}" no tiene geometría. Dibújela en el mapa o impórtela desde un archivo.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="44" />
      <source>Area "{site}" lies outside Peru (centre at longitude {lon:.4f}, latitude {lat:.4f}). Check the coordinate reference system of the source data.</source>
      <translation>El área "{site}" está fuera del Perú (centro en longitud {lon:.4f}, latitud {lat:.4f}). Revise el sistema de referencia de coordenadas de los datos de origen.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="66" />
      <source>Area "{site}" measures {area_ha:.0f} ha, implausibly large for one restoration area (over {maximum:.0f} ha). Check the units and the CRS of the source data.</source>
      <translation>El área "{site}" mide {area_ha:.0f} ha, una superficie inverosímil para una sola área en restauración (más de {maximum:.0f} ha). Revise las unidades y el SRC de los datos de origen.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="65" />
      <source>Area "{site}" measures {area_ha:.4f} ha, below the minimum of {minimum} ha.</source>
      <translation>El área "{site}" mide {area_ha:.4f} ha, por debajo del mínimo de {minimum} ha.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="74" />
      <source>Area "{site}" overlaps area "{other_site}" of initiative "{other_title}" by {overlap_ha:.2f} ha; the overlap would be counted twice toward the Target 2 indicator.</source>
      <translation>El área "{site}" se superpone en {overlap_ha:.2f} ha con el área "{other_site}" de la iniciativa "{other_title}"; la superposición se contaría dos veces en el indicador de la Meta 2.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="70" />
      <source>Area "{site}" overlaps area "{other_site}" of the same initiative by {overlap_ha:.2f} ha. FERM needs one polygon per area without overlaps: merge or trim them.</source>
      <translation>El área "{site}" se superpone en {overlap_ha:.2f} ha con el área "{other_site}" de la misma iniciativa. FERM requiere un polígono por área sin superposiciones: únalas o recórtelas.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="48" />
      <source>Area "{site}" seems to have latitude and longitude swapped (centre at x {lon:.4f}, y {lat:.4f}); swapped, it falls inside Peru. Re-import it with the right axis order.</source>
      <translation>El área "{site}" parece tener la latitud y la longitud intercambiadas (centro en x {lon:.4f}, y {lat:.4f}); al intercambiarlas cae dentro del Perú. Vuelva a importarla con el orden de ejes correcto.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="57" />
      <source>Area "{site}": "{field}" holds {code}, which is not a code of the vocabulary {vocabulary}.</source>
      <translation>Área "{site}": "{field}" contiene {code}, que no es un código del vocabulario {vocabulary}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="62" />
      <source>Area "{site}": "{field}" is {value}; it must be between {minimum} and {maximum}.</source>
      <translation>Área "{site}": "{field}" es {value}; debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="58" />
      <source>Area "{site}": UBIGEO "{code}" is not a valid code (2, 4 or 6 digits starting with a department code 01 to 25).</source>
      <translation>Área "{site}": el UBIGEO "{code}" no es un código válido (2, 4 o 6 dígitos que empiezan con un código de departamento del 01 al 25).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="78" />
      <source>Area "{site}": the declared area ({declared_ha:.2f} ha) differs from the area computed from the geometry ({computed_ha:.2f} ha) by {difference_pct:.1f} %.</source>
      <translation>Área "{site}": la superficie declarada ({declared_ha:.2f} ha) difiere en {difference_pct:.1f} % de la calculada a partir de la geometría ({computed_ha:.2f} ha).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="64" />
      <source>Area "{site}": the monitoring date "{value}" is not a date (YYYY-MM-DD).</source>
      <translation>Área "{site}": la fecha de monitoreo "{value}" no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="54" />
      <source>Area "{site}": the required field "{field}" is empty.</source>
      <translation>Área "{site}": el campo obligatorio "{field}" está vacío.</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="13" />
      <source>Area by class (hectares, per zone)</source>
      <translation>Área por clase (hectáreas, por zona)</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="28" />
      <source>Area table (hectares per zone and class)</source>
      <translation>Tabla de áreas (hectáreas por zona y clase)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="36" />
      <source>Areas and summaries</source>
      <translation>Áreas y resúmenes</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="125" />
      <location filename="../algorithms/ldn.py" line="240" />
      <source>At least one sub-indicator (land cover, productivity or soil organic carbon) is needed.</source>
      <translation>Se necesita al menos un subindicador (cobertura del suelo, productividad o carbono orgánico del suelo).</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="26" />
      <source>Band</source>
      <translation>Banda</translation>
    </message>
    <message>
      <location filename="../algorithms/zones.py" line="41" />
      <source>Burning the zones onto the raster grid failed: {error}</source>
      <translation>Falló la rasterización de las zonas sobre la grilla: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="152" />
      <source>CRS</source>
      <translation>el SRC</translation>
    </message>
    <message>
      <location filename="../algorithms/errors.py" line="54" />
      <source>Cancelled by the user; no output was written.</source>
      <translation>Cancelado por el usuario; no se escribió ningún resultado.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="87" />
      <source>Cannot open the raster {name} ({path}). Check that the file exists and is a raster GDAL can read.</source>
      <translation>No se puede abrir el ráster {name} ({path}). Verifique que el archivo exista y sea un ráster que GDAL pueda leer.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="104" />
      <source>Cannot read the recode file {path}: {error}</source>
      <translation>No se puede leer el archivo de reclasificación {path}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="264" />
      <source>Cannot write the output {path}: {error}</source>
      <translation>No se puede escribir el resultado {path}: {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/zones.py" line="31" />
      <source>Cannot write the temporary zones raster: {error}</source>
      <translation>No se puede escribir el ráster temporal de zonas: {error}</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="24" />
      <source>Class raster</source>
      <translation>Ráster de clases</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="37" />
      <source>Classifies land as degraded (-1), stable (0) or improved (+1) following the UNCCD Good Practice Guidance for SDG indicator 15.3.1 (version 2, 2021), the method of Trends.Earth.</source>
      <translation>Clasifica la tierra como degradada (-1), estable (0) o mejorada (+1) según la Guía de Buenas Prácticas de la CNULD para el indicador ODS 15.3.1 (versión 2, 2021), el método de Trends.Earth.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="192" />
      <source>Could not align the raster {name} onto the reference grid: {error}</source>
      <translation>No se pudo alinear el ráster {name} a la grilla de referencia: {error}</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="31" />
      <source>Degradation</source>
      <translation>Degradación</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="151" />
      <location filename="../processing/ldn_degradation.py" line="80" />
      <source>Degradation (SDG 15.3.1)</source>
      <translation>Degradación (ODS 15.3.1)</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="37" />
      <source>Degradation (SDG 15.3.1)...</source>
      <translation>Degradación (ODS 15.3.1)...</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="84" />
      <source>Degradation area table (hectares per zone and class)</source>
      <translation>Tabla de áreas de degradación (hectáreas por zona y clase)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="34" />
      <source>Degradation, SDG 15.3.1 (one out, all out)</source>
      <translation>Degradación, ODS 15.3.1 (uno fuera, todos fuera)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="22" />
      <location filename="../processing/ldn_degradation.py" line="159" />
      <source>Degraded</source>
      <translation>Degradada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="86" />
      <source>Degraded area (ha)</source>
      <translation>Área degradada (ha)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="130" />
      <source>Give at least one sub-indicator: both land cover rasters, the productivity raster, or both soil organic carbon rasters.</source>
      <translation>Indique al menos un subindicador: los dos rásteres de cobertura del suelo, el ráster de productividad o los dos rásteres de carbono orgánico del suelo.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="22" />
      <location filename="../processing/ldn_degradation.py" line="159" />
      <source>Improved</source>
      <translation>Mejorada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="87" />
      <source>Improved area (ha)</source>
      <translation>Área mejorada (ha)</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="55" />
      <source>Initiative "{title}" has no leading organization; FERM requires at least one.</source>
      <translation>La iniciativa "{title}" no tiene una organización líder; FERM exige al menos una.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="56" />
      <source>Initiative "{title}": "{field}" holds {code}, which is not a code of the vocabulary {vocabulary}.</source>
      <translation>Iniciativa "{title}": "{field}" contiene {code}, que no es un código del vocabulario {vocabulary}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="61" />
      <source>Initiative "{title}": "{field}" is {value}; it must be between {minimum} and {maximum}.</source>
      <translation>Iniciativa "{title}": "{field}" es {value}; debe estar entre {minimum} y {maximum}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="63" />
      <source>Initiative "{title}": the ending year {end} is before the starting year {start}.</source>
      <translation>Iniciativa "{title}": el año de término {end} es anterior al año de inicio {start}.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="53" />
      <source>Initiative "{title}": the required field "{field}" is empty.</source>
      <translation>Iniciativa "{title}": el campo obligatorio "{field}" está vacío.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="35" />
      <source>Initiative registry</source>
      <translation>Registro de iniciativas</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="62" />
      <source>Input class</source>
      <translation>Clase de entrada</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="51" />
      <source>Inputs must share one grid (CRS, pixel size, origin, size); otherwise the run stops and names the difference, unless 'Align inputs' is checked (nearest neighbour for classes, bilinear for carbon, onto the baseline's grid). Areas are hectares on the WGS 84 ellipsoid whatever the CRS.</source>
      <translation>Las entradas deben compartir una grilla (SRC, tamaño de píxel, origen, tamaño); si no, el proceso se detiene e indica la diferencia, salvo que se marque 'Alinear las entradas' (vecino más cercano para clases, bilineal para carbono, sobre la grilla de la línea base). Las áreas son hectáreas sobre el elipsoide WGS 84, cualquiera sea el SRC.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="61" />
      <source>Land cover recode table (input class, UNCCD class 1-7)</source>
      <translation>Tabla de reclasificación de cobertura (clase de entrada, clase CNULD 1-7)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="64" />
      <source>Land cover recode table as CSV (columns code, unccd_class)</source>
      <translation>Tabla de reclasificación de cobertura en CSV (columnas code, unccd_class)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="68" />
      <source>Land cover transition matrix (rows baseline, columns target; -1, 0, 1)</source>
      <translation>Matriz de transición de cobertura (filas línea base, columnas meta; -1, 0, 1)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="58" />
      <source>Land cover, baseline</source>
      <translation>Cobertura del suelo, línea base</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="59" />
      <source>Land cover, target</source>
      <translation>Cobertura del suelo, meta</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="39" />
      <source>Land cover: the baseline and target maps in the 7 UNCCD classes (1 tree-covered, 2 grassland, 3 cropland, 4 wetland, 5 artificial, 6 other land, 7 water) are compared through the transition matrix (default: the UNCCD matrix; edit it, e.g. for agroforestry). National legends are recoded with LC_RECODE (input class, UNCCD class) or a CSV file with columns code,unccd_class; a class in the data without a row is an error. Values outside 1..7 give nodata.</source>
      <translation>Cobertura del suelo: los mapas de línea base y meta en las 7 clases de la CNULD (1 cubierta arbórea, 2 pastizal, 3 tierra de cultivo, 4 humedal, 5 artificial, 6 otras tierras, 7 cuerpo de agua) se comparan mediante la matriz de transición (por defecto la matriz de la CNULD; edítela, p. ej. para sistemas agroforestales). Las leyendas nacionales se reclasifican con LC_RECODE (clase de entrada, clase CNULD) o con un archivo CSV con columnas code,unccd_class; una clase presente en los datos sin fila es un error. Los valores fuera de 1..7 dan sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="72" />
      <source>Land productivity dynamics (5 classes)</source>
      <translation>Dinámica de la productividad de la tierra (5 clases)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="179" />
      <location filename="../processing/ldn_degradation.py" line="159" />
      <source>No data</source>
      <translation>Sin datos</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="87" />
      <source>No data area (ha)</source>
      <translation>Área sin datos (ha)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="83" />
      <source>Not enough memory. Close other programs or process a smaller region.</source>
      <translation>Memoria insuficiente. Cierre otros programas o procese una región más pequeña.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="48" />
      <source>One out, all out: degraded where any sub-indicator is degraded, else improved where any is improved, else stable. Any of the three may be left out (at least one is needed); nodata in any used input gives nodata, whose area the table reports as its own row.</source>
      <translation>Uno fuera, todos fuera: degradada donde algún subindicador está degradado; si no, mejorada donde alguno mejora; si no, estable. Cualquiera de los tres puede omitirse (se necesita al menos uno); la falta de datos en cualquier entrada usada da sin datos, cuya área la tabla informa en una fila propia.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="44" />
      <source>Productivity: a 5-class land productivity dynamics raster (1 declining, 2 moderate decline, 3 stressed, 4 stable, 5 increasing); 1-2 are degraded, 3-4 stable, 5 improved; 0 and 15 are nodata.</source>
      <translation>Productividad: un ráster de dinámica de la productividad de 5 clases (1 en declive, 2 declive moderado, 3 estresada, 4 estable, 5 en aumento); 1-2 son degradadas, 3-4 estables, 5 mejoradas; 0 y 15 son sin datos.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="355" />
      <source>Reading the raster {name} failed: {error}</source>
      <translation>Falló la lectura del ráster {name}: {error}</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="33" />
      <source>Restoration gaps</source>
      <translation>Brechas de restauración</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="32" />
      <source>Restoration priority</source>
      <translation>Prioridad de restauración</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="74" />
      <source>Soil organic carbon, baseline stock</source>
      <translation>Carbono orgánico del suelo, stock de línea base</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="76" />
      <source>Soil organic carbon, target stock</source>
      <translation>Carbono orgánico del suelo, stock meta</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="46" />
      <source>Soil organic carbon: change of at most -10 % is degraded, at least +10 % improved; a baseline of 0 and water in the baseline land cover give nodata.</source>
      <translation>Carbono orgánico del suelo: un cambio de -10 % o menos es degradación, de +10 % o más es mejora; una línea base de 0 y el agua en la cobertura de línea base dan sin datos.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="22" />
      <location filename="../processing/ldn_degradation.py" line="159" />
      <source>Stable</source>
      <translation>Estable</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="86" />
      <source>Stable area (ha)</source>
      <translation>Área estable (ha)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="153" />
      <source>Sub-indicators</source>
      <translation>Subindicadores</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="82" />
      <source>Sub-indicators (land cover, productivity, soil carbon)</source>
      <translation>Subindicadores (cobertura, productividad, carbono del suelo)</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="85" />
      <source>Sub-indicators used</source>
      <translation>Subindicadores usados</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="149" />
      <source>Sub-indicators used: {used}.</source>
      <translation>Subindicadores usados: {used}.</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="16" />
      <source>Sums the area of every class of an integer raster, optionally per zone of a polygon layer (e.g. departments). Areas are hectares on the WGS 84 ellipsoid whatever the raster's CRS: per-row cell areas in a geographic CRS, the ellipsoidal cell area across the map in a projected one.</source>
      <translation>Suma el área de cada clase de un ráster de enteros, opcionalmente por zona de una capa de polígonos (p. ej. departamentos). Las áreas son hectáreas sobre el elipsoide WGS 84 cualquiera sea el SRC del ráster: área de celda por fila en un SRC geográfico, área elipsoidal de la celda en todo el mapa en uno proyectado.</translation>
    </message>
    <message>
      <location filename="../processing/provider.py" line="43" />
      <source>T2 Restore: ecosystem restoration (KM-GBF Target 2)</source>
      <translation>T2 Restore: restauración de ecosistemas (Meta 2 del MMB Kunming-Montreal)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="34" />
      <source>Target 2 reporting</source>
      <translation>Reporte de la Meta 2</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="34" />
      <source>The FERM export to {path} failed: {reason}. No file was written.</source>
      <translation>La exportación FERM a {path} falló: {reason}. No se escribió ningún archivo.</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="57" />
      <source>The area {area} already belongs to another initiative ({other}) in this registry; an area can belong to one initiative only.</source>
      <translation>El área {area} ya pertenece a otra iniciativa ({other}) en este registro; un área solo puede pertenecer a una iniciativa.</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="27" />
      <source>The export holds {count} area polygons; FERM accepts at most {limit} undissolved features per upload. Split the upload into several files or dissolve the areas before uploading.</source>
      <translation>La exportación contiene {count} polígonos de áreas; FERM acepta como máximo {limit} entidades sin disolver por carga. Divida la carga en varios archivos o disuelva las áreas antes de cargarlas.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="40" />
      <source>The geometry of area "{site}" is not valid (self-intersection, spike or unclosed ring). Use "Repair geometry" to fix it.</source>
      <translation>La geometría del área "{site}" no es válida (autointersección, espiga o anillo no cerrado). Use "Reparar geometría" para corregirla.</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="37" />
      <source>The geometry of area {area} cannot be read; draw or import it again.</source>
      <translation>No se puede leer la geometría del área {area}; dibújela o impórtela de nuevo.</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="49" />
      <source>The initiative "{title}" was changed or deleted by someone else after you opened it (your revision {expected}, registry revision {actual}). Reload it and apply your changes again.</source>
      <translation>Otra persona modificó o eliminó la iniciativa "{title}" después de que usted la abrió (su revisión {expected}, revisión en el registro {actual}). Vuelva a cargarla y aplique de nuevo sus cambios.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="66" />
      <source>The land cover recode table has a row that is not two whole numbers: {key} -&gt; {value}.</source>
      <translation>La tabla de reclasificación de cobertura tiene una fila que no son dos números enteros: {key} -&gt; {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="314" />
      <source>The land cover recode table has no row for the classes {classes} found in {name}. Add them to LC_RECODE (input class -&gt; UNCCD class 1..7).</source>
      <translation>La tabla de reclasificación de cobertura no tiene fila para las clases {classes} presentes en {name}. Agréguelas a LC_RECODE (clase de entrada -&gt; clase CNULD 1..7).</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="73" />
      <source>The land cover recode table is empty.</source>
      <translation>La tabla de reclasificación de cobertura está vacía.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="69" />
      <source>The land cover recode table maps class {key} to {value}; UNCCD classes are 1 to 7.</source>
      <translation>La tabla de reclasificación asigna la clase {key} a {value}; las clases CNULD van de 1 a 7.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="96" />
      <source>The land cover recode table needs pairs of values (input class, UNCCD class); it has {n} values.</source>
      <translation>La tabla de reclasificación de cobertura necesita pares de valores (clase de entrada, clase CNULD); tiene {n} valores.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="234" />
      <source>The land cover sub-indicator needs both the baseline and the target land cover.</source>
      <translation>El subindicador de cobertura necesita la cobertura de línea base y la de meta.</translation>
    </message>
    <message>
      <location filename="../algorithms/areas.py" line="61" />
      <source>The raster has no coordinate reference system, so its areas cannot be computed. Assign its CRS (Layer properties &gt; Source) and run again.</source>
      <translation>El ráster no tiene sistema de referencia de coordenadas, así que no se pueden calcular sus áreas. Asígnele su SRC (Propiedades de la capa &gt; Fuente) y vuelva a ejecutar.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="100" />
      <source>The raster {name} comes from the '{provider}' provider; T2 Restore reads files GDAL can open. Save it as a GeoTIFF first.</source>
      <translation>El ráster {name} viene del proveedor '{provider}'; T2 Restore lee archivos que GDAL puede abrir. Guárdelo primero como GeoTIFF.</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="213" />
      <source>The raster {name} has no band {band}.</source>
      <translation>El ráster {name} no tiene la banda {band}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="319" />
      <location filename="../algorithms/summary.py" line="29" />
      <source>The raster {name} has no valid pixel (all nodata).</source>
      <translation>El ráster {name} no tiene ningún píxel válido (todo sin datos).</translation>
    </message>
    <message>
      <location filename="../algorithms/summary.py" line="14" />
      <source>The raster {name} holds decimal values; area by class needs an integer (class) raster. Classify or convert it first.</source>
      <translation>El ráster {name} contiene valores decimales; el área por clase necesita un ráster de enteros (clases). Clasifíquelo o conviértalo primero.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="96" />
      <source>The raster {name} is missing or cannot be opened.</source>
      <translation>Falta el ráster {name} o no se puede abrir.</translation>
    </message>
    <message>
      <location filename="../algorithms/errors.py" line="46" />
      <source>The rasters {name_a} and {name_b} are not on the same grid: {property} differs ({value_a} vs {value_b}). Resample them onto one grid first, or enable the alignment option to warp them onto the reference grid.</source>
      <translation>Los rásteres {name_a} y {name_b} no están en la misma grilla: difiere {property} ({value_a} frente a {value_b}). Remuestréelos primero a una sola grilla, o active la opción de alineación para proyectarlos sobre la grilla de referencia.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="107" />
      <source>The recode file {path} needs the columns code and unccd_class.</source>
      <translation>El archivo de reclasificación {path} necesita las columnas code y unccd_class.</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="167" />
      <source>The registry {path} cannot be created: {detail}</source>
      <translation>No se puede crear el registro {path}: {detail}</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="25" />
      <source>The registry {path} cannot be used: {reason}</source>
      <translation>No se puede usar el registro {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="178" />
      <source>The registry {path} could not be migrated from schema version {version}: {reason}. The file was left unchanged; a backup is at {backup}.</source>
      <translation>No se pudo migrar el registro {path} desde la versión de esquema {version}: {reason}. El archivo quedó sin cambios; hay una copia de respaldo en {backup}.</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="29" />
      <source>The registry {path} does not exist.</source>
      <translation>El registro {path} no existe.</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="171" />
      <source>The registry {path} has schema version {version}, newer than this plugin supports ({supported}). Update the T2 Restore plugin.</source>
      <translation>El registro {path} tiene la versión de esquema {version}, más reciente que la que admite este complemento ({supported}). Actualice el complemento T2 Restore.</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="41" />
      <source>The registry {path} is being written by another program (QGIS, qgis_process or another user) and stayed locked for {seconds} s. Wait for it to finish, or close the other editing session, and try again. Nothing was changed.</source>
      <translation>Otro programa (QGIS, qgis_process u otro usuario) está escribiendo en el registro {path}, que permaneció bloqueado durante {seconds} s. Espere a que termine o cierre la otra sesión de edición, y vuelva a intentarlo. No se cambió nada.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="237" />
      <source>The soil organic carbon sub-indicator needs both the baseline and the target stock.</source>
      <translation>El subindicador de carbono orgánico del suelo necesita el stock de línea base y el stock meta.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="122" />
      <source>The transition matrix may only hold -1, 0 or 1.</source>
      <translation>La matriz de transición solo puede contener -1, 0 o 1.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="53" />
      <source>The transition matrix may only hold -1, 0 or 1; row {row}, column {col} holds {value}.</source>
      <translation>La matriz de transición solo puede contener -1, 0 o 1; la fila {row}, columna {col} contiene {value}.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="117" />
      <source>The transition matrix must be 7 x 7 (49 values, one row and one column per UNCCD class); it has {n} values.</source>
      <translation>La matriz de transición debe ser de 7 x 7 (49 valores, una fila y una columna por clase CNULD); tiene {n} valores.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="48" />
      <source>The transition matrix must be 7 x 7 (one row and one column per UNCCD class); it is {shape}.</source>
      <translation>La matriz de transición debe ser de 7 x 7 (una fila y una columna por clase CNULD); es de {shape}.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="45" />
      <source>The transition matrix must hold numbers only (-1, 0 or 1).</source>
      <translation>La matriz de transición solo debe contener números (-1, 0 o 1).</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="129" />
      <source>The zones layer has no field '{field}'.</source>
      <translation>La capa de zonas no tiene el campo '{field}'.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="153" />
      <source>The zones layer has no polygon to summarize by. Choose a layer with polygons or leave ZONES empty.</source>
      <translation>La capa de zonas no tiene polígonos para resumir. Elija una capa con polígonos o deje ZONES vacío.</translation>
    </message>
    <message>
      <location filename="../algorithms/ldn.py" line="322" />
      <source>There is no pixel where all the inputs have data: the inputs' valid areas do not overlap. Check that they cover the same region.</source>
      <translation>No hay ningún píxel donde todas las entradas tengan datos: las áreas válidas de las entradas no se superponen. Verifique que cubran la misma región.</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="29" />
      <source>Total area with data (ha)</source>
      <translation>Área total con datos (ha)</translation>
    </message>
    <message>
      <location filename="../processing/area_summary.py" line="40" />
      <source>Total area with data: {ha:,.2f} ha</source>
      <translation>Área total con datos: {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="62" />
      <source>UNCCD class</source>
      <translation>Clase CNULD</translation>
    </message>
    <message>
      <location filename="../algorithms/errors.py" line="17" />
      <source>Unexpected error.</source>
      <translation>Error inesperado.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="116" />
      <source>Zone name field</source>
      <translation>Campo con el nombre de la zona</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="114" />
      <source>Zones (e.g. departments)</source>
      <translation>Zonas (p. ej. departamentos)</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="134" />
      <source>Zones reprojected from {src} to {dst}.</source>
      <translation>Zonas reproyectadas de {src} a {dst}.</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="23" />
      <source>land cover</source>
      <translation>cobertura del suelo</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="160" />
      <source>origin</source>
      <translation>el origen</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="158" />
      <source>pixel size</source>
      <translation>el tamaño de píxel</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="23" />
      <source>productivity</source>
      <translation>productividad</translation>
    </message>
    <message>
      <location filename="../algorithms/blocks.py" line="162" />
      <source>size</source>
      <translation>el tamaño</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="24" />
      <source>soil organic carbon</source>
      <translation>carbono orgánico del suelo</translation>
    </message>
    <message>
      <location filename="../processing/ldn_degradation.py" line="160" />
      <source>{label}: {ha:,.2f} ha</source>
      <translation>{label}: {ha:,.2f} ha</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="151" />
      <source>{n} invalid zone geometries were repaired.</source>
      <translation>Se repararon {n} geometrías de zona no válidas.</translation>
    </message>
    <message>
      <location filename="../processing/base.py" line="149" />
      <source>{n} zones without geometry were skipped.</source>
      <translation>Se omitieron {n} zonas sin geometría.</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="33" />
      <source>{path} already exists; choose another file name for the new registry.</source>
      <translation>{path} ya existe; elija otro nombre de archivo para el nuevo registro.</translation>
    </message>
    <message>
      <location filename="../registry/ferm.py" line="38" />
      <source>{path} cannot be imported: {reason}</source>
      <translation>No se puede importar {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../registry/schema.py" line="163" />
      <source>{path} is not a T2 Restore registry (it has no initiatives and restoration areas tables).</source>
      <translation>{path} no es un registro de T2 Restore (no tiene las tablas de iniciativas y de áreas en restauración).</translation>
    </message>
    <message>
      <location filename="../registry/store.py" line="64" />
      <source>{path}: PostGIS registries are not supported yet; use a GeoPackage file.</source>
      <translation>{path}: los registros en PostGIS aún no están disponibles; use un archivo GeoPackage.</translation>
    </message>
    <message>
      <location filename="../registry/validate.py" line="52" />
      <source>{percent:.1f} % of area "{site}" lies outside Peru's outline. Check the boundary of the area.</source>
      <translation>El {percent:.1f} % del área "{site}" queda fuera del contorno del Perú. Revise el límite del área.</translation>
    </message>
  </context>
</TS>
