"""The user's configuration: where it is found, what it may say, and how it tailors a catalogue."""
