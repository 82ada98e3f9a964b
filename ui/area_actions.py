"""The areas of the initiative in the form: drawn on the map, imported from files, administrative units.

``AreaActions`` works on the session (registry, area layer, tasks, messages) and on the form whose
areas it changes; the dock wires the form's buttons to it.
"""

import copy

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QDialog

from ..translation import tr
from .admin_units import AdminLayerDialog, AdminLookup, load_config, save_config
from .area_import import ImportAreasDialog
from .session import guarded


def import_report(areas, counts, skipped, filled, repaired, admin_missing):
    """The message after an import: what was read, merged, repaired, skipped and filled."""
    text = tr("{count} areas read: {inserted} added, {updated} updated, {unchanged} unchanged, {skipped} "
              "skipped, {removed} removed; save the initiative to keep them.").format(
        count=len(areas), inserted=counts.inserted, updated=counts.updated, unchanged=counts.unchanged,
        skipped=counts.skipped, removed=counts.removed)
    if repaired:
        text += " " + tr("{count} invalid geometries were repaired before measuring.").format(count=repaired)
    if skipped:
        text += " " + tr("{count} features without a polygon were skipped.").format(count=skipped)
    if filled:
        text += " " + tr("Department and district filled for {count} areas.").format(count=filled)
    if admin_missing:
        text += " " + tr("The administrative layer {path} could not be opened, so department and district "
                         "were not filled: choose it again (menu: Administrative layer…).").format(path=admin_missing)
    return text


