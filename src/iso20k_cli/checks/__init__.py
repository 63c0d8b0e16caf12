"""Check types a catalogue item can declare."""
