"""The names of the schema's migrations, in order, readable without importing sqlite-utils.

``Store`` compares them with the ``_sqlite_migrations`` table at every start and
imports ``schema`` (and sqlite-utils) only when one is pending. A test checks
that this list is exactly the migrations ``schema.py`` registers.
"""

MIGRATIONS = ("0001_counter_core", "0002_manifests", "0003_marks_vat_guards", "0004_change_log", "0005_item_life",
              "0006_restores", "0007_secrecy_letters", "0008_inbound",
              "0009_first_attempts")
