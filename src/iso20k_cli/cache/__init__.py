"""A cache of what a run read, so that a second run on an unchanged folder is fast.

Each evidence file's extraction, its recognition and dated entries, and the parsed
catalogue, are kept in the user's cache folder (never in the evidence folder), keyed by
what decides them: the file's content or identity, the settings that change how it is
read, the catalogue and the tool's own code. An entry that is damaged, from another
version or does not match its key is ignored and rebuilt.

``location`` finds the folder, ``store`` reads and writes entries, ``fingerprint``
identifies the code. Each stage keys and keeps its own kind of entry in its own
package (``evidence.cached``, ``assess.recognised``, ``catalogue.cached``), so this
package sits below all of them.
"""
