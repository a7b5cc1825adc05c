"""Reports for supervisors and the province (issue 11): figures over any period, the items behind a
figure, exports, paper and the command line. Nothing here imports Qt."""
