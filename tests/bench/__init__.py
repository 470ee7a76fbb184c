"""Benchmarks (not tests): `invoke bench`. Only test_bench_smoke.py is collected by pytest."""
