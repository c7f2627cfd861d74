"""Pure rules of the planning method: plain values in, structured results out.

No database, no Qt, no I/O. Every finding is a :class:`~mktplanner.domain.errors.Problem`
(a field, a code and parameters) or a small frozen dataclass; the presentation layer
turns codes into sentences. Modules:

- :mod:`.dates`       month and ISO-week arithmetic shared by the rules
- :mod:`.validation`  ``validate(table, values)`` for every table, before every write
- :mod:`.smart`       the SMART check of a goal
- :mod:`.goals`       progress, expected progress, off-track flag
- :mod:`.weekly`      capacity, load, next targets, the week's life cycle
- :mod:`.budget`      months of the period, plan vs actual, rollover, bottom-up gap
- :mod:`.control`     control-point status, period bounds, pace
- :mod:`.kpi`         channel KPIs and reallocation hints
- :mod:`.recurrence`  occurrences of a recurring action
"""
