"""Scoring eventwire against human-coded data (../shared/eval/README.md says how each suite is scored).

One reader module per dataset format (`gtd`, `acled`, `muc4`, `wikievents`, `rams`,
`geoparsing`; WikiEvents and RAMS share `arguments`), `scoring` for the figures,
`predicted` for reading the pipeline's records the way each dataset codes them,
and `runner` behind `eventwire eval`.
"""
