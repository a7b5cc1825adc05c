"""Reports for supervisors and the province: figures over a period, charts, paper, statements, exports.

Nothing here is imported at start-up: matplotlib (``charts``) and reportlab (``paper``) load on first use.
"""
