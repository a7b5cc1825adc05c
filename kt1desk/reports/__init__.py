"""Reports for supervisors and the province (issue 11): figures over any period, the items behind a
figure, charts, paper, statements, exports and the command line. Nothing here imports Qt.

Nothing here is imported at start-up: matplotlib (``charts``) and reportlab (``paper``) load on first use.
"""
