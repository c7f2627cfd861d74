"""``python -m tests.bench``: the benchmark table (see runner.py and docs/performance.md)."""

from tests.bench.runner import main

raise SystemExit(main())
