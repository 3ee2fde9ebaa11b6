"""The usage record: how each device's capabilities are used, and which go unused."""