class AreaActions(QObject):
    """Draw, import and complete the areas of the form's initiative.

    ``widget`` parents the dialogs; ``show_areas()`` brings the form's areas page to the front.
    """

    def __init__(self, session, form, widget, show_areas):
        super().__init__(widget)
        self.session = session
        self.form = form
        self.widget = widget
        self.show_areas = show_areas
        self._draw_snapshots = {}
        self._admin_cache = None
        session.area_layer.areas_committed.connect(self._areas_drawn)
        form.draw_requested.connect(lambda: self.start_drawing())
        form.import_requested.connect(lambda: self.open_import_dialog())
        form.admin_requested.connect(lambda: self.fill_admin_units())
        form.zoom_area_requested.connect(self._zoom_form_area)

    def show_error(self, text):
        self.session.show_error(text)

    def error_text(self, exc):
        return self.session.error_text(exc)

    def _zoom_form_area(self, uuid):
        area = next((a for a in self.form.areas if a.uuid == uuid), None)
        if area is not None:
            self.session.area_layer.zoom_to_areas([area])

    # --- drawing ---------------------------------------------------------------------------
    @guarded
    def start_drawing(self):
        """Let the user digitize areas of the form's initiative on the registry's layer."""
        session, layer = self.session, self.session.area_layer
        if session.require_store() is None:
            return False
        if self.form.is_new or self.form.dirty:
            self.show_error(tr("Save the initiative before drawing its areas."))
            return False
        if layer.layer is None:
            layer.set_registry(session.store)
        uuid = self.form.initiative.uuid
        self._draw_snapshots[uuid] = session.store.get_initiative(uuid)
        if not layer.start_drawing(uuid):
            self.show_error(tr("The registry's area layer cannot be edited."))
            return False
        session.show_message(
            tr(
                "Draw the areas of \"{title}\" with QGIS's digitizing tools, then save the layer edits: "
                "the dock completes identifier, hectares and department."
            ).format(title=self.form.initiative.title)
        )
        return True

    def _admin_lookup(self):
        """The administrative lookup of the saved configuration (built once, then cached)."""
        config = load_config()
        if not config.usable:
            return None
        key = (config.source, tuple(sorted(config.fields.items())), config.ubigeo_source)
        if self._admin_cache is None or self._admin_cache[0] != key:
            self._admin_cache = (key, AdminLookup(config, QgsProject.instance().transformContext()))
        return self._admin_cache[1]

    @guarded
    def _areas_drawn(self, rows):
        """QGIS committed drawn rows: complete them through the store (uuid, hectares, units)."""
        if self.session.store is None:
            return False
        by_initiative, orphans = {}, 0
        for initiative_uuid, area_uuid in rows:
            if initiative_uuid and area_uuid:
                by_initiative.setdefault(initiative_uuid, set()).add(area_uuid)
            else:
                orphans += 1
        for uuid, new in by_initiative.items():
            if not self._complete_drawn(uuid, new):
                orphans += len(new)
        if orphans:
            self.show_error(
                tr(
                    "{count} drawn area(s) are not attached to any initiative. Open an initiative in the form "
                    "and use \"Draw on map\" before drawing."
                ).format(count=orphans)
            )
        return True

    def _complete_drawn(self, uuid, new):
        """Save the drawn areas ``new`` of initiative ``uuid`` (False when it no longer exists)."""
        initiative = self.session.store.get_initiative(uuid)
        if initiative is None:
            return False
        drawn = [a for a in initiative.areas if a.uuid in new]
        initiative.areas = [a for a in initiative.areas if a.uuid not in new] + drawn
        try:
            lookup = self._admin_lookup()
        except (OSError, RuntimeError):
            lookup = None
        if lookup is not None:
            lookup.fill(drawn)
        before = self._draw_snapshots.pop(uuid, None)
        if before is None:
            before = copy.deepcopy(initiative)
            before.areas = [a for a in before.areas if a.uuid not in new]
        self.session.write_initiative(
            initiative, before, tr("Draw {count} area(s) of \"{title}\"").format(count=len(drawn),
                                                                                 title=initiative.title)
        )
        return True

    # --- importing -------------------------------------------------------------------------
    @guarded
    def open_import_dialog(self, path=None):
        if self.session.require_store() is None:
            return False
        dialog = ImportAreasDialog(self.widget, path)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.layer is None:
                return False
            # the task reads a copy of the layer's source, so the file can be closed right after
            return self.import_areas(dialog.layer, dialog.crs(), dialog.area_mapping(), mode=dialog.mode(),
                                     encoding=dialog.encoding())
        finally:
            dialog.release()

    def import_areas(self, layer, crs, area_mapping, defaults=None, mode="update", encoding=None):
        """Read areas from ``layer`` (in ``crs``) in a QgsTask and merge them into the form's areas.

        Areas the form already holds (same uuid, or same site name and geometry) are updated,
        skipped or replaced as ``mode`` says (``registry.area_match``), so a second import of one
        file does not duplicate them.
        """
        from qgis.core import QgsVectorLayerFeatureSource

        from ..registry.area_match import merge_areas
        from ..registry.feature_import import read_areas

        if self.session.require_store() is None:
            return False
        source = QgsVectorLayerFeatureSource(layer)
        names = layer.fields().names()
        total = max(1, layer.featureCount())
        context = QgsProject.instance().transformContext()
        config = load_config()

        def work(progress, cancelled):
            repaired = []
            areas, skipped = read_areas(
                source.getFeatures(), names, crs, area_mapping, defaults, context, total,
                lambda f: progress(0.8 * f), cancelled, repaired=repaired, encoding=encoding,
            )
            filled, admin_missing = 0, ""
            if config.usable:
                try:
                    filled = AdminLookup(config, context, cancelled).fill(areas)
                except FileNotFoundError:
                    admin_missing = config.source  # the areas are still imported; the user is told below
            return areas, skipped, filled, len(repaired), admin_missing

        def done(result):
            areas, skipped, filled, repaired, admin_missing = result
            merged, counts = merge_areas(self.form.current_areas(), areas, mode)
            self.form.replace_areas(merged)
            self.show_areas()
            self.session.show_success(import_report(areas, counts, skipped, filled, repaired, admin_missing))

        return self.session.run_task(tr("Importing areas"), work, done)

    # --- administrative units --------------------------------------------------------------
    @guarded
    def fill_admin_units(self, choose=False, fill=True):
        """Fill department, province, district and UBIGEO of the form's areas.

        The administrative layer is asked for the first time only (or when ``choose``).
        """
        config = load_config()
        if choose or not config.usable:
            dialog = AdminLayerDialog(config, self.widget)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            config = dialog.config()
            if not config.usable:
                self.show_error(tr("Choose a polygon layer and at least one of its fields."))
                return False
            save_config(config)
            self._admin_cache = None
        if not fill:
            return True
        areas = copy.deepcopy(self.form.current_areas())
        if not areas:
            self.show_error(tr("The initiative has no areas yet."))
            return False
        context = QgsProject.instance().transformContext()

        def work(_progress, cancelled):
            return AdminLookup(config, context, cancelled).fill(areas, overwrite=True)

        def done(count):
            self.form.replace_areas(areas)
            self.session.show_success(tr("Department and district filled for {count} areas.").format(count=count))

        return self.session.run_task(tr("Filling departments and districts"), work, done)
