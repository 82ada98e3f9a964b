"""Pure computation (numpy + GDAL). Never imports qgis or Qt."""
