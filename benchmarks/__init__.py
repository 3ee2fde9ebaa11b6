"""Benchmarks: measurements that print their figures."""
