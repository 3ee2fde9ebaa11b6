"""The state history the detectors read, and how it is built from the recorder's rows."""
