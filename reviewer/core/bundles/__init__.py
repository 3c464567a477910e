"""Bundles: review work carried between libraries in one file, and merged back (issue #18).

``format`` defines the file (an SQLite file with a manifest and a checksum) and reads it back
checked; ``export.export_bundle`` writes one from a library; ``merge.merge_bundle`` merges one into
a library in one undoable transaction (the rules are in ``core.store.bundle_merge``) and returns
what it did (``report.MergeReport``). Import the submodules: this package's own import loads
nothing, so the store can use the format and report without a cycle.
"""
