"""The daily analysis inside Home Assistant: schedule, run, detectors' process, outputs."""
