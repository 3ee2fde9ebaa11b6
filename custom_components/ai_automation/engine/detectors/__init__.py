"""The detectors: each finds one kind of pattern in a `History`, with its backtest."""
