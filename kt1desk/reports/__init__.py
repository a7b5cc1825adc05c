"""Reports for supervisors and the province (issue 11): figures over any period, the items behind a
figure, exports, paper and the command line. Nothing here imports Qt."""

# Nothing is imported here: matplotlib (``charts``) and reportlab (``paper``) load on first use only.
